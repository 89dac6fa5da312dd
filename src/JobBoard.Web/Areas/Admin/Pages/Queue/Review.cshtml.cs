using JobBoard.Data;
using JobBoard.Domain.Common;
using JobBoard.Domain.Postings;
using JobBoard.Web.Listings;
using JobBoard.Web.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Admin.Pages.Queue;

/// <summary>
/// One posting as the public would see it, with what the reviewer must weigh (the company's verification, pay
/// transparency, open reports, its history), and the three decisions on a posting under review: approve, reject with a
/// reason, or send back for changes. Each decision is kept in the posting's status history, mailed to the company's
/// recruiters and evicts the cached pages.
/// </summary>
public sealed class ReviewModel(JobBoardDbContext db, TimeProvider clock, PostingCaches caches, RecruiterNotices notices) : PageModel
{
    public const int MaxReasonLength = 2_000;

    public JobPosting Posting { get; private set; } = null!;

    public IReadOnlyList<OutlineBlock> Outline { get; private set; } = [];

    public IReadOnlyList<PostingStatusChange> History { get; private set; } = [];

    public IReadOnlyList<string> Recruiters { get; private set; } = [];

    public int OpenReports { get; private set; }

    /// <summary>
    /// Set when a place of the posting is in a jurisdiction whose law requires a pay range in job ads while the posting
    /// has none (<see cref="PayTransparency.MissingRangeFor(JobPosting, DateOnly)"/>).
    /// </summary>
    public string? PayTransparencyWarning { get; private set; }

    public bool PayTransparencyChecked { get; private set; }

    [BindProperty]
    public string? RejectReason { get; set; }

    [BindProperty]
    public string? Changes { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, (posting, actor, now) => posting.Publish(actor, now), null, null, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken cancellationToken)
    {
        var reason = FormText.Check(ModelState, nameof(RejectReason), RejectReason, MaxReasonLength, "Say why the posting is rejected; the recruiter will read it.");
        return DecideAsync(id, (posting, actor, now) => posting.Reject(actor, reason!, now), reason, nameof(RejectReason), cancellationToken);
    }

    public Task<IActionResult> OnPostRequestChangesAsync(int id, CancellationToken cancellationToken)
    {
        var changes = FormText.Check(ModelState, nameof(Changes), Changes, MaxReasonLength, "Say what should change; the recruiter will read it.");
        return DecideAsync(id, (posting, actor, now) => posting.RequestChanges(actor, changes!, now), changes, nameof(Changes), cancellationToken);
    }

    private async Task<IActionResult> DecideAsync(int id, Func<JobPosting, string, DateTimeOffset, Result> decide, string? reason, string? reasonField,
        CancellationToken cancellationToken)
    {
        var posting = await db.Postings.Include(p => p.Company).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (posting is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var decided = decide(posting, User.Identity!.Name!, clock.GetUtcNow());
            if (decided.Succeeded)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    ModelState.AddModelError(string.Empty, "Someone else changed this posting while you were reading it; here it is as it is now.");
                    db.ChangeTracker.Clear();
                    return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
                }

                await caches.ForgetAsync(cancellationToken);
                var (subject, verb) = Describe(posting.Status);
                await notices.SendAsync(posting.CompanyId, $"{subject}: {posting.Title}", MailText(posting, verb, reason), cancellationToken);
                TempData["Done"] = $"\"{posting.Title}\" {verb}; its recruiters were told by e-mail.";
                return RedirectToPage("/Queue/Index");
            }

            FormText.AddErrors(ModelState, decided, reasonField is null ? null : new Dictionary<string, string> { ["Reason"] = reasonField });
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private static (string Subject, string Verb) Describe(PostingStatus status) => status switch
    {
        PostingStatus.Published => ("Published", "was approved and published"),
        PostingStatus.Rejected => ("Rejected", "was rejected"),
        _ => ("Changes requested", "was sent back for changes"),
    };

    private string MailText(JobPosting posting, string verb, string? reason)
    {
        var text = $"Your posting \"{posting.Title}\" (reference {posting.Id}) {verb} by the board's moderators.";
        if (posting.Status == PostingStatus.Published)
        {
            var url = Url.PageLink("/Jobs/Details", values: new { area = string.Empty, id = posting.Id, slug = posting.Slug });
            text += $"\n\nIt is live at {url}" + (posting.ValidThrough is { } through ? $" and takes applications until {through:yyyy-MM-dd}." : ".");
        }
        else if (reason is not null)
        {
            text += $"\n\n{(posting.Status == PostingStatus.Rejected ? "Reason" : "What to change")}:\n{reason}";
            text += "\n\nOpen the posting in the recruiter area to edit it.";
        }

        return text;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var posting = await db.Postings.FindForDisplayAsync(id, cancellationToken);
        if (posting is null)
        {
            return false;
        }

        Posting = posting;
        Outline = PostingOutline.Build(posting);
        History = await db.PostingStatusChanges.AsNoTracking().Where(h => h.PostingId == id).OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        Recruiters = await notices.RecipientsAsync(posting.CompanyId, cancellationToken);
        OpenReports = await db.PostingReports.CountAsync(r => r.PostingId == id && r.ResolvedAt == null, cancellationToken);
        var missing = PayTransparency.MissingRangeFor(posting, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        (PayTransparencyChecked, PayTransparencyWarning) = (true, missing.Count == 0 ? null : $"No pay range, required in {string.Join(", ", missing.Select(l => l.Name))}.");
        return true;
    }
}
