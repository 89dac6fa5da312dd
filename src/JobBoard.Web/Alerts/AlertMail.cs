using System.Text;
using System.Text.Encodings.Web;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Seekers;
using JobBoard.Web.Listings;
using JobBoard.Web.Mail;

namespace JobBoard.Web.Alerts;

/// <summary>
/// The mails of job alerts: the guest's confirmation link (double opt-in), the digest of new matches, and the notice
/// that an address has all the alerts it may have. Every mail about an alert carries its unsubscribe link, in the text
/// and as <c>List-Unsubscribe</c> with <c>List-Unsubscribe-Post</c> (RFC 8058), so a mail client's own button removes
/// the alert in one click without signing in. Links are absolute, on <paramref name="origin"/>-style addresses the
/// caller gives (the request's, or <see cref="SiteOrigin"/> for the sender).
/// </summary>
public sealed partial class AlertMail(BoardMail mail, AlertTokens tokens, ILogger<AlertMail> logger)
{
    /// <summary>
    /// The confirmation goes to any address a stranger types, so it repeats nothing else they typed (not the alert's
    /// name): the board cannot be made to carry someone's message to a third party.
    /// </summary>
    public const string ConfirmationSubject = "Confirm your JobBoard job alert";

    /// <summary>The confirmation link; false when the mail server could not be reached (the page says so).</summary>
    public async Task<bool> SendConfirmationAsync(JobAlert alert, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var confirm = $"{origin}/alerts/confirm?token={Uri.EscapeDataString(tokens.Confirmation(alert.Id))}";
        var search = origin + SavedSearch.SearchPath(alert.Query);
        var unsubscribe = UnsubscribeLink(alert.Id, origin);
        var text = new StringBuilder()
            .Append("Someone, probably you, asked JobBoard to mail new jobs for this search to this address:\n")
            .Append($"{search}\n\n")
            .Append($"Confirm the alert to start receiving them:\n{confirm}\n\n")
            .Append($"If you did not ask for this, ignore this mail: nothing is sent without the confirmation, and the request lapses in {AlertTokens.ConfirmationLifetime.Days} days.\n")
            .Append($"Never mail this address about it: {unsubscribe}\n")
            .ToString();
        var html = Page(
            $"<p>Someone, probably you, asked JobBoard to mail new jobs for this search to this address: <a href=\"{Encode(search)}\">the search</a></p>" +
            $"<p><a href=\"{Encode(confirm)}\" style=\"background:#0b5394;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px\">Confirm the alert</a></p>" +
            $"<p>If you did not ask for this, ignore this mail: nothing is sent without the confirmation.</p>",
            unsubscribe);
        try
        {
            await mail.SendAsync(alert.Email, ConfirmationSubject, text, html, UnsubscribeHeaders(unsubscribe), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, ex, "confirmation", alert.Email);
            return false;
        }
    }

    /// <summary>An address asked for one alert more than it may have: told so, and nothing was stored.</summary>
    public async Task SendLimitReachedAsync(string email, string origin, CancellationToken cancellationToken)
    {
        var text = $"Someone, probably you, asked JobBoard for a job alert at this address, but it already has " +
            $"{JobAlert.MaxPerAddress} alerts, the most one address may have, so no alert was made.\n\n" +
            $"Unsubscribe from one you no longer need (every alert mail has the link) and save the search again: {origin}/jobs\n";
        try
        {
            await mail.SendAsync(email, "Your job alert was not saved", text, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, ex, "limit notice", email);
        }
    }

    /// <summary>
    /// The digest of one alert: each posting with its company, place, pay and link, newest first, then the link to the
    /// whole search and, for a signed-in seeker's alert, to the alerts page. Throws when the mail could not be sent, for
    /// the sender to take the deliveries back.
    /// </summary>
    /// <param name="more">Matches beyond the ones listed, counted in the mail and found through the search link.</param>
    public Task SendDigestAsync(JobAlert alert, IReadOnlyList<JobCard> postings, int more, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(postings);
        var count = postings.Count + more;
        var search = origin + SavedSearch.SearchPath(alert.Query);
        var unsubscribe = UnsubscribeLink(alert.Id, origin);
        var jobs = count == 1 ? "1 new job" : $"{count} new jobs";
        var text = new StringBuilder($"{jobs} for your alert \"{alert.Name}\":\n\n");
        var html = new StringBuilder($"<h1 style=\"font-size:1.2em\">{Encode(jobs)} for your alert “{Encode(alert.Name)}”</h1>");
        foreach (var posting in postings)
        {
            var link = $"{origin}/jobs/{posting.Id}/{posting.Slug}";
            var facts = Facts(posting);
            text.Append($"{posting.Title}\n{facts}\n{link}\n\n");
            html.Append($"<p><a href=\"{Encode(link)}\" style=\"font-weight:bold\">{Encode(posting.Title)}</a><br>{Encode(facts)}</p>");
        }

        if (more > 0)
        {
            text.Append($"And {more} more.\n");
            html.Append($"<p>And {more} more.</p>");
        }

        text.Append($"See every job of this search: {search}\n\n");
        html.Append($"<p><a href=\"{Encode(search)}\">See every job of this search</a></p>");
        var why = $"You get this mail {Often(alert.Frequency)} because this search was saved as a job alert on JobBoard.";
        text.Append(why).Append('\n');
        html.Append($"<p style=\"color:#666;font-size:small\">{Encode(why)}");
        if (alert.UserId is not null)
        {
            text.Append($"Manage your alerts: {origin}/alerts\n");
            html.Append($" <a href=\"{Encode(origin)}/alerts\">Manage your alerts</a>");
        }

        html.Append("</p>");
        text.Append($"Unsubscribe from this alert: {unsubscribe}\n");
        var subject = $"{jobs}: {alert.Name}";
        return mail.SendAsync(alert.Email, subject, text.ToString(), Page(html.ToString(), unsubscribe), UnsubscribeHeaders(unsubscribe), cancellationToken);
    }

    public string UnsubscribeLink(long alertId, string origin) =>
        $"{origin}/alerts/unsubscribe?token={Uri.EscapeDataString(tokens.Unsubscribe(alertId))}";

    private static KeyValuePair<string, string>[] UnsubscribeHeaders(string unsubscribe) =>
    [
        new("List-Unsubscribe", $"<{unsubscribe}>"),
        new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
    ];

    /// <summary>"Acme Health · Chicago, IL · $80,000 – $95,000 per year".</summary>
    private static string Facts(JobCard posting)
    {
        var facts = new List<string> { posting.Company };
        if (posting.MainPlace is { } place)
        {
            facts.Add(posting.PlaceCount > 1 ? $"{place.DisplayName} +{posting.PlaceCount - 1}" : place.DisplayName);
        }

        facts.Add(posting.WorkMode.ToDisplay());
        if (posting.Compensation is { } pay && Display.Salary(pay) is { Length: > 0 } salary)
        {
            facts.Add(salary);
        }

        return string.Join(" · ", facts);
    }

    private static string Often(AlertFrequency frequency) => frequency switch
    {
        AlertFrequency.Daily => "once a day at most",
        AlertFrequency.Weekly => "once a week at most",
        _ => "as new jobs appear",
    };

    private static string Page(string body, string unsubscribe) =>
        $"<!DOCTYPE html><html><body style=\"font-family:sans-serif\">{body}" +
        $"<p style=\"color:#666;font-size:small\"><a href=\"{Encode(unsubscribe)}\">Unsubscribe from this alert</a></p></body></html>";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send the alert {What} to {Recipient}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string what, string recipient);
}
