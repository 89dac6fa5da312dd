using System.Security.Claims;
using JobBoard.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JobBoard.Web.Accounts;

/// <summary>Puts the user's display name in the session, so the nav greets them without reading the database.</summary>
public sealed class BoardClaimsPrincipalFactory(UserManager<BoardUser> users, RoleManager<IdentityRole<int>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BoardUser, IdentityRole<int>>(users, roles, options)
{
    public const string DisplayNameClaim = "jobboard:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BoardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? string.Empty : user.DisplayName));
        return identity;
    }
}

public static class BoardUserClaims
{
    /// <summary>The name the board greets the signed-in user by (their e-mail if they gave none).</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(BoardClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? string.Empty;
}
