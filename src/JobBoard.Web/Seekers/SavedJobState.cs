using JobBoard.Domain.Postings;

namespace JobBoard.Web.Seekers;

/// <summary>Where a saved posting stands now, as /saved tells the seeker.</summary>
public enum SavedJobState
{
    Open,
    Closed,

    /// <summary>Its closing date has passed (whether or not the nightly expiry has marked it yet).</summary>
    Expired,

    /// <summary>Back under review, a draft again or rejected: it has no public page for now.</summary>
    NoLongerPublic,
}

public static class SavedJobStates
{
    public static SavedJobState Of(PostingStatus status, DateOnly? validThrough, DateOnly today) => status switch
    {
        PostingStatus.Published when validThrough is { } through && through < today => SavedJobState.Expired,
        PostingStatus.Published => SavedJobState.Open,
        PostingStatus.Closed => SavedJobState.Closed,
        PostingStatus.Expired => SavedJobState.Expired,
        _ => SavedJobState.NoLongerPublic,
    };
}
