using System.Net;
using System.Text.Json;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Tests.Infrastructure;

namespace JobBoard.Tests.Accounts;

[Collection(WebTestsDefinition.Name)]
public sealed class PersonalDataExportTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task The_account_page_offers_the_download_as_a_JSON_attachment_that_is_never_cached()
    {
        var posting = await PersonalRows.PostingAsync(app);
        var dana = await PersonalRows.SeedAsync(app, "dana@example.test", posting, password: null);
        var client = await app.SignedInClientAsync(dana.User);

        var link = (await client.GetDocumentAsync("/Account")).QuerySelector("[data-testid=export]")!.GetAttribute("href")!;
        var response = await client.GetAsync(new Uri(link, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be("jobboard-data-2026-11-23.json");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task The_export_holds_every_kind_of_the_seeker_s_rows_and_nothing_of_anyone_else()
    {
        var posting = await PersonalRows.PostingAsync(app);
        var dana = await PersonalRows.SeedAsync(app, "dana@example.test", posting, password: null);
        var other = await PersonalRows.SeedAsync(app, "quinn@example.test", posting, password: null);

        var text = await (await app.SignedInClientAsync(dana.User)).GetStringAsync(new Uri("/Account?handler=Export", UriKind.Relative));
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        root.GetProperty("profile").GetProperty("email").GetString().Should().Be("dana@example.test");
        root.GetProperty("profile").GetProperty("displayName").GetString().Should().Be("dana");
        root.GetProperty("profile").GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal(BoardRoles.Seeker);
        Single(root, "savedJobs").GetProperty("title").GetString().Should().Be("Registered Nurse");
        Single(root, "savedJobs").GetProperty("postingId").GetInt32().Should().Be(posting.Id);
        Single(root, "recentViews").GetProperty("postingId").GetInt32().Should().Be(posting.Id);
        var alerts = root.GetProperty("alerts").EnumerateArray().ToList();
        alerts.Select(a => (a.GetProperty("name").GetString(), a.GetProperty("kind").GetString(), a.GetProperty("frequency").GetString()))
            .Should().Equal(("Nurses for dana", "account", "Daily"), ("Guest alert of dana", "guest", "Weekly"));
        alerts[0].GetProperty("query").GetString().Should().Be("q=nurse&location=Chicago");
        alerts[1].GetProperty("confirmedAt").ValueKind.Should().Be(JsonValueKind.String, "the guest confirmed it");
        var application = Single(root, "applications");
        application.GetProperty("title").GetString().Should().Be("Registered Nurse");
        application.GetProperty("status").GetString().Should().Be("New");
        application.GetProperty("name").GetString().Should().Be("Name of dana");
        application.GetProperty("phone").GetString().Should().Be("+1 312 555 0100");
        application.GetProperty("coverNote").GetString().Should().Be("Note from dana");
        var cv = application.GetProperty("cv");
        cv.GetProperty("fileName").GetString().Should().Be("dana-cv.pdf");
        cv.GetProperty("kind").GetString().Should().Be("Pdf");
        Convert.FromBase64String(cv.GetProperty("contentBase64").GetString()!).Should().Equal(PersonalRows.Pdf("CV of dana"));
        cv.GetProperty("size").GetInt32().Should().Be(PersonalRows.Pdf("CV of dana").Length);
        Single(root, "applyClicks").GetProperty("fromPage").GetString().Should().Be("/jobs?q=dana");
        Single(root, "reports").GetProperty("details").GetString().Should().Be("Report by dana");
        root.GetProperty("companyMemberships").GetArrayLength().Should().Be(0);

        text.Should().NotContain("quinn", "nothing of the other seeker's rows, which all carry their name, is in the file");
        root.GetProperty("savedJobs").GetArrayLength().Should().Be(1, "each has saved the same posting");
        other.User.Id.Should().NotBe(dana.User.Id);
    }

    [Fact]
    public async Task A_recruiter_s_export_names_their_company_but_not_who_approved_them()
    {
        var company = TestPostings.Company("Acme Health");
        await app.InsertAsync(company);
        await app.CreateUserAsync("owner@acme.test", BoardRoles.Recruiter, company, password: null);
        var joiner = await app.CreateUserAsync("joiner@acme.test", BoardRoles.Recruiter, company, owner: false, password: null);
        await app.ExecuteDbContextAsync(async db =>
        {
            db.CompanyMembers.Single(m => m.UserId == joiner.Id).Approve("owner@acme.test", TestPostings.Now);
            await db.SaveChangesAsync();
        });

        var text = await (await app.SignedInClientAsync(joiner)).GetStringAsync(new Uri("/Account?handler=Export", UriKind.Relative));
        using var json = JsonDocument.Parse(text);

        var membership = Single(json.RootElement, "companyMemberships");
        membership.GetProperty("company").GetString().Should().Be("Acme Health");
        membership.GetProperty("status").GetString().Should().Be(nameof(MembershipStatus.Approved));
        membership.GetProperty("isOwner").GetBoolean().Should().BeFalse();
        text.Should().NotContain("owner@acme.test", "the owner's address is theirs, not the joiner's");
    }

    [Fact]
    public async Task A_guest_is_sent_to_sign_in_for_the_export()
    {
        var response = await app.GuestClient().GetAsync(new Uri("/Account?handler=Export", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/Account/SignIn");
    }

    private static JsonElement Single(JsonElement root, string property)
    {
        var items = root.GetProperty(property).EnumerateArray().ToList();
        items.Should().ContainSingle(property);
        return items[0];
    }
}
