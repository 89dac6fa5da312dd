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
    IReadOnlyList<PostingLocation> Places,
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
        p.Locations.OrderBy(l => l.Position).ToList(),
        p.WorkMode,
        p.EmploymentType,
        p.DatePosted,
        p.Compensation,
        p.Summary ?? p.CoreResponsibilities);

    /// <summary>For a search: the matched part of the text, already HTML-encoded with the matches in &lt;mark&gt;.</summary>
    public string? HighlightHtml { get; init; }

    public string Url => $"/jobs/{Id}/{Slug}";

    public PostingLocation? MainPlace => Places.Count > 0 ? Places[0] : null;

    public int PlaceCount => Places.Count;
}
