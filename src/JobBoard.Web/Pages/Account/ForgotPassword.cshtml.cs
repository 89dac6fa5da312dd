using JobBoard.Data.Accounts;
using JobBoard.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JobBoard.Web.Pages.Account;

/// <summary>Mails a reset link to a confirmed account; the answer never says whether the address has one.</summary>
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ForgotPasswordModel(UserManager<BoardUser> users, AccountMail mail) : PageModel
{
    [BindProperty]
    public EmailForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.FindByEmailAsync(Form.Email.Trim()) is { EmailConfirmed: true } user)
        {
            await mail.SendPasswordResetAsync(user, cancellationToken);
        }

        return RedirectToPage("CheckInbox", new { @for = "reset" });
    }
}
