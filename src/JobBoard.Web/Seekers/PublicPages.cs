using JobBoard.Domain.Postings;

namespace JobBoard.Web.Seekers;

public static class PublicPages
{
    /// <summary>
    /// Postings the public can read at their address (<see cref="JobPosting.HasPublicPage"/>, in a form EF translates):
    /// the ones that can be saved, and whose "Save job" link leads anywhere.
    /// </summary>
    public static IQueryable<JobPosting> WhereHasPublicPage(this IQueryable<JobPosting> postings) =>
        postings.Where(p => p.Status == PostingStatus.Published || p.Status == PostingStatus.Closed || p.Status == PostingStatus.Expired);
}
