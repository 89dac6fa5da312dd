using System.Text.Json;
using JobBoard.Data;
using JobBoard.Domain.Places;
using JobBoard.Web.Listings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobBoard.Web.Search;

/// <summary>
/// Runs a <see cref="JobSearchRequest"/>: full-text match (weighted tsvector, English stemming, accents folded),
/// filters, radius around a gazetteer place, facet counts, one page of results with highlighted snippets, and
/// typo-tolerant suggestions when nothing matches. The statement is <see cref="SearchSql"/>'s; this runs it, with the
/// highlights and suggestions, in one transaction planned for each statement's own values (<see cref="CustomPlanConnection"/>),
/// and makes the cards. Counting stops at <see cref="DefaultCountLimit"/>, so a search matching half the board costs
/// what one matching five thousand does.
/// </summary>
public sealed class JobSearch(JobBoardDbContext db, TimeProvider clock, BoardDirectories directories, IConfiguration configuration)
{
    /// <summary>
    /// Matches are counted, and facets tallied, up to this many (<c>Search:CountLimit</c>); more show as "5,000+". A
    /// typical search (a job and a filter or place) matches fewer and stays exact; a word in every twentieth ad costs
    /// what 5,000 matches do (the comparison with other limits is in docs/benchmarks.md).
    /// </summary>
    public const int DefaultCountLimit = 5_000;

    private readonly int _countLimit = Math.Max(1, configuration.GetValue("Search:CountLimit", DefaultCountLimit));

    /// <summary>
    /// The most matches a search reads at once (<c>Search:ReadOnceLimit</c>, <see cref="SearchSql.ReadOnceUpTo"/>); 0
    /// reads one past the count limit always, and then the page.
    /// </summary>
    private readonly int _readOnceLimit = Math.Max(0, configuration.GetValue("Search:ReadOnceLimit", SearchSql.DefaultReadOnceLimit));

    public async Task<JobSearchResult> SearchAsync(JobSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Problems.ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var categories = await CategoriesForAsync(request, cancellationToken);

        var keys = await directories.SearchKeysAsync(cancellationToken);
        var locationProblems = new List<string>();
        var location = ResolvedLocation.Of(request, locationProblems);

        await using var session = await CustomPlanConnection.BeginAsync(db, cancellationToken);
        var connection = session.Connection;
        var hasWords = request.HasWords && await HasSearchableWordsAsync(connection, request.Q!, cancellationToken);
        if (!hasWords && request.HasWords)
        {
            problems.Add($"“{request.Q}” has no words to search for (only very common words or symbols), so it is left out.");
        }

        problems.AddRange(locationProblems);
        var sql = await StatementAsync(request, hasWords, location, categories, keys, today, problems, candidates: null, cancellationToken);
        if (location is { Found: false })
        {
            var places = await SearchSuggestions.PlacesAsync(connection, request.Location!, today, cancellationToken);
            return JobSearchResult.Nothing(request, problems, location, places);
        }

        var currency = CountryCurrency.For(request.Currency, location);
        var readOnce = await ReadOnceAsync(connection, sql, cancellationToken);
        var found = await FindAsync(connection, sql, request, currency, readOnce, cancellationToken);
        var total = Math.Min(found.Counted, _countLimit);
        var lastPage = JobSearchResult.LastPageOf(total, request.Limit);
        if (request.Page > lastPage)
        {
            // A page past the end (an old link, a shrunken search) shows the last page rather than nothing, and says so.
            if (total > 0)
            {
                problems.Add($"The page asked for is past the end of these results: they end on page {lastPage}, shown here.");
            }

            request = request with { Page = lastPage };
            found = await FindAsync(connection, sql, request, currency, readOnce, cancellationToken);
        }

        if (found.Tallies.SelectMany(t => t.Categories).Any(id => categories.ById(id) is null))
        {
            categories = await directories.ReloadCategoriesAsync(cancellationToken);
        }

        var facets = SearchFacets.From(found.Tallies, categories);
        var ids = found.Page;
        var highlights = hasWords && ids.Count > 0 ? await SearchHighlights.ReadAsync(connection, ids, request.Q!, cancellationToken) : [];
        var cards = await CardsAsync(ids, cancellationToken);
        var hits = ids.Where(cards.ContainsKey)
            .Select(id => cards[id] with { HighlightHtml = highlights.GetValueOrDefault(id), Near = NearestPlace(cards[id], request, location?.City) })
            .ToList();

        IReadOnlyList<string> titleSuggestions = [];
        if (total == 0 && hasWords)
        {
            titleSuggestions = await SearchSuggestions.TitlesAsync(connection, request.Q!, today, cancellationToken);
        }

        return new JobSearchResult(request, total, found.Counted <= _countLimit, hits, facets, location, titleSuggestions, [], problems);
    }

    /// <summary>
    /// Which of <paramref name="candidates"/> <paramref name="request"/> finds, newest first: the search page's own
    /// statement (words, place and radius, filters, open postings only) restricted to those postings. An alert's
    /// candidates are the postings changed since its last look; a search for an unknown place finds nothing.
    /// </summary>
    public async Task<IReadOnlyList<int>> MatchAsync(JobSearchRequest request, IReadOnlyCollection<int> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);
        var location = ResolvedLocation.Of(request, []);
        if (candidates.Count == 0 || location is { Found: false })
        {
            return [];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var categories = await CategoriesForAsync(request, cancellationToken);

        var keys = await directories.SearchKeysAsync(cancellationToken);
        await using var session = await CustomPlanConnection.BeginAsync(db, cancellationToken);
        var hasWords = request.HasWords && await HasSearchableWordsAsync(session.Connection, request.Q!, cancellationToken);
        var sql = await StatementAsync(request, hasWords, location, categories, keys, today, [], candidates, cancellationToken);
        await using var command = sql.MatchCommand();
        command.Connection = session.Connection;
        var matched = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            matched.Add(reader.GetInt32(0));
        }

