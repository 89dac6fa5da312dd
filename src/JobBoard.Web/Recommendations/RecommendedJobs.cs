using System.Data;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Recommendations;
using JobBoard.Web.Data;
using JobBoard.Web.Pages.Shared;
using JobBoard.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace JobBoard.Web.Recommendations;

/// <summary>
/// The postings related to one (or several) a job seeker read: candidates are narrowed with indexes — the nearest
/// places in the same categories (GiST nearest-neighbour on (category, point)), the nearest places of any kind, and
/// the newest postings in its categories, remote ones open to the subject's country among them — then scored by
/// <see cref="RecommendationScorer"/>. Results are cached for a minute, so a new, closed or edited posting shows
/// within that.
/// </summary>
public sealed class RecommendedJobs(JobBoardDbContext db, TimeProvider clock, IMemoryCache cache, JobSearch search)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    /// <summary>How many nearest postings each of the subject's places contributes, per kind of candidate.</summary>
    private const int NearestSameCategory = 150;
    private const int NearestAny = 40;
    private const int RemoteOpenHere = 60;
    private const int NewestSameCategory = 60;

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    public Task<IReadOnlyList<Recommendation>> ForPostingAsync(int postingId, int limit, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync($"recommendations:{postingId}:{limit}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return ForPostingsAsync([postingId], limit, cancellationToken);
        })!;

    /// <summary>Recommendations for several postings at once (what a seeker viewed and saved): each candidate counts at its best.</summary>
    public async Task<IReadOnlyList<Recommendation>> ForPostingsAsync(IReadOnlyCollection<int> postingIds, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postingIds);
        limit = Math.Clamp(limit, 1, MaxLimit);
        var subjects = await SubjectsAsync(postingIds, cancellationToken);
        if (subjects.Count == 0)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rarity = await CategoryRarityAsync(cancellationToken);
        var categories = await search.CategoriesAsync(cancellationToken);
        var keys = await search.SearchKeysAsync(cancellationToken);
        var skillNames = new Dictionary<int, string>();
        var best = new Dictionary<int, ScoredRecommendation>();
        foreach (var (subject, title) in subjects)
        {
            var candidates = await CandidatesAsync(subject, title, [.. postingIds], today, keys, cancellationToken);
            if (candidates.Count == 0)
            {
                continue;
            }

            await AddSkillNamesAsync(skillNames, subject.SkillIds, cancellationToken);
            var scorer = new RecommendationScorer(rarity, id => categories.ById(id)?.Name, id => skillNames.GetValueOrDefault(id));
            foreach (var candidate in candidates)
            {
                var scored = scorer.Score(subject, candidate);
                if (!best.TryGetValue(candidate.PostingId, out var kept) || scored.Score > kept.Score)
                {
                    best[candidate.PostingId] = scored;
                }
            }
        }

        var top = best.Values
            .Where(r => r.LocationScore > 0 || r.CategoryScore > 0)
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.PostingId)
            .Take(limit)
            .ToList();
        var ids = top.Select(r => r.PostingId).ToList();
        var cards = await db.Postings.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(JobCard.FromPosting).ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. top.Where(r => cards.ContainsKey(r.PostingId)).Select(r => new Recommendation(cards[r.PostingId], Math.Round(r.Score, 4), r.Reasons))];
    }

    private async Task<List<(RecommendationSubject Subject, string Title)>> SubjectsAsync(IReadOnlyCollection<int> postingIds, CancellationToken cancellationToken)
    {
        var postings = await db.Postings.AsNoTracking()
            .Where(p => postingIds.Contains(p.Id) && (p.Status == PostingStatus.Published || p.Status == PostingStatus.Closed || p.Status == PostingStatus.Expired))
            .Select(p => new
            {
                p.Title,
                p.WorkMode,
                p.ApplicantCountries,
                Places = p.Locations.OrderBy(l => l.Position).Select(l => new RecommendationPlace(l.City, l.Region, l.CountryCode, l.Latitude, l.Longitude)).ToList(),
                Categories = p.Categories.OrderBy(c => c.Position).Select(c => c.CategoryId).ToList(),
                Skills = p.Skills.OrderBy(s => s.Position).Select(s => s.SkillId).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return [.. postings.Select(p => (new RecommendationSubject(p.Places, p.WorkMode, p.ApplicantCountries, p.Categories, p.Skills), p.Title))];
    }

    private async Task<List<RecommendationCandidate>> CandidatesAsync(
        RecommendationSubject subject, string title, int[] exclude, DateOnly today, SearchKeys keys, CancellationToken cancellationToken)
    {
        var hasCategories = subject.CategoryIds.Count > 0;
        var branches = new List<string>();
        static string Open(string alias) => $"({alias}.valid_through IS NULL OR {alias}.valid_through >= @today) AND {alias}.posting_id <> ALL (@exclude)";
        if (subject.Places.Count > 0)
        {
            // Nearest-neighbour scans on GiST indexes of the stored points stop as soon as enough postings are found;
            // the one on (category, point) walks only postings of that category. Per place: the nearest that share any
            // of the subject's categories (the nearest of each category, merged), and the nearest of any kind.
            if (hasCategories)
            {
                branches.Add($"""
                    SELECT n.posting_id FROM unnest(@lats, @lons) AS sp(lat, lon) CROSS JOIN LATERAL (
                        SELECT q.posting_id FROM unnest(@categories) AS cat(id) CROSS JOIN LATERAL (
                            SELECT p.posting_id, p.earth <-> ll_to_earth(sp.lat, sp.lon) AS distance FROM posting_category_places p
                            WHERE p.category_id = cat.id AND {Open("p")}
                            ORDER BY distance LIMIT {NearestSameCategory}) q
                        ORDER BY q.distance LIMIT {NearestSameCategory}) n
                    """);
            }

            branches.Add($"""
                SELECT n.posting_id FROM unnest(@lats, @lons) AS sp(lat, lon) CROSS JOIN LATERAL (
                    SELECT p.posting_id FROM posting_search_places p
                    WHERE p.earth IS NOT NULL AND {Open("p")}
                    ORDER BY p.earth <-> ll_to_earth(sp.lat, sp.lon) LIMIT {NearestAny}) n
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

        // Each candidate's features come from its own narrow rows in posting_search_places: the posting's at position
        // 0, its places (nearest to any of the subject's) from all of them.
        var sql = $"""
            WITH candidates AS ({string.Join("\nUNION\n", branches)}),
            subject_places AS (
                SELECT ll_to_earth(lat, lon) AS earth, country, region FROM unnest(@lats, @lons, @placeCountries, @regions) AS sp(lat, lon, country, region))
            SELECT f.posting_id, d.km, d.city, coalesce(d.same_region, false), coalesce(d.same_country, false), f.work_mode,
                   f.applicant_countries, f.category_ids, f.skill_ids, similarity(f.title, @title), @today - f.date_posted
            FROM candidates c
            JOIN posting_search_places f ON f.posting_id = c.posting_id AND f.position = 0
            LEFT JOIN LATERAL (
                SELECT min(earth_distance(l.earth, sp.earth)) / 1000 AS km,
                       (array_agg(l.city ORDER BY earth_distance(l.earth, sp.earth)))[1] AS city,
                       bool_or(l.country_code = sp.country AND l.region IS NOT DISTINCT FROM sp.region) AS same_region,
                       bool_or(l.country_code = ANY (@countries)) AS same_country
                FROM posting_search_places l CROSS JOIN subject_places sp
                WHERE l.posting_id = f.posting_id AND l.earth IS NOT NULL) d ON true
            """;

        await using var session = await CustomPlanConnection.OpenAsync(db, cancellationToken);
        var connection = session.Connection;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("exclude", exclude);
        command.Parameters.AddWithValue("title", title);
        command.Parameters.AddWithValue("categories", subject.CategoryIds.ToArray());
        command.Parameters.AddWithValue("remoteKeys", subject.Countries.Select(country => keys.Find("remote", country)).ToArray());
        command.Parameters.AddWithValue("countries", subject.Countries.ToArray());
        command.Parameters.AddWithValue("lats", subject.Places.Select(p => p.Latitude).ToArray());
        command.Parameters.AddWithValue("lons", subject.Places.Select(p => p.Longitude).ToArray());
        command.Parameters.AddWithValue("placeCountries", subject.Places.Select(p => p.CountryCode).ToArray());
        command.Parameters.AddWithValue("regions", subject.Places.Select(p => p.Region ?? string.Empty).ToArray());

        var candidates = new List<RecommendationCandidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(new RecommendationCandidate(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetDouble(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetBoolean(3),
                reader.GetBoolean(4),
                Enum.Parse<WorkMode>(reader.GetString(5)),
                reader.GetFieldValue<string[]>(6),
                reader.GetFieldValue<int[]>(7),
                reader.GetFieldValue<int[]>(8),
                reader.GetFloat(9),
                reader.GetInt32(10)));
        }

        return candidates;
    }

    /// <summary>ln(open postings / open postings in the category) per category, recounted every ten minutes.</summary>
    private Task<IReadOnlyDictionary<int, double>> CategoryRarityAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync("recommendations:category-rarity", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var counts = await db.Database
                .SqlQuery<CategoryCount>($"""
                    SELECT c AS category_id, count(*)::int AS postings, (SELECT count(*)::int FROM posting_search) AS total
                    FROM posting_search, unnest(category_ids) c GROUP BY c
                    """)
                .ToListAsync(cancellationToken);
            return (IReadOnlyDictionary<int, double>)counts.ToDictionary(c => c.CategoryId, c => Math.Log((double)Math.Max(1, c.Total) / Math.Max(1, c.Postings)));
        })!;

    private async Task AddSkillNamesAsync(Dictionary<int, string> names, IReadOnlyCollection<int> skillIds, CancellationToken cancellationToken)
    {
        var missing = skillIds.Where(id => !names.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var skill in await db.Skills.AsNoTracking().Where(s => missing.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            {
                names[skill.Id] = skill.Name;
            }
        }
    }

    private sealed record CategoryCount(int CategoryId, int Postings, int Total);
}

/// <summary>A recommended posting as lists show it, with its score and the reasons for it.</summary>
public sealed record Recommendation(JobCard Card, double Score, IReadOnlyList<string> Reasons);
