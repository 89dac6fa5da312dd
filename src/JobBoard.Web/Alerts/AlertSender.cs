using System.Data.Common;
using JobBoard.Data;
using JobBoard.Domain.Seekers;
using JobBoard.Web.Listings;
using JobBoard.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace JobBoard.Web.Alerts;

/// <summary>
/// Mails each due alert (<see cref="JobAlert.IsDue"/>) the postings published or edited since its last look that its
/// search now finds, every <c>Alerts:EverySeconds</c> (30 by default, so an instant alert fires within a minute; 0 turns
/// it off). Candidates are the published postings whose <c>updated_at</c> is after <see cref="JobAlert.ChangedAfter"/>;
/// <see cref="JobSearch.MatchAsync"/>, the search page's own statement, decides which match.
/// <para>
/// Safe on several instances: a batch locks its alerts with <c>FOR UPDATE SKIP LOCKED</c>, and in that transaction
/// records each posting it will mail in <c>alert_deliveries</c> (<c>ON CONFLICT DO NOTHING</c>: only postings never
/// delivered come back) and advances the alert's <c>checked_through</c>. The mails go after the commit, so a posting is
/// mailed at most once per alert; a mail the server refuses gives its deliveries back for the next run, and only a
/// crash between the commit and the mail loses one.
/// </para>
/// </summary>
public sealed partial class AlertSender(
    IServiceScopeFactory scopes, TimeProvider clock, SiteOrigin origin, IConfiguration configuration, ILogger<AlertSender> logger)
    : BackgroundService
{
    public const int BatchSize = 50;

    /// <summary>A digest lists at most this many postings, the newest; it counts the rest and links to the search.</summary>
    public const int MaxPostingsPerMail = 25;

    /// <summary>
    /// How far before its last look an alert looks again: a posting is stamped when it is written, and a transaction
    /// that commits after the look would otherwise hide it for good.
    /// </summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Alerts:EverySeconds", 30);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database or the mail server may be away; the next tick tries again.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Looks at every due alert once, batch by batch, and returns how many digests this instance mailed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await ForgetUnconfirmedAsync(cancellationToken);
        var sent = 0;
        var after = 0L;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JobBoardDbContext>();
            var (locked, looked) = await MatchBatchAsync(db, after, cancellationToken);
            if (locked.Count == 0)
            {
                break;
            }

            after = locked[^1];
            foreach (var alert in looked.Where(l => l.Delivered.Count > 0))
            {
                sent += await MailAsync(db, scope.ServiceProvider.GetRequiredService<AlertMail>(), alert, cancellationToken) ? 1 : 0;
            }

            if (locked.Count < BatchSize)
            {
                break;
            }
        }

        return sent;
    }

    /// <summary>
    /// Locks the next due alerts after <paramref name="after"/>, matches each, records the new deliveries and advances
    /// each alert, in one transaction. Returns the ids locked, in order, and what was found for the alerts still due.
    /// </summary>
    private async Task<(IReadOnlyList<long> Locked, IReadOnlyList<Looked> Looked)> MatchBatchAsync(JobBoardDbContext db, long after, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dailyBefore = now - JobAlert.Interval(AlertFrequency.Daily);
        var weeklyBefore = now - JobAlert.Interval(AlertFrequency.Weekly);
        // The search runs on a context of its own: it opens its own (read-only) transaction.
        await using var searchScope = scopes.CreateAsyncScope();
        var search = searchScope.ServiceProvider.GetRequiredService<JobSearch>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.Database.SqlQuery<long>($"""
                SELECT id AS "Value" FROM job_alerts
                WHERE confirmed_at IS NOT NULL AND id > {after}
                  AND checked_through <= CASE frequency WHEN 'Daily' THEN {dailyBefore} WHEN 'Weekly' THEN {weeklyBefore} ELSE {now} END
                ORDER BY id
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return ([], []);
            }

            var alerts = await db.JobAlerts.Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
            var looked = new List<Looked>(alerts.Count);
            // An alert that another instance looked at between the scan and the lock is no longer due: it is passed over.
            foreach (var alert in alerts.Where(a => a.IsDue(now)))
            {
                var since = alert.ChangedAfter(LookBack);
                var candidates = await db.Database.SqlQuery<int>(
                    $"SELECT id AS \"Value\" FROM job_postings WHERE status = 'Published' AND updated_at > {since}").ToListAsync(cancellationToken);
                var matched = candidates.Count == 0 ? [] : await search.MatchAsync(SavedSearch.RequestOf(alert.Query), candidates, cancellationToken);
                var delivered = matched.Count == 0 ? [] : await DeliverAsync(db, alert.Id, matched, now, cancellationToken);
                looked.Add(new Looked(alert, alert.CheckedThrough, alert.LastSentAt, [.. matched.Where(delivered.Contains)], now));
                alert.Checked(now, sent: delivered.Count > 0);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ((IReadOnlyList<long>)ids, (IReadOnlyList<Looked>)looked);
        });
    }

    /// <summary>Records the postings as delivered to the alert; returns those that were not already.</summary>
    private static async Task<HashSet<int>> DeliverAsync(
        JobBoardDbContext db, long alertId, IReadOnlyList<int> postingIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            INSERT INTO alert_deliveries (alert_id, posting_id, sent_at)
            SELECT @alert, posting, @now FROM unnest(@postings) AS posting
            ON CONFLICT DO NOTHING
            RETURNING posting_id
            """;
        Add(command, "alert", alertId);
        Add(command, "postings", postingIds.ToArray());
        Add(command, "now", now);
        var fresh = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            fresh.Add(reader.GetInt32(0));
        }

        return fresh;
    }

    /// <summary>Mails the digest; when the server refuses it, gives the deliveries back so the next run tries again.</summary>
    private async Task<bool> MailAsync(JobBoardDbContext db, AlertMail mail, Looked looked, CancellationToken cancellationToken)
    {
        var listed = looked.Delivered.Take(MaxPostingsPerMail).ToList();
        var cards = await db.Postings.AsNoTracking().Where(p => listed.Contains(p.Id)).Select(JobCard.FromPosting).ToDictionaryAsync(c => c.Id, cancellationToken);
        try
        {
            await mail.SendDigestAsync(
                looked.Alert, [.. listed.Where(cards.ContainsKey).Select(id => cards[id])], looked.Delivered.Count - listed.Count, origin.Value, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, ex, looked.Alert.Id);
            var ids = looked.Delivered.ToArray();
            await db.Database.ExecuteSqlAsync($"""
                WITH taken_back AS (
                    DELETE FROM alert_deliveries WHERE alert_id = {looked.Alert.Id} AND posting_id = ANY ({ids}) AND sent_at = {looked.At})
                UPDATE job_alerts
                SET checked_through = LEAST(checked_through, {looked.CheckedThrough}),
                    last_sent_at = CASE WHEN last_sent_at = {looked.At} THEN {looked.LastSentAt}::timestamptz ELSE last_sent_at END
                WHERE id = {looked.Alert.Id}
                """, cancellationToken);
            return false;
        }
    }

    /// <summary>A guest's alert not confirmed in time will never be: it goes, and no longer counts against its address.</summary>
    private async Task ForgetUnconfirmedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobBoardDbContext>();
        var before = clock.GetUtcNow() - AlertTokens.ConfirmationLifetime;
        await db.JobAlerts.Where(a => a.ConfirmedAt == null && a.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>An alert as one run looked at it: where it stood before, and the postings recorded for its digest, newest first.</summary>
    private sealed record Looked(JobAlert Alert, DateTimeOffset CheckedThrough, DateTimeOffset? LastSentAt, IReadOnlyList<int> Delivered, DateTimeOffset At);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending job alerts failed; trying again at the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mail the digest of alert {AlertId}; its postings wait for the next run")]
    private static partial void LogNotSent(ILogger logger, Exception exception, long alertId);
}
