using System.ComponentModel.DataAnnotations;
using JobBoard.Data.Accounts;
using JobBoard.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JobBoard.Web.Pages.Account;

/// <summary>
/// Deletes the signed-in user's account (<see cref="AccountDeletion"/>) once they give their password and type the
/// confirmation word: a session left open on a shared computer is not enough. Wrong passwords count towards the
/// account's lockout, as at sign-in. The last admin, and the last recruiter of a company with live postings, are
/// told why not and what to do first.
/// </summary>
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class DeleteModel(UserManager<BoardUser> users, SignInManager<BoardUser> signIn, AccountDeletion deletion, AccountMail mail) : PageModel
{
    public const string ConfirmationWord = "DELETE";

    [BindProperty]
    public DeleteAccountForm Form { get; set; } = new();

    /// <summary>Why this account cannot be deleted now, if it cannot.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        Refusal = await deletion.RefusalAsync(account, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        Refusal = await deletion.RefusalAsync(account, cancellationToken);
        if (Refusal is not null || !ModelState.IsValid)
        {
            return Page();
        }

        if (!string.Equals(Form.Confirmation.Trim(), ConfirmationWord, StringComparison.Ordinal))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.Confirmation)}", $"Type {ConfirmationWord} in capitals to confirm.");
            return Page();
        }

        var check = await signIn.CheckPasswordSignInAsync(account, Form.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.Password)}", check.IsLockedOut
                ? "Too many wrong passwords: this account is locked for a while. Try again later."
                : "This is not your password.");
            return Page();
        }

        var (email, name) = (account.Email!, account.DisplayName);
        Refusal = await deletion.DeleteAsync(account, cancellationToken);
        if (Refusal is not null)
        {
            return Page();
        }

        await signIn.SignOutAsync();
        await mail.SendAccountDeletedAsync(email, name, cancellationToken);
        return RedirectToPage("Deleted");
    }
}

public sealed class DeleteAccountForm
{
    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(200, ErrorMessage = "A password has at most {1} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Your password")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Type DELETE in capitals to confirm.")]
    [StringLength(20, ErrorMessage = "Type DELETE in capitals to confirm.")]
    [Display(Name = "Type DELETE to confirm")]
    public string Confirmation { get; set; } = string.Empty;
}
