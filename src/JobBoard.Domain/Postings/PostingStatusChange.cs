namespace JobBoard.Domain.Postings;

/// <summary>One step of a posting's lifecycle: who moved it, when, from what, to what and why.</summary>
public sealed class PostingStatusChange
{
    private PostingStatusChange(string actor, string? reason)
    {
        Actor = actor;
        Reason = reason;
    }

    public long Id { get; private set; }

    public int PostingId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Null for the creation of the draft.</summary>
    public PostingStatus? From { get; private set; }

    public PostingStatus To { get; private set; }

    public string Actor { get; private set; }

    public string? Reason { get; private set; }

    internal static PostingStatusChange Record(DateTimeOffset at, PostingStatus? from, PostingStatus to, string actor, string? reason) =>
        new(actor, reason) { At = at, From = from, To = to };
}
