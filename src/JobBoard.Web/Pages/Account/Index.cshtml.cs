using JobBoard.Data;
using JobBoard.Data.Accounts;
using JobBoard.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JobBoard.Web.Pages.Account;

/// <summary>
/// The signed-in user's account: who they are, their role, for a recruiter where their company stands, and their data:
/// a download of all of it and the way to delete the account.
/// </summary>
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

    /// <summary>
    /// The user's data as a JSON file. A GET, like any download: it changes nothing, and a page on another site that
    /// sends the browser here only puts the file in the user's own downloads, where it cannot read it. Never cached:
    /// the file is personal and must not outlive the response in a proxy or the browser's cache.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync([FromServices] PersonalDataExport export, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        Response.ContentType = "application/json; charset=utf-8";
        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = export.FileName() }.ToString();
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        await export.WriteAsync(account, Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
