using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Web.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace JobBoard.Web.Areas.Recruiter.Pages.Postings;

/// <summary>A new posting of the recruiter's company: saved as a draft, or submitted for review at once.</summary>
[RequestSizeLimit(EditModel.MaxRequestBytes)]
[RequestFormLimits(ValueLengthLimit = EditModel.MaxRequestBytes)]
public sealed class NewModel(JobBoardDbContext db, CurrentRecruiter recruiter, TimeProvider clock)
    : PostingEditorPage(db, recruiter, clock)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Form = new PostingForm
        {
            WorkMode = nameof(WorkMode.OnSite),
            Responsibilities = [string.Empty],
            Requirements = [new RequirementRow()],
            Locations = [string.Empty],
            Skills = [string.Empty],
        };
    }

    /// <summary>
    /// The editor form's buttons post here with their value in "command" (Save, Submit, Preview) or "row" (add, remove,
    /// move a row: the same form comes back, changed).
    /// </summary>
    public async Task<IActionResult> OnPostAsync(string? command, string? row, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        switch (command)
        {
            case "Save" or "Submit":
                return await CreateAsync(submit: command == "Submit", cancellationToken);
            case "Preview":
                if (await ReadFormAsync([], cancellationToken) is { } content)
                {
                    ShowPreview(content);
                }

                return Page();
            default:
                ApplyRowCommand(row);
                return Page();
        }
    }

    private async Task<IActionResult> CreateAsync(bool submit, CancellationToken cancellationToken)
    {
        if (await ReadFormAsync([], cancellationToken) is not { } content)
        {
            return Page();
        }

        var created = JobPosting.CreateDraft(Company, content, Membership.Email, Now);
        if (!created.Succeeded)
        {
            AddErrors(created);
            return Page();
        }

        var posting = created.Value;
        if (submit && posting.Submit(Membership.Email, Now) is { Succeeded: false } refused)
        {
            AddErrors(refused);
            return Page();
        }

        Db.Postings.Add(posting);
        await Db.SaveChangesAsync(cancellationToken);
        TempData[EditModel.NoticeKey] = submit ? "Submitted for review." : "Draft saved.";
        return RedirectToPage("Edit", new { id = posting.Id });
    }
}
