using System.Net;
using System.Text;
using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Recruiter;

[Collection(WebTestsDefinition.Name)]
public sealed class DashboardTests(JobBoardApp app) : WebTest(app)
{
    private const string BulkForm = "[data-testid=bulk-form]";

    [Fact]
    public async Task The_dashboard_lists_the_company_postings_by_status_and_never_another_company_s()
    {
        var (client, acme, other) = await TwoCompaniesAsync();
        var pending = Draft(acme, Content("Night Nurse"));
        pending.Submit("r@acme.test", Now);
        await InsertPostingsAsync(Draft(acme, Content("Draft Nurse")), pending, Published(acme, Content("Live Nurse")),
            Published(other, Content("Secret Pharmacist")), Draft(other, Content("Secret Draft")));

        var page = await client.GetDocumentAsync("/Recruiter");

        Titles(page).Should().BeEquivalentTo("Draft Nurse", "Night Nurse", "Live Nurse");
        page.Body!.TextContent.Should().NotContain("Secret");
        Tab(page, PostingStatus.Draft).Should().Contain("1");
        Tab(page, PostingStatus.PendingReview).Should().Contain("Pending review").And.Contain("1");
        Tab(page, PostingStatus.Rejected).Should().Contain("0");
        page.QuerySelector("[data-testid=status-tabs] a")!.TextContent.Should().Contain("All").And.Contain("3");
        page.QuerySelector("a[href='/Recruiter/Postings/New']").Should().NotBeNull();
        page.QuerySelector("a[href='/Recruiter/Postings/Import']").Should().NotBeNull();
    }

    [Fact]
    public async Task The_list_is_searched_by_title_or_reference_and_filtered_by_status()
    {
        var (client, acme, _) = await TwoCompaniesAsync();
        await InsertPostingsAsync(
            Published(acme, Content("Oncology Nurse") with { RequisitionReference = "REQ-100" }),
            Draft(acme, Content("Oncology Pharmacist")),
            Published(acme, Content("Store Manager") with { RequisitionReference = "REQ-200" }));

        var byTitle = await client.GetDocumentAsync("/Recruiter?q=oncology");
        var byReference = await client.GetDocumentAsync("/Recruiter?q=req-200");
        var published = await client.GetDocumentAsync("/Recruiter?status=Published&q=oncology");
        var percent = await client.GetDocumentAsync("/Recruiter?q=%25");
        var unknownStatus = await client.GetDocumentAsync("/Recruiter?status=banana");
        var nul = await client.GetDocumentAsync("/Recruiter?q=Store%00");

        Titles(byTitle).Should().BeEquivalentTo("Oncology Nurse", "Oncology Pharmacist");
        Titles(byReference).Should().BeEquivalentTo("Store Manager");
        Titles(published).Should().BeEquivalentTo("Oncology Nurse");
        Titles(percent).Should().BeEmpty("a % typed in the box is a character, not a wildcard");
        Titles(unknownStatus).Should().HaveCount(3);
        Titles(nul).Should().BeEquivalentTo("Store Manager");
    }

