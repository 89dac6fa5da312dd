using JobBoard.Data;
using JobBoard.Data.Accounts;
using JobBoard.Web.Mail;
using Microsoft.AspNetCore.Identity;

namespace JobBoard.Web.Accounts;

/// <summary>ASP.NET Core Identity as the board uses it: accounts in its own database, confirmed e-mail, lockout.</summary>
public static class BoardAccounts
{
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
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = SignOutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "jobboard.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
        });
        // A lock, a role change or a password reset by an admin reaches a signed-in session within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.Configure<SmtpSettings>(configuration.GetSection("Smtp"));
        services.AddSingleton<BoardMail>();
        return services;
    }
}
