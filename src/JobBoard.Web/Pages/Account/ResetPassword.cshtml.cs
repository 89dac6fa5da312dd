using System.ComponentModel.DataAnnotations;
using System.Globalization;
using JobBoard.Data.Accounts;
using JobBoard.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JobBoard.Web.Pages.Account;

/// <summary>
/// The link of the reset mail: a new password. It ends a lockout and, with the new security stamp Identity gives the
/// account, every session signed in with the old password.
/// </summary>
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ResetPasswordModel(UserManager<BoardUser> users) : PageModel
{
    [BindProperty]
    public ResetPasswordForm Form { get; set; } = new();

    public bool LinkInvalid { get; private set; }

    public bool Done { get; private set; }

    public void OnGet(int? userId, string? code)
    {
        Form = new ResetPasswordForm { UserId = userId ?? 0, Code = code ?? string.Empty };
        LinkInvalid = userId is null || AccountMail.Decode(code) is null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = AccountMail.Decode(Form.Code);
        var user = await users.FindByIdAsync(Form.UserId.ToString(CultureInfo.InvariantCulture));
        if (token is null || user is null)
        {
            LinkInvalid = true;
            return Page();
        }

        var reset = await users.ResetPasswordAsync(user, token, Form.Password);
        if (!reset.Succeeded)
        {
            foreach (var error in reset.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.InvalidToken))
                {
                    LinkInvalid = true;
                }
                else
                {
                    ModelState.AddModelError($"{nameof(Form)}.{nameof(ResetPasswordForm.Password)}", error.Description);
                }
            }

            return Page();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Done = true;
        return Page();
    }
}

public sealed class ResetPasswordForm
{
    public int UserId { get; set; }

    [Required]
    [StringLength(2000)]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "A password has at least {2} and at most {1} characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