    [Fact]
    public async Task Bulk_close_goes_through_the_domain_and_reports_each_posting_it_could_not_close()
    {
        var (client, acme, _) = await TwoCompaniesAsync();
        var first = Published(acme, Content("First Nurse"));
        var second = Published(acme, Content("Second Nurse"));
        var draft = Draft(acme, Content("Draft Nurse"));
        await InsertPostingsAsync(first, second, draft);

        var response = await client.SubmitFormAsync("/Recruiter", [new("Selected", $"{first.Id}"), new("Selected", $"{second.Id}"), new("Selected", $"{draft.Id}")],
            BulkForm, new("bulk", "close"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        page.QuerySelector("[data-testid=outcome]")!.TextContent.Should()
            .Be("2 closed, 1 could not be: “Draft Nurse”: A posting that is draft cannot be closed.");
        (await StatusesAsync()).Should().BeEquivalentTo(new Dictionary<string, PostingStatus>
        {
            ["First Nurse"] = PostingStatus.Closed,
            ["Second Nurse"] = PostingStatus.Closed,
            ["Draft Nurse"] = PostingStatus.Draft,
        });
    }

    [Fact]
    public async Task Bulk_renew_asks_for_a_closing_date_then_extends_each_published_posting()
    {
        var (client, acme, _) = await TwoCompaniesAsync();
        var live = Published(acme, Content("Live Nurse") with { ValidThrough = Today.AddDays(5) });
        var closed = Published(acme, Content("Closed Nurse"));
        closed.Close("r@acme.test", Now);
        await InsertPostingsAsync(live, closed);

        var withoutDate = await client.SubmitFormAsync("/Recruiter", [new("Selected", $"{live.Id}")], BulkForm, new("bulk", "renew"));
        var withoutDatePage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await withoutDate.Content.ReadAsStringAsync());
        var renewed = await client.SubmitFormAsync("/Recruiter",
            [new("Selected", $"{live.Id}"), new("Selected", $"{closed.Id}"), new("NewClosingDate", Today.AddDays(30).ToString("yyyy-MM-dd"))],
            BulkForm, new("bulk", "renew"));

        withoutDatePage.QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Choose the new closing date.");
        withoutDatePage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#select-{live.Id}")!.IsChecked.Should().BeTrue("the selection is kept");
        var page = await client.GetDocumentAsync(renewed.Headers.Location!.OriginalString);
        page.QuerySelector("[data-testid=outcome]")!.TextContent.Should().StartWith("1 renewed, 1 could not be: “Closed Nurse”: A posting that is closed cannot be renewed.");
        var stored = await app.ExecuteDbContextAsync(db => db.Postings.SingleAsync(p => p.Id == live.Id));
        stored.ValidThrough.Should().Be(Today.AddDays(30));
    }

    [Fact]
    public async Task Another_company_s_posting_id_in_a_bulk_action_is_a_404_and_changes_nothing()
    {
        var (client, acme, other) = await TwoCompaniesAsync();
        var mine = Published(acme, Content("Mine"));
        var theirs = Published(other, Content("Theirs"));
        await InsertPostingsAsync(mine, theirs);

        var response = await client.SubmitFormAsync("/Recruiter", [new("Selected", $"{mine.Id}"), new("Selected", $"{theirs.Id}")], BulkForm, new("bulk", "close"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await StatusesAsync()).Values.Should().AllBeEquivalentTo(PostingStatus.Published);
    }

    [Fact]
    public async Task The_csv_export_lists_the_filtered_postings_quoted_and_safe_from_formulas()
    {
        var (client, acme, other) = await TwoCompaniesAsync();
        await InsertPostingsAsync(
            Published(acme, Content("=HYPERLINK(\"http://evil.test\",\"Click\")") with { RequisitionReference = "@SUM(A1)" }),
            Published(acme, Content("Nurse, \"Senior\" – Zürich")),
            Draft(acme, Content("Draft Nurse")),
            Published(other, Content("Secret Pharmacist")));

        var response = await client.GetAsync(new Uri("/Recruiter?handler=Export&status=Published", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = Encoding.UTF8.GetString(bytes.AsSpan(3));

        response.Content.Headers.ContentType!.ToString().Should().Be("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().StartWith("acme-health-postings-");
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("Id,Title,Reference,Status,Created,Last changed,Posted,Closing date");
        lines.Should().HaveCount(3);
        csv.Should().Contain(",\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"Click\"\")\",'@SUM(A1),Published,")
            .And.Contain(",\"Nurse, \"\"Senior\"\" – Zürich\",,Published,")
            .And.NotContain("Draft Nurse").And.NotContain("Secret");
    }

    [Fact]
    public async Task Thousands_of_postings_are_paged()
    {
        var (client, acme, _) = await TwoCompaniesAsync();
        await InsertPostingsAsync(Enumerable.Range(1, 120).Select(i => Draft(acme, Content($"Nurse {i:000}"))).ToArray());

        var first = await client.GetDocumentAsync("/Recruiter");
        var third = await client.GetDocumentAsync("/Recruiter?p=3");
        var beyond = await client.GetDocumentAsync("/Recruiter?p=99");

        Titles(first).Should().HaveCount(50).And.StartWith("Nurse 120");
        Titles(third).Should().HaveCount(20).And.EndWith("Nurse 001");
        Titles(beyond).Should().Equal(Titles(third), "a page past the end shows the last one");
        first.QuerySelector("nav[aria-label='Pages of postings']")!.TextContent.Should().Contain("Page 1 of 3");
    }

    [Fact]
    public async Task A_recruiter_waiting_for_approval_does_not_see_the_dashboard()
    {
        var acme = Company();
        await app.InsertAsync(acme);
        await app.CreateUserAsync("owner@acme.test", BoardRoles.Recruiter, acme);
        var pending = await app.CreateUserAsync("new@acme.test", BoardRoles.Recruiter, acme, owner: false);

        var response = await (await app.SignedInClientAsync(pending)).GetAsync(new Uri("/Recruiter", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied");
    }

    private async Task<(HttpClient Client, Company Acme, Company Other)> TwoCompaniesAsync()
    {
        var acme = Company();
        var other = Company("Other Pharma");
        await app.InsertAsync(acme, other);
        var recruiter = await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme);
        await app.CreateUserAsync("recruiter@other.test", BoardRoles.Recruiter, other);
        return (await app.SignedInClientAsync(recruiter), acme, other);
    }

    private Task<Dictionary<string, PostingStatus>> StatusesAsync() =>
        app.ExecuteDbContextAsync(db => db.Postings.ToDictionaryAsync(p => p.Title, p => p.Status));

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-testid=posting-row] td:nth-child(2) > a:first-child").Select(a => a.TextContent.Trim()).ToList();

    private static string Tab(AngleSharp.Dom.IDocument page, PostingStatus status) =>
        page.QuerySelector($"[data-testid=status-tabs] a[data-status={status}]")!.TextContent;

    /// <summary>Postings of companies already stored: the companies are attached as they are, not inserted again.</summary>
    private Task InsertPostingsAsync(params JobPosting[] postings) =>
        app.ExecuteDbContextAsync(async db =>
        {
            foreach (var company in postings.Select(p => p.Company).Distinct())
            {
                db.Attach(company);
            }

            db.AddRange(postings);
            await db.SaveChangesAsync();
        });
}
