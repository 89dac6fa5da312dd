using JobBoard.Data;
using JobBoard.Domain.Applications;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Applications;

/// <summary>An application with its posting (settable properties: EF composes queries over a member initializer, not a constructor).</summary>
public sealed class ApplicationOfPosting
{
    public required JobApplication Application { get; init; }

    public required JobPosting Posting { get; init; }
}

/// <summary>
/// The one way the recruiter area reads applications: those to one company's postings. Its pages start here, so an
/// application of another company is simply not found.
/// </summary>
public static class CompanyApplications
{
    public static IQueryable<ApplicationOfPosting> Of(JobBoardDbContext db, int companyId) =>
        db.JobApplications
            .Join(db.Postings, a => a.PostingId, p => p.Id, (a, p) => new ApplicationOfPosting { Application = a, Posting = p })
            .Where(x => x.Posting.CompanyId == companyId);

    /// <summary>How many applications of the company nobody has looked at yet (the dashboard's count).</summary>
    public static IQueryable<JobApplication> New(JobBoardDbContext db, int companyId) =>
        Of(db, companyId).Where(x => x.Application.Status == ApplicationStatus.New).Select(x => x.Application);
}
