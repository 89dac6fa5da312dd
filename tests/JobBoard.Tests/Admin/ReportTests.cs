using System.Net;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Moderation;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static JobBoard.Tests.Admin.AdminBoard;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Admin;

[Collection(WebTestsDefinition.Name)]
public sealed class ReportTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task A_guest_reports_a_published_posting_from_its_cached_page()
    {
        var posting = Published(Company());
        await app.InsertAsync(posting);
        var guest = app.GuestClient();

        // Twice: the second answer comes from the output cache, and its link must still lead to a working form.
        await guest.GetDocumentAsync($"/jobs/{posting.Id}/{posting.Slug}");
        var details = await guest.GetDocumentAsync($"/jobs/{posting.Id}/{posting.Slug}");
        var reportUrl = details.QuerySelector("[data-testid=report-link]")!.GetAttribute("href")!;
        var response = await guest.SubmitFormAsync(reportUrl, [Field("Reason", "Scam"), Field("Details", "Asks applicants for a $50 fee.")]);

        response.ShouldRedirectTo($"/jobs/{posting.Id}/report?filed=True");
        (await guest.GetDocumentAsync(response.Headers.Location!.OriginalString)).QuerySelector("[data-testid=report-filed]").Should().NotBeNull();
        var report = await app.ExecuteDbContextAsync(db => db.PostingReports.SingleAsync());
        report.PostingId.Should().Be(posting.Id);
        report.Reason.Should().Be(ReportReason.Scam);
        report.Details.Should().Be("Asks applicants for a $50 fee.");
        report.ReporterUserId.Should().BeNull();
    }

    [Fact]
    public async Task A_signed_in_reporter_is_recorded_with_the_report()
    {
        var posting = Published(Company());
        await app.InsertAsync(posting);
        var seeker = await app.CreateUserAsync("seeker@example.test", BoardRoles.Seeker);

        var response = await (await app.SignedInClientAsync(seeker)).SubmitFormAsync($"/jobs/{posting.Id}/report", [Field("Reason", "Misleading")]);

        response.ShouldRedirectTo($"/jobs/{posting.Id}/report?filed=True");
        (await app.ExecuteDbContextAsync(db => db.PostingReports.SingleAsync())).ReporterUserId.Should().Be(seeker.Id);
    }

    [Theory]
    [InlineData("Bogus", "fine", "reason-error", "Choose a reason from the list.")]
    [InlineData("99", "fine", "reason-error", "Choose a reason from the list.")]
    [InlineData("", "fine", "reason-error", "Choose a reason from the list.")]
    [InlineData("Other", "", "details-error", "Say what is wrong with this posting.")]
    [InlineData("Spam", "bell\u0007here", "details-error", "control characters")]
    [InlineData("Spam", null, "details-error", "Keep it to 2,000 characters")]
    public async Task A_report_with_bad_input_is_refused_with_a_message_by_the_field_and_nothing_is_stored(
        string reason, string? details, string errorField, string message)
    {
        var posting = Published(Company());
        await app.InsertAsync(posting);
        details ??= new string('x', 2_001);

        var response = await app.GuestClient().SubmitFormAsync($"/jobs/{posting.Id}/report", [Field("Reason", reason), Field("Details", details)]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector($"[data-testid={errorField}]")!.Text().Should().Contain(message);
        page.QuerySelector("textarea[name=Details]")!.TextContent.Should().Be(details, "what was typed is kept");
        (await app.ExecuteDbContextAsync(db => db.PostingReports.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Only_a_listed_posting_can_be_reported()
    {
        var company = Company();
        var draft = Draft(company);
        var expired = Published(company, Content() with { ValidThrough = Today.AddDays(-1) }, at: Now.AddDays(-10));
        await app.InsertAsync(draft, expired);

        (await app.GuestClient().GetAsync(new Uri($"/jobs/{draft.Id}/report", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await app.GuestClient().GetAsync(new Uri($"/jobs/{expired.Id}/report", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reports_past_the_limit_get_429_with_Retry_After_and_reading_the_form_is_not_counted()
    {
        var posting = Published(Company());
        await app.InsertAsync(posting);
        await using var limited = app.WithWebHostBuilder(builder => builder.UseSetting("RateLimiting:ReportsPerHour", "3"));
        var guest = limited.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 3; i++)
        {
            (await guest.GetAsync(new Uri($"/jobs/{posting.Id}/report", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var first = await guest.SubmitFormAsync($"/jobs/{posting.Id}/report", [Field("Reason", "Spam")]);
        var second = await guest.SubmitFormAsync($"/jobs/{posting.Id}/report", [Field("Reason", "Spam")]);

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        second.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 20 * 60);
        (await app.ExecuteDbContextAsync(db => db.PostingReports.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task An_admin_resolves_a_report_and_closes_the_posting_in_one_step_and_the_public_page_says_so_at_once()
    {
        var posting = Published(Company());
        await app.InsertAsync(posting);
        var report = PostingReport.File(posting.Id, ReportReason.Scam, "Asks for money.", null, Now).Value;
        await app.InsertAsync(report);
        var guest = app.GuestClient();
        (await guest.GetDocumentAsync($"/jobs/{posting.Id}/{posting.Slug}")).QuerySelector("[data-testid=apply]").Should().NotBeNull();
        var admin = await app.AdminClientAsync();
        (await admin.GetDocumentAsync("/Admin/Reports")).QuerySelector("[data-testid=details]")!.Text().Should().Be("Asks for money.");

        var response = await admin.SubmitFormAsync("/Admin/Reports", [Field("Resolution", "Confirmed a fee scam."), Field("ClosePosting", "true")], "[data-testid=resolve]");

        response.ShouldRedirectTo("/Admin/Reports");
        var resolved = await app.ExecuteDbContextAsync(db => db.PostingReports.SingleAsync());
        resolved.IsOpen.Should().BeFalse();
        resolved.Resolution.Should().Be("Confirmed a fee scam.");
        resolved.ResolvedBy.Should().Be(AdminEmail);
        (await app.ReloadAsync(posting.Id)).Status.Should().Be(PostingStatus.Closed);
        var audit = await app.ExecuteDbContextAsync(db => db.AuditEntries.SingleAsync());
        (audit.Action, audit.SubjectType, audit.SubjectId, audit.Reason).Should().Be(("resolved report and closed posting", "report", report.Id.ToString(), "Confirmed a fee scam."));
        var page = await guest.GetDocumentAsync($"/jobs/{posting.Id}/{posting.Slug}");
        page.QuerySelector("[data-testid=apply]").Should().BeNull("the cached page was forgotten when the posting closed");
        (await admin.GetDocumentAsync("/Admin/Reports")).QuerySelector("[data-testid=empty]").Should().NotBeNull();
    }

    [Fact]
    public async Task A_resolution_must_say_what_was_done_and_nothing_changes_without_one()
    {
        var posting = Published(Company());
        await app.InsertAsync(posting);
        await app.InsertAsync(PostingReport.File(posting.Id, ReportReason.Spam, null, null, Now).Value);

        var response = await (await app.AdminClientAsync()).SubmitFormAsync("/Admin/Reports", [Field("Resolution", " "), Field("ClosePosting", "true")], "[data-testid=resolve]");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=resolution-error]")!.Text().Should().Be("Say what was done about the report.");
        (await app.ExecuteDbContextAsync(db => db.PostingReports.SingleAsync())).IsOpen.Should().BeTrue();
        (await app.ReloadAsync(posting.Id)).Status.Should().Be(PostingStatus.Published);
    }
}
