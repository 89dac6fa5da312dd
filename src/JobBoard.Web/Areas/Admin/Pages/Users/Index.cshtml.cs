using JobBoard.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Admin.Pages.Users;

/// <summary>The board's accounts, searchable by e-mail or name, with their role and whether they are locked out.</summary>
public sealed class IndexModel(JobBoardDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public bool HasNext { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        Now = clock.GetUtcNow();
        var users = db.Users.AsQueryable();
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            var pattern = "%" + q.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            users = users.Where(u => EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.DisplayName!, pattern));
        }

        var rows = await users
            .OrderBy(u => u.Email).ThenBy(u => u.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(u => new UserRow(
                u.Id, u.Email ?? string.Empty, u.DisplayName,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                u.LockoutEnd, u.EmailConfirmed, u.CreatedAt))
            .ToListAsync(cancellationToken);
        HasNext = rows.Count > PageSize;
        Users = rows.Take(PageSize).ToList();
    }
}

public sealed record UserRow(int Id, string Email, string? DisplayName, string? Role, DateTimeOffset? LockoutEnd, bool EmailConfirmed, DateTimeOffset CreatedAt)
{
    public bool IsLockedAt(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}
