using JobBoard.Data;
using JobBoard.Web.Alerts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Alerts;

/// <summary>
/// The unsubscribe link of every alert mail, with no sign-in: the signed token is the right to it. A GET names the alert
/// and asks for a click (a mail scanner opening links must not unsubscribe anyone); a POST deletes the alert, whether
/// from that button or from a mail client's one-click unsubscribe (RFC 8058: a POST of
/// <c>List-Unsubscribe=One-Click</c> to the <c>List-Unsubscribe</c> address). The mail client has no antiforgery token
/// to send, and needs none: a forged request would need the signed token, which is the whole right.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(JobBoardDbContext db, AlertTokens tokens) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Invalid { get; private set; }

    /// <summary>The alert's name while it exists.</summary>
    public string? Name { get; private set; }

    public string? Email { get; private set; }

    /// <summary>This request removed the alert.</summary>
    public bool Removed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tokens.ReadUnsubscribe(Token) is not { } id)
        {
            return Refused();
        }

        var alert = await db.JobAlerts.Where(a => a.Id == id).Select(a => new { a.Name, a.Email }).FirstOrDefaultAsync(cancellationToken);
        (Name, Email) = (alert?.Name, alert?.Email);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (tokens.ReadUnsubscribe(Token) is not { } id)
        {
            return Refused();
        }

        var alert = await db.JobAlerts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is not null)
        {
            (Name, Email) = (alert.Name, alert.Email);
            db.JobAlerts.Remove(alert);
            await db.SaveChangesAsync(cancellationToken);
        }

        Removed = true;
        return Page();
    }

    private PageResult Refused()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
