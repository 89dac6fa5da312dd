using System.Text;
using System.Text.Encodings.Web;
using JobBoard.Data.Accounts;
using JobBoard.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace JobBoard.Web.Accounts;

/// <summary>
/// The account mails: a confirmation link after registering, a password reset link, a recruiter's join decision, and
/// the notice that an account was deleted.
/// Links are absolute, to the address the request came in on (behind a proxy, the forwarded one). Tokens come from
/// Identity and go into the link base64url-encoded, as the pages that read them expect.
/// </summary>
public sealed partial class AccountMail(BoardMail mail, UserManager<BoardUser> users, LinkGenerator links, IHttpContextAccessor http, ILogger<AccountMail> logger)
{
    /// <summary>Sends the confirmation link; false when the mail server could not be reached (the page says so).</summary>
    public async Task<bool> SendConfirmationAsync(BoardUser user, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = Link("/Account/ConfirmEmail", new { userId = user.Id, code = Encode(token) });
        return await TrySendAsync(user.Email!, "Confirm your JobBoard account",
            $"Hello {user.DisplayName},\n\nConfirm your e-mail address to start using your JobBoard account:\n{link}\n\nIf you did not register, ignore this mail: nothing happens without the link.",
            "Confirm my e-mail address", link, cancellationToken);
    }

    public async Task<bool> SendPasswordResetAsync(BoardUser user, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link("/Account/ResetPassword", new { userId = user.Id, code = Encode(token) });
        return await TrySendAsync(user.Email!, "Reset your JobBoard password",
            $"Hello {user.DisplayName},\n\nChoose a new password for your JobBoard account here:\n{link}\n\nIf you did not ask for this, ignore this mail: your password stays as it is.",
            "Choose a new password", link, cancellationToken);
    }

    public Task<bool> SendJoinDecisionAsync(BoardUser user, string companyName, bool approved, CancellationToken cancellationToken)
    {
        var link = Absolute(approved ? "/Recruiter" : "/Account");
        var text = approved
            ? $"Hello {user.DisplayName},\n\nYour request to join {companyName} on JobBoard was approved. Your recruiter area:\n{link}"
            : $"Hello {user.DisplayName},\n\nYour request to join {companyName} on JobBoard was declined. Your account:\n{link}";
        return TrySendAsync(user.Email!, approved ? $"You have joined {companyName}" : $"Your request to join {companyName} was declined",
            text, approved ? "Open the recruiter area" : "Open my account", link, cancellationToken);
    }

    /// <summary>
    /// Says the account is gone, to the address it had: the person learns at once if someone else deleted it with
    /// their password. Sent after the deletion, so nothing of the account is needed any more.
    /// </summary>
    public Task<bool> SendAccountDeletedAsync(string email, string? displayName, CancellationToken cancellationToken)
    {
        var link = Absolute("/");
        return TrySendAsync(email, "Your JobBoard account is deleted",
            $"Hello {displayName},\n\nYour JobBoard account is deleted, and with it your saved jobs, alerts and applications. The board keeps nothing that names you.\n\n" +
            $"If you did not do this, someone knew your password: the account cannot be brought back, but change that password wherever else you use it.\n\nJobBoard:\n{link}",
            "Go to JobBoard", link, cancellationToken);
    }

    /// <summary>The token as it travels in a link.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token from a link, or null when the link was mangled.</summary>
    public static string? Decode(string? code)
    {
        try
        {
            return code is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Link(string page, object values) =>
        links.GetUriByPage(Current, page, handler: null, values: values) ?? throw new InvalidOperationException($"No page {page}.");

    /// <summary>An address on this board, for a path whose page another part of the app owns.</summary>
    private string Absolute(string path) => $"{Current.Request.Scheme}://{Current.Request.Host}{Current.Request.PathBase}{path}";

    private HttpContext Current => http.HttpContext ?? throw new InvalidOperationException("Account mail is sent while answering a request.");

    private async Task<bool> TrySendAsync(string to, string subject, string text, string button, string link, CancellationToken cancellationToken)
    {
        var lines = string.Join("", text.Split("\n\n").Where(p => !p.Contains(link, StringComparison.Ordinal))
            .Select(p => $"<p>{HtmlEncoder.Default.Encode(p)}</p>"));
        var html = $"<!DOCTYPE html><html><body style=\"font-family:sans-serif\">{lines}" +
            $"<p><a href=\"{HtmlEncoder.Default.Encode(link)}\" style=\"background:#0b5394;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px\">{HtmlEncoder.Default.Encode(button)}</a></p>" +
            $"<p style=\"color:#666;font-size:small\">Or paste this address into your browser: {HtmlEncoder.Default.Encode(link)}</p></body></html>";
        try
        {
            await mail.SendAsync(to, subject, text, html, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException
            or MailKit.Net.Smtp.SmtpProtocolException or MailKit.Security.AuthenticationException or IOException or TimeoutException)
        {
            LogNotSent(logger, ex, subject, to);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send \"{Subject}\" to {Recipient}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string subject, string recipient);
}
