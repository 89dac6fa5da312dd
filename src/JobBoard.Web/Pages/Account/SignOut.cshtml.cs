using JobBoard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JobBoard.Web.Pages.Account;

/// <summary>
/// Signs out on a POST only (a link or an image on another site cannot sign anyone out); a GET asks. A new security
/// stamp makes every session cookie of the account worthless at once, a copied one included.
/// </summary>
public sealed class SignOutModel(SignInManager<BoardUser> signIn, UserManager<BoardUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
