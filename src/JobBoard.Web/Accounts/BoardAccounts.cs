using System.Security.Claims;
using JobBoard.Data;
using JobBoard.Data.Accounts;
using JobBoard.Web.Authorization;
using JobBoard.Web.Mail;
using JobBoard.Web.Seekers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Accounts;

/// <summary>ASP.NET Core Identity as the board uses it: accounts in its own database, confirmed e-mail, lockout.</summary>
public static class BoardAccounts
{
    /// <summary>The session cookie: its presence marks a signed-in browser (<see cref="ResponseCompressionPolicy"/>).</summary>
    public const string SessionCookie = "jobboard.session";

    public const string SignInPath = "/Account/SignIn";
    public const string SignOutPath = "/Account/SignOut";
    public const string AccessDeniedPath = "/Account/AccessDenied";

    public static IServiceCollection AddBoardAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<BoardUser, IdentityRole<int>>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                // Length over composition rules, as NIST SP 800-63B advises.
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<JobBoardDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<BoardClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = SignOutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = SessionCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.Events.OnValidatePrincipal = RejectEndedSessionAsync;
            cookie.Events.OnSignedIn = PendingSave.CompleteAsync;
        });
        // A lock, a role change or a password reset by an admin reaches a signed-in session within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.Configure<SmtpSettings>(configuration.GetSection("Smtp"));
        services.AddSingleton<BoardMail>();
        services.AddScoped<AccountMail>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<AccountDeletion>();
        return services;
    }

    /// <summary>
    /// A session cookie is refused as soon as its account's security stamp has changed (sign-out, password reset, a
    /// role change), not only at Identity's periodic check: one indexed read per signed-in request, so a cookie copied
    /// before a sign-out is worthless at once.
    /// </summary>
    private static async Task RejectEndedSessionAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.UserId() is not { } userId)
        {
            return;
        }

        var stampType = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal.FindFirstValue(stampType);
        var db = context.HttpContext.RequestServices.GetRequiredService<JobBoardDbContext>();
        var current = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || current != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
