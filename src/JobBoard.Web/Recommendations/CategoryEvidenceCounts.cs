using JobBoard.Data;
using JobBoard.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace JobBoard.Web.Recommendations;

/// <summary>
/// Each category's rarity and breadth (<see cref="CategoryEvidence"/>), from how many open postings carry each pair of
/// categories, recounted every ten minutes. A recount reads a row of every open posting, so it runs once at a time and
/// off the request path: requests keep the last counts while it runs, and only a request finding none waits for it.
/// </summary>
public sealed partial class CategoryEvidenceCounts(
    IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock, ILogger<CategoryEvidenceCounts> logger)
{
    private const string CacheKey = "recommendations:category-evidence";
    private static readonly TimeSpan RecountAfter = TimeSpan.FromMinutes(10);

    private readonly Lock _recounting = new();
    private Task<Counted>? _recount;

    public async Task<IReadOnlyDictionary<int, CategoryEvidence>> CurrentAsync(CancellationToken cancellationToken)
    {
        var counted = cache.Get<Counted>(CacheKey);
        if (counted is not null && clock.GetUtcNow() - counted.At < RecountAfter)
        {
            return counted.Evidence;
        }

        Task<Counted> recount;
        lock (_recounting)
        {
            recount = _recount ??= Task.Run(RecountAsync, CancellationToken.None);
        }

        return counted?.Evidence ?? (await recount.WaitAsync(cancellationToken)).Evidence;
    }

    private async Task<Counted> RecountAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JobBoardDbContext>();
            // One row per posting (position 0 of its place rows) from the narrow place table, grouped by category list
            // first: the same counts as over posting_search, whose rows carry the posting's whole search document.
            var sql = $"""
                WITH lists AS (
                    SELECT category_ids, count(*)::int AS postings FROM posting_search_places p
                    WHERE p.position = 0 AND {PostingVisibility.OpenSearchRow("p")} GROUP BY category_ids)
                SELECT a AS category_id, b AS other_id, sum(postings)::int AS postings, (SELECT sum(postings)::int FROM lists) AS total
                FROM lists, unnest(category_ids) a, unnest(category_ids) b GROUP BY a, b
                """;
            var today = new NpgsqlParameter(PostingVisibility.TodayParameter, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            var pairs = await db.Database
                .SqlQueryRaw<CategoryPair>(sql, today)
                .ToListAsync(CancellationToken.None);
            var counted = new Counted(
                CategoryEvidence.From(pairs.Count > 0 ? pairs[0].Total : 0, pairs.Select(p => (p.CategoryId, p.OtherId, p.Postings))),
                clock.GetUtcNow());
            cache.Set(CacheKey, counted, new MemoryCacheEntryOptions { Size = 1, Priority = CacheItemPriority.NeverRemove });
            return counted;
        }
        catch (Exception exception)
        {
            LogRecountFailed(logger, exception);
            throw;
        }
        finally
        {
            lock (_recounting)
            {
                _recount = null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the categories' evidence for recommendations failed; the last counts stay in use")]
    private static partial void LogRecountFailed(ILogger logger, Exception exception);

    private sealed record Counted(IReadOnlyDictionary<int, CategoryEvidence> Evidence, DateTimeOffset At);

    private sealed record CategoryPair(int CategoryId, int OtherId, int Postings, int Total);
}
