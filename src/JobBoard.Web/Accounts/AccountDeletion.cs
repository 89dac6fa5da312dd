using System.Globalization;
using JobBoard.Data;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Moderation;
using JobBoard.Domain.Postings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Accounts;

/// <summary>
/// Deletes an account and everything personal it holds, in one transaction: saved jobs, recent views, alerts (and the
/// guest alerts made with the same address, whatever its case), applications with their CVs, company memberships and
/// the Identity rows (claims, logins, tokens, roles). Apply clicks and reports stay as anonymous counts (their user is
/// set to null); posting_daily_stats never held anyone. Where the board wrote the person's address as the actor of a
/// recorded action (audit log, posting history, join decisions, report resolutions) it now says
/// <see cref="DeletedActor"/>: the action stays on record, the person does not. The tables' foreign keys cascade from
/// <c>users</c> as well, so a personal table added later goes with the account even before it is named here.
/// </summary>
public sealed class AccountDeletion(JobBoardDbContext db, UserManager<BoardUser> users, TimeProvider clock)
{
    /// <summary>What replaces a deleted person's address where the board recorded who did something.</summary>
    public const string DeletedActor = "deleted account";

    /// <summary>
    /// The account's address and user name (the same at registration), lower-cased: what finds its guest alerts and the
    /// actions it is recorded as the actor of, compared with the stored values lower-cased.
    /// </summary>
    public static string[] AddressesOf(BoardUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. new[] { user.Email, user.UserName }.OfType<string>().Select(n => n.Trim().ToLowerInvariant()).Distinct()];
    }

    /// <summary>Why the account may not be deleted now, or null when it may.</summary>
    public async Task<string?> RefusalAsync(BoardUser user, CancellationToken cancellationToken)
    {
        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(BoardRoles.Admin))
        {
            var otherAdmins = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == BoardRoles.Admin && userRole.UserId != user.Id
                select userRole).AnyAsync(cancellationToken);
            if (!otherAdmins)
            {
                return "You are the board's only admin. Make another account an admin before you delete yours, so the board keeps someone to run it.";
            }
        }

        // A company keeps its postings when its last recruiter leaves, but live ones would go on taking applications
        // that nobody reads.
        var membership = await db.CompanyMembers.Where(m => m.UserId == user.Id && m.Status == MembershipStatus.Approved)
            .Select(m => new { m.CompanyId, m.Company.Name }).FirstOrDefaultAsync(cancellationToken);
        if (membership is not null
            && !await db.CompanyMembers.AnyAsync(m => m.CompanyId == membership.CompanyId && m.UserId != user.Id && m.Status == MembershipStatus.Approved, cancellationToken))
        {
            var live = await db.Postings.CountAsync(
                p => p.CompanyId == membership.CompanyId && (p.Status == PostingStatus.Published || p.Status == PostingStatus.PendingReview), cancellationToken);
            if (live > 0)
            {
                var (which, them) = live == 1 ? ("one of its job postings is", "it") : ($"{live} of its job postings are", "them");
                return $"You are the only recruiter of {membership.Name}, and {which} open or waiting for review. " +
                    $"Close {them}, or approve another recruiter to look after {them}, before you delete your account.";
            }
        }

        return null;
    }

    /// <summary>Deletes <paramref name="user"/>'s account; the refusal instead when <see cref="RefusalAsync"/> has one.</summary>
    public Task<string?> DeleteAsync(BoardUser user, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Deletions one at a time: two admins deleting themselves at once cannot both be "another admin" to the other.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('account-deletion'))", ct);
            if (await RefusalAsync(user, ct) is { } refusal)
            {
                return refusal;
            }

            var userId = user.Id;
            var names = AddressesOf(user);
            var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? BoardRoles.Seeker;

            var alerts = await db.JobAlerts.Where(a => a.UserId == userId || (a.UserId == null && names.Contains(a.Email.ToLower()))).ExecuteDeleteAsync(ct);
            var applications = await db.JobApplications.Where(a => a.UserId == userId).ExecuteDeleteAsync(ct);
            var saved = await db.SavedJobs.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
            await db.RecentViews.Where(v => v.UserId == userId).ExecuteDeleteAsync(ct);
            await db.CompanyMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
            await db.ApplyClicks.Where(c => c.UserId == userId).ExecuteUpdateAsync(c => c.SetProperty(x => x.UserId, (int?)null), ct);
            await db.PostingReports.Where(r => r.ReporterUserId == userId).ExecuteUpdateAsync(r => r.SetProperty(x => x.ReporterUserId, (int?)null), ct);

            await db.AuditEntries.Where(a => names.Contains(a.Actor.ToLower())).ExecuteUpdateAsync(a => a.SetProperty(x => x.Actor, DeletedActor), ct);
            await db.PostingStatusChanges.Where(h => names.Contains(h.Actor.ToLower())).ExecuteUpdateAsync(h => h.SetProperty(x => x.Actor, DeletedActor), ct);
            await db.CompanyMembers.Where(m => m.DecidedBy != null && names.Contains(m.DecidedBy.ToLower()))
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.DecidedBy, DeletedActor), ct);
            await db.PostingReports.Where(r => r.ResolvedBy != null && names.Contains(r.ResolvedBy.ToLower()))
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.ResolvedBy, DeletedActor), ct);

            // Identity's claims, logins, tokens and roles go with the user row (ON DELETE CASCADE).
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);

            // The record says that an account was deleted, of which kind, and how much went with it; not whose it was.
            db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), DeletedActor, "deleted their account", "user",
                userId.ToString(CultureInfo.InvariantCulture),
                $"{role}: {saved} saved jobs, {alerts} alerts, {applications} applications deleted"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (string?)null;
        }, cancellationToken);
}
