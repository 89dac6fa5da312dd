using System.Globalization;
using JobBoard.Data;
using JobBoard.Domain.Places;
using Npgsql;

namespace JobBoard.Web.Search;

/// <summary>
/// A search as one SQL statement over <c>posting_search</c>. <see cref="Rows"/> is the rows it matches, a FROM item
/// named <c>s</c>: words and every filter but salary and date become conditions on the one GIN index over (document,
/// filter_keys), so they are intersected inside it, one group of keys per filter, any key of a group matching.
/// <see cref="PlaceRows"/> is the form a radius search without words takes: the places in the 0.25° cells around the
/// circle, filtered on the values <c>ix_posting_search_places_cell</c> holds beside each cell, one row per posting.
/// <see cref="FindCommand"/> counts, tallies and pages them. Built without the database, from the request and the
/// directories; the SQL is written out because its shape (candidate window, grid cells, capped facets) is the point.
/// </summary>
public sealed class SearchSql
{
    /// <summary>Relevance ranks at most this many of the newest matches, so a word in every tenth ad still ranks fast.</summary>
    public const int RankingWindow = JobSearchRequest.MaxResults;

    /// <summary>The default of <c>Search:ReadOnceLimit</c>, the most matches a search reads at once (<see cref="ReadOnceUpTo"/>).</summary>
    public const int DefaultReadOnceLimit = 100_000;

    /// <summary>Relevance is divided by 1 + age/this many days: a month-old ad needs twice the text match of today's.</summary>
    public const double RecencyHalfLifeDays = 30;

    private readonly DateOnly _today;
    private readonly SearchKeys _keys;
    private readonly List<string> _conditions = [PostingVisibility.OpenSearchRow("s")];
    private readonly List<string> _placeConditions = [PostingVisibility.OpenSearchRow("p")];
    private readonly List<NpgsqlParameter> _parameters;
    private readonly List<NpgsqlParameter> _placeParameters = [];
    private readonly List<int> _allOf = [];
    private readonly List<int[]> _anyOf = [];
    private bool _hasWords;
    private IReadOnlyList<int>? _placeCells;
    private bool _cityBeyondRadius;

    private SearchSql(DateOnly today, SearchKeys keys)
    {
        _today = today;
        _keys = keys;
        _parameters = [new NpgsqlParameter(PostingVisibility.TodayParameter, today)];
    }

    /// <summary>A filter named a value no key was found for (it may be newer than the keys read).</summary>
    public bool MissedKey { get; private set; }

    /// <summary>A radius small enough for the fine cells, and no words: <see cref="PlaceRows"/> answers it.</summary>
    public bool UsesPlaceCells => !_hasWords && _placeCells is not null;

    /// <summary>
    /// The statement for <paramref name="request"/>: its words when <paramref name="hasWords"/> (PostgreSQL found some
    /// to search for), the place it resolved to, and its filters. A category that does not exist adds a problem.
    /// </summary>
    /// <param name="candidates">
    /// When given, only these postings can match: an alert asks which of the postings changed since its last look the
    /// search finds (<see cref="MatchCommand"/>), with the same conditions on either form of the rows.
    /// </param>
    public static SearchSql For(
        JobSearchRequest request, bool hasWords, ResolvedLocation? location, CategoryDirectory categories, SearchKeys keys, DateOnly today,
        ICollection<string> problems, IReadOnlyCollection<int>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(keys);
        var sql = new SearchSql(today, keys);
        if (candidates is not null)
        {
            sql._conditions.Add("s.posting_id = ANY (@candidates)");
            sql._placeConditions.Add("p.posting_id = ANY (@candidates)");
            sql._parameters.Add(new NpgsqlParameter("candidates", candidates.ToArray()));
        }

        if (hasWords)
        {
            sql._hasWords = true;
            sql.Add("s.document @@ websearch_to_tsquery('jobboard', @q)", "q", request.Q!);
        }

        switch (location)
        {
            case { City: { } city }:
                sql.WithinRadius(city);
                break;
            case { Found: true, Precision: PlacePrecision.Region, Place: { } region }:
                sql.KeyGroup([keys.Region(region.CountryCode, region.Region)]);
                break;
            case { Found: true, Place: { } country }:
                sql.KeyGroup([keys.Find("country", country.CountryCode)]);
                break;
        }

        sql.Filter(request, CountryCurrency.For(request.Currency, location), categories, problems);
        return sql;
    }

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

    /// <summary>
    /// The sort that applies: relevance only with words to rank by (without them, newest first), else the one asked for.
    /// </summary>
    public SearchSort Sort(JobSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.EffectiveSort == SearchSort.Relevance && !_hasWords ? SearchSort.Date : request.EffectiveSort;
    }

