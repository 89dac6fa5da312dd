using System.Net;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JobBoard.Tests.Infrastructure;

/// <summary>
/// Accounts for tests that are not about signing in: a confirmed user in a role, made through Identity's own
/// UserManager, and an HTTP client carrying the session cookie the app itself would have issued for them (protected with
/// the app's keys), so every request goes through the real authentication and authorization.
/// </summary>
public static class TestAccounts
{
    public const string Password = "correct-horse-battery";

    /// <param name="password">Null for an account nobody signs in to with a password (faster: no hashing).</param>
    public static async Task<BoardUser> CreateUserAsync(
        this JobBoardApp app, string email, string role, Company? company = null, bool owner = true, string? password = Password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BoardUser>>();
        var user = new BoardUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = TestPostings.Now };
        Succeeded(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        Succeeded(await users.AddToRoleAsync(user, role));
        if (company is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<JobBoard.Data.JobBoardDbContext>();
            db.Attach(company);
            db.CompanyMembers.Add(owner ? CompanyMember.Founder(company, user.Id, TestPostings.Now) : CompanyMember.Request(company, user.Id, TestPostings.Now));
            await db.SaveChangesAsync();
        }

        return user;
    }

    /// <summary>A client signed in as <paramref name="user"/>; it keeps cookies (antiforgery) and does not follow redirects.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this JobBoardApp app, BoardUser user, CookieContainer? cookies = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<BoardUser>>();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var cookieOptions = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = app.Clock.GetUtcNow() }, IdentityConstants.ApplicationScheme);
        cookies ??= new CookieContainer();
        var client = app.GuestClient(cookies);
        cookies.Add(client.BaseAddress!, new Cookie(cookieOptions.Cookie.Name!, cookieOptions.TicketDataFormat.Protect(ticket)));
        return client;
    }

    /// <summary>A client with no account that keeps its cookies between requests and does not follow redirects.</summary>
    public static HttpClient GuestClient(this JobBoardApp app, CookieContainer? cookies = null) =>
        app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies ?? new CookieContainer()));

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
