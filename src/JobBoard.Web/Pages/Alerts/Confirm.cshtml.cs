using JobBoard.Data;
using JobBoard.Domain.Seekers;
using JobBoard.Web.Alerts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Alerts;

/// <summary>
/// The link of a guest's confirmation mail: the page names the alert and confirms it with a button, not on the GET
/// itself, so a mail scanner that opens links cannot turn an alert on for an address whose owner never asked.
/// </summary>
public sealed class ConfirmModel(JobBoardDbContext db, AlertTokens tokens, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>The alert the token names; null when the link is not valid or the alert is gone.</summary>
    public JobAlert? Alert { get; private set; }

    /// <summary>The link was altered or has expired.</summary>
    public bool Invalid { get; private set; }

    public string SearchUrl => SavedSearch.SearchPath(Alert?.Query ?? string.Empty);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : Refused();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Alert is null)
        {
            return Refused();
        }

        Alert.Confirm(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { token = Token });
    }

    /// <summary>Reads the token and its alert; false when the token is not one this board made for confirming.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (tokens.ReadConfirmation(Token) is not { } id)
        {
            Invalid = true;
            return false;
        }

        Alert = await db.JobAlerts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return true;
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
