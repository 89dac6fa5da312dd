using JobBoard.Data;
using JobBoard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JobBoard.Web.Pages.Account;

/// <summary>The signed-in user's account: who they are, their role, and for a recruiter where their company stands.</summary>
public sealed class IndexModel(UserManager<BoardUser> users, JobBoardDbContext db) : PageModel
{
    public BoardUser Account { get; private set; } = null!;

    public string Role { get; private set; } = string.Empty;

    public IReadOnlyList<MembershipState> Memberships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        Account = account;
        Role = (await users.GetRolesAsync(account)).FirstOrDefault() ?? BoardRoles.Seeker;
        Memberships = await MembershipState.OfAsync(db, User, cancellationToken);
        return Page();
    }
}
