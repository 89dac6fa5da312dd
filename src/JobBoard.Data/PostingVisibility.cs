using JobBoard.Domain.Postings;

namespace JobBoard.Data;

public static class PostingVisibility
{
    /// <summary>
    /// Published and not past the closing date: the only postings the public sees in lists, search, feeds and
    /// recommendations. The same rule as <see cref="JobPosting.IsOpen"/>, in a form EF translates to SQL.
    /// </summary>
    public static IQueryable<JobPosting> WhereOpen(this IQueryable<JobPosting> postings, DateOnly today) =>
        postings.Where(p => p.Status == PostingStatus.Published && (p.ValidThrough == null || p.ValidThrough >= today));
}
