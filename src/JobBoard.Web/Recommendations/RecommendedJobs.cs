using System.Data;
using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Recommendations;
using JobBoard.Web.Listings;
using JobBoard.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace JobBoard.Web.Recommendations;

/// <summary>
/// The postings related to one (or several) a job seeker read: candidates are narrowed with indexes — the nearest
/// places in the same categories (GiST nearest-neighbour on (category, point)), the nearest places of any kind, and
/// the newest postings in its categories, remote ones open to the subject's country among them — then scored and
/// ranked by <see cref="RecommendationScorer"/>. Results are cached for a minute, so a new, closed or edited posting shows
/// within that.
/// </summary>
public sealed class RecommendedJobs(
    JobBoardDbContext db, TimeProvider clock, IMemoryCache cache, PostingCaches caches, BoardDirectories directories, CategoryEvidenceCounts categoryEvidence)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    /// <summary>How many nearest postings each of the subject's places contributes, per kind of candidate.</summary>
    private const int NearestSameCategory = 120;
    private const int NearestAny = 40;
    private const int RemoteOpenHere = 40;
    private const int NewestSameCategory = 40;

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The recommendations under one posting, or null when it has no public page (unknown, a draft, under review or
    /// rejected), so that callers need no query of their own to tell.
    /// </summary>
    public Task<IReadOnlyList<Recommendation>?> ForPostingAsync(int postingId, int limit, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync($"recommendations:{postingId}:{limit}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            entry.SetSize(1).AddExpirationToken(caches.Token);
            return ListAsync([postingId], limit, cancellationToken);
        });

    /// <summary>Recommendations for several postings at once (what a seeker viewed and saved): each candidate counts at its best.</summary>
    public async Task<IReadOnlyList<Recommendation>> ForPostingsAsync(IReadOnlyCollection<int> postingIds, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postingIds);
        return await ListAsync(postingIds, limit, cancellationToken) ?? [];
    }

    /// <summary>Null when none of the postings has a public page.</summary>
    private async Task<IReadOnlyList<Recommendation>?> ListAsync(IReadOnlyCollection<int> postingIds, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        // What comes from the cache first (or from reads of its own), so that the list's statements then follow each
        // other on one connection without a trip through the pool.
        var evidence = await categoryEvidence.CurrentAsync(cancellationToken);
        var categories = await directories.CategoriesAsync(cancellationToken);
        var keys = await directories.SearchKeysAsync(cancellationToken);

        // Every statement of a list is an index-driven nearest-neighbour or range scan or a lookup by key whatever the
        // values, so a generic plan serves each. Left to choose, PostgreSQL plans them every time: a generic plan guesses
        // ten elements for each array parameter, and so looks dearer than one made for the actual values. The setting is
        // SET LOCAL in the list's own transaction, sent with its first statement (as is BEGIN), and ends when the
        // transaction is rolled back at the end (nothing is written): connections return to the pool as they are.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return await ListAsync(connection, postingIds, limit, evidence, categories, keys, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<IReadOnlyList<Recommendation>?> ListAsync(
        NpgsqlConnection connection, IReadOnlyCollection<int> postingIds, int limit, IReadOnlyDictionary<int, CategoryEvidence> evidence,
        CategoryDirectory categories, SearchKeys keys, CancellationToken cancellationToken)
    {
        var subjects = await SubjectsAsync(connection, postingIds, cancellationToken);
        if (subjects.Count == 0)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var best = new Dictionary<int, ScoredRecommendation>();
        var positions = new Dictionary<int, int[]>();
        foreach (var (subject, title, skillNames) in subjects)
        {
            var candidates = await CandidatesAsync(connection, subject, title, [.. postingIds], today, keys, positions, cancellationToken);
            var scorer = new RecommendationScorer(evidence, id => categories.ById(id)?.Name, id => skillNames.GetValueOrDefault(id));
            foreach (var candidate in candidates)
            {
                if (scorer.Score(subject, candidate) is { } scored
                    && (!best.TryGetValue(candidate.PostingId, out var kept) || scored.Score > kept.Score))
                {
                    best[candidate.PostingId] = scored;
                }
            }
        }

        var top = RecommendationScorer.Rank(best.Values, limit);
        var ids = top.Select(r => r.PostingId).ToList();
        var cards = await db.Postings.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(JobCard.FromPosting).ToDictionaryAsync(c => c.Id, cancellationToken);
        return
        [
            .. top.Where(r => cards.ContainsKey(r.PostingId)).Select(r =>
            {
                var card = cards[r.PostingId];
                var place = r.PlaceIndex is { } index ? card.Places.FirstOrDefault(p => p.Position == positions[r.PostingId][index]) : null;
                return new Recommendation(card, Math.Round(r.Score, 4), r.Reasons, place ?? card.MainPlace);
            }),
        ];
    }

    /// <summary>The postings to recommend for (published, closed or expired ones: their pages still list recommendations), with their skills' names.</summary>
    private static async Task<List<(RecommendationSubject Subject, string Title, Dictionary<int, string> SkillNames)>> SubjectsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<int> postingIds, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT p.title, p.work_mode, p.applicant_countries,
                   ARRAY(SELECT pc.category_id FROM posting_categories pc WHERE pc.posting_id = p.id ORDER BY pc.position),
                   coalesce(skills.ids, '{}'), coalesce(skills.names, '{}'),
                   coalesce(places.cities, '{}'), coalesce(places.regions, '{}'), coalesce(places.countries, '{}'),
                   coalesce(places.latitudes, '{}'), coalesce(places.longitudes, '{}')
            FROM job_postings p
            LEFT JOIN LATERAL (
                SELECT array_agg(s.id ORDER BY ps.position) AS ids, array_agg(s.name ORDER BY ps.position) AS names
                FROM posting_skills ps JOIN skills s ON s.id = ps.skill_id WHERE ps.posting_id = p.id) skills ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(l.city ORDER BY l.position) AS cities, array_agg(l.region ORDER BY l.position) AS regions,
                       array_agg(l.country_code ORDER BY l.position) AS countries,
                       array_agg(l.latitude ORDER BY l.position) AS latitudes, array_agg(l.longitude ORDER BY l.position) AS longitudes
                FROM posting_locations l WHERE l.posting_id = p.id) places ON true
            WHERE p.id = ANY (@ids) AND p.status IN ('Published', 'Closed', 'Expired')
            """;
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { new NpgsqlBatchCommand("SET LOCAL plan_cache_mode = force_generic_plan"), new NpgsqlBatchCommand(sql) },
        };
        batch.BatchCommands[1].Parameters.AddWithValue("ids", postingIds.ToArray());
        var subjects = new List<(RecommendationSubject, string, Dictionary<int, string>)>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var skillIds = reader.GetFieldValue<int[]>(4);
            var skillNames = reader.GetFieldValue<string[]>(5);
            var cities = reader.GetFieldValue<string[]>(6);
            var regions = reader.GetFieldValue<string?[]>(7);
            var countries = reader.GetFieldValue<string[]>(8);
            var latitudes = reader.GetFieldValue<double[]>(9);
            var longitudes = reader.GetFieldValue<double[]>(10);
            var places = cities.Select((city, i) => new RecommendationPlace(city, regions[i], countries[i], latitudes[i], longitudes[i])).ToList();
            var subject = new RecommendationSubject(
                places, Enum.Parse<WorkMode>(reader.GetString(1)), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<int[]>(3), skillIds);
            subjects.Add((subject, reader.GetString(0), skillIds.Zip(skillNames).ToDictionary(skill => skill.First, skill => skill.Second)));
        }

        return subjects;
    }

    /// <summary>The candidates for one subject; <paramref name="positions"/> gets each one's place positions, in the order of its places.</summary>
    private static async Task<List<RecommendationCandidate>> CandidatesAsync(
        NpgsqlConnection connection, RecommendationSubject subject, string title, int[] exclude, DateOnly today, SearchKeys keys,
        Dictionary<int, int[]> positions, CancellationToken cancellationToken)
    {
        var hasCategories = subject.CategoryIds.Count > 0;
        var branches = new List<string>();
        static string Open(string alias) => $"{PostingVisibility.OpenSearchRow(alias)} AND {alias}.posting_id <> ALL (@exclude)";
        if (subject.Places.Count > 0)
        {
            // The subject's places as earthdistance points, worked out here: ll_to_earth is an SQL function PostgreSQL
            // cannot inline (its result is a domain), so each statement would plan and run its body as a query of its own.
            const string SubjectPoints = "unnest(@xs, @ys, @zs) AS sp(x, y, z) CROSS JOIN LATERAL (SELECT cube(ARRAY[sp.x, sp.y, sp.z]) AS point) here";

            // Nearest-neighbour scans on GiST indexes of the stored points stop as soon as enough postings are found;
            // the one on (category, point) walks only postings of that category. Per place: the nearest that share any
            // of the subject's categories (the nearest of each category, merged), and the nearest of any kind.
            if (hasCategories)
            {
                branches.Add($"""
                    SELECT n.posting_id FROM {SubjectPoints} CROSS JOIN LATERAL (
                        SELECT q.posting_id FROM unnest(@categories) AS cat(id) CROSS JOIN LATERAL (
                            SELECT p.posting_id, p.earth <-> here.point AS distance FROM posting_category_places p
                            WHERE p.category_id = cat.id AND {Open("p")}
                            ORDER BY distance LIMIT {NearestSameCategory}) q
                        ORDER BY q.distance LIMIT {NearestSameCategory}) n
                    """);
            }

            branches.Add($"""
                SELECT n.posting_id FROM {SubjectPoints} CROSS JOIN LATERAL (
                    SELECT p.posting_id FROM posting_search_places p
                    WHERE p.earth IS NOT NULL AND {Open("p")}
                    ORDER BY p.earth <-> here.point LIMIT {NearestAny}) n
                """);
        }

        if (subject.Countries.Count > 0 && !hasCategories)
        {
            branches.Add($"""
                (SELECT s.posting_id FROM posting_search s WHERE s.filter_keys && @remoteKeys AND {Open("s")}
                 ORDER BY s.date_posted DESC, s.posting_id DESC LIMIT {RemoteOpenHere})
                """);
        }

        if (hasCategories)
        {
            // The newest postings of each category (remote key 0) and, when the subject has a country, the newest remote
            // postings of each category open to it: B-tree range scans of just the rows wanted. Remote postings in other
            // categories are left to the nearest-place candidates: with no category in common they rank low anyway.
            branches.Add($"""
                SELECT n.posting_id FROM unnest(@categories) AS cat(id) CROSS JOIN LATERAL (
                    SELECT l.posting_id FROM posting_category_lists l WHERE l.remote_key = 0 AND l.category_id = cat.id AND {Open("l")}
                    ORDER BY l.date_posted DESC, l.posting_id DESC LIMIT {NewestSameCategory}) n
                """);
            if (subject.Countries.Count > 0)
            {
                branches.Add($"""
                    SELECT n.posting_id FROM unnest(@remoteKeys) AS rk(key) CROSS JOIN unnest(@categories) AS cat(id) CROSS JOIN LATERAL (
                        SELECT l.posting_id FROM posting_category_lists l WHERE l.remote_key = rk.key AND l.category_id = cat.id AND {Open("l")}
                        ORDER BY l.date_posted DESC, l.posting_id DESC LIMIT {RemoteOpenHere}) n
                    """);
            }
        }

        if (branches.Count == 0)
        {
            return [];
        }

        // Each candidate's features come from its own narrow rows in posting_search_places: the posting's on every row
        // (its title only at position 0), one row per place. The places are compared by RecommendationScorer,
        // the titles by TitleTrigrams as pg_trgm would, which spares PostgreSQL a similarity() per row (docs/benchmarks.md).
        var sql = $"""
            WITH candidates AS ({string.Join("\nUNION\n", branches)})
            SELECT l.posting_id, l.position, l.latitude, l.longitude, l.city, l.region, l.country_code, l.work_mode,
                   l.applicant_countries, l.category_ids, l.skill_ids, CASE WHEN l.position = 0 THEN l.title END,
                   @today - l.date_posted
            FROM candidates c
            JOIN posting_search_places l ON l.posting_id = c.posting_id
            """;

        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(PostingVisibility.TodayParameter, today);
        command.Parameters.AddWithValue("exclude", exclude);
        command.Parameters.AddWithValue("categories", subject.CategoryIds.ToArray());
        command.Parameters.AddWithValue("remoteKeys", subject.Countries.Select(country => keys.Find("remote", country)).ToArray());
        var points = subject.Places.Select(place => SearchKeys.EarthPoint(place.Latitude, place.Longitude)).ToList();
        command.Parameters.AddWithValue("xs", points.Select(point => point.X).ToArray());
        command.Parameters.AddWithValue("ys", points.Select(point => point.Y).ToArray());
        command.Parameters.AddWithValue("zs", points.Select(point => point.Z).ToArray());

        var subjectTitle = TitleTrigrams.Of(title);
        var rows = new Dictionary<int, CandidateRows>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                // One row per place of a candidate (one without places when it has none); the posting's own features
                // are the same on each, and its title comes only with position 0.
                var postingId = reader.GetInt32(0);
                if (!rows.TryGetValue(postingId, out var candidate))
                {
                    rows[postingId] = candidate = new CandidateRows(
                        Enum.Parse<WorkMode>(reader.GetString(7)), reader.GetFieldValue<string[]>(8), reader.GetFieldValue<int[]>(9),
                        reader.GetFieldValue<int[]>(10), reader.GetInt32(12));
                }

                if (!reader.IsDBNull(11))
                {
                    candidate.TitleSimilarity = subjectTitle.SimilarityTo(TitleTrigrams.Of(reader.GetString(11)));
                }

                if (!reader.IsDBNull(2))
                {
                    candidate.Places.Add((reader.GetInt32(1), new RecommendationPlace(
                        reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetDouble(2), reader.GetDouble(3))));
                }
            }
        }

        var candidates = new List<RecommendationCandidate>(rows.Count);
        foreach (var (postingId, c) in rows)
        {
            c.Places.Sort((a, b) => a.Position.CompareTo(b.Position));
            positions[postingId] = [.. c.Places.Select(p => p.Position)];
            candidates.Add(new RecommendationCandidate(
                postingId, [.. c.Places.Select(p => p.Place)], c.WorkMode, c.ApplicantCountries, c.CategoryIds, c.SkillIds, c.TitleSimilarity, c.AgeDays));
        }

        return candidates;
    }

    private sealed record CandidateRows(WorkMode WorkMode, string[] ApplicantCountries, int[] CategoryIds, int[] SkillIds, int AgeDays)
    {
        public List<(int Position, RecommendationPlace Place)> Places { get; } = new(1);

        public double TitleSimilarity { get; set; }
    }
}

/// <summary>
/// A recommended posting as lists show it, with its score, the reasons for it, and the place to show: the one of its
/// places that matched (its first when none did).
/// </summary>
public sealed record Recommendation(JobCard Card, double Score, IReadOnlyList<string> Reasons, PostingLocation? Place);
