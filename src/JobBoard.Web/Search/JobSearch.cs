using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using JobBoard.Data;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Web.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using NpgsqlTypes;

namespace JobBoard.Web.Search;

/// <summary>
/// Runs a <see cref="JobSearchRequest"/>: full-text match (weighted tsvector, English stemming, accents folded),
/// filters, radius around a gazetteer place, facet counts, one page of results with highlighted snippets, and
/// typo-tolerant suggestions when nothing matches. Every search reads <c>posting_search</c>: words and filters are
/// keys of one GIN index over its text vector and <c>filter_keys</c>, intersected inside the index. Counting stops at
/// <see cref="DefaultCountLimit"/>, so a search matching half the board costs what one matching five thousand does. SQL is
/// written out here because the shape of the query (candidate window, grid cells, capped facets) is the point.
/// </summary>
public sealed class JobSearch(JobBoardDbContext db, TimeProvider clock, IMemoryCache cache, IConfiguration configuration)
{
    /// <summary>Relevance ranks at most this many of the newest matches, so a word in every tenth ad still ranks fast.</summary>
    public const int RankingWindow = JobSearchRequest.MaxResults;

    /// <summary>Relevance is divided by 1 + age/this many days: a month-old ad needs twice the text match of today's.</summary>
    public const double RecencyHalfLifeDays = 30;

    /// <summary>
    /// Matches are counted, and facets tallied, up to this many (<c>Search:CountLimit</c>); more show as "5,000+". A
    /// typical search (a job and a filter or place) matches fewer and stays exact; a word in every twentieth ad costs
    /// what 5,000 matches do, about a third less than with 10,000 (docs/benchmarks.md).
    /// </summary>
    public const int DefaultCountLimit = 5_000;

    private readonly int _countLimit = Math.Max(1, configuration.GetValue("Search:CountLimit", DefaultCountLimit));

    private const string CategoriesKey = "search:categories";
    private const string KeysKey = "search:keys";
    private static readonly TimeSpan KeysReloadAtMostEvery = TimeSpan.FromSeconds(5);
    private const string HighlightStart = "\u27E6";
    private const string HighlightStop = "\u27E7";

    public async Task<JobSearchResult> SearchAsync(JobSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Problems.ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var categories = await CategoriesAsync(cancellationToken);
        if (request.Categories.Any(slug => categories.BySlug(slug) is null))
        {
            // A category created since the directory was read (by an import, say) must not filter to nothing.
            categories = await ReloadCategoriesAsync(cancellationToken);
        }

        await using var session = await CustomPlanConnection.OpenAsync(db, cancellationToken);
        var connection = session.Connection;
        var hasWords = request.HasWords && await HasSearchableWordsAsync(connection, request.Q!, cancellationToken);
        if (!hasWords && request.HasWords)
        {
            problems.Add($"“{request.Q}” has no words to search for (only very common words or symbols), so it is left out.");
        }

        var keys = await SearchKeysAsync(cancellationToken);
        var (filter, location, filterProblems) = Filter(keys);
        if (filter.MissedKey && clock.GetUtcNow() - keys.LoadedAt > KeysReloadAtMostEvery)
        {
            // A country, region or value first used since the keys were read: read them again (not on every miss).
            keys = await ReloadSearchKeysAsync(cancellationToken);
            (filter, location, filterProblems) = Filter(keys);
        }

        problems.AddRange(filterProblems);

        (SqlFilter Filter, ResolvedLocation? Location, List<string> Problems) Filter(SearchKeys keys)
        {
            var filterProblems = new List<string>();
            var filter = new SqlFilter(today, keys);
            if (hasWords)
            {
                filter.MatchWords(request.Q!);
            }

            var location = ResolveLocation(request, filter, filterProblems);
            filter.Apply(request, CountryCurrency.For(request.Currency, location), categories, filterProblems);
            return (filter, location, filterProblems);
        }
        if (location is { Found: false })
        {
            var places = await SuggestAsync(connection, 'p', request.Location!, today, cancellationToken);
            return JobSearchResult.Nothing(request, problems, location, places);
        }

        var currency = CountryCurrency.For(request.Currency, location);
        var found = await FindAsync(connection, filter, request, currency, hasWords, cancellationToken);
        var total = Math.Min(found.Counted, _countLimit);
        var lastPage = Math.Max(1, (Math.Min(total, JobSearchRequest.MaxResults) + request.Limit - 1) / request.Limit);
        if (request.Page > lastPage)
        {
            // A page past the end (an old link, a shrunken search) shows the last page rather than nothing.
            request = request with { Page = lastPage };
            found = await FindAsync(connection, filter, request, currency, hasWords, cancellationToken);
        }

        var facets = await FacetsAsync(found.Tallies, categories, () => ReloadCategoriesAsync(cancellationToken));
        var ids = found.Page;
        var highlights = hasWords && ids.Count > 0 ? await HighlightsAsync(connection, ids, request.Q!, cancellationToken) : [];
        var cards = await CardsAsync(ids, cancellationToken);
        var city = location is { Precision: PlacePrecision.City, Place: { } centre } ? SearchedCity.Around(centre, request.RadiusKm) : null;
        var hits = ids.Where(cards.ContainsKey)
            .Select(id => cards[id] with { HighlightHtml = highlights.GetValueOrDefault(id), Near = NearestPlace(cards[id], request, city) })
            .ToList();

        IReadOnlyList<string> titleSuggestions = [];
        if (total == 0 && hasWords)
        {
            titleSuggestions = await SuggestAsync(connection, 't', request.Q!, today, cancellationToken);
        }

        return new JobSearchResult(request, total, found.Counted <= _countLimit, hits, facets, location, titleSuggestions, [], problems);
    }

