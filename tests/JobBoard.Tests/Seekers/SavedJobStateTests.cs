using JobBoard.Domain.Postings;
using JobBoard.Web.Seekers;

namespace JobBoard.Tests.Seekers;

public sealed class SavedJobStateTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(PostingStatus.Published, null, SavedJobState.Open)]
    [InlineData(PostingStatus.Published, "2026-11-23", SavedJobState.Open)]
    [InlineData(PostingStatus.Published, "2026-11-22", SavedJobState.Expired)]
    [InlineData(PostingStatus.Expired, "2026-10-01", SavedJobState.Expired)]
    [InlineData(PostingStatus.Closed, null, SavedJobState.Closed)]
    [InlineData(PostingStatus.Closed, "2026-10-01", SavedJobState.Closed)]
    [InlineData(PostingStatus.PendingReview, null, SavedJobState.NoLongerPublic)]
    [InlineData(PostingStatus.Draft, null, SavedJobState.NoLongerPublic)]
    [InlineData(PostingStatus.Rejected, null, SavedJobState.NoLongerPublic)]
    public void A_saved_posting_is_open_until_its_closing_day_has_passed_and_says_why_it_is_not(PostingStatus status, string? validThrough, SavedJobState expected) =>
        SavedJobStates.Of(status, validThrough is null ? null : DateOnly.Parse(validThrough, System.Globalization.CultureInfo.InvariantCulture), Today).Should().Be(expected);
}
