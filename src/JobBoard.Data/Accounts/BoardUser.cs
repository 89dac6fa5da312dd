using Microsoft.AspNetCore.Identity;

namespace JobBoard.Data.Accounts;

/// <summary>A person with an account on the board: a seeker, a recruiter or an admin (<see cref="BoardRoles"/>).</summary>
public sealed class BoardUser : IdentityUser<int>
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>The name the board greets them by and shows beside their actions.</summary>
    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The board's three kinds of users; every account has exactly one of these roles.</summary>
public static class BoardRoles
{
    public const string Seeker = "Seeker";
    public const string Recruiter = "Recruiter";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Seeker, Recruiter, Admin];
}
