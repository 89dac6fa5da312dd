using JobBoard.Domain.Postings;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JobBoard.Web.Pages.Jobs;

/// <summary>Search and browse: <c>/jobs?q=&amp;location=&amp;radius=&amp;mode=&amp;type=&amp;category=&amp;level=&amp;salaryMin=&amp;posted=&amp;visa=&amp;sort=&amp;page=</c>.</summary>
[EnableRateLimiting(RateLimits.Searches)]
[JobBoard.Web.Pages.Shared.CanonicalQuery("q", "location", "radius", "unit", "mode", "type", "category", "level", "salaryMin", "currency", "posted", "visa", "page")]
public sealed class IndexModel(JobSearch search, BoardDirectories directories) : PageModel
{
    /// <summary>The distances the radius list offers, in either unit; each unit's default is among them.</summary>
    public static readonly double[] Radii = [10, 25, 40, 50, 100, 200];

    public static readonly int[] PostedWithin = [1, 3, 7, 14, 30];

    public JobSearchRequest Search { get; private set; } = JobSearchRequest.Empty;

    public JobSearchResult Result { get; private set; } = null!;

    public CategoryDirectory Categories { get; private set; } = null!;

    public string Heading { get; private set; } = "Jobs";

    /// <summary>The currencies the salary filter offers: those of the countries with postings, and the one asked for.</summary>
    public IReadOnlyList<string> Currencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (WithoutEmptyParameters(Request.Query) is { } filled)
        {
            // The search form sends every field, filled or not (search-form.js leaves the empty ones out where scripts
            // run): the search's own address names only what was asked.
            return Redirect("/jobs" + QueryString.Create(filled).ToUriComponent());
        }

        Search = JobSearchRequestParser.Parse(Request.Query);
        Result = await search.SearchAsync(Search, cancellationToken);
        Categories = await directories.CategoriesAsync(cancellationToken);
        Heading = SearchHeading.Describe(Search, Result, Categories);
        var currencies = await directories.CurrenciesAsync(cancellationToken);
        Currencies = Search.Currency is { } chosen && !currencies.Contains(chosen) ? [.. currencies.Append(chosen).Order(StringComparer.Ordinal)] : currencies;
        return Page();
    }

    /// <summary>The query's non-empty values, in order, when it has empty ones; null when it has none.</summary>
    private static List<KeyValuePair<string, string?>>? WithoutEmptyParameters(IQueryCollection query)
    {
        if (!query.Any(p => p.Value.Any(string.IsNullOrWhiteSpace)))
        {
            return null;
        }

        return [.. query.SelectMany(p => p.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => KeyValuePair.Create(p.Key, v)))];
    }

    /// <summary>
    /// The radius list: the usual distances and the one in effect (<c>radius=7</c> from a link), each once, so that the
    /// next search from the form keeps the radius the results were found with.
    /// </summary>
    public IReadOnlyList<double> RadiusChoices => [.. Radii.Append(Search.EffectiveRadius).Distinct().Order()];

    public string SearchUrl(JobSearchRequest request, int? page = 1) => "/jobs" + request.ToQueryString(page);

    public string PageUrl(int page) => SearchUrl(Search, page);

    public string SortUrl(SearchSort sort) => "/jobs" + (Search with { Sort = sort }).ToQueryString(1);

    public string Toggle(WorkMode mode) => SearchUrl(Search with { Modes = Toggled(Search.Modes, mode) });

    public string Toggle(EmploymentType type) => SearchUrl(Search with { Types = Toggled(Search.Types, type) });

    public string Toggle(Seniority level) => SearchUrl(Search with { Levels = Toggled(Search.Levels, level) });

    public string ToggleCategory(string slug) => SearchUrl(Search with { Categories = Toggled(Search.Categories, slug) });

    /// <summary>"Save this search": the alert form, with this search (not its page or sort) in its address.</summary>
    public string SaveSearchUrl => "/alerts/new" + (Search with { Page = 1 }).ToQueryString(includeSort: false);

    public string FeedUrl => "/feeds/jobs.rss" + (Search with { Page = 1 }).ToQueryString(includeSort: false);

    private static List<T> Toggled<T>(IReadOnlyList<T> values, T value) =>
        values.Contains(value) ? values.Where(v => !EqualityComparer<T>.Default.Equals(v, value)).ToList() : [.. values, value];
}