        return matched;
    }

    /// <summary>The category directory, read again when the request names a category it lacks.</summary>
    private async Task<CategoryDirectory> CategoriesForAsync(JobSearchRequest request, CancellationToken cancellationToken)
    {
        var categories = await directories.CategoriesAsync(cancellationToken);
        // A category created since the directory was read (by an import, say) must not filter to nothing.
        return request.Categories.Any(slug => categories.BySlug(slug) is null)
            ? await directories.ReloadCategoriesAsync(cancellationToken)
            : categories;
    }

    /// <summary>The statement of a search, with its problems added to <paramref name="problems"/>.</summary>
    private async Task<SearchSql> StatementAsync(
        JobSearchRequest request, bool hasWords, ResolvedLocation? location, CategoryDirectory categories, SearchKeys keys, DateOnly today,
        List<string> problems, IReadOnlyCollection<int>? candidates, CancellationToken cancellationToken)
    {
        var sqlProblems = new List<string>();
        var sql = SearchSql.For(request, hasWords, location, categories, keys, today, sqlProblems, candidates);
        if (sql.MissedKey && await directories.FresherSearchKeysAsync(keys, cancellationToken) is var fresher && fresher != keys)
        {
            // A country, region or value first used since the keys were read.
            sqlProblems.Clear();
            sql = SearchSql.For(request, hasWords, location, categories, fresher, today, sqlProblems, candidates);
        }

        problems.AddRange(sqlProblems);
        return sql;
    }

    /// <summary>"the and of" are all stop words: such a query matches nothing, so it is treated as no words at all.</summary>
    private static async Task<bool> HasSearchableWordsAsync(NpgsqlConnection connection, string q, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT numnode(websearch_to_tsquery('jobboard', @q)) > 0", connection);
        command.Parameters.AddWithValue("q", q);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// How many of its matches the search reads at once (<see cref="SearchSql.ReadOnceUpTo"/>), from PostgreSQL's estimate;
    /// asked once per search, also when a page past the end has the last page read after it.
    /// </summary>
    private async Task<int> ReadOnceAsync(NpgsqlConnection connection, SearchSql sql, CancellationToken cancellationToken)
    {
        if (_readOnceLimit == 0 || sql.ExpectedMatchesBatch() is not { } estimate)
        {
            return 0;
        }

        await using (estimate)
        {
            estimate.Connection = connection;
            await using var estimated = await estimate.ExecuteReaderAsync(cancellationToken);
            await estimated.ReadAsync(cancellationToken);
            using var plan = JsonDocument.Parse(estimated.GetString(0));
            var expected = plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
            await estimated.NextResultAsync(cancellationToken);
            var postings = await estimated.ReadAsync(cancellationToken) ? estimated.GetDouble(0) : 0;
            return SearchSql.ReadOnceUpTo(expected, postings, _countLimit, _readOnceLimit);
        }
    }

    /// <summary>Runs <see cref="SearchSql.FindCommand"/> and reads its count, tallies and page.</summary>
    private async Task<Found> FindAsync(
        NpgsqlConnection connection, SearchSql sql, JobSearchRequest request, string currency, int readOnce, CancellationToken cancellationToken)
    {
        await using var command = sql.FindCommand(request, currency, _countLimit, readOnce);
        command.Connection = connection;
        var counted = 0;
        var tallies = new List<FacetTally>();
        var page = new List<int>(request.Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            switch (reader.GetInt32(0))
            {
                case 0:
                    counted = reader.GetInt32(1);
                    break;
                case 1:
                    tallies.Add(new FacetTally(
                        reader.GetInt32(1),
                        reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.GetFieldValue<int[]>(5)));
                    break;
                default:
                    // Page rows come in their order: each page is the sorted output of its own branch.
                    page.Add(reader.GetInt32(6));
                    break;
            }
        }

        return new Found(counted, tallies, page);
    }

    /// <summary>What <see cref="FindAsync"/> read: the count (one past the limit means more), the tallies and the page.</summary>
    private sealed record Found(int Counted, IReadOnlyList<FacetTally> Tallies, List<int> Page);

    private async Task<Dictionary<int, JobCard>> CardsAsync(List<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await db.Postings.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(JobCard.FromPosting).ToDictionaryAsync(c => c.Id, cancellationToken);

    /// <summary>
    /// In a radius search, the card's place that put it there: a place of the searched city (one of its districts), else
    /// the one nearest the centre. A posting in Houston and Chicago found around Chicago shows Chicago.
    /// </summary>
    private static NearPlace? NearestPlace(JobCard card, JobSearchRequest request, SearchedCity? city)
    {
        if (city is null || card.Places.Count == 0)
        {
            return null;
        }

        var centre = city.Centre;
        var own = card.Places.FirstOrDefault(city.Contains);
        var place = own ?? card.Places.MinBy(p => GeoDistance.Kilometres(centre.Latitude, centre.Longitude, p.Latitude, p.Longitude))!;
        var kilometres = GeoDistance.Kilometres(centre.Latitude, centre.Longitude, place.Latitude, place.Longitude);
        return request.Unit == DistanceUnit.Mi
            ? new NearPlace(place, kilometres / GeoDistance.KilometresPerMile, "mi", centre.Name, own is not null)
            : new NearPlace(place, kilometres, "km", centre.Name, own is not null);
    }
}
