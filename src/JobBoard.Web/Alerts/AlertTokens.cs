using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace JobBoard.Web.Alerts;

/// <summary>
/// The signed tokens of the alert links, made with ASP.NET Core Data Protection, one purpose each: a token that
/// unsubscribes cannot confirm, and the reverse. Holding an unsubscribe token is the right to unsubscribe (no sign-in:
/// it arrives with every mail of the alert and does not expire); a confirmation token is good for
/// <see cref="ConfirmationLifetime"/>. A token altered by one character reads as nothing.
/// </summary>
public sealed class AlertTokens(IDataProtectionProvider protection)
{
    /// <summary>How long a guest has to confirm an alert; unconfirmed alerts older than this are deleted by the sender.</summary>
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector _unsubscribe = protection.CreateProtector("JobBoard.Alerts.Unsubscribe.v1");
    private readonly ITimeLimitedDataProtector _confirm = protection.CreateProtector("JobBoard.Alerts.Confirm.v1").ToTimeLimitedDataProtector();

    public string Unsubscribe(long alertId) => _unsubscribe.Protect(alertId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The alert an unsubscribe token names; null when the token is missing, altered or made for something else.</summary>
    public long? ReadUnsubscribe(string? token) => Read(token, _unsubscribe.Unprotect);

    // Data Protection's own clock decides expiry, not the app's TimeProvider: it reads it again when unprotecting.
    public string Confirmation(long alertId) => _confirm.Protect(alertId.ToString(CultureInfo.InvariantCulture), ConfirmationLifetime);

    /// <summary>The alert a confirmation token names; null when it is missing, altered, expired or made for something else.</summary>
    public long? ReadConfirmation(string? token) => Read(token, _confirm.Unprotect);

    private static long? Read(string? token, Func<string, string> unprotect)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            return long.TryParse(unprotect(token.Trim()), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
