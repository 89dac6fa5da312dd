using JobBoard.Data;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Loader.DemoData;

/// <summary>
/// Three confirmed accounts to try the board with (<c>demo --accounts</c>, which only <c>./jobboard.sh run</c> passes):
/// a recruiter who owns Novartis from the demo data, an admin and a seeker (with saved jobs, an alert and an application:
/// <see cref="DemoSeeker"/>), all with <see cref="Password"/>. Made once;
/// a second run finds them and changes nothing. Never part of a production load.
/// </summary>
public sealed class DemoAccounts(UserManager<BoardUser> users, JobBoardDbContext db, TimeProvider clock)
{
    public const string Password = "JobBoard-demo-2026";

    public static IReadOnlyList<(string Email, string Name, string Role)> All { get; } =
    [
        ("recruiter@novartis.example", "Nora Recruiter", BoardRoles.Recruiter),
        ("admin@jobboard.example", "Ada Admin", BoardRoles.Admin),
        ("seeker@jobboard.example", "Sam Seeker", BoardRoles.Seeker),
    ];

    /// <summary>Makes the accounts that are missing; the lines to print, one per account.</summary>
    public async Task<IReadOnlyList<string>> EnsureAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var novartis = await db.Companies.FirstOrDefaultAsync(c => c.Name == "Novartis", cancellationToken);
        foreach (var (email, name, role) in All)
        {
            if (role == BoardRoles.Recruiter && novartis is null)
            {
                lines.Add($"  {email}: not made, the board has no Novartis (load the demo board first)");
                continue;
            }

            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new BoardUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
                Succeeded(await users.CreateAsync(user, Password), email);
                Succeeded(await users.AddToRoleAsync(user, role), email);
                if (novartis is not null && role == BoardRoles.Recruiter)
                {
                    db.CompanyMembers.Add(CompanyMember.Founder(novartis, user.Id, clock.GetUtcNow()));
                    await db.SaveChangesAsync(cancellationToken);
                }
            }

            var activity = role switch
            {
                BoardRoles.Recruiter => ", owner of Novartis",
                BoardRoles.Seeker => ", " + await new DemoSeeker(db, clock).EnsureAsync(user, cancellationToken),
                _ => string.Empty,
            };
            lines.Add($"  {email,-28} {role}{activity}");
        }

        return lines;
    }

    private static void Succeeded(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not make the demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
