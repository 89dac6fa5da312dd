using System.Linq.Expressions;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Pages.Shared;

/// <summary>A posting as lists show it: title, company, place, when, a salary if the ad gives one, and a snippet.</summary>
public sealed record JobCard(
    int Id,
    string Title,
    string Slug,
    string Company,
    string CompanySlug,
    PostingLocation? MainPlace,
    int PlaceCount,
    WorkMode WorkMode,
    EmploymentType? EmploymentType,
    DateOnly? DatePosted,
    Compensation? Compensation,
    string? Summary)
{
    public static readonly Expression<Func<JobPosting, JobCard>> FromPosting = p => new JobCard(
        p.Id,
        p.Title,
        p.Slug,
        p.Company.Name,
        p.Company.Slug,
        p.Locations.OrderBy(l => l.Position).FirstOrDefault(),
        p.Locations.Count,
        p.WorkMode,
        p.EmploymentType,
        p.DatePosted,
        p.Compensation,
        p.Summary ?? p.CoreResponsibilities);

    public string Url => $"/jobs/{Id}/{Slug}";
}
