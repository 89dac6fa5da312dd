using System.Net;
using JobBoard.Domain.Moderation;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Admin.AdminBoard;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Admin;

[Collection(WebTestsDefinition.Name)]
public sealed class AuditLogTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task The_log_shows_posting_status_changes_and_admin_actions_newest_first()
    {
        var company = await app.CompanyWithRecruiterAsync();
        var posting = await app.PendingAsync(company, submittedAt: Now.AddHours(-2));
        await app.InsertAsync(AuditEntry.Record(Now.AddHours(-1), "admin@jobboard.test", "verified company", "company", company.Id.ToString(), "Checked the register."));

        var page = await (await app.AdminClientAsync()).GetDocumentAsync("/Admin/Audit");

        page.QuerySelectorAll("[data-testid=audit-line]").Select(l => $"{l.QuerySelector("[data-testid=action]")!.Text()} | {l.QuerySelector("[data-testid=subject]")!.Text()} | {l.QuerySelector("[data-testid=actor]")!.Text()}")
            .Should().Equal(
                $"verified company | company {company.Id} | admin@jobboard.test",
                $"Draft → PendingReview | posting {posting.Id} | {RecruiterEmail}",
                $"created → Draft | posting {posting.Id} | {RecruiterEmail}");
    }

    [Fact]
    public async Task The_log_filters_by_record_and_pages_through_the_rest()
    {
        var entries = Enumerable.Range(1, 60).Select(i => AuditEntry.Record(Now.AddMinutes(-i), "admin@jobboard.test", $"locked user {i}", "user", "7")).ToList();
        entries.Add(AuditEntry.Record(Now, "admin@jobboard.test", "renamed category", "category", "7"));
        await app.InsertAsync([.. entries]);
        var admin = await app.AdminClientAsync();

        var first = await admin.GetDocumentAsync("/Admin/Audit?kind=user&subject=7");
        var second = await admin.GetDocumentAsync(first.QuerySelector("[data-testid=next]")!.GetAttribute("href")!);

        first.QuerySelectorAll("[data-testid=audit-line]").Should().HaveCount(50);
        first.QuerySelector("[data-testid=action]")!.Text().Should().Be("locked user 1");
        second.QuerySelectorAll("[data-testid=action]").Select(a => a.Text()).Should().Equal(Enumerable.Range(51, 10).Select(i => $"locked user {i}"));
        second.QuerySelector("[data-testid=next]").Should().BeNull();
    }

    [Fact]
    public async Task An_unknown_kind_of_record_gets_a_message_not_an_error()
    {
        var response = await (await app.AdminClientAsync()).GetAsync(new Uri("/Admin/Audit?kind=%3Cscript%3E", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=filter] .text-danger")!.Text().Should().Be("Choose a kind of record from the list.");
    }
}
