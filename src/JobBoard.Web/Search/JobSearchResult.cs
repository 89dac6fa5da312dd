using JobBoard.Web.Listings;

namespace JobBoard.Web.Search;

/// <summary>One page of a search. <paramref name="TotalIsExact"/> is false when more matched than the search counts.</summary>
public sealed record JobSearchResult(
    JobSearchRequest Request,
    int Total,
    bool TotalIsExact,
    IReadOnlyList<JobCard> Hits,
    SearchFacets Facets,
    ResolvedLocation? Location,
    IReadOnlyList<string> TitleSuggestions,
    IReadOnlyList<string> PlaceSuggestions,
    IReadOnlyList<string> Problems)
{
    public int LastPage => LastPageOf(Total, Request.Limit);

    public bool HasNextPage => Request.Page < LastPage;

    /// <summary>What the salary filter and the salary sort compared in: the one asked for, else the searched place's.</summary>
    public string Currency => CountryCurrency.For(Request.Currency, Location);

    /// <summary>The last page of <paramref name="total"/> matches, <paramref name="limit"/> a page: only the first <see cref="JobSearchRequest.MaxResults"/> are paged through.</summary>
    public static int LastPageOf(int total, int limit) => Math.Max(1, (Math.Min(total, JobSearchRequest.MaxResults) + limit - 1) / limit);

    public static JobSearchResult Nothing(JobSearchRequest request, IReadOnlyList<string> problems, ResolvedLocation? location, IReadOnlyList<string> places) =>
        new(request, 0, true, [], SearchFacets.None, location, [], places, problems);
}
