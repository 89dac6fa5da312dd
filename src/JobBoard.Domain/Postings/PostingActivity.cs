namespace JobBoard.Domain.Postings;

/// <summary>
/// A click on a posting's Apply: who (when signed in; null after their account is deleted), when and from which page
/// of the board. The daily total is in <see cref="PostingDailyStats"/>.
/// </summary>
public sealed class ApplyClick
{
    public const int MaxFromPageLength = 500;

    private ApplyClick()
    {
    }

    public long Id { get; private set; }

    public int PostingId { get; private set; }

    public int? UserId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The board's own page the click came from (path and query), when the browser said.</summary>
    public string? FromPage { get; private set; }

    public static ApplyClick Record(int postingId, int? userId, string? fromPage, DateTimeOffset now) => new()
    {
        PostingId = postingId,
        UserId = userId,
        At = now,
        FromPage = fromPage is { Length: > MaxFromPageLength } ? fromPage[..MaxFromPageLength] : fromPage,
    };
}

/// <summary>
/// A posting's anonymous counts for one day (UTC): views of its page (bots left out) and Apply clicks. What the
/// recruiter's chart draws; kept when the people behind them delete their accounts.
/// </summary>
public sealed class PostingDailyStats
{
    private PostingDailyStats()
    {
    }

    public int PostingId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Views { get; private set; }

    public int ApplyClicks { get; private set; }
}
