using JobBoard.Data;
using JobBoard.Domain.Moderation;
using JobBoard.Domain.Postings;
using JobBoard.Web.Authorization;
using JobBoard.Web.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Jobs;

/// <summary>
/// "Report this job": any visitor, guest or signed in, tells the admins what is wrong with a published posting. A page
/// of its own rather than a form on the posting page, which is served from the output cache to guests and so cannot
/// carry a per-visitor antiforgery token. Filing is rate-limited per address (<see cref="RateLimits.Reports"/>).
/// </summary>
[EnableRateLimiting(RateLimits.Reports)]
public sealed class ReportModel(JobBoardDbContext db, TimeProvider clock) : PageModel
{
    public static IReadOnlyList<(ReportReason Reason, string Label)> Reasons { get; } =
    [
        (ReportReason.Scam, "It looks like a scam or asks for money"),
        (ReportReason.Spam, "It is spam or advertising, not a job"),
        (ReportReason.Discriminatory, "It discriminates against applicants"),
        (ReportReason.Misleading, "It is misleading (pay, place, company)"),
        (ReportReason.NoLongerAvailable, "The job is no longer available"),
        (ReportReason.Other, "Something else (say what below)"),
    ];

    public ReportedPosting Posting { get; private set; } = null!;

    /// <summary>The name of a <see cref="ReportReason"/>; bound as text so that an unknown value gets a message, not a 400.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Filed { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } posting)
        {
            return NotFound();
        }

        Posting = posting;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } posting)
        {
            return NotFound();
        }

        Posting = posting;
        Filed = false;
        var reason = ParseReason(Reason);
        if (reason is null)
        {
            ModelState.AddModelError(nameof(Reason), "Choose a reason from the list.");
        }

        var details = FormText.Check(ModelState, nameof(Details), Details, PostingReport.MaxDetailsLength);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var filed = PostingReport.File(id, reason!.Value, details, User.UserId(), clock.GetUtcNow());
        if (!filed.Succeeded)
        {
            FormText.AddErrors(ModelState, filed, new Dictionary<string, string> { ["Reason"] = nameof(Reason), ["Details"] = nameof(Details) });
            return Page();
        }

        db.PostingReports.Add(filed.Value);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Jobs/Report", new { id, filed = true });
    }

    private static ReportReason? ParseReason(string? value) =>
        Enum.TryParse<ReportReason>(value, ignoreCase: false, out var reason) && Enum.IsDefined(reason) && !char.IsDigit(value![0])
            ? reason
            : null;

    // Only a posting the public can see can be reported, and only while it is listed.
    private async Task<ReportedPosting?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await db.Postings.WhereOpen(today)
            .Where(p => p.Id == id)
            .Select(p => new ReportedPosting(p.Id, p.Slug, p.Title, p.Company.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }
}

public sealed record ReportedPosting(int Id, string Slug, string Title, string CompanyName);
