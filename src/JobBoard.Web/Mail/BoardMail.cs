using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace JobBoard.Web.Mail;

/// <summary>Where the board's mail goes: the "Smtp" section of the configuration (README "Configuration").</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 1025;

    /// <summary>None for a local catcher; StartTls or SslOnConnect for a real relay.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.None;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "JobBoard <no-reply@jobboard.localhost>";
}

/// <summary>
/// Sends the board's e-mail over SMTP with MailKit: account confirmation, password reset, moderation decisions,
/// expiry notices. One connection per message: the board sends a handful an hour, not a mailing.
/// </summary>
public sealed partial class BoardMail(Microsoft.Extensions.Options.IOptions<SmtpSettings> options, ILogger<BoardMail> logger)
{
    public Task SendAsync(string to, string subject, string text, CancellationToken cancellationToken = default) =>
        SendAsync(to, subject, text, html: null, cancellationToken);

    /// <param name="html">An HTML alternative to <paramref name="text"/> (a clickable button); the plain text always goes.</param>
    public Task SendAsync(string to, string subject, string text, string? html, CancellationToken cancellationToken = default) =>
        SendAsync(to, subject, text, html, headers: [], cancellationToken);

    /// <param name="headers">More header fields, such as List-Unsubscribe.</param>
    public async Task SendAsync(
        string to, string subject, string text, string? html, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        foreach (var (name, value) in headers)
        {
            message.Headers.Add(name, value);
        }

        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(logger, subject, to);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent \"{Subject}\" to {Recipient}")]
    private static partial void LogSent(ILogger logger, string subject, string recipient);
}
