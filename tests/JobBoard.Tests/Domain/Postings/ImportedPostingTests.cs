using JobBoard.Domain.Postings;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Domain.Postings;

public sealed class ImportedPostingTests
{
    [Fact]
    public void An_imported_posting_is_published_at_once_and_the_history_names_the_import_and_its_feed()
    {
        var result = JobPosting.PublishImported(Company(), Content(), "jobs-feed.json", Now);

        result.Succeeded.Should().BeTrue();
        var posting = result.Value;
        posting.Status.Should().Be(PostingStatus.Published);
        posting.IsOpen(DateOnly.FromDateTime(Now.UtcDateTime)).Should().BeTrue();
        posting.StatusHistory.Select(h => (h.From, h.To, h.Actor, h.Reason)).Should().Equal(
            (null, PostingStatus.Draft, "import", null),
            (PostingStatus.Draft, PostingStatus.Published, "import", "Imported from jobs-feed.json"));
        posting.StatusHistory.Should().OnlyContain(h => h.At == Now);
    }

    [Fact]
    public void An_imported_posting_needs_no_apply_route_of_its_own()
    {
        var content = Content() with { ApplyUrl = null, ApplyEmail = null };

        var posting = JobPosting.PublishImported(Company(), content, "jobs-feed.json", Now).Value;

        posting.Status.Should().Be(PostingStatus.Published);
        posting.ApplyUrl.Should().BeNull();
        posting.ApplyEmail.Should().BeNull();
    }

    [Fact]
    public void An_imported_posting_keeps_the_ads_date_or_is_dated_when_published()
    {
        var dated = JobPosting.PublishImported(Company(), Content() with { DatePosted = new DateOnly(2026, 10, 2) }, "feed", Now).Value;
        var undated = JobPosting.PublishImported(Company(), Content() with { DatePosted = null }, "feed", Now).Value;

        dated.DatePosted.Should().Be(new DateOnly(2026, 10, 2));
        undated.DatePosted.Should().Be(new DateOnly(2026, 11, 23));
    }

    [Fact]
    public void An_imported_posting_past_its_closing_date_is_published_and_can_then_be_expired()
    {
        var content = Content() with { DatePosted = new DateOnly(2026, 9, 1), ValidThrough = new DateOnly(2026, 10, 31) };
        var postedAt = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

        var posting = JobPosting.PublishImported(Company(), content, "feed", postedAt).Value;
        posting.Expire(Now).Succeeded.Should().BeTrue();

        posting.Status.Should().Be(PostingStatus.Expired);
        posting.StatusHistory.Select(h => (h.To, h.At)).Should().Equal(
            (PostingStatus.Draft, postedAt), (PostingStatus.Published, postedAt), (PostingStatus.Expired, Now));
    }

    [Fact]
    public void Importing_validates_the_content_like_a_draft_and_creates_nothing_when_it_is_invalid()
    {
        var content = Content() with { Title = " ", Locations = [] };

        var result = JobPosting.PublishImported(Company(), content, "feed", Now);

        result.Succeeded.Should().BeFalse();
        result.Errors.Select(e => e.Field).Should().BeEquivalentTo(["Title", "Locations"]);
    }

    [Fact]
    public void Importing_needs_to_name_the_feed()
    {
        var importing = () => JobPosting.PublishImported(Company(), Content(), " ", Now);

        importing.Should().Throw<ArgumentException>();
    }
}
