using JobBoard.Data;
using JobBoard.Domain.Moderation;
using JobBoard.Web.Listings;
using JobBoard.Web.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Admin.Pages.Reports;

/// <summary>
/// Open reports of postings, oldest first. Resolving one records what was done and may close the posting in the same
/// step (and the same transaction).
/// </summary>
public sealed class IndexModel(JobBoardDbContext db, TimeProvider clock, PostingCaches caches) : PageModel
{
    public IReadOnlyList<OpenReport> Reports { get; private set; } = [];

    /// <summary>The report whose form failed validation, to show the messages and what was typed beside it.</summary>
    public long? FailedReportId { get; private set; }

    [BindProperty]
    public string? Resolution { get; set; }

    [BindProperty]
    public bool ClosePosting { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostResolveAsync(long reportId, CancellationToken cancellationToken)
    {
        var report = await db.PostingReports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        var resolution = FormText.Check(ModelState, nameof(Resolution), Resolution, PostingReport.MaxDetailsLength, "Say what was done about the report.");
        var actor = User.Identity!.Name!;
        var now = clock.GetUtcNow();
        if (ModelState.IsValid)
        {
            FormText.AddErrors(ModelState, report.Resolve(actor, resolution!, now), new Dictionary<string, string> { ["Resolution"] = nameof(Resolution) });
        }

        var closed = false;
        if (ModelState.IsValid && ClosePosting)
        {
            var posting = await db.Postings.FirstAsync(p => p.Id == report.PostingId, cancellationToken);
            var closing = posting.Close(actor, now);
            FormText.AddErrors(ModelState, closing);
            closed = closing.Succeeded;
        }

        if (!ModelState.IsValid)
        {
            FailedReportId = reportId;
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.AuditEntries.Add(AuditEntry.Record(now, actor, closed ? "resolved report and closed posting" : "resolved report", "report",
            report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), resolution));
        await db.SaveChangesAsync(cancellationToken);
        if (closed)
        {
            await caches.ForgetAsync(cancellationToken);
        }

        TempData["Done"] = closed ? "Report resolved and the posting closed." : "Report resolved.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Reports = await db.PostingReports
            .Where(r => r.ResolvedAt == null)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Join(db.Postings, r => r.PostingId, p => p.Id, (r, p) => new OpenReport(
                r.Id, r.Reason, r.Details, r.CreatedAt, r.ReporterUserId != null, p.Id, p.Slug, p.Title, p.Company.Name, p.Status,
                db.PostingReports.Count(other => other.PostingId == p.Id && other.ResolvedAt == null)))
            .Take(200)
            .ToListAsync(cancellationToken);
}

public sealed record OpenReport(
    long Id, ReportReason Reason, string? Details, DateTimeOffset CreatedAt, bool BySignedInUser,
    int PostingId, string PostingSlug, string PostingTitle, string CompanyName, Domain.Postings.PostingStatus PostingStatus, int OpenReportsOfPosting);
