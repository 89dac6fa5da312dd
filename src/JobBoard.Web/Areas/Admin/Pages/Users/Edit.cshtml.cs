using System.Globalization;
using JobBoard.Data;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Moderation;
using JobBoard.Web.Authorization;
using JobBoard.Web.Moderation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Admin.Pages.Users;

/// <summary>
/// One account: lock it (until a date or indefinitely), unlock it, change its role. Each change renews the account's
/// security stamp, so its signed-in sessions notice within the stamp validation interval (BoardAccounts). An admin
/// cannot lock or demote themselves: the board would risk losing its last admin to a slip.
/// </summary>
public sealed class EditModel(JobBoardDbContext db, UserManager<BoardUser> users, TimeProvider clock) : PageModel
{
    public BoardUser Account { get; private set; } = null!;

    public string? Role { get; private set; }

    public string? CompanyName { get; private set; }

    public MembershipStatus? MembershipStatus { get; private set; }

    public bool IsLocked { get; private set; }

    public bool IsSelf { get; private set; }

    /// <summary>The last day of the lock; empty locks indefinitely.</summary>
    [BindProperty]
    public DateOnly? LockUntil { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? NewRole { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLockAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var reason = FormText.Check(ModelState, nameof(Reason), Reason, PostingReport.MaxDetailsLength);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (LockUntil is { } until && until < today)
        {
            ModelState.AddModelError(nameof(LockUntil), "Choose today or a later day, or leave it empty to lock indefinitely.");
        }

        RefuseSelf("lock");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Locked through the whole of the chosen day (UTC).
        var end = LockUntil is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MaxValue;
        await users.SetLockoutEnabledAsync(Account, true);
        await users.SetLockoutEndDateAsync(Account, end);
        await users.UpdateSecurityStampAsync(Account);
        await AuditAsync(LockUntil is { } last ? $"locked user until {last:yyyy-MM-dd}" : "locked user indefinitely", reason, cancellationToken);
        TempData["Done"] = $"{Account.Email} is locked {(LockUntil is { } shown ? $"through {shown:yyyy-MM-dd}" : "indefinitely")}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var reason = FormText.Check(ModelState, nameof(Reason), Reason, PostingReport.MaxDetailsLength);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        await AuditAsync("unlocked user", reason, cancellationToken);
        TempData["Done"] = $"{Account.Email} is unlocked.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostChangeRoleAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var reason = FormText.Check(ModelState, nameof(Reason), Reason, PostingReport.MaxDetailsLength);
        var role = BoardRoles.All.FirstOrDefault(r => r == NewRole);
        if (role is null)
        {
            ModelState.AddModelError(nameof(NewRole), "Choose one of the board's roles.");
        }
        else if (role == Role)
        {
            ModelState.AddModelError(nameof(NewRole), $"{Account.Email} is already a {role}.");
        }

        RefuseSelf("change the role of");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var current = await users.GetRolesAsync(Account);
        await users.RemoveFromRolesAsync(Account, current);
        await users.AddToRoleAsync(Account, role!);
        await users.UpdateSecurityStampAsync(Account);
        await AuditAsync($"changed role from {Role ?? "none"} to {role}", reason, cancellationToken);
        TempData["Done"] = $"{Account.Email} is now a {role}.";
        return RedirectToPage(new { id });
    }

    private void RefuseSelf(string what)
    {
        if (IsSelf)
        {
            ModelState.AddModelError(string.Empty, $"You cannot {what} your own account; ask another admin.");
        }
    }

    private async Task AuditAsync(string action, string? reason, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), User.Identity!.Name!, action, "user", Account.Id.ToString(CultureInfo.InvariantCulture), reason));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture));
        if (account is null)
        {
            return false;
        }

        Account = account;
        Role = (await users.GetRolesAsync(account)).FirstOrDefault();
        IsLocked = account.LockoutEnd is { } end && end > clock.GetUtcNow();
        IsSelf = User.UserId() == account.Id;
        var membership = await db.CompanyMembers.AsNoTracking().Where(m => m.UserId == id)
            .Select(m => new { m.Company.Name, m.Status }).FirstOrDefaultAsync(cancellationToken);
        CompanyName = membership?.Name;
        MembershipStatus = membership?.Status;
        return true;
    }
}
