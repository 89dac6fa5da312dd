using JobBoard.Data;
using JobBoard.Domain.Common;
using JobBoard.Domain.Postings;
using JobBoard.Web.Authorization;
using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Recruiter.Pages.Postings;

/// <summary>
/// One posting of the recruiter's company: edit, preview, save, submit, close, renew, duplicate. Another company's
/// posting is not found (404) by every handler. Each save carries the version the form was filled from; a stale one
/// is refused with the recruiter's input kept. Every write forgets the cached pages so the public sees it at once.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(ValueLengthLimit = MaxRequestBytes)]
public sealed class EditModel(JobBoardDbContext db, CurrentRecruiter recruiter, TimeProvider clock, PostingCaches caches)
    : PostingEditorPage(db, recruiter, clock)
{
    /// <summary>
    /// The editor's form is the board's biggest: texts of up to 20,000 characters and lists of up to 100 items, which
    /// form-encoded in a script of three-byte characters (nine bytes each) pass the 1 MB every other form is held to.
    /// </summary>
    public const int MaxRequestBytes = 4 * 1024 * 1024;

    public const string NoticeKey = "PostingNotice";

    public JobPosting Posting { get; private set; } = null!;

    /// <summary>Someone saved the posting after this form was filled in; nothing was stored.</summary>
    public bool Conflict { get; private set; }

    public override bool CanSubmit => Posting.Status is PostingStatus.Draft or PostingStatus.Rejected;

    public override string SaveLabel => CanSubmit ? base.SaveLabel : "Save changes";

    [BindProperty]
    public DateOnly? RenewUntil { get; set; }

    [TempData(Key = NoticeKey)]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = PostingForm.From(Posting.ToContent(), Posting.Version);
        PayRangeMissing = PayTransparency.MissingRangeFor(Posting, Today);
        return Page();
    }

    /// <summary>
    /// The editor form's buttons post here with their value in "command" (Save, Submit, Preview) or "row" (add, remove,
    /// move a row: the same form comes back, changed). Close, renew and duplicate are forms of their own.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(int id, string? command, string? row, CancellationToken cancellationToken)
    {
        if (command is "Save" or "Submit")
        {
            return await SaveAsync(id, submit: command == "Submit", cancellationToken);
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (command == "Preview")
        {
            if (await ReadFormAsync(Posting.ToContent().Locations, cancellationToken) is { } content)
            {
                ShowPreview(content, Posting.Id);
            }
        }
        else
        {
            ApplyRowCommand(row);
        }

        return Page();
    }

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, posting => posting.Close(Membership.Email, Now), "Closed: the posting no longer takes applications.", cancellationToken);

    public Task<IActionResult> OnPostRenewAsync(int id, CancellationToken cancellationToken) =>
        ChangeStatusAsync(
            id,
            posting => RenewUntil is { } until ? posting.Renew(until, Membership.Email, Now) : Result.Failure(nameof(RenewUntil), "Choose the new closing date."),
            $"Renewed until {RenewUntil:yyyy-MM-dd}.",
            cancellationToken);

    /// <summary>A new draft with this posting's content (undated), opened in the editor.</summary>
    public async Task<IActionResult> OnPostDuplicateAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var copy = Posting.Duplicate(Membership.Email, Now);
        if (!copy.Succeeded)
        {
            return ShowAgain(copy);
        }

        Db.Postings.Add(copy.Value);
        await Db.SaveChangesAsync(cancellationToken);
        Notice = $"A copy of \"{Posting.Title}\" as a new draft.";
        return RedirectToPage(new { id = copy.Value.Id });
    }

    private async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await ReadFormAsync(Posting.ToContent().Locations, cancellationToken) is not { } content)
        {
            return Page();
        }

        if (Form.Version != Posting.Version)
        {
            Conflict = true;
            return Page();
        }

        var wasPublic = Posting.HasPublicPage;
        var revised = Posting.Revise(content, Membership.Email, Now);
        if (revised.Succeeded && submit)
        {
            revised = Posting.Submit(Membership.Email, Now);
        }

        if (!revised.Succeeded)
        {
            AddErrors(revised);
            return Page();
        }

        if (!await SaveChangesAsync(cancellationToken))
        {
            return Page();
        }

        if (wasPublic)
        {
            await caches.ForgetAsync(cancellationToken);
        }

        Notice = (submit, Posting.Status) switch
        {
            (true, _) => "Submitted for review.",
            (_, PostingStatus.PendingReview) when wasPublic => "Saved. The change goes back through review: the posting is off the board until it is approved again.",
            (_, PostingStatus.Published) => "Saved; the public page shows the change.",
            _ => "Saved.",
        };
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ChangeStatusAsync(int id, Func<JobPosting, Result> change, string notice, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Form.Version != Posting.Version)
        {
            Conflict = true;
            return ShowAgain(Result.Success());
        }

        var changed = change(Posting);
        if (!changed.Succeeded)
        {
            return ShowAgain(changed);
        }

        if (!await SaveChangesAsync(cancellationToken))
        {
            return ShowAgain(Result.Success());
        }

        await caches.ForgetAsync(cancellationToken);
        Notice = notice;
        return RedirectToPage(new { id });
    }

    // The close, renew and duplicate forms post no content: the editor is filled from the posting again.
    private PageResult ShowAgain(Result result)
    {
        ModelState.Clear();
        Form = PostingForm.From(Posting.ToContent(), Form.Version == 0 ? Posting.Version : Form.Version);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field == nameof(RenewUntil) || error.Field == nameof(JobPosting.ValidThrough) ? nameof(RenewUntil) : string.Empty, error.Message);
        }

        return Page();
    }

    private async Task<bool> SaveChangesAsync(CancellationToken cancellationToken)
    {
        Db.Entry(Posting).Property(p => p.Version).OriginalValue = Form.Version;
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = true;
            return false;
        }
    }

    /// <summary>The posting, if it is one of the recruiter's company's; everything the editor and its preview need.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        var posting = await Db.Postings
            .AsSplitQuery()
            .Include(p => p.Company)
            .Include(p => p.Locations.OrderBy(l => l.Position))
            .Include(p => p.Categories.OrderBy(c => c.Position)).ThenInclude(c => c.Category)
            .Include(p => p.Skills.OrderBy(s => s.Position)).ThenInclude(s => s.Skill)
            .Include(p => p.StatusHistory.OrderBy(h => h.Id))
            .FirstOrDefaultAsync(p => p.Id == id && p.CompanyId == Membership.CompanyId, cancellationToken);
        if (posting is null)
        {
            return false;
        }

        Posting = posting;
        return true;
    }
}
