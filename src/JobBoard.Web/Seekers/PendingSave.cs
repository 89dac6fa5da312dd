using System.Globalization;
using System.Security.Cryptography;
using JobBoard.Web.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace JobBoard.Web.Seekers;

/// <summary>
/// A guest's "Save job": the posting is remembered in a short-lived, data-protected cookie (nothing is written to the
/// database for a guest), and the save is done when they sign in, by whichever way they do (<see cref="CompleteAsync"/>
/// runs on the session cookie's OnSignedIn event). The posting page stays cacheable: it only links here.
/// </summary>
public static class PendingSave
{
    public const string CookieName = "jobboard.save";

    /// <summary>Long enough to sign in, or to register and confirm the address; short enough to be forgotten after.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private const string Purpose = "JobBoard.Seekers.PendingSave";

    public static void Remember(HttpContext context, int postingId)
    {
        var protector = Protector(context);
        context.Response.Cookies.Append(
            CookieName,
            protector.Protect(postingId.ToString(CultureInfo.InvariantCulture), Lifetime),
            new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = Lifetime,
            });
    }

    /// <summary>Saves the posting a guest asked to save before signing in, and forgets it.</summary>
    public static async Task CompleteAsync(CookieSignedInContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return;
        }

        context.Response.Cookies.Delete(CookieName, new CookieOptions { Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, HttpOnly = true });
        if (context.Principal?.UserId() is not { } userId || Read(context.HttpContext, value) is not { } postingId)
        {
            return;
        }

        await context.HttpContext.RequestServices.GetRequiredService<SavedJobs>()
            .SaveAsync(userId, postingId, context.HttpContext.RequestAborted);
    }

    /// <summary>The posting in the cookie; null when it is expired, forged or made with keys no longer held.</summary>
    private static int? Read(HttpContext context, string value)
    {
        try
        {
            return int.TryParse(Protector(context).Unprotect(value), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
