using System.Collections.Concurrent;
using JobBoard.Data;
using JobBoard.Domain.Seekers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobBoard.Web.Listings;

/// <summary>
/// Counts views of posting pages and Apply clicks in memory and writes them in batches, every
/// <c>Activity:FlushSeconds</c> (5 by default; 0 leaves it to <see cref="FlushAsync"/>, as the tests do) and when the
/// app stops: one statement adds a batch to <c>posting_daily_stats</c>, one records signed-in seekers' recent views. A
/// page view costs a dictionary increment, never an UPDATE. A crash loses at most the last few seconds of counts; that
/// is the price of not writing on every view. Counts of postings deleted before the flush are dropped.
/// </summary>
public sealed partial class PostingActivity(
    IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<PostingActivity> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<(int PostingId, DateOnly Day), Counts> _counts = new();
    private readonly ConcurrentDictionary<(int UserId, int PostingId), DateTimeOffset> _recentViews = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public void CountView(int postingId, int? userId)
    {
        var now = clock.GetUtcNow();
        _counts.GetOrAdd((postingId, DateOnly.FromDateTime(now.UtcDateTime)), _ => new Counts()).AddView();
        if (userId is { } user)
        {
            _recentViews[(user, postingId)] = now;
        }
    }

    public void CountApplyClick(int postingId) =>
        _counts.GetOrAdd((postingId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), _ => new Counts()).AddApplyClick();

    /// <summary>Writes what has been counted since the last flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var counts = Take(_counts);
            var views = Take(_recentViews);
            if (counts.Count == 0 && views.Count == 0)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JobBoardDbContext>();
            try
            {
                await WriteAsync(db, counts, views, cancellationToken);
            }
            catch
            {
                // Put them back for the next flush (the database may be away for a moment).
                foreach (var (key, value) in counts)
                {
                    _counts.GetOrAdd(key, _ => new Counts()).Add(value);
                }

                foreach (var (key, at) in views)
                {
                    _recentViews.AddOrUpdate(key, at, (_, other) => other > at ? other : at);
                }

                throw;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Activity:FlushSeconds", 5);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await FlushAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFlushFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlushFailed(logger, ex);
        }
    }

    private static List<KeyValuePair<TKey, TValue>> Take<TKey, TValue>(ConcurrentDictionary<TKey, TValue> pending)
        where TKey : notnull
    {
        var taken = new List<KeyValuePair<TKey, TValue>>();
        foreach (var key in pending.Keys)
        {
            if (pending.TryRemove(key, out var value))
            {
                taken.Add(new(key, value));
            }
        }

        return taken;
    }

    private static async Task WriteAsync(
        JobBoardDbContext db,
        List<KeyValuePair<(int PostingId, DateOnly Day), Counts>> counts,
        List<KeyValuePair<(int UserId, int PostingId), DateTimeOffset>> views,
        CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            if (counts.Count > 0)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                    INSERT INTO posting_daily_stats (posting_id, day, views, apply_clicks)
                    SELECT c.posting_id, c.day, c.views, c.apply_clicks
                    FROM unnest(@postings, @days, @views, @clicks) AS c (posting_id, day, views, apply_clicks)
                    WHERE EXISTS (SELECT 1 FROM job_postings p WHERE p.id = c.posting_id)
                    ON CONFLICT (posting_id, day) DO UPDATE
                    SET views = posting_daily_stats.views + excluded.views,
                        apply_clicks = posting_daily_stats.apply_clicks + excluded.apply_clicks
                    """)
                {
                    Parameters =
                    {
                        new("postings", counts.Select(c => c.Key.PostingId).ToArray()),
                        new("days", counts.Select(c => c.Key.Day).ToArray()),
                        new("views", counts.Select(c => c.Value.Views).ToArray()),
                        new("clicks", counts.Select(c => c.Value.ApplyClicks).ToArray()),
                    },
                });
            }

            if (views.Count > 0)
            {
                var users = views.Select(v => v.Key.UserId).ToArray();
                batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                    INSERT INTO recent_views (user_id, posting_id, viewed_at)
                    SELECT v.user_id, v.posting_id, v.viewed_at
                    FROM unnest(@users, @postings, @at) AS v (user_id, posting_id, viewed_at)
                    WHERE EXISTS (SELECT 1 FROM job_postings p WHERE p.id = v.posting_id)
                      AND EXISTS (SELECT 1 FROM users u WHERE u.id = v.user_id)
                    ON CONFLICT (user_id, posting_id) DO UPDATE SET viewed_at = greatest(recent_views.viewed_at, excluded.viewed_at)
                    """)
                {
                    Parameters =
                    {
                        new("users", users),
                        new("postings", views.Select(v => v.Key.PostingId).ToArray()),
                        new("at", views.Select(v => v.Value).ToArray()),
                    },
                });
                // Each seeker keeps their latest views only.
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
                    DELETE FROM recent_views r
                    USING (SELECT user_id, posting_id, row_number() OVER (PARTITION BY user_id ORDER BY viewed_at DESC) AS n
                           FROM recent_views WHERE user_id = ANY (@users)) ranked
                    WHERE r.user_id = ranked.user_id AND r.posting_id = ranked.posting_id AND ranked.n > {RecentView.KeptPerSeeker}
                    """)
                {
                    Parameters = { new("users", users.Distinct().ToArray()) },
                });
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            batch.Transaction = transaction;
            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the counts of views and apply clicks failed; they are kept for the next try")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);

    /// <summary>One posting's counts for one day, added to from many requests at once.</summary>
    private sealed class Counts
    {
        private int _views;
        private int _applyClicks;

        public int Views => _views;

        public int ApplyClicks => _applyClicks;

        public void AddView() => Interlocked.Increment(ref _views);

        public void AddApplyClick() => Interlocked.Increment(ref _applyClicks);

        public void Add(Counts other)
        {
            Interlocked.Add(ref _views, other._views);
            Interlocked.Add(ref _applyClicks, other._applyClicks);
        }
    }
}
