using JobBoard.Domain.Common;

namespace JobBoard.Domain.Seekers;

public enum AlertFrequency
{
    /// <summary>Within a minute of a matching posting going live.</summary>
    Instant,
    Daily,
    Weekly,
}

/// <summary>
/// A saved search that mails new matches: a seeker's (with their account's address) or a guest's (an address only,
/// active once confirmed from the mail it receives: double opt-in). <see cref="Query"/> is the search's query string,
/// as <c>/jobs</c> reads it, so matching is the search itself. <see cref="CheckedThrough"/> is how far postings have
/// been looked at: a posting changed later is a candidate for the next digest; one already sent never is again
/// (<see cref="AlertDelivery"/>).
/// </summary>
public sealed class JobAlert
{
    public const int MaxNameLength = 100;
    public const int MaxQueryLength = 2_000;
    public const int MaxEmailLength = 256;

    /// <summary>Alerts one address may have, guest or seeker: enough for anyone, too few to turn the board into a mailer.</summary>
    public const int MaxPerAddress = 20;

    private JobAlert()
    {
    }

    public long Id { get; private set; }

    /// <summary>The seeker's account; null for a guest's alert.</summary>
    public int? UserId { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>The search's query string without the leading "?" (q, location, radius, filters; never page or sort).</summary>
    public string Query { get; private set; } = string.Empty;

    public AlertFrequency Frequency { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the address was confirmed; a seeker's alert is confirmed when made. Unconfirmed alerts send nothing.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>Postings changed up to this moment have been matched.</summary>
    public DateTimeOffset CheckedThrough { get; private set; }

    public DateTimeOffset? LastSentAt { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    public static Result<JobAlert> ForSeeker(int userId, string email, string? name, string query, AlertFrequency frequency, DateTimeOffset now) =>
        Create(userId, email, name, query, frequency, now, confirmed: true);

    public static Result<JobAlert> ForGuest(string email, string? name, string query, AlertFrequency frequency, DateTimeOffset now) =>
        Create(null, email, name, query, frequency, now, confirmed: false);

    /// <summary>The guest clicked the link in the confirmation mail: matching starts now, with postings changed from now on.</summary>
    public void Confirm(DateTimeOffset now)
    {
        if (ConfirmedAt is null)
        {
            ConfirmedAt = now;
            CheckedThrough = now;
        }
    }

    public Result Change(string? name, AlertFrequency frequency)
    {
        var errors = Check(name, frequency);
        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        Name = name!.Trim();
        Frequency = frequency;
        return Result.Success();
    }

    /// <summary>
    /// Whether a digest is due at <paramref name="now"/>: instant alerts every time they are looked at, daily and weekly
    /// ones a day or a week after the last look.
    /// </summary>
    public bool IsDue(DateTimeOffset now) => IsConfirmed && now >= CheckedThrough + Interval(Frequency);

    /// <summary>
    /// The next look takes the postings changed after this moment: the last look's, reached back by
    /// <paramref name="lookBack"/> for a change stamped before that look but committed after it (deliveries keep a
    /// posting seen twice from going twice), and never before the confirmation, so an alert starts with what changes from then on.
    /// </summary>
    public DateTimeOffset ChangedAfter(TimeSpan lookBack)
    {
        var since = CheckedThrough - lookBack;
        return ConfirmedAt is { } confirmed && confirmed > since ? confirmed : since;
    }

    /// <summary>Matching got as far as <paramref name="through"/>; <paramref name="sent"/> when a mail went out.</summary>
    public void Checked(DateTimeOffset through, bool sent)
    {
        CheckedThrough = through;
        if (sent)
        {
            LastSentAt = through;
        }
    }

    public static TimeSpan Interval(AlertFrequency frequency) => frequency switch
    {
        AlertFrequency.Daily => TimeSpan.FromDays(1),
        AlertFrequency.Weekly => TimeSpan.FromDays(7),
        _ => TimeSpan.Zero,
    };

    private static Result<JobAlert> Create(
        int? userId, string email, string? name, string query, AlertFrequency frequency, DateTimeOffset now, bool confirmed)
    {
        var errors = Check(name, frequency);
        email = email?.Trim() ?? string.Empty;
        if (email.Length is 0 or > MaxEmailLength || !WebAddress.IsValidEmail(email))
        {
            errors.Add(new DomainError(nameof(Email), "Give a valid e-mail address for the alerts."));
        }

        query = (query ?? string.Empty).TrimStart('?');
        if (query.Length > MaxQueryLength || PlainText.HasControlCharacters(query, multiline: false))
        {
            errors.Add(new DomainError(nameof(Query), "This search is too long to save."));
        }

        if (errors.Count > 0)
        {
            return Result<JobAlert>.Failure(errors);
        }

        return Result<JobAlert>.Success(new JobAlert
        {
            UserId = userId,
            Email = email,
            Name = name!.Trim(),
            Query = query,
            Frequency = frequency,
            CreatedAt = now,
            ConfirmedAt = confirmed ? now : null,
            CheckedThrough = now,
        });
    }

    private static List<DomainError> Check(string? name, AlertFrequency frequency)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new DomainError(nameof(Name), "Give the alert a name."));
        }
        else if (name.Trim().Length > MaxNameLength || PlainText.HasControlCharacters(name, multiline: false))
        {
            errors.Add(new DomainError(nameof(Name), $"A name has at most {MaxNameLength} characters on one line."));
        }

        if (!Enum.IsDefined(frequency))
        {
            errors.Add(new DomainError(nameof(Frequency), "Choose how often: instantly, daily or weekly."));
        }

        return errors;
    }
}

/// <summary>A posting an alert has mailed: never mailed again by that alert, whatever edits follow.</summary>
public sealed class AlertDelivery
{
    private AlertDelivery()
    {
    }

    public long AlertId { get; private set; }

    public int PostingId { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public static AlertDelivery Create(long alertId, int postingId, DateTimeOffset now) =>
        new() { AlertId = alertId, PostingId = postingId, SentAt = now };
}
