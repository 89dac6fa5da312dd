using JobBoard.Data.Accounts;
using JobBoard.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JobBoard.Web.Pages.Account;

/// <summary>The link of the confirmation mail: confirms the address, after which the account can sign in.</summary>
public sealed class ConfirmEmailModel(UserManager<BoardUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(int? userId, string? code)
    {
        var token = AccountMail.Decode(code);
        if (userId is null || token is null || await users.FindByIdAsync(userId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
        {
            return;
        }

        Confirmed = user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
