namespace JobBoard.Domain.Seekers;

/// <summary>A posting a seeker keeps to come back to. It stays saved when the posting closes or expires: /saved says so.</summary>
public sealed class SavedJob
{
    private SavedJob()
    {
    }

    public int UserId { get; private set; }

    public int PostingId { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    public static SavedJob Create(int userId, int postingId, DateTimeOffset now) =>
        new() { UserId = userId, PostingId = postingId, SavedAt = now };
}

/// <summary>A posting a signed-in seeker read, the last time they read it: the home page's "Recently viewed".</summary>
public sealed class RecentView
{
    /// <summary>Kept per seeker; older ones are dropped when a view is recorded.</summary>
    public const int KeptPerSeeker = 50;

    private RecentView()
    {
    }

    public int UserId { get; private set; }

    public int PostingId { get; private set; }

    public DateTimeOffset ViewedAt { get; private set; }

    public static RecentView Create(int userId, int postingId, DateTimeOffset now) =>
        new() { UserId = userId, PostingId = postingId, ViewedAt = now };
}