    /// <summary>The categories by id and slug, read once a minute: a small, rarely changed table every search needs.</summary>
    public Task<CategoryDirectory> CategoriesAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(CategoriesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            entry.SetSize(1).SetPriority(CacheItemPriority.NeverRemove);
            var all = await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new CategoryEntry(c.Id, c.Slug, c.Name)).ToListAsync(cancellationToken);
            return new CategoryDirectory(all);
        })!;

    /// <summary>The numbered filter values of <c>search_keys</c>, read once a minute (a few thousand rows).</summary>
    public Task<SearchKeys> SearchKeysAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(KeysKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            entry.SetSize(1).SetPriority(CacheItemPriority.NeverRemove);
            var loadedAt = clock.GetUtcNow();
            var rows = await db.Database.SqlQuery<SearchKeyRow>($"SELECT id, kind, value FROM search_keys").ToListAsync(cancellationToken);
            return new SearchKeys(rows.ToDictionary(k => (k.Kind, k.Value), k => k.Id), loadedAt);
        })!;

    /// <summary>The currencies of the countries the board has postings in, and the default one, for the salary filter's list.</summary>
    public async Task<IReadOnlyList<string>> CurrenciesAsync(CancellationToken cancellationToken)
    {
        var keys = await SearchKeysAsync(cancellationToken);
        return [.. keys.ValuesOf("country").Select(CountryCurrency.Of).OfType<string>().Append(CountryCurrency.Default).Distinct().Order(StringComparer.Ordinal)];
    }

    private Task<SearchKeys> ReloadSearchKeysAsync(CancellationToken cancellationToken)
    {
        cache.Remove(KeysKey);
        return SearchKeysAsync(cancellationToken);
    }

    private sealed record SearchKeyRow(int Id, string Kind, string Value);

    private Task<CategoryDirectory> ReloadCategoriesAsync(CancellationToken cancellationToken)
    {
        cache.Remove(CategoriesKey);
        return CategoriesAsync(cancellationToken);
    }

    private static ResolvedLocation? ResolveLocation(JobSearchRequest request, SqlFilter filter, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(request.Location))
        {
            return null;
        }

        if (Gazetteer.Default.Match(request.Location) is not { } match)
        {
            problems.Add($"We don't know a place called \"{request.Location}\".");
            return new ResolvedLocation(request.Location, null, null, false);
        }

        var place = match.Place;
        switch (match.Precision)
        {
            case PlacePrecision.City:
                // A city's districts are the city: a district is searched as its city, whose own places count at any radius.
                var city = SearchedCity.Around(place, request.RadiusKm);
                filter.WithinRadius(city);
                return new ResolvedLocation(request.Location, city.Centre, match.Precision, true);
            case PlacePrecision.Region:
                filter.InRegion(place.CountryCode, place.Region);
                return new ResolvedLocation(request.Location, place, match.Precision, true);
            default:
                filter.InCountry(place.CountryCode);
                return new ResolvedLocation(request.Location, place, match.Precision, true);
        }
    }

    /// <summary>"the and of" are all stop words: such a query matches nothing, so it is treated as no words at all.</summary>
    private static async Task<bool> HasSearchableWordsAsync(NpgsqlConnection connection, string q, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT numnode(websearch_to_tsquery('jobboard', @q)) > 0", connection);
        command.Parameters.AddWithValue("q", q);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Counts the matches (up to one past the count limit), tallies their facets and picks the requested page, in one
    /// statement, so that the matched rows are read once. Where the matches fit under the limit, the page is sorted from
    /// those rows: by date or salary directly, by relevance after the newest of them fetch their text vectors by key.
    /// Beyond the limit it is read from the whole search (newest first through the date index). A radius search without
    /// words reads the places in the cells around the circle from one index instead (<see cref="SqlFilter.UsesPlaceCells"/>).
    /// </summary>
    private async Task<Found> FindAsync(
        NpgsqlConnection connection, SqlFilter filter, JobSearchRequest request, string currency, bool hasWords, CancellationToken cancellationToken)
    {
        var sort = request.EffectiveSort == SearchSort.Relevance && !hasWords ? SearchSort.Date : request.EffectiveSort;
        var order = sort == SearchSort.Salary
            ? "(salary_currency = @currency AND salary_yearly IS NOT NULL) DESC, salary_yearly DESC NULLS LAST, date_posted DESC, posting_id DESC"
            : "date_posted DESC, posting_id DESC";
        const string PageRow = "SELECT 2, 0, NULL, NULL, NULL, NULL, posting_id";
        // The count is taken once (a CTE read twice is computed once) and serves the total and the page gates.
        var tallies = $"""
            , counted AS (SELECT count(*)::int AS n FROM m)
            SELECT 0 AS kind, n, NULL::text AS mode, NULL::text AS type, NULL::text AS level, NULL::int[] AS categories, NULL::int AS id
            FROM counted
            UNION ALL
            SELECT 1, count(*)::int, work_mode, employment_type, seniority, category_ids, NULL
            FROM (SELECT * FROM m LIMIT {_countLimit}) f
            GROUP BY work_mode, employment_type, seniority, category_ids
            """;
        string sql;
        if (filter.UsesPlaceCells)
        {
            // Every match is in m (the index hands them all over cheaply), so the count is exact and the page is m's.
            sql = $"""
                WITH m AS MATERIALIZED ({filter.PlaceRows})
                {tallies}
                UNION ALL ({PageRow} FROM m ORDER BY {order} OFFSET @offset LIMIT @limit)
                """;
        }
        else
        {
            var pageOfMatches = sort == SearchSort.Relevance
                ? $"""
                    SELECT c.posting_id FROM (SELECT posting_id, date_posted FROM m ORDER BY date_posted DESC, posting_id DESC LIMIT {RankingWindow}) c
                    JOIN posting_search d ON d.posting_id = c.posting_id
                    ORDER BY {Relevance("d.document", "c.date_posted")} DESC, c.date_posted DESC, c.posting_id DESC
                    OFFSET @offset LIMIT @limit
                    """
                : $"SELECT posting_id FROM m ORDER BY {order} OFFSET @offset LIMIT @limit";
            var pageOfAll = sort == SearchSort.Relevance
                // The newest matches form the window relevance ranks: ts_rank reads each vector, so it must not see 100,000 of them.
                ? $"""
                    SELECT posting_id FROM (
                        SELECT s.posting_id, s.date_posted, s.document FROM {filter.Rows}
                        ORDER BY s.date_posted DESC, s.posting_id DESC LIMIT {RankingWindow}) candidates
                    ORDER BY {Relevance("document", "date_posted")} DESC, date_posted DESC, posting_id DESC
                    OFFSET @offset LIMIT @limit
                    """
                : $"SELECT posting_id FROM {filter.Rows} ORDER BY {order} OFFSET @offset LIMIT @limit";

            // The two pages are gated on the count (one-time filters): only one of them runs.
            sql = $"""
                WITH m AS MATERIALIZED (
                    SELECT s.posting_id, s.date_posted, s.work_mode, s.employment_type, s.seniority, s.category_ids, s.salary_currency, s.salary_yearly
                    FROM {filter.Rows} LIMIT {_countLimit + 1})
                {tallies}
                UNION ALL ({PageRow} FROM ({pageOfMatches}) page WHERE (SELECT n FROM counted) <= {_countLimit})
                UNION ALL ({PageRow} FROM ({pageOfAll}) page WHERE (SELECT n FROM counted) > {_countLimit})
                """;
        }

        await using var command = filter.Command(sql, connection);
        command.Parameters.AddWithValue("offset", request.Offset);
        command.Parameters.AddWithValue("limit", request.Limit);
        if (sort == SearchSort.Salary && !command.Parameters.Contains("currency"))
        {
            command.Parameters.AddWithValue("currency", currency);
        }

        var counted = 0;
        var tallied = new List<FacetTally>();
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
                    tallied.Add(new FacetTally(
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

        return new Found(counted, tallied, page);
    }

    private static string Relevance(string document, string datePosted) =>
        $"ts_rank({document}, websearch_to_tsquery('jobboard', @q), 1) / (1.0 + (@today - {datePosted}) / "
        + $"{RecencyHalfLifeDays.ToString("0.0##", CultureInfo.InvariantCulture)})";

    /// <summary>The facets of the counted matches, from their tallies by (work mode, type, level, categories).</summary>
    private static async Task<SearchFacets> FacetsAsync(
        IReadOnlyList<FacetTally> tallies, CategoryDirectory categories, Func<Task<CategoryDirectory>> reloadCategories)
    {
        var modes = new Dictionary<WorkMode, int>();
        var types = new Dictionary<EmploymentType, int>();
        var levels = new Dictionary<Seniority, int>();
        var categoryCounts = new Dictionary<int, int>();
        foreach (var tally in tallies)
        {
            if (Enum.TryParse<WorkMode>(tally.Mode, out var mode))
            {
                modes[mode] = modes.GetValueOrDefault(mode) + tally.Count;
            }

            if (Enum.TryParse<EmploymentType>(tally.Type, out var type))
            {
                types[type] = types.GetValueOrDefault(type) + tally.Count;
            }

            if (Enum.TryParse<Seniority>(tally.Level, out var level))
            {
                levels[level] = levels.GetValueOrDefault(level) + tally.Count;
            }

            foreach (var category in tally.Categories)
            {
                categoryCounts[category] = categoryCounts.GetValueOrDefault(category) + tally.Count;
            }
        }

        if (categoryCounts.Keys.Any(id => categories.ById(id) is null))
        {
            categories = await reloadCategories();
        }

        return new SearchFacets(
            [.. categoryCounts
                .Select(c => categories.ById(c.Key) is { } category ? new CategoryFacet(category.Slug, category.Name, c.Value) : null)
                .OfType<CategoryFacet>()
                .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)],
            [.. modes.OrderBy(m => m.Key).Select(m => new FacetCount<WorkMode>(m.Key, m.Value))],
            [.. types.OrderBy(t => t.Key).Select(t => new FacetCount<EmploymentType>(t.Key, t.Value))],
            [.. levels.OrderBy(l => l.Key).Select(l => new FacetCount<Seniority>(l.Key, l.Value))]);
    }

    /// <summary>How many of the counted matches share a work mode, type, level and list of categories.</summary>
    private sealed record FacetTally(int Count, string Mode, string? Type, string? Level, int[] Categories);

    /// <summary>What <see cref="FindAsync"/> read: the count (one past the limit means more), the tallies and the page.</summary>
    private sealed record Found(int Counted, IReadOnlyList<FacetTally> Tallies, List<int> Page);

    /// <summary>The parts of each summary the words matched, HTML-encoded with the matches in &lt;mark&gt;.</summary>
    private static async Task<Dictionary<int, string>> HighlightsAsync(
        NpgsqlConnection connection, List<int> ids, string q, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT p.id, ts_headline('jobboard', coalesce(p.summary, p.core_responsibilities, p.title), websearch_to_tsquery('jobboard', @q),
                   'StartSel={HighlightStart}, StopSel={HighlightStop}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
            FROM job_postings p WHERE p.id = ANY (@ids)
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("q", q);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var highlights = new Dictionary<int, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = reader.GetString(1);
            if (text.Contains(HighlightStart, StringComparison.Ordinal))
            {
                highlights[reader.GetInt32(0)] = MarkUp(text);
            }
        }

        return highlights;
    }

    private static string MarkUp(string headline)
    {
        var encoded = new StringBuilder(WebUtility.HtmlEncode(headline.Replace('\n', ' ')));
        encoded.Replace(HighlightStart, "<mark>").Replace(HighlightStop, "</mark>");
        return encoded.ToString();
    }

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

    /// <summary>
    /// Titles or places of open postings that look like what was typed (pg_trgm word similarity), most alike first, then
    /// the most used; titles that differ only in case are one suggestion, spelt as most postings spell it.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SuggestAsync(
        NpgsqlConnection connection, char kind, string typed, DateOnly today, CancellationToken cancellationToken)
    {
        // Word similarity 0.4 lets one wrong letter in a short word through ("nurce" → "Nurse"); the default 0.6 does not.
        // SET LOCAL lasts until the end of this command's implicit transaction, so the pooled connection keeps the default.
        const string sql = """
            SET LOCAL pg_trgm.word_similarity_threshold = 0.4;
            SELECT term FROM (
                SELECT DISTINCT ON (lower(term)) term, similarity, postings FROM (
                    SELECT term, word_similarity(@typed, term) AS similarity,
                           (SELECT sum(n) FROM unnest(open_until, postings) AS u(until, n) WHERE until >= @today) AS postings
                    FROM search_suggestions
                    -- Closing dates ascend: a term is open while its last one is not past.
                    WHERE kind = @kind AND @typed <% term AND open_until[cardinality(open_until)] >= @today) open
                ORDER BY lower(term), postings DESC, term) spelt
            ORDER BY similarity DESC, postings DESC, term
            LIMIT 5
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("kind", NpgsqlDbType.Char, kind.ToString());
        command.Parameters.AddWithValue("typed", typed);
        command.Parameters.AddWithValue("today", today);
        var terms = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            terms.Add(reader.GetString(0));
        }

        return terms;
    }

    /// <summary>
    /// The rows a search matches. <see cref="Rows"/> is the <c>posting_search</c> form, a FROM item named <c>s</c>: words
    /// and every filter but salary and date become conditions on the one GIN index over (document, filter_keys), so
    /// they are intersected inside it, one group of keys per filter, any key of a group matching. <see cref="PlaceRows"/>
    /// is the form a radius search without words takes: the places in the 0.25° cells around the circle, filtered on the
    /// values <c>ix_posting_search_places_cell</c> holds beside each cell, one row per posting.
    /// </summary>
    private sealed class SqlFilter(DateOnly today, SearchKeys keys)
    {
        private readonly List<string> _conditions = ["(s.valid_through IS NULL OR s.valid_through >= @today)"];
        private readonly List<string> _placeConditions = ["(p.valid_through IS NULL OR p.valid_through >= @today)"];
        private readonly List<NpgsqlParameter> _parameters = [new NpgsqlParameter("today", today)];
        private readonly List<NpgsqlParameter> _placeParameters = [];
        private readonly List<int> _allOf = [];
        private readonly List<int[]> _anyOf = [];
        private bool _hasWords;
        private IReadOnlyList<int>? _placeCells;
        private bool _cityBeyondRadius;

        /// <summary>A filter named a value no key was found for (it may be newer than the keys read).</summary>
        public bool MissedKey { get; private set; }

        /// <summary>A radius small enough for the fine cells, and no words: <see cref="PlaceRows"/> answers it.</summary>
        public bool UsesPlaceCells => !_hasWords && _placeCells is not null;

        public string Rows
        {
            get
            {
                var conditions = new List<string>(_conditions);
                if (_allOf.Count > 0)
                {
                    conditions.Add("s.filter_keys @> @allOf");
                }

                conditions.AddRange(_anyOf.Select((_, i) => $"s.filter_keys && @anyOf{i}"));
                return $"(SELECT s.* FROM posting_search s WHERE {string.Join("\n  AND ", conditions)}) s";
            }
        }

        /// <summary>
        /// One row per matching posting, with the columns the count, facets and sorts need: each posting's first place
        /// inside the circle (a later one counts only when no earlier one is inside).
        /// </summary>
        public string PlaceRows => $"""
            SELECT p.posting_id, p.date_posted, p.work_mode, p.employment_type, p.seniority, p.category_ids, p.salary_currency, p.salary_yearly
            FROM posting_search_places p
            WHERE p.cell = ANY (@cells) AND {string.Join("\n  AND ", _placeConditions)}
              AND {PlaceFound("p")}
              AND (p.position = 0 OR NOT EXISTS (
                  SELECT 1 FROM posting_search_places e
                  WHERE e.posting_id = p.posting_id AND e.position < p.position AND e.latitude IS NOT NULL
                    AND {PlaceFound("e")}))
            """;

        public void MatchWords(string q)
        {
            _hasWords = true;
            Add("s.document @@ websearch_to_tsquery('jobboard', @q)", "q", q);
        }

        public void WithinRadius(SearchedCity city)
        {
            // The grid cells around the centre find the candidates in the index, out to the city's own farthest places;
            // the great-circle distance (on earthdistance's sphere) to the row's own places trims them to the circle,
            // unless a place is the city itself. Most postings have one place, which is checked without unnesting the arrays.
            var (latitude, longitude) = (city.Centre.Latitude, city.Centre.Longitude);
            KeyGroup(SearchKeys.CellsAround(latitude, longitude, city.ReachKm * 1000));
            _placeCells = SearchKeys.FineCellsAround(latitude, longitude, city.ReachKm * 1000);
            var withinRadius = $"""
                CASE WHEN cardinality(s.latitudes) = 1 THEN {Haversine("s.latitudes[1]", "s.longitudes[1]")} <= @haversine
                     ELSE EXISTS (SELECT 1 FROM unnest(s.latitudes, s.longitudes) AS pt(lat, lon)
                                  WHERE {Haversine("pt.lat", "pt.lon")} <= @haversine) END
                """;
            _cityBeyondRadius = city.ReachesBeyondRadius;
            // The bound on position makes the city test a probe of the primary key for the few rows outside the radius:
            // correlated by equality alone, PostgreSQL would hash every place row of the table instead.
            _conditions.Add(_cityBeyondRadius
                ? $"""
                    ({withinRadius}
                     OR EXISTS (SELECT 1 FROM posting_search_places c
                                WHERE c.posting_id = s.posting_id AND c.position < cardinality(s.latitudes) AND {InCity("c")}))
                    """
                : withinRadius);
            _parameters.Add(new NpgsqlParameter("lat", latitude));
            _parameters.Add(new NpgsqlParameter("lon", longitude));
            _parameters.Add(new NpgsqlParameter("cosLat", Math.Cos(latitude * Math.PI / 180)));
            _parameters.Add(new NpgsqlParameter("haversine", SearchKeys.HaversineWithin(city.RadiusKm * 1000)));
            if (_cityBeyondRadius)
            {
                _parameters.Add(new NpgsqlParameter("cityReach", SearchKeys.HaversineWithin(city.ReachKm * 1000)));
                _parameters.Add(new NpgsqlParameter("cityCountry", city.Centre.CountryCode));
                _parameters.Add(new NpgsqlParameter("cityRegion", city.Region));
                _parameters.Add(new NpgsqlParameter("cityNames", city.Names.ToArray()));
            }

            _placeParameters.Add(new NpgsqlParameter("cells", _placeCells?.ToArray() ?? []));
        }

        /// <summary>A place row (by its alias) within the radius, or one of the searched city's own places (<see cref="SearchedCity.Contains"/>).</summary>
        private string PlaceFound(string place) =>
            _cityBeyondRadius
                ? $"({Haversine($"{place}.latitude", $"{place}.longitude")} <= @haversine OR {InCity(place)})"
                : $"{Haversine($"{place}.latitude", $"{place}.longitude")} <= @haversine";

        private static string InCity(string place) =>
            $"({place}.city = ANY (@cityNames) AND {place}.country_code = @cityCountry AND coalesce({place}.region, '') = @cityRegion"
            + $" AND {Haversine($"{place}.latitude", $"{place}.longitude")} <= @cityReach)";

        /// <summary>
        /// The haversine of the angle between a point and the centre (sin²(Δφ/2) + cos φ₀ cos φ sin²(Δλ/2)): a point is
        /// within the radius when it is at most <see cref="SearchKeys.HaversineWithin"/> of it, with no square root or
        /// arc sine per row.
        /// </summary>
        private static string Haversine(string latitude, string longitude) =>
            $"(power(sin(radians({latitude} - @lat) / 2), 2) + @cosLat * cos(radians({latitude})) * power(sin(radians({longitude} - @lon) / 2), 2))";

        public void InRegion(string countryCode, string region) => KeyGroup([keys.Region(countryCode, region)]);

        public void InCountry(string countryCode) => KeyGroup([keys.Find("country", countryCode)]);

        public NpgsqlCommand Command(string sql, NpgsqlConnection connection)
        {
            var command = new NpgsqlCommand(sql, connection);
            foreach (var parameter in UsesPlaceCells ? _parameters.Concat(_placeParameters) : _parameters)
            {
                command.Parameters.Add(parameter.Clone());
            }

            if (!UsesPlaceCells && _allOf.Count > 0)
            {
                command.Parameters.AddWithValue("allOf", _allOf.ToArray());
            }

            for (var i = 0; !UsesPlaceCells && i < _anyOf.Count; i++)
            {
                command.Parameters.AddWithValue($"anyOf{i}", _anyOf[i]);
            }

            return command;
        }

        private void KeyGroup(IReadOnlyCollection<int> group)
        {
            MissedKey |= group.Contains(SearchKeys.Nothing);
            if (group.Count == 1)
            {
                _allOf.Add(group.First());
            }
            else
            {
                _anyOf.Add([.. group]);
            }
        }

        private void Add(string condition, string name, object value)
        {
            _conditions.Add(condition);
            _parameters.Add(new NpgsqlParameter(name, value));
        }

        /// <summary>A filter on a column the places index holds: any of the values may match.</summary>
        private void PlaceColumnIn(string column, string name, string[] values)
        {
            _placeConditions.Add($"p.{column} = ANY (@{name})");
            _placeParameters.Add(new NpgsqlParameter(name, values));
        }

        public void Apply(JobSearchRequest request, string currency, CategoryDirectory categories, List<string> problems)
        {
            if (request.Modes.Count > 0)
            {
                KeyGroup([.. request.Modes.Select(m => keys.Find("mode", m.ToString()))]);
                PlaceColumnIn("work_mode", "modes", [.. request.Modes.Select(m => m.ToString())]);
            }

            if (request.Types.Count > 0)
            {
                KeyGroup([.. request.Types.Select(t => keys.Find("type", t.ToString()))]);
                PlaceColumnIn("employment_type", "types", [.. request.Types.Select(t => t.ToString())]);
            }

            if (request.Levels.Count > 0)
            {
                KeyGroup([.. request.Levels.Select(l => keys.Find("level", l.ToString()))]);
                PlaceColumnIn("seniority", "levels", [.. request.Levels.Select(l => l.ToString())]);
            }

            if (request.Categories.Count > 0)
            {
                var ids = new List<int>();
                foreach (var slug in request.Categories)
                {
                    if (categories.BySlug(slug) is { } category)
                    {
                        ids.Add(category.Id);
                    }
                    else
                    {
                        problems.Add($"There is no category \"{slug}\".");
                    }
                }

                // Categories asked for that do not exist still narrow the search: to nothing, rather than to everything.
                KeyGroup(ids.Count > 0 ? [.. ids.Select(SearchKeys.Category)] : [SearchKeys.Nothing]);
                _placeConditions.Add("p.category_ids && @categoryIds");
                _placeParameters.Add(new NpgsqlParameter("categoryIds", ids.ToArray()));
            }

            if (request.SalaryMin is { } salaryMin)
            {
                Add("s.salary_currency = @currency AND s.salary_yearly >= @salaryMin", "salaryMin", salaryMin);
                _placeConditions.Add("p.salary_currency = @currency AND p.salary_yearly >= @salaryMin");
                _parameters.Add(new NpgsqlParameter("currency", currency));
            }

            if (request.PostedWithinDays is { } days)
            {
                Add("s.date_posted >= @postedSince", "postedSince", DateOnly.FromDayNumber(today.DayNumber - days));
                _placeConditions.Add("p.date_posted >= @postedSince");
            }

            if (request.VisaSponsorship)
            {
                KeyGroup([keys.Find("visa", "true")]);
                _placeConditions.Add("p.visa_sponsorship");
            }
        }
    }
}

public sealed record CategoryEntry(int Id, string Slug, string Name);

public sealed class CategoryDirectory(IReadOnlyList<CategoryEntry> categories)
{
    private readonly Dictionary<int, CategoryEntry> _byId = categories.ToDictionary(c => c.Id);
    private readonly Dictionary<string, CategoryEntry> _bySlug = categories.ToDictionary(c => c.Slug, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<CategoryEntry> All => categories;

    public CategoryEntry? ById(int id) => _byId.GetValueOrDefault(id);

    public CategoryEntry? BySlug(string slug) => _bySlug.GetValueOrDefault(slug);
}

/// <summary>Where a search's location text led: a city (searched by radius), a region, a country, or nowhere.</summary>
public sealed record ResolvedLocation(string Text, Place? Place, PlacePrecision? Precision, bool Found)
{
    public string Description => Place is null
        ? Text
        : Precision switch
        {
            PlacePrecision.City => string.Join(", ", new[] { Place.Name, Place.Region, Place.CountryName }.Where(p => !string.IsNullOrEmpty(p)).Distinct()),
            PlacePrecision.Region => $"{Place.Region}, {Place.CountryName}",
            _ => Place.CountryName,
        };
}

public sealed record FacetCount<T>(T Value, int Count);

public sealed record CategoryFacet(string Slug, string Name, int Count);

public sealed record SearchFacets(
    IReadOnlyList<CategoryFacet> Categories,
    IReadOnlyList<FacetCount<WorkMode>> WorkModes,
    IReadOnlyList<FacetCount<EmploymentType>> EmploymentTypes,
    IReadOnlyList<FacetCount<Seniority>> Levels)
{
    public static SearchFacets None { get; } = new([], [], [], []);
}

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
    public int LastPage => Math.Clamp((Math.Min(Total, JobSearchRequest.MaxResults) + Request.Limit - 1) / Request.Limit, 1, int.MaxValue);

    public bool HasNextPage => Request.Page < LastPage;

    /// <summary>What the salary filter and the salary sort compared in: the one asked for, else the searched place's.</summary>
    public string Currency => CountryCurrency.For(Request.Currency, Location);

    public static JobSearchResult Nothing(JobSearchRequest request, IReadOnlyList<string> problems, ResolvedLocation? location, IReadOnlyList<string> places) =>
        new(request, 0, true, [], SearchFacets.None, location, [], places, problems);
}
