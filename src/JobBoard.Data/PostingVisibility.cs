using JobBoard.Domain.Postings;

namespace JobBoard.Data;

/// <summary>
/// Open to the public: published and not past the closing date. The only postings the public sees in lists, search,
/// feeds, sitemaps and recommendations. The rule is <see cref="JobPosting.IsOpen"/>; this is it in the two forms queries
/// need, EF's and SQL's, side by side so that they change together (a test holds all three to the same answers).
/// </summary>
public static class PostingVisibility
{
    /// <summary>The parameter the SQL forms compare closing dates with: today, as the app's clock has it.</summary>
    public const string TodayParameter = "today";

    /// <summary>The rule over postings, in a form EF translates to SQL.</summary>
    public static IQueryable<JobPosting> WhereOpen(this IQueryable<JobPosting> postings, DateOnly today) =>
        postings.Where(p => p.Status == PostingStatus.Published && (p.ValidThrough == null || p.ValidThrough >= today));

    /// <summary>
    /// Postings the public can read at their address (<see cref="JobPosting.HasPublicPage"/>, in a form EF translates):
    /// published, closed or expired. What can be saved, applied to from its page, and linked to.
    /// </summary>
    public static IQueryable<JobPosting> WhereHasPublicPage(this IQueryable<JobPosting> postings) =>
        postings.Where(p => p.Status == PostingStatus.Published || p.Status == PostingStatus.Closed || p.Status == PostingStatus.Expired);

    /// <summary>
    /// SQL: a row of the tables the database derives from postings (<c>posting_search</c>, <c>posting_search_places</c>,
    /// <c>posting_category_places</c>, <c>posting_category_lists</c>), by its alias, whose posting is open. Those tables
    /// hold published postings only, so such a row is open while its closing date has not passed.
    /// </summary>
    public static string OpenSearchRow(string alias) => OpenUntil($"{alias}.valid_through");

    /// <summary>SQL: a closing date (a date column or expression) that has not passed: none, or today or later.</summary>
    public static string OpenUntil(string closingDate) => $"({closingDate} IS NULL OR {closingDate} >= @{TodayParameter})";
}
