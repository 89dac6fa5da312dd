using System.ComponentModel.DataAnnotations;
using JobBoard.Data.Accounts;
using JobBoard.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JobBoard.Web.Pages.Account;

/// <summary>A new confirmation link. The answer is the same whether or not the address has an account waiting for one.</summary>
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ResendConfirmationModel(UserManager<BoardUser> users, AccountMail mail) : PageModel
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

        if (await users.FindByEmailAsync(Form.Email.Trim()) is { EmailConfirmed: false } user)
        {
            await mail.SendConfirmationAsync(user, cancellationToken);
        }

        return RedirectToPage("CheckInbox", new { @for = "confirm" });
    }
}

public sealed class EmailForm
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [StringLength(256, ErrorMessage = "An e-mail address has at most {1} characters.")]
    [EmailAddress(ErrorMessage = "This is not an e-mail address.")]
    [SingleLine]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;
}
