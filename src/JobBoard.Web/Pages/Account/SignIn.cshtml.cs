using System.ComponentModel.DataAnnotations;
using System.Globalization;
using JobBoard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JobBoard.Web.Pages.Account;

/// <summary>
/// Signs in with e-mail and password. Five wrong passwords lock the account for 15 minutes (Identity's lockout, on
/// failure), and the page says until when. A wrong password and an unknown address get the same answer; so does an
/// unconfirmed account unless its password was right. Each sign-in issues a new session cookie.
/// </summary>
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class SignInModel(SignInManager<BoardUser> signIn, UserManager<BoardUser> users) : PageModel
{
    private const string WrongCredentials = "Wrong e-mail address or password.";

    [BindProperty]
    public SignInForm Form { get; set; } = new();

    /// <summary>Where to go after signing in; only an address on this site is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    /// <summary>The password was right but the e-mail address is not confirmed yet.</summary>
    public bool Unconfirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Form.Email.Trim();
        var result = await signIn.PasswordSignInAsync(email, Form.Password, Form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (Url.IsLocalUrl(ReturnUrl))
            {
                return LocalRedirect(ReturnUrl);
            }

            var user = await users.FindByNameAsync(email);
            return LocalRedirect(user is null ? "/" : await HomeOfAsync(user));
        }

        var account = await users.FindByNameAsync(email);
        if (result.IsLockedOut && account is not null && await users.GetLockoutEndDateAsync(account) is { } end)
        {
            Problem = $"Too many failed attempts: this account is locked until {end.UtcDateTime.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} UTC. " +
                "Try again then, or reset your password.";
        }
        else if (result.IsNotAllowed && account is not null)
        {
            // Identity refuses an unconfirmed account before it checks the password: check it here, so that the answer
            // tells a stranger nothing, and count a wrong one towards the lockout as any other.
            if (await users.CheckPasswordAsync(account, Form.Password))
            {
                Unconfirmed = true;
                Problem = "Your e-mail address is not confirmed yet: follow the link in the mail we sent when you registered.";
            }
            else
            {
                await users.AccessFailedAsync(account);
                Problem = WrongCredentials;
            }
        }
        else
        {
            Problem = WrongCredentials;
        }

        return Page();
    }

    private async Task<string> HomeOfAsync(BoardUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Contains(BoardRoles.Admin) ? "/Admin" : roles.Contains(BoardRoles.Recruiter) ? "/Recruiter" : "/Account";
    }
}

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [StringLength(256, ErrorMessage = "An e-mail address has at most {1} characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(200, ErrorMessage = "A password has at most {1} characters.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }
}
