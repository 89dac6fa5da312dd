using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Domain.Postings;

public sealed class ReviewAndRenewalTests
{
    [Fact]
    public void A_posting_approved_without_a_closing_date_closes_the_default_number_of_days_after_it_goes_live()
    {
        var posting = UnderReview(Company(), Content() with { ValidThrough = null });

        posting.Publish("admin@jobboard.test", Now).Succeeded.Should().BeTrue();

        posting.ValidThrough.Should().Be(Today.AddDays(JobPosting.DefaultOpenDays));
    }

    [Fact]
    public void A_posting_with_its_own_closing_date_keeps_it_when_approved()
    {
        var posting = UnderReview(Company(), Content() with { ValidThrough = Today.AddDays(10) });

        posting.Publish("admin@jobboard.test", Now).Succeeded.Should().BeTrue();

        posting.ValidThrough.Should().Be(Today.AddDays(10));
    }

    [Fact]
    public void A_company_that_is_not_verified_cannot_have_its_postings_published()
    {
        var company = JobBoard.Domain.Companies.Company.Register("Brand New Ltd", new CompanyProfile()).Value;
        var posting = UnderReview(company, Content());

        var result = posting.Publish("admin@jobboard.test", Now);

        result.Succeeded.Should().BeFalse();
        result.Errors.Single().Message.Should().Contain("Brand New Ltd is not verified");
        posting.Status.Should().Be(PostingStatus.PendingReview);

        company.Verify();
        posting.Publish("admin@jobboard.test", Now).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Requesting_changes_returns_the_posting_to_draft_with_what_to_change_for_the_recruiter()
    {
        var posting = UnderReview(Company(), Content());

        posting.RequestChanges("admin@jobboard.test", "  Add a salary range.  ", Now).Succeeded.Should().BeTrue();

        posting.Status.Should().Be(PostingStatus.Draft);
        posting.ChangesRequested.Should().Be("Add a salary range.");
        posting.StatusHistory[^1].Should().Match<PostingStatusChange>(h =>
            h.From == PostingStatus.PendingReview && h.To == PostingStatus.Draft && h.Actor == "admin@jobboard.test");
        posting.Submit("recruiter@acme.test", Now).Succeeded.Should().BeTrue();
        posting.ChangesRequested.Should().BeNull("the request is answered once the posting is submitted again");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Changes_cannot_be_requested_without_saying_which(string changes)
    {
        var posting = UnderReview(Company(), Content());

        posting.RequestChanges("admin@jobboard.test", changes, Now).Errors.Should().ContainSingle(e => e.Field == "Reason");
        posting.Status.Should().Be(PostingStatus.PendingReview);
    }

    [Fact]
    public void Only_a_posting_under_review_can_be_sent_back_for_changes()
    {
        var draft = Draft(Company());

        draft.RequestChanges("admin@jobboard.test", "Fix it", Now).Errors.Single().Message
            .Should().Be("A posting that is draft cannot be sent back for changes.");
    }

    [Fact]
    public void Renewing_a_published_posting_extends_its_closing_date_and_records_who_did_it()
    {
        var posting = Published(Company(), Content() with { ValidThrough = Today.AddDays(5) }, at: Now);

        posting.Renew(Today.AddDays(30), "recruiter@acme.test", Now).Succeeded.Should().BeTrue();

        posting.ValidThrough.Should().Be(Today.AddDays(30));
        posting.Status.Should().Be(PostingStatus.Published);
        posting.StatusHistory[^1].Reason.Should().Be($"Renewed until {Today.AddDays(30):yyyy-MM-dd}");
    }

    [Fact]
    public void Renewing_an_expired_posting_reopens_it_without_a_new_review()
    {
        var posting = Published(Company(), Content() with { DatePosted = Today.AddDays(-40), ValidThrough = Today.AddDays(-1) }, at: Now.AddDays(-40));
        posting.Expire(Now).Succeeded.Should().BeTrue();

        posting.Renew(Today.AddDays(14), "recruiter@acme.test", Now).Succeeded.Should().BeTrue();

        posting.Status.Should().Be(PostingStatus.Published);
        posting.IsOpen(Today).Should().BeTrue();
    }

    [Fact]
    public void A_renewal_must_move_the_closing_date_forward_within_the_limit()
    {
        var posting = Published(Company(), Content() with { ValidThrough = Today.AddDays(20) }, at: Now);

        posting.Renew(Today.AddDays(10), "r", Now).Errors.Single().Field.Should().Be("ValidThrough");
        posting.Renew(Today, "r", Now).Succeeded.Should().BeFalse();
        posting.Renew(Today.AddDays(JobPosting.MaxRenewalDays + 1), "r", Now).Errors.Single().Message.Should().Contain("at most 180 days");
        posting.ValidThrough.Should().Be(Today.AddDays(20));
    }

    [Fact]
    public void A_closed_posting_cannot_be_renewed()
    {
        var posting = Published(Company(), Content(), at: Now);
        posting.Close("recruiter@acme.test", Now).Succeeded.Should().BeTrue();

        posting.Renew(Today.AddDays(30), "recruiter@acme.test", Now).Errors.Single().Message
            .Should().Be("A posting that is closed cannot be renewed.");
    }

    private static JobPosting UnderReview(Company company, PostingContent content)
    {
        var posting = Draft(company, content);
        posting.Submit("recruiter@acme.test", Now).Succeeded.Should().BeTrue();
        return posting;
    }
}
