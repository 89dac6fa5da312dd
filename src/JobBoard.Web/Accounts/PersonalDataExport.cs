using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using JobBoard.Data;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Applications;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Moderation;
using JobBoard.Domain.Seekers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Accounts;

/// <summary>
/// Everything the board keeps about one account, as the JSON file the account page offers: the profile, saved jobs,
/// recent views, alerts (the guest alerts made with the account's address too), applications with their CVs, Apply
/// clicks, reports filed and company memberships. Other people's addresses (who resolved a report, who approved a
/// membership) are left out: they are not this person's data. CVs go in whole, base64-encoded: the seeker gave them
/// to the board and may have no other copy, and a file listing only their names would not be a copy of the data. They
/// are read one at a time while the file is written, so a long list of applications never sits in memory at once.
/// </summary>
public sealed class PersonalDataExport(JobBoardDbContext db, UserManager<BoardUser> users, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The name the download is saved under.</summary>
    public string FileName() => $"jobboard-data-{clock.GetUtcNow():yyyy-MM-dd}.json";

    /// <summary>Writes <paramref name="user"/>'s data to <paramref name="output"/>.</summary>
    public async Task WriteAsync(BoardUser user, Stream output, CancellationToken cancellationToken)
    {
        var data = await ReadAsync(user, cancellationToken);
        await JsonSerializer.SerializeAsync(output, data, Json, cancellationToken);
    }

    public async Task<PersonalData> ReadAsync(BoardUser user, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        var addresses = AccountDeletion.AddressesOf(user);
        var profile = new ProfileData(user.Email, user.DisplayName, user.CreatedAt, user.EmailConfirmed, [.. await users.GetRolesAsync(user)]);

        var savedJobs = await (
            from saved in db.SavedJobs.Where(s => s.UserId == userId)
            join posting in db.Postings on saved.PostingId equals posting.Id
            orderby saved.SavedAt descending
            select new SavedJobData(saved.PostingId, posting.Title, posting.Company.Name, saved.SavedAt)).ToListAsync(cancellationToken);

        var recentViews = await (
            from view in db.RecentViews.Where(v => v.UserId == userId)
            join posting in db.Postings on view.PostingId equals posting.Id
            orderby view.ViewedAt descending
            select new RecentViewData(view.PostingId, posting.Title, view.ViewedAt)).ToListAsync(cancellationToken);

        // A guest's alert is theirs when it went to their address, whatever its case: the same rows their deletion takes.
        var alerts = await db.JobAlerts
            .Where(a => a.UserId == userId || (a.UserId == null && addresses.Contains(a.Email.ToLower())))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new AlertData(a.Name, a.Query, a.Frequency, a.Email, a.UserId == null ? "guest" : "account",
                a.CreatedAt, a.ConfirmedAt, a.LastSentAt))
            .ToListAsync(cancellationToken);

        var applications = await (
            from application in db.JobApplications.Where(a => a.UserId == userId)
            join posting in db.Postings on application.PostingId equals posting.Id
            orderby application.SubmittedAt descending
            select new ApplicationRow(application.Id, application.PostingId, posting.Title, posting.Company.Name, application.SubmittedAt,
                application.Status, application.StatusChangedAt, application.Name, application.Email, application.Phone,
                application.CoverNote, application.CvFileName, application.CvKind, application.CvSize)).ToListAsync(cancellationToken);

        var applyClicks = await (
            from click in db.ApplyClicks.Where(c => c.UserId == userId)
            join posting in db.Postings on click.PostingId equals posting.Id
            orderby click.At descending
            select new ApplyClickData(click.PostingId, posting.Title, click.At, click.FromPage)).ToListAsync(cancellationToken);

        var reports = await (
            from report in db.PostingReports.Where(r => r.ReporterUserId == userId)
            join posting in db.Postings on report.PostingId equals posting.Id
            orderby report.CreatedAt descending
            select new ReportData(report.PostingId, posting.Title, report.Reason, report.Details, report.CreatedAt,
                report.ResolvedAt, report.Resolution)).ToListAsync(cancellationToken);

        var memberships = await db.CompanyMembers.Where(m => m.UserId == userId)
            .OrderBy(m => m.RequestedAt)
            .Select(m => new MembershipData(m.Company.Name, m.Status, m.IsOwner, m.RequestedAt, m.DecidedAt))
            .ToListAsync(cancellationToken);

        return new PersonalData(clock.GetUtcNow(), profile, savedJobs, recentViews, alerts, WithCvsAsync(applications, cancellationToken),
            applyClicks, reports, memberships);
    }

    private async IAsyncEnumerable<ApplicationData> WithCvsAsync(
        IReadOnlyList<ApplicationRow> applications, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var a in applications)
        {
            var content = await db.ApplicationCvs.Where(c => c.ApplicationId == a.Id).Select(c => c.Content).FirstOrDefaultAsync(cancellationToken);
            yield return new ApplicationData(a.PostingId, a.Title, a.Company, a.SubmittedAt, a.Status, a.StatusChangedAt, a.Name, a.Email,
                a.Phone, a.CoverNote,
                new CvData(a.CvFileName, a.CvKind.ToString(), CvFile.ContentTypeOf(a.CvKind), a.CvSize,
                    content is null ? null : Convert.ToBase64String(content)));
        }
    }

    private sealed record ApplicationRow(long Id, int PostingId, string Title, string Company, DateTimeOffset SubmittedAt, ApplicationStatus Status,
        DateTimeOffset StatusChangedAt, string Name, string Email, string? Phone, string? CoverNote, string CvFileName,
        CvKind CvKind, int CvSize);
}

/// <summary>The export file: one property per kind of record, each a list (empty when there are none).</summary>
public sealed record PersonalData(
    DateTimeOffset ExportedAt,
    ProfileData Profile,
    IReadOnlyList<SavedJobData> SavedJobs,
    IReadOnlyList<RecentViewData> RecentViews,
    IReadOnlyList<AlertData> Alerts,
    IAsyncEnumerable<ApplicationData> Applications,
    IReadOnlyList<ApplyClickData> ApplyClicks,
    IReadOnlyList<ReportData> Reports,
    IReadOnlyList<MembershipData> CompanyMemberships);

public sealed record ProfileData(string? Email, string? DisplayName, DateTimeOffset CreatedAt, bool EmailConfirmed, IReadOnlyList<string> Roles);

public sealed record SavedJobData(int PostingId, string Title, string Company, DateTimeOffset SavedAt);

public sealed record RecentViewData(int PostingId, string Title, DateTimeOffset ViewedAt);

/// <summary><see cref="Kind"/>: "account" for an alert made while signed in, "guest" for one made with the address only.</summary>
public sealed record AlertData(string Name, string Query, AlertFrequency Frequency, string Email, string Kind, DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt, DateTimeOffset? LastSentAt);

public sealed record ApplicationData(int PostingId, string Title, string Company, DateTimeOffset SubmittedAt, ApplicationStatus Status,
    DateTimeOffset StatusChangedAt, string Name, string Email, string? Phone, string? CoverNote, CvData Cv);

/// <summary>The CV as uploaded; <see cref="ContentBase64"/> holds its bytes.</summary>
public sealed record CvData(string FileName, string Kind, string ContentType, int Size, string? ContentBase64);

public sealed record ApplyClickData(int PostingId, string Title, DateTimeOffset At, string? FromPage);

public sealed record ReportData(int PostingId, string Title, ReportReason Reason, string? Details, DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt, string? Resolution);

public sealed record MembershipData(string Company, MembershipStatus Status, bool IsOwner, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt);
