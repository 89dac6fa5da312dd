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

    /// <summary>The widest radius the list offers: what an empty search around a city suggests.</summary>
    public double WidestRadius => Radii[^1];

    public JobSearchRequest Search { get; private set; } = JobSearchRequest.Empty;

    public JobSearchResult Result { get; private set; } = null!;

    public CategoryDirectory Categories { get; private set; } = null!;

    public string Heading { get; private set; } = "Jobs";

    /// <summary>The filters in effect, one removable chip each.</summary>
    public IReadOnlyList<ActiveFilter> Filters { get; private set; } = [];

    /// <summary>The choices of each checkbox facet: the values the matches have, with their counts, and those chosen.</summary>
    public IReadOnlyList<FacetOption> CategoryOptions { get; private set; } = [];

    public IReadOnlyList<FacetOption> ModeOptions { get; private set; } = [];

    public IReadOnlyList<FacetOption> TypeOptions { get; private set; } = [];

    public IReadOnlyList<FacetOption> LevelOptions { get; private set; } = [];

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
        Filters = ActiveFilters.Of(Result, Categories);
        var facets = Result.Facets;
        CategoryOptions = FacetOption.Of(
            facets.Categories.Select(c => (c.Slug, c.Name, c.Count)), Search.Categories.Select(slug => (slug, Categories.BySlug(slug)?.Name ?? slug)));
        ModeOptions = FacetOption.Of(facets.WorkModes, Search.Modes, JobSearchRequest.ModeSlug, m => m.ToDisplay());
        TypeOptions = FacetOption.Of(facets.EmploymentTypes, Search.Types, JobSearchRequest.TypeSlug, t => t.ToDisplay());
        LevelOptions = FacetOption.Of(facets.Levels, Search.Levels, l => l.ToString().ToLowerInvariant(), l => l.ToDisplay());
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

    /// <summary>"Clear all": the same words and sort, no filter.</summary>
    public string ClearAllUrl => SearchUrl(ActiveFilters.Cleared(Search));

    /// <summary>"Save this search": the alert form, with this search (not its page or sort) in its address.</summary>
    public string SaveSearchUrl => "/alerts/new" + (Search with { Page = 1 }).ToQueryString(includeSort: false);

    public string FeedUrl => "/feeds/jobs.rss" + (Search with { Page = 1 }).ToQueryString(includeSort: false);
}

/// <summary>A facet's fieldset: its legend, the query parameter its checkboxes send, and its choices.</summary>
public sealed record FacetFieldset(string Legend, string Name, string TestId, IReadOnlyList<FacetOption> Options);

/// <summary>A checkbox of a facet: its value in the URL, its label, how many matches have it (null when none counted), whether it is chosen.</summary>
public sealed record FacetOption(string Value, string Label, int? Count, bool Selected)
{
    /// <summary>The counted values in their order, then the chosen ones no match has (they stay ticked, so the next search keeps them).</summary>
    public static IReadOnlyList<FacetOption> Of(IEnumerable<(string Value, string Label, int Count)> counted, IEnumerable<(string Value, string Label)> chosen)
    {
        var chosenValues = chosen.ToList();
        var options = counted
            .Select(c => new FacetOption(c.Value, c.Label, c.Count, chosenValues.Any(v => string.Equals(v.Value, c.Value, StringComparison.OrdinalIgnoreCase))))
            .ToList();
        options.AddRange(chosenValues
            .Where(v => !options.Any(o => string.Equals(o.Value, v.Value, StringComparison.OrdinalIgnoreCase)))
            .Select(v => new FacetOption(v.Value, v.Label, null, true)));
        return options;
    }

    public static IReadOnlyList<FacetOption> Of<T>(IEnumerable<FacetCount<T>> counted, IEnumerable<T> chosen, Func<T, string> slug, Func<T, string> label) =>
        Of(counted.Select(c => (slug(c.Value), label(c.Value), c.Count)), chosen.Select(c => (slug(c), label(c))));
}
