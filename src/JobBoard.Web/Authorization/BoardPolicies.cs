using System.Security.Claims;
using JobBoard.Data;
using JobBoard.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Authorization;

/// <summary>
/// Who may use what. Every page gets a rule from its folder (<see cref="AddBoardPageConventions"/>); anything without
/// one falls back to "signed in", never to public. Recruiters are further limited to their own company's rows by the
/// queries of <see cref="CurrentRecruiter"/>: another company's posting is a 404 to them, as if it did not exist.
/// </summary>
public static class BoardPolicies
{
    /// <summary>A recruiter with an approved membership of a company.</summary>
    public const string Recruiter = "Recruiter";

    public const string Admin = "Admin";

    /// <summary>Any signed-in user, whatever their role (their own account pages).</summary>
    public const string SignedIn = "SignedIn";

    public static IServiceCollection AddBoardAuthorization(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, ApprovedMembershipHandler>();
        services.AddScoped<CurrentRecruiter>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Admin, policy => policy.RequireRole(BoardRoles.Admin))
            .AddPolicy(Recruiter, policy => policy.RequireRole(BoardRoles.Recruiter).AddRequirements(new ApprovedMembershipRequirement()));
        return services;
    }

    /// <summary>
    /// The public pages are named one by one; the areas take their policy from their folder. A page added elsewhere
    /// without a rule here needs a signed-in user (the fallback policy), and the authorization matrix test names it.
    /// </summary>
    public static void AddBoardPageConventions(this Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection conventions)
    {
        conventions.AllowAnonymousToPage("/Index");
        conventions.AllowAnonymousToPage("/Error");
        conventions.AllowAnonymousToFolder("/Jobs");
        conventions.AllowAnonymousToFolder("/Companies");
        conventions.AllowAnonymousToFolder("/ApiDocs");
        // The account pages a guest needs; /Account itself is the signed-in user's.
        foreach (var page in (string[])["Register", "CheckInbox", "ConfirmEmail", "ResendConfirmation", "SignIn", "SignOut", "ForgotPassword", "ResetPassword", "AccessDenied", "Deleted"])
        {
            conventions.AllowAnonymousToPage($"/Account/{page}");
        }

        conventions.AuthorizePage("/Account/Index", SignedIn);
        conventions.AuthorizeFolder("/Saved", SignedIn);
        // Alerts: saving a search and the mailed links (confirm, unsubscribe) work without an account; the list needs one.
        foreach (var page in (string[])["New", "Confirm", "Unsubscribe"])
        {
            conventions.AllowAnonymousToPage($"/Alerts/{page}");
        }

        conventions.AuthorizePage("/Alerts/Index", SignedIn);
        // A seeker's applications and the on-board application form (/jobs/{id}/apply/form), which is theirs to follow.
        conventions.AuthorizeFolder("/Applications", SignedIn);
        conventions.AuthorizeAreaFolder("Recruiter", "/", Recruiter);
        conventions.AuthorizeAreaFolder("Admin", "/", Admin);
    }

    /// <summary>The signed-in user's id, as Identity puts it in the cookie; null for a guest.</summary>
    public static int? UserId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

/// <summary>The recruiter's membership of their company has been approved (by its owner or an admin).</summary>
public sealed class ApprovedMembershipRequirement : IAuthorizationRequirement;

/// <summary>
/// Checks the membership in the database on each request rather than trusting a claim in the cookie: a recruiter
/// removed from a company loses its postings at once, not when their cookie is next renewed.
/// </summary>
public sealed class ApprovedMembershipHandler(CurrentRecruiter recruiter) : AuthorizationHandler<ApprovedMembershipRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ApprovedMembershipRequirement requirement)
    {
        if (await recruiter.FindAsync(context.User) is not null)
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>The company a signed-in recruiter acts for, read once per request.</summary>
public sealed record RecruiterMembership(int UserId, string Email, int CompanyId, string CompanyName, string CompanySlug, bool IsOwner);

/// <summary>
/// The signed-in recruiter's approved company, for the recruiter area's queries: every one of them filters by
/// <see cref="RecruiterMembership.CompanyId"/>, so another company's rows are simply not found.
/// </summary>
public sealed class CurrentRecruiter(JobBoardDbContext db, IHttpContextAccessor http)
{
    private RecruiterMembership? _membership;
    private bool _looked;

    /// <summary>The membership of the request's user; throws outside the recruiter area, where the policy has not run.</summary>
    public async Task<RecruiterMembership> GetAsync(CancellationToken cancellationToken = default) =>
        await FindAsync(http.HttpContext?.User ?? throw new InvalidOperationException("No request."), cancellationToken)
        ?? throw new InvalidOperationException("Not a recruiter with an approved membership: the Recruiter policy should have refused the request.");

    public async Task<RecruiterMembership?> FindAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (_looked)
        {
            return _membership;
        }

        if (user.UserId() is { } userId && user.IsInRole(BoardRoles.Recruiter))
        {
            _membership = await db.CompanyMembers
                .Where(m => m.UserId == userId && m.Status == Domain.Companies.MembershipStatus.Approved)
                .Select(m => new RecruiterMembership(userId, user.Identity!.Name ?? string.Empty, m.CompanyId, m.Company.Name, m.Company.Slug, m.IsOwner))
                .FirstOrDefaultAsync(cancellationToken);
        }

        _looked = true;
        return _membership;
    }
}
