using JobBoard.Domain.Postings;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JobBoard.Web.Pages.Jobs;

/// <summary>Search and browse: <c>/jobs?q=&amp;location=&amp;radius=&amp;mode=&amp;type=&amp;category=&amp;level=&amp;salaryMin=&amp;posted=&amp;visa=&amp;sort=&amp;page=</c>.</summary>
[EnableRateLimiting(SearchRateLimit.Policy)]
public sealed class IndexModel(JobSearch search) : PageModel
{
    public static readonly int[] Radii = [10, 25, 40, 50, 100, 200];

    public static readonly int[] PostedWithin = [1, 3, 7, 14, 30];

    public JobSearchRequest Search { get; private set; } = JobSearchRequest.Empty;

    public JobSearchResult Result { get; private set; } = null!;

    public CategoryDirectory Categories { get; private set; } = null!;

    public string Heading { get; private set; } = "Jobs";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Search = JobSearchRequest.From(Request.Query);
        Result = await search.SearchAsync(Search, cancellationToken);
        Categories = await search.CategoriesAsync(cancellationToken);
        Heading = SearchHeading.Describe(Search, Result, Categories);
    }

    public string SearchUrl(JobSearchRequest request, int? page = 1) => "/jobs" + request.ToQueryString(page);

    public string PageUrl(int page) => SearchUrl(Search, page);

    public string SortUrl(SearchSort sort) => "/jobs" + (Search with { Sort = sort }).ToQueryString(1);

    public string Toggle(WorkMode mode) => SearchUrl(Search with { Modes = Toggled(Search.Modes, mode) });

    public string Toggle(EmploymentType type) => SearchUrl(Search with { Types = Toggled(Search.Types, type) });

    public string Toggle(Seniority level) => SearchUrl(Search with { Levels = Toggled(Search.Levels, level) });

    public string ToggleCategory(string slug) => SearchUrl(Search with { Categories = Toggled(Search.Categories, slug) });

    public string FeedUrl => "/feeds/jobs.rss" + (Search with { Page = 1 }).ToQueryString(includeSort: false);

    private static List<T> Toggled<T>(IReadOnlyList<T> values, T value) =>
        values.Contains(value) ? values.Where(v => !EqualityComparer<T>.Default.Equals(v, value)).ToList() : [.. values, value];
}
