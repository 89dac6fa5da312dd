using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Domain.Postings;

public sealed class PostingLifecycleTests
{
    [Fact]
    public void A_new_posting_is_a_draft_with_its_creation_in_the_history()
    {
        var posting = Draft(Company());

        posting.Status.Should().Be(PostingStatus.Draft);
        posting.StatusHistory.Should().ContainSingle()
            .Which.Should().Match<PostingStatusChange>(h => h.From == null && h.To == PostingStatus.Draft && h.Actor == "recruiter@acme.test");
    }

    [Fact]
    public void Draft_goes_through_review_to_published_and_records_every_step()
    {
        var posting = Draft(Company());

        posting.Submit("recruiter@acme.test", Now).Succeeded.Should().BeTrue();
        posting.Publish("admin@jobboard.test", Now.AddHours(1)).Succeeded.Should().BeTrue();

        posting.Status.Should().Be(PostingStatus.Published);
        posting.StatusHistory.Select(h => (h.From, h.To, h.Actor)).Should().Equal(
            (null, PostingStatus.Draft, "recruiter@acme.test"),
            (PostingStatus.Draft, PostingStatus.PendingReview, "recruiter@acme.test"),
            (PostingStatus.PendingReview, PostingStatus.Published, "admin@jobboard.test"));
        posting.DatePosted.Should().Be(new DateOnly(2026, 11, 23), "publishing dates a posting that carries no date of its own");
    }

    [Fact]
    public void Only_published_closed_and_expired_postings_have_a_public_page_and_only_unexpired_published_ones_are_open()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var draft = Draft(Company());
        var underReview = Draft(Company());
        underReview.Submit("recruiter@acme.test", Now);
        var rejected = Draft(Company());
        rejected.Submit("recruiter@acme.test", Now);
        rejected.Reject("admin@jobboard.test", "Not a real job", Now);
        var published = Published(Company());
        var pastItsDate = Published(Company(), Content() with { DatePosted = today.AddDays(-30), ValidThrough = today.AddDays(-1) }, at: Now.AddDays(-30));
        var closed = Published(Company());
        closed.Close("recruiter@acme.test", Now);
        var expired = Published(Company(), Content() with { DatePosted = today.AddDays(-30), ValidThrough = today.AddDays(-1) }, at: Now.AddDays(-30));
        expired.Expire(Now).Succeeded.Should().BeTrue();

        new[] { draft, underReview, rejected, published, pastItsDate, closed, expired }.Select(p => (p.HasPublicPage, p.IsOpen(today)))
            .Should().Equal((false, false), (false, false), (false, false), (true, true), (true, false), (true, false), (true, false));
    }

    [Fact]
    public void Publishing_keeps_the_date_the_ad_carries()
    {
        var posting = Published(Company(), Content() with { DatePosted = new DateOnly(2025, 10, 27) });

        posting.DatePosted.Should().Be(new DateOnly(2025, 10, 27));
    }

    [Fact]
    public void A_draft_cannot_be_published_without_review()
    {
        var posting = Draft(Company());

        var result = posting.Publish("admin@jobboard.test", Now);

        result.Succeeded.Should().BeFalse();
        result.Errors.Single().Message.Should().Be("A posting that is draft cannot be published.");
        posting.Status.Should().Be(PostingStatus.Draft);
        posting.StatusHistory.Should().HaveCount(1);
    }

    [Fact]
    public void Rejecting_requires_a_reason()
    {
        var posting = Draft(Company());
        posting.Submit("recruiter@acme.test", Now);

        var result = posting.Reject("admin@jobboard.test", "  ", Now);

        result.Succeeded.Should().BeFalse();
        result.Errors.Single().Field.Should().Be("Reason");
        posting.Status.Should().Be(PostingStatus.PendingReview);
    }

    [Fact]
    public void A_rejected_posting_shows_its_reason_and_goes_back_to_draft()
    {
        var posting = Draft(Company());
        posting.Submit("recruiter@acme.test", Now);

        posting.Reject("admin@jobboard.test", "Salary range missing currency", Now).Succeeded.Should().BeTrue();
        posting.RejectionReason.Should().Be("Salary range missing currency");
        posting.ReturnToDraft("recruiter@acme.test", Now).Succeeded.Should().BeTrue();

        posting.Status.Should().Be(PostingStatus.Draft);
        posting.RejectionReason.Should().BeNull();
        posting.StatusHistory.Should().Contain(h => h.To == PostingStatus.Rejected && h.Reason == "Salary range missing currency");
    }

    [Fact]
    public void Submitting_needs_a_way_to_apply()
    {
        var posting = Draft(Company(), Content() with { ApplyUrl = null });

        var result = posting.Submit("recruiter@acme.test", Now);

        result.Succeeded.Should().BeFalse();
        result.Errors.Single().Field.Should().Be("ApplyUrl");
    }

    [Fact]
    public void Only_a_published_posting_can_be_closed_and_a_closed_one_is_no_longer_open()
    {
        var draft = Draft(Company());
        draft.Close("recruiter@acme.test", Now).Succeeded.Should().BeFalse();

        var posting = Published(Company());
        posting.Close("recruiter@acme.test", Now).Succeeded.Should().BeTrue();

        posting.Status.Should().Be(PostingStatus.Closed);
        posting.IsOpen(new DateOnly(2026, 11, 23)).Should().BeFalse();
        posting.Edit(Content("Changed"), Now).Succeeded.Should().BeFalse("a closed posting is kept as it was");
    }

    [Fact]
    public void A_posting_is_open_until_its_closing_date_and_expires_after_it()
    {
        var posting = Published(Company(), Content() with { DatePosted = new DateOnly(2026, 11, 1), ValidThrough = new DateOnly(2026, 11, 30) });

        posting.IsOpen(new DateOnly(2026, 11, 30)).Should().BeTrue();
        posting.IsOpen(new DateOnly(2026, 12, 1)).Should().BeFalse();
        posting.Expire(Now).Succeeded.Should().BeFalse("the closing date has not passed on Nov 23");

        posting.Expire(new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.Zero)).Succeeded.Should().BeTrue();
        posting.Status.Should().Be(PostingStatus.Expired);
        posting.StatusHistory[^1].Actor.Should().Be("system");
    }

    [Fact]
    public void A_posting_past_its_closing_date_cannot_be_published()
    {
        var posting = Draft(Company(), Content() with { DatePosted = new DateOnly(2026, 10, 1), ValidThrough = new DateOnly(2026, 10, 31) });
        posting.Submit("recruiter@acme.test", Now);

        var result = posting.Publish("admin@jobboard.test", Now);

        result.Succeeded.Should().BeFalse();
        result.Errors.Single().Field.Should().Be("ValidThrough");
    }

    [Fact]
    public void Editing_keeps_categories_in_the_new_order_without_duplicates()
    {
        var company = Company();
        var healthcare = JobBoard.Domain.Taxonomy.Category.Create("Healthcare");
        var sales = JobBoard.Domain.Taxonomy.Category.Create("Sales");
        var posting = Draft(company, Content() with { Categories = [healthcare, sales] });

        posting.Edit(Content() with { Categories = [sales, healthcare, sales] }, Now).Succeeded.Should().BeTrue();

        posting.Categories.Select(c => (c.Category.Name, c.Position)).Should().Equal(("Sales", 0), ("Healthcare", 1));
    }
}