    /// <summary>
    /// Counts the matches (up to one past <paramref name="countLimit"/>), tallies their facets and picks the requested
    /// page, in one statement, so that the matched rows are read once. Its rows are (kind, n, mode, type, level,
    /// categories, id): kind 0 is the count, 1 a facet tally of n matches, 2 a posting of the page, in order. Up to
    /// <paramref name="readOnce"/> matches are read once; the count and the facets take the first of them up to the limit,
    /// and when they are all the matches, the page is sorted from them: by date or salary directly, by relevance after
    /// the newest 1,000 of them fetch their text vectors by key. A search matching more reads its page from the whole
    /// search (newest first through the date index). A radius search without words reads the places in the cells around
    /// the circle from one index instead (<see cref="UsesPlaceCells"/>).
    /// </summary>
    /// <param name="readOnce">
    /// How many matches to read at most in one pass (at least <paramref name="countLimit"/> + 1 are): when that is all
    /// of them, the page comes from them. A keyword in a big city (nurse around New York: 11,000 matches) reads its
    /// matches once rather than 5,001 and then all of them again; a common word is better read to one past the count
    /// limit and then newest first through the date index for its page. The caller picks it from PostgreSQL's estimate
    /// (<see cref="ExpectedMatchesBatch"/>, <see cref="ReadOnceUpTo"/>); it changes the work, never the results.
    /// </param>
    public NpgsqlCommand FindCommand(JobSearchRequest request, string currency, int countLimit, int readOnce = 0)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sort = Sort(request);
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
            FROM (SELECT * FROM m LIMIT {countLimit}) f
            GROUP BY work_mode, employment_type, seniority, category_ids
            """;
        string sql;
        if (UsesPlaceCells)
        {
            // Every match is in m (the index hands them all over cheaply), so the count is exact and the page is m's.
            sql = $"""
                WITH m AS MATERIALIZED ({PlaceRows})
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
                        SELECT s.posting_id, s.date_posted, s.document FROM {Rows}
                        ORDER BY s.date_posted DESC, s.posting_id DESC LIMIT {RankingWindow}) candidates
                    ORDER BY {Relevance("document", "date_posted")} DESC, date_posted DESC, posting_id DESC
                    OFFSET @offset LIMIT @limit
                    """
                : $"SELECT posting_id FROM {Rows} ORDER BY {order} OFFSET @offset LIMIT @limit";

            // Up to `wide` matches are read, in whatever order the plan finds them (a LIMIT with no ORDER BY never scans
            // further than it must), and the count and facets take the first of them. When they are all the matches, the
            // page is sorted from them; only a search matching more reads again, for its page.
            var wide = Math.Max(countLimit, readOnce);

            // The two pages are gated on the count (one-time filters): only one of them runs.
            sql = $"""
                WITH m AS MATERIALIZED (
                    SELECT s.posting_id, s.date_posted, s.work_mode, s.employment_type, s.seniority, s.category_ids, s.salary_currency, s.salary_yearly
                    FROM {Rows} LIMIT {wide + 1})
                {tallies}
                UNION ALL ({PageRow} FROM ({pageOfMatches}) page WHERE (SELECT n FROM counted) <= {wide})
                UNION ALL ({PageRow} FROM ({pageOfAll}) page WHERE (SELECT n FROM counted) > {wide})
                """;
        }

        var command = RowsCommand(sql);
        command.Parameters.AddWithValue("offset", request.Offset);
        command.Parameters.AddWithValue("limit", request.Limit);
        if (sort == SearchSort.Salary && !command.Parameters.Contains("currency"))
        {
            command.Parameters.AddWithValue("currency", currency);
        }

        return command;
    }

    /// <summary>
    /// How many matches <see cref="FindCommand"/> should read at once for a search PostgreSQL expects to match
    /// <paramref name="expectedMatches"/> of <paramref name="searchablePostings"/>, or 0 to read one past the count limit
    /// and then its page newest first. Reading a match costs about what going past a posting newest first through the
    /// date index does; reading once reads every match (a), the other way reads the count limit (c = limit + 1) and then
    /// about <see cref="RankingWindow"/> (W) ÷ the share matching, W·N/a. Once is cheaper while a² ≤ c·a + W·N, up to
    /// a = (c + √(c² + 4·W·N)) / 2: 32,600 matches of 900,000 postings, 12,300 of 90,000, 54,500 of 2,700,000
    /// (pharmacist at 900,000: 16,000 matches, the page's read went through 54,000 postings). A third more than that is
    /// read, for estimates that were low, up to <paramref name="cap"/>.
    /// </summary>
    public static int ReadOnceUpTo(double expectedMatches, double searchablePostings, int countLimit, int cap)
    {
        var counted = countLimit + 1.0;
        var postings = Math.Max(searchablePostings, expectedMatches);
        var breakEven = (counted + Math.Sqrt((counted * counted) + (4.0 * RankingWindow * postings))) / 2;
        return expectedMatches <= breakEven ? (int)Math.Min(cap, Math.Ceiling(breakEven * 4 / 3)) : 0;
    }

    /// <summary>
    /// The plan of the rows a search matches (<c>EXPLAIN (FORMAT JSON)</c>), then PostgreSQL's count of searchable
    /// postings (<c>reltuples</c>), in one round trip: what <see cref="ReadOnceUpTo"/> weighs. Null for a radius search
    /// without words, which has one shape.
    /// </summary>
    public NpgsqlBatch? ExpectedMatchesBatch()
    {
        if (UsesPlaceCells)
        {
            return null;
        }

        using var plan = RowsCommand($"EXPLAIN (FORMAT JSON) SELECT 1 FROM {Rows}");
        var explain = new NpgsqlBatchCommand(plan.CommandText);
        foreach (NpgsqlParameter parameter in plan.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        return new NpgsqlBatch
        {
            BatchCommands = { explain, new NpgsqlBatchCommand("SELECT reltuples::float8 FROM pg_class WHERE oid = 'posting_search'::regclass") },
        };
    }

    /// <summary>
    /// Every matching posting's id, newest first, with no count, facets or page: what an alert mails out of its
    /// candidates (<see cref="For"/>), read from the same rows as the search page's.
    /// </summary>
    public NpgsqlCommand MatchCommand() => RowsCommand(UsesPlaceCells
        ? $"SELECT m.posting_id FROM ({PlaceRows}) m ORDER BY m.date_posted DESC, m.posting_id DESC"
        : $"SELECT s.posting_id FROM {Rows} ORDER BY s.date_posted DESC, s.posting_id DESC");

    /// <summary>A command of <paramref name="sql"/> with the parameters of the rows it reads (<see cref="Rows"/> or <see cref="PlaceRows"/>).</summary>
    private NpgsqlCommand RowsCommand(string sql)
    {
        var command = new NpgsqlCommand(sql);
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

    private static string Relevance(string document, string datePosted) =>
        $"ts_rank({document}, websearch_to_tsquery('jobboard', @q), 1) / (1.0 + (@{PostingVisibility.TodayParameter} - {datePosted}) / "
        + $"{RecencyHalfLifeDays.ToString("0.0##", CultureInfo.InvariantCulture)})";

    private void WithinRadius(SearchedCity city)
    {
        // The grid cells around the centre find the candidates in the index, out to the city's own farthest places;
        // the great-circle distance (on earthdistance's sphere) to the row's own places trims them to the circle,
        // unless a place is the city itself. The first place has columns of its own: the arrays are read only for a
        // posting whose first place is outside the circle.
        var (latitude, longitude) = (city.Centre.Latitude, city.Centre.Longitude);
        KeyGroup(SearchKeys.CellsAround(latitude, longitude, city.ReachKm * 1000));
        _placeCells = SearchKeys.FineCellsAround(latitude, longitude, city.ReachKm * 1000);
        var withinRadius = $"""
            ({Haversine("s.latitude", "s.longitude")} <= @haversine
             OR (cardinality(s.latitudes) > 1 AND EXISTS (SELECT 1 FROM unnest(s.latitudes[2:], s.longitudes[2:]) AS pt(lat, lon)
                                                          WHERE {Haversine("pt.lat", "pt.lon")} <= @haversine)))
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

    private void Filter(JobSearchRequest request, string currency, CategoryDirectory categories, ICollection<string> problems)
    {
        if (request.Modes.Count > 0)
        {
            KeyGroup([.. request.Modes.Select(m => _keys.Find("mode", m.ToString()))]);
            PlaceColumnIn("work_mode", "modes", [.. request.Modes.Select(m => m.ToString())]);
        }

        if (request.Types.Count > 0)
        {
            KeyGroup([.. request.Types.Select(t => _keys.Find("type", t.ToString()))]);
            PlaceColumnIn("employment_type", "types", [.. request.Types.Select(t => t.ToString())]);
        }

        if (request.Levels.Count > 0)
        {
            KeyGroup([.. request.Levels.Select(l => _keys.Find("level", l.ToString()))]);
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
            Add("s.date_posted >= @postedSince", "postedSince", DateOnly.FromDayNumber(_today.DayNumber - days));
            _placeConditions.Add("p.date_posted >= @postedSince");
        }

        if (request.VisaSponsorship)
        {
            KeyGroup([_keys.Find("visa", "true")]);
            _placeConditions.Add("p.visa_sponsorship");
        }
    }
}
