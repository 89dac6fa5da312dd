using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Web.Listings;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Moderation;

/// <summary>
/// Expires published postings whose closing date has passed, every <c>Expiry:EveryMinutes</c> (15 by default; 0 turns
/// it off), and tells each one's recruiters once. Safe on several instances at once: each batch locks its rows with
/// <c>FOR UPDATE SKIP LOCKED</c>, so two instances never take the same posting, and a posting leaves the Published
/// state in the transaction that takes it, so no later run sees it again. The mails go after the commit: a crash in
/// between loses a notice rather than sending one twice.
/// </summary>
public sealed partial class PostingExpiry(
    IServiceScopeFactory scopes, TimeProvider clock, PostingCaches caches, IConfiguration configuration, ILogger<PostingExpiry> logger)
    : BackgroundService
{
    public const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Expiry:EveryMinutes", 15);
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                await ExpireDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away; the next tick tries again.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Expires every due posting, batch by batch, and returns how many this instance expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var expired = await ExpireBatchAsync(scope.ServiceProvider.GetRequiredService<JobBoardDbContext>(), cancellationToken);
            if (expired.Count == 0)
            {
                break;
            }

            total += expired.Count;
            await caches.ForgetAsync(cancellationToken);
            var notices = scope.ServiceProvider.GetRequiredService<RecruiterNotices>();
            foreach (var posting in expired)
            {
                await notices.SendAsync(posting.CompanyId, $"Expired: {posting.Title}",
                    $"Your posting \"{posting.Title}\" (reference {posting.Id}) passed its closing date of {posting.ValidThrough:yyyy-MM-dd} " +
                    "and is no longer listed. Renew it from the recruiter area if the position is still open.",
                    cancellationToken);
            }

            if (expired.Count < BatchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            LogExpired(logger, total);
        }

        return total;
    }

    private async Task<IReadOnlyList<ExpiredPosting>> ExpireBatchAsync(JobBoardDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // A retried attempt starts from a clean context: the failed one's changes were rolled back with its transaction.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.Database.SqlQuery<int>($"""
                SELECT id AS "Value" FROM job_postings
                WHERE status = 'Published' AND valid_through < {today}
                ORDER BY valid_through, id
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return [];
            }

            var postings = await db.Postings.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
            var expired = new List<ExpiredPosting>(postings.Count);
            foreach (var posting in postings)
            {
                if (posting.Expire(now).Succeeded)
                {
                    expired.Add(new ExpiredPosting(posting.Id, posting.CompanyId, posting.Title, posting.ValidThrough));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (IReadOnlyList<ExpiredPosting>)expired;
        });
    }

    private sealed record ExpiredPosting(int Id, int CompanyId, string Title, DateOnly? ValidThrough);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} postings past their closing date")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring postings failed; trying again at the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
