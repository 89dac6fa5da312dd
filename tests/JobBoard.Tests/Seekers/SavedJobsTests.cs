using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Seekers;
using JobBoard.Tests.Accounts;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Seekers;
using Microsoft.EntityFrameworkCore;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Seekers;

[Collection(WebTestsDefinition.Name)]
public sealed class SavedJobsTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task A_signed_in_seeker_saves_and_unsaves_from_the_posting_page_without_script()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var client = await app.SignedInClientAsync(seeker);
        var url = $"/jobs/{posting.Id}/{posting.Slug}";

        var page = await client.GetDocumentAsync(url);
        SaveButton(page).Should().Be("Save job");
        (await client.PostFormAsync(SaveForm(page), url)).ShouldRedirectTo(url);

        (await SavedAsync(seeker.Id)).Should().Equal(posting.Id);
        page = await client.GetDocumentAsync(url);
        SaveButton(page).Should().Be("Unsave job");
        (await client.PostFormAsync(SaveForm(page), url)).ShouldRedirectTo(url);

        (await SavedAsync(seeker.Id)).Should().BeEmpty();
        SaveButton(await client.GetDocumentAsync(url)).Should().Be("Save job");
    }

    [Fact]
    public async Task Saving_from_a_result_card_comes_back_to_the_same_search_with_that_card_saved()
    {
        var company = Company();
        var nurse = Published(company, Content("Registered Nurse"));
        var therapist = Published(company, Content("Nurse Therapist"));
        await app.InsertAsync(company, nurse, therapist);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var client = await app.SignedInClientAsync(seeker);

        var results = await client.GetDocumentAsync("/jobs?q=nurse");
        var card = CardOf(results, "Nurse Therapist");
        (await client.PostFormAsync(SaveForm(card), "/jobs?q=nurse")).ShouldRedirectTo("/jobs?q=nurse");

        (await SavedAsync(seeker.Id)).Should().Equal(therapist.Id);
        results = await client.GetDocumentAsync("/jobs?q=nurse");
        SaveButton(CardOf(results, "Nurse Therapist")).Should().Be("Unsave job");
        SaveButton(CardOf(results, "Registered Nurse")).Should().Be("Save job");
        var button = CardOf(results, "Nurse Therapist").QuerySelector("[data-testid=save-job] button")!;
        results.GetElementById(button.GetAttribute("aria-describedby")!)!.Text().Should().Be("Nurse Therapist", "each card's button says which job it saves");
    }

    [Fact]
    public async Task Cards_on_the_home_and_company_pages_save_too()
    {
        var company = Company();
        var posting = Published(company, Content("Registered Nurse"));
        await app.InsertAsync(company, posting);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var client = await app.SignedInClientAsync(seeker);

        var home = await client.GetDocumentAsync("/");
        (await client.PostFormAsync(SaveForm(CardOf(home, "Registered Nurse")), "/")).ShouldRedirectTo("/");
        (await SavedAsync(seeker.Id)).Should().Equal(posting.Id);

        var companyPage = $"/companies/{company.Slug}";
        var profile = await client.GetDocumentAsync(companyPage);
        SaveButton(CardOf(profile, "Registered Nurse")).Should().Be("Unsave job");
        (await client.PostFormAsync(SaveForm(CardOf(profile, "Registered Nurse")), companyPage)).ShouldRedirectTo(companyPage);
        (await SavedAsync(seeker.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_script_saves_and_unsaves_in_the_background_and_is_told_the_new_state()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var client = await app.SignedInClientAsync(seeker);
        var url = $"/jobs/{posting.Id}/{posting.Slug}";
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var page = await client.GetDocumentAsync(url);
        var saved = await client.PostFormAsync(SaveForm(page), url);
        var savedAgain = await client.PostFormAsync(SaveForm(page), url);

        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        (await StateAsync(saved)).Should().BeTrue();
        (await StateAsync(savedAgain)).Should().BeTrue("saving twice (a double click) is no error");
        (await SavedAsync(seeker.Id)).Should().Equal(posting.Id);

        // The script posts to the form's other address once saved, with the same fields.
        var form = SaveForm(page);
        form.SetAttribute("action", form.GetAttribute("data-unsave-action"));
        var unsaved = await client.PostFormAsync(form, url);
        (await StateAsync(unsaved)).Should().BeFalse();
        (await SavedAsync(seeker.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_guest_gets_a_link_and_the_cacheable_posting_page_carries_no_form_token_or_cookie()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);

        var (response, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        var link = page.QuerySelector<IHtmlAnchorElement>("main a[data-testid=save-job]")!;
        link.Text().Should().Be("Save job");
        link.GetAttribute("href").Should().Be($"/jobs/{posting.Id}/save");
        page.QuerySelector("main form[data-save-job]").Should().BeNull();
        page.QuerySelector("input[name=__RequestVerificationToken]").Should().BeNull();
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Fact]
    public async Task A_guest_who_saves_signs_in_and_lands_on_the_posting_with_the_job_saved()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);
        var cookies = new CookieContainer();
        var client = app.GuestClient(cookies);
        var url = $"/jobs/{posting.Id}/{posting.Slug}";
        // The guest's page is now in the output cache; the signed-in reader must not be served it.
        SaveLink(await client.GetDocumentAsync(url)).Should().Be($"/jobs/{posting.Id}/save");

        var asked = await client.GetAsync(new Uri($"/jobs/{posting.Id}/save", UriKind.Relative));

        asked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var signIn = asked.Headers.Location!;
        signIn.AbsolutePath.Should().Be("/Account/SignIn");
        Uri.UnescapeDataString(signIn.Query).Should().Be($"?ReturnUrl={url}");
        (await SavedAsync(seeker.Id)).Should().BeEmpty("nothing is written for a guest");
        cookies.GetCookies(new Uri("http://localhost"))[PendingSave.CookieName]!.Value.Should().NotBe(posting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "the posting is remembered protected");

        (await client.SignInAsync("dana@example.test", page: signIn.PathAndQuery)).ShouldRedirectTo(url);

        (await SavedAsync(seeker.Id)).Should().Equal(posting.Id);
        cookies.GetCookies(new Uri("http://localhost"))[PendingSave.CookieName].Should().BeNull("the save is done once");
        SaveButton(await client.GetDocumentAsync(url)).Should().Be("Unsave job");
    }

    [Fact]
    public async Task A_forged_pending_save_cookie_saves_nothing_and_signing_in_still_works()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);
        var cookies = new CookieContainer();
        cookies.Add(new Uri("http://localhost"), new Cookie(PendingSave.CookieName, posting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        (await app.GuestClient(cookies).SignInAsync("dana@example.test")).ShouldRedirectTo("/Account");

        (await SavedAsync(seeker.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_posting_the_public_cannot_see_cannot_be_saved()
    {
        var company = Company();
        var draft = Draft(company, Content("Draft Nurse"));
        var pending = Draft(company, Content("Pending Nurse"));
        pending.Submit("recruiter@acme.test", Now).Succeeded.Should().BeTrue();
        await app.InsertAsync(company, draft, pending);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var client = await app.SignedInClientAsync(seeker);
        var token = await TokenAsync(client);

        foreach (var id in new[] { draft.Id, pending.Id, 999 })
        {
            (await PostAsync(client, "Save", id, token)).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await app.GuestClient().GetAsync(new Uri($"/jobs/{id}/save", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await SavedAsync(seeker.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_closed_or_expired_posting_still_has_its_page_and_can_be_saved_there()
    {
        var company = Company();
        var closed = Published(company, Content("Closed Nurse"));
        closed.Close("recruiter@acme.test", Now).Succeeded.Should().BeTrue();
        var expired = Published(company, Content("Expired Nurse") with { DatePosted = new DateOnly(2026, 9, 1), ValidThrough = new DateOnly(2026, 10, 1) }, at: new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        expired.Expire(Now).Succeeded.Should().BeTrue();
        await app.InsertAsync(company, closed, expired);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var client = await app.SignedInClientAsync(seeker);

        foreach (var posting in new[] { closed, expired })
        {
            var url = $"/jobs/{posting.Id}/{posting.Slug}";
            (await client.PostFormAsync(SaveForm(await client.GetDocumentAsync(url)), url)).ShouldRedirectTo(url);
        }

        (await SavedAsync(seeker.Id)).Should().Equal(closed.Id, expired.Id);
    }

    [Fact]
    public async Task Only_a_local_return_address_is_followed()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var client = await app.SignedInClientAsync(seeker);

        var page = await client.GetDocumentAsync($"/jobs/{posting.Id}/{posting.Slug}");
        var response = await client.PostFormAsync(SaveForm(page), "/", [new("returnUrl", "https://evil.example/")]);

        response.ShouldRedirectTo("/Saved");
        (await SavedAsync(seeker.Id)).Should().Equal(posting.Id);
    }

    [Fact]
    public async Task A_user_can_neither_unsave_nor_see_another_users_saved_jobs()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var dana = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var eve = await app.CreateUserAsync("eve@example.test", BoardRoles.Seeker, password: null);
        await app.InsertAsync(SavedJob.Create(dana.Id, posting.Id, Now));
        var client = await app.SignedInClientAsync(eve);

        (await PostAsync(client, "Unsave", posting.Id, await TokenAsync(client))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await client.GetDocumentAsync("/saved");

        (await SavedAsync(dana.Id)).Should().Equal(posting.Id);
        saved.QuerySelector("[data-testid=saved-empty]").Should().NotBeNull();
        saved.QuerySelector("main")!.Text().Should().NotContain("Registered Nurse");
    }

    [Fact]
    public async Task Saved_jobs_are_listed_newest_first_each_saying_where_it_stands_now()
    {
        var company = Company();
        var open = Published(company, Content("Open Nurse") with { ValidThrough = new DateOnly(2026, 12, 31) });
        var closed = Published(company, Content("Closed Nurse"));
        closed.Close("recruiter@acme.test", Now).Succeeded.Should().BeTrue();
        var lapsed = Published(company, Content("Lapsed Nurse") with { DatePosted = new DateOnly(2026, 9, 1), ValidThrough = new DateOnly(2026, 10, 1) }, at: new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        var expired = Published(company, Content("Expired Nurse") with { DatePosted = new DateOnly(2026, 9, 1), ValidThrough = new DateOnly(2026, 10, 1) }, at: new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        expired.Expire(Now).Succeeded.Should().BeTrue();
        var revised = Published(company, Content("Revised Nurse"));
        await app.InsertAsync(company, open, closed, lapsed, expired, revised);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var postings = new[] { open, closed, lapsed, expired, revised };
        await app.InsertAsync([.. postings.Select((p, i) => SavedJob.Create(seeker.Id, p.Id, Now.AddMinutes(i)))]);
        // Sent back for changes after the seeker saved it: a draft again, without a public page.
        await app.ExecuteDbContextAsync(db => db.Postings.Where(p => p.Id == revised.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.Status, PostingStatus.Draft)));

        var page = await (await app.SignedInClientAsync(seeker)).GetDocumentAsync("/saved");

        var rows = page.QuerySelectorAll("[data-testid=saved-job]");
        rows.Select(r => r.QuerySelector("h2")!.Text()).Should().Equal("Revised Nurse", "Expired Nurse", "Lapsed Nurse", "Closed Nurse", "Open Nurse");
        rows.Select(r => r.QuerySelector(".badge")!.Text()).Should().Equal("No longer public", "Expired", "Expired", "Closed", "Open");
        rows[0].QuerySelector("h2 a").Should().BeNull("a posting without a public page has no link");
        rows[4].QuerySelector("h2 a")!.GetAttribute("href").Should().Be($"/jobs/{open.Id}/{open.Slug}");
        rows[1].QuerySelector("[data-testid=saved-status]")!.Text().Should().Contain("The closing date October 1, 2026 has passed.");
        rows[3].QuerySelector("[data-testid=saved-status]")!.Text().Should().Contain("no longer accepting applications");
    }

    [Fact]
    public async Task Removing_a_saved_job_from_the_list_leaves_the_empty_list()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        await app.InsertAsync(SavedJob.Create(seeker.Id, posting.Id, Now));
        var client = await app.SignedInClientAsync(seeker);

        var response = await client.SubmitFormAsync("/saved", formSelector: "form[data-testid=remove-saved]");

        response.ShouldRedirectTo("/saved");
        (await SavedAsync(seeker.Id)).Should().BeEmpty();
        var page = await client.GetDocumentAsync("/saved");
        page.QuerySelector("[data-testid=saved-empty]")!.Text().Should().Contain("You have no saved jobs yet.");
    }

    [Fact]
    public async Task The_nav_links_to_saved_jobs_for_a_signed_in_user_only()
    {
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);

        var signedIn = await (await app.SignedInClientAsync(seeker)).GetDocumentAsync("/");
        var (_, guest) = await app.GetPageAsync("/");

        signedIn.QuerySelectorAll("[data-testid=account-nav] a").Should().Contain(a => a.Text() == "Saved jobs" && a.GetAttribute("href") == "/saved");
        guest.QuerySelectorAll("[data-testid=account-nav] a").Should().NotContain(a => a.Text() == "Saved jobs");
    }

    private Task<List<int>> SavedAsync(int userId) =>
        app.ExecuteDbContextAsync(db => db.SavedJobs.Where(s => s.UserId == userId).OrderBy(s => s.PostingId).Select(s => s.PostingId).ToListAsync());

    private static IElement CardOf(IParentNode page, string title) =>
        page.QuerySelectorAll("[data-testid=job-card]").Single(c => c.QuerySelector("h3")!.Text() == title);

    private static IHtmlFormElement SaveForm(IParentNode scope) =>
        scope.QuerySelector<IHtmlFormElement>("main form[data-testid=save-job], form[data-testid=save-job]")
        ?? throw new InvalidOperationException("No save form");

    private static string? SaveLink(IParentNode scope) =>
        scope.QuerySelector("main a[data-testid=save-job]")?.GetAttribute("href");

    private static string SaveButton(IParentNode scope) =>
        scope.QuerySelector("form[data-testid=save-job] button")?.Text() ?? throw new InvalidOperationException("No save button");

    private static async Task<bool> StateAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("saved").GetBoolean();
    }

    /// <summary>The antiforgery token of the signed-in user's own page (the form of /saved's layout is enough).</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/saved");
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, int postingId, string token) =>
        client.PostAsync(new Uri($"/saved?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["postingId"] = postingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        }));
}
