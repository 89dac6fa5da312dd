using System.Net;
using AngleSharp.Dom;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Admin.AdminBoard;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Admin;

[Collection(WebTestsDefinition.Name)]
public sealed class ModerationQueueTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task The_queue_lists_the_postings_waiting_for_review_longest_waiting_first()
    {
        var company = await app.CompanyWithRecruiterAsync();
        await app.PendingAsync(company, "Newer nurse", Now.AddHours(-1));
        await app.PendingAsync(company, "Older nurse", Now.AddDays(-2));
        await app.InsertPostingsAsync(company, Draft(company, Content("Draft nurse")));
        var admin = await app.AdminClientAsync();

        var queue = await admin.GetDocumentAsync("/Admin/Queue");
        var dashboard = await admin.GetDocumentAsync("/Admin");

        queue.QuerySelectorAll("[data-testid=queued-posting] a").Select(a => a.Text()).Should().Equal("Older nurse", "Newer nurse");
        dashboard.QuerySelector("[data-testid=pending-postings] .display-6")!.Text().Should().Be("2");
    }

    [Fact]
    public async Task The_review_page_shows_the_posting_as_the_public_will_see_it_and_its_company_state()
    {
        var company = await app.CompanyWithRecruiterAsync(verified: false);
        var posting = await app.PendingAsync(company, "Oncology <b>Nurse</b>");

        var page = await (await app.AdminClientAsync()).GetDocumentAsync($"/Admin/Queue/Review/{posting.Id}");

        var preview = page.QuerySelector("[data-testid=preview]")!;
        preview.QuerySelector("h1")!.Text().Should().Be("Oncology <b>Nurse</b>", "user text is encoded, not rendered as markup");
        preview.Text().Should().Contain("Care for patients").And.Contain("Bachelor's degree in nursing");
        page.QuerySelector("[data-testid=verification]")!.Text().Should().Contain("pending");
        page.QuerySelector("[data-testid=status]")!.Text().Should().Be("Pending review");
    }

    [Fact]
    public async Task Approving_publishes_the_posting_with_the_default_closing_date_and_mails_its_recruiter()
    {
        var company = await app.CompanyWithRecruiterAsync();
        var posting = await app.PendingAsync(company);
        var guest = app.GuestClient();
        (await guest.GetAsync(new Uri($"/jobs/{posting.Id}/{posting.Slug}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var response = await (await app.AdminClientAsync()).SubmitFormAsync($"/Admin/Queue/Review/{posting.Id}", formSelector: "[data-testid=approve]");

        response.ShouldRedirectTo("/Admin/Queue");
        var saved = await app.ReloadAsync(posting.Id);
        saved.Status.Should().Be(PostingStatus.Published);
        saved.ValidThrough.Should().Be(Today.AddDays(JobPosting.DefaultOpenDays));
        saved.StatusHistory[^1].Actor.Should().Be(AdminEmail);
        var mail = (await app.Mail.WaitForAsync(RecruiterEmail)).Should().ContainSingle().Subject;
        mail.Subject.Should().Be("Published: Registered Nurse");
        mail.TextBody.Should().Contain($"/jobs/{posting.Id}/registered-nurse");
        var page = await guest.GetDocumentAsync($"/jobs/{posting.Id}/{posting.Slug}");
        page.QuerySelector("h1")!.Text().Should().Be("Registered Nurse");
    }

    [Fact]
    public async Task A_posting_of_a_company_not_yet_verified_is_not_published_and_the_admin_is_told_why()
    {
        var company = await app.CompanyWithRecruiterAsync(verified: false);
        var posting = await app.PendingAsync(company);

        var response = await (await app.AdminClientAsync()).SubmitFormAsync($"/Admin/Queue/Review/{posting.Id}", formSelector: "[data-testid=approve]");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector("[data-testid=errors]")!.Text().Should().Contain("Acme Health is not verified yet");
        (await app.ReloadAsync(posting.Id)).Status.Should().Be(PostingStatus.PendingReview);
        app.Mail.Messages().Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "Say why the posting is rejected")]
    [InlineData("   ", "Say why the posting is rejected")]
    [InlineData("Bad\u0001text", "control characters")]
    [InlineData(null, "Keep it to 2,000 characters")]
    public async Task A_rejection_without_a_usable_reason_is_refused_with_a_message_and_stores_nothing(string? reason, string message)
    {
        var company = await app.CompanyWithRecruiterAsync();
        var posting = await app.PendingAsync(company);

        var response = await (await app.AdminClientAsync()).SubmitFormAsync($"/Admin/Queue/Review/{posting.Id}",
            [Field("RejectReason", reason ?? new string('x', 2_001))], "[data-testid=reject]");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector("[data-testid=reject] .text-danger")!.Text().Should().Contain(message);
        var saved = await app.ReloadAsync(posting.Id);
        saved.Status.Should().Be(PostingStatus.PendingReview);
        saved.StatusHistory.Should().HaveCount(2);
        app.Mail.Messages().Should().BeEmpty();
    }

    [Fact]
    public async Task Rejecting_with_a_reason_tells_the_recruiter_why_by_mail_and_on_the_posting()
    {
        var company = await app.CompanyWithRecruiterAsync();
        var posting = await app.PendingAsync(company);

        var response = await (await app.AdminClientAsync()).SubmitFormAsync($"/Admin/Queue/Review/{posting.Id}",
            [Field("RejectReason", "The salary <script>alert(1)</script> is missing.")], "[data-testid=reject]");

        response.ShouldRedirectTo("/Admin/Queue");
        var saved = await app.ReloadAsync(posting.Id);
        saved.Status.Should().Be(PostingStatus.Rejected);
        saved.RejectionReason.Should().Be("The salary <script>alert(1)</script> is missing.");
        var mail = (await app.Mail.WaitForAsync(RecruiterEmail)).Should().ContainSingle().Subject;
        mail.Subject.Should().Be("Rejected: Registered Nurse");
        mail.TextBody.Should().Contain("The salary <script>alert(1)</script> is missing.");
        var history = await (await app.AdminClientAsync("admin2@jobboard.test")).GetDocumentAsync($"/Admin/Queue/Review/{posting.Id}");
        history.QuerySelector("[data-testid=history]")!.InnerHtml.Should().Contain("&lt;script&gt;").And.NotContain("<script>");
    }

    [Fact]
    public async Task Requesting_changes_returns_the_posting_to_its_recruiter_as_a_draft_with_what_to_change()
    {
        var company = await app.CompanyWithRecruiterAsync();
        var posting = await app.PendingAsync(company);

        var response = await (await app.AdminClientAsync()).SubmitFormAsync($"/Admin/Queue/Review/{posting.Id}",
            [Field("Changes", "Add the pay range required in Illinois.")], "[data-testid=request-changes]");

        response.ShouldRedirectTo("/Admin/Queue");
        var saved = await app.ReloadAsync(posting.Id);
        saved.Status.Should().Be(PostingStatus.Draft);
        saved.ChangesRequested.Should().Be("Add the pay range required in Illinois.");
        var mail = (await app.Mail.WaitForAsync(RecruiterEmail)).Should().ContainSingle().Subject;
        mail.Subject.Should().Be("Changes requested: Registered Nurse");
        mail.TextBody.Should().Contain("Add the pay range required in Illinois.");
    }
}
