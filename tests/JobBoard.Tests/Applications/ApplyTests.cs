using System.Net;
using System.Text.Json;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Applications;

/// <summary><c>/jobs/{id}/apply</c>: where it sends the seeker, what it records, and what it refuses.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class ApplyTests(JobBoardApp app) : WebTest(app)
{
    private PostingActivity Activity => app.Services.GetRequiredService<PostingActivity>();

    [Fact]
    public async Task Apply_records_who_when_and_from_which_board_page_then_redirects_to_the_apply_link()
    {
        var posting = Published(Company());
        await app.InsertAsync(posting);
        var seeker = await app.CreateUserAsync("seeker@example.com", BoardRoles.Seeker, password: null);
        var client = await app.SignedInClientAsync(seeker);

        var response = await SendAsync(client, $"/jobs/{posting.Id}/apply", referer: "http://localhost/jobs?q=nurse&location=Chicago");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("https://example.com/apply");
        var click = (await ClicksAsync()).Should().ContainSingle().Subject;
        click.Should().Match<ApplyClick>(c => c.PostingId == posting.Id && c.UserId == seeker.Id && c.At == Now && c.FromPage == "/jobs?q=nurse&location=Chicago");

        (await StatsAsync()).Should().BeEmpty("clicks are counted in memory until the next flush");
        await Activity.FlushAsync(CancellationToken.None);
        (await StatsAsync()).Should().ContainSingle().Which.Should().Match<PostingDailyStats>(s =>
            s.PostingId == posting.Id && s.Day == Today && s.ApplyClicks == 1 && s.Views == 0);
    }

    [Fact]
    public async Task A_guests_click_from_another_site_is_recorded_without_a_user_or_a_page_and_opens_a_mail_naming_the_posting()
    {
        var posting = Published(Company(), Content() with { ApplyUrl = null, ApplyEmail = "jobs@acme.test" });
        await app.InsertAsync(posting);

        var response = await SendAsync(app.GuestClient(), $"/jobs/{posting.Id}/apply", referer: "https://elsewhere.example/jobs?q=nurse");
        await SendAsync(app.GuestClient(), $"/jobs/{posting.Id}/apply", referer: null);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(
            "mailto:jobs@acme.test?subject=Application%3A%20Registered%20Nurse%20at%20Acme%20Health%20%28via%20JobBoard%29");
        (await ClicksAsync()).Should().HaveCount(2).And.OnlyContain(c => c.UserId == null && c.FromPage == null && c.PostingId == posting.Id);
        await Activity.FlushAsync(CancellationToken.None);
        (await StatsAsync()).Single().ApplyClicks.Should().Be(2);
    }

    [Fact]
    public async Task A_posting_that_takes_applications_on_the_board_sends_the_seeker_to_its_form()
    {
        var posting = Published(Company(), Content() with { TakesApplicationsOnBoard = true });
        await app.InsertAsync(posting);

        var response = await SendAsync(app.GuestClient(), $"/jobs/{posting.Id}/apply", referer: $"http://localhost/jobs/{posting.Id}/{posting.Slug}");

        response.Headers.Location!.OriginalString.Should().Be($"/jobs/{posting.Id}/apply/form",
            "the on-board form wins over an apply link the posting still carries");
        (await ClicksAsync()).Single().FromPage.Should().Be($"/jobs/{posting.Id}/{posting.Slug}");
        var form = await app.GuestClient().GetAsync(new Uri(response.Headers.Location.OriginalString, UriKind.Relative));
        form.StatusCode.Should().Be(HttpStatusCode.Redirect);
        form.Headers.Location!.AbsolutePath.Should().Be("/Account/SignIn", "a guest signs in to apply, so they can follow it");
    }

    [Fact]
    public async Task A_closed_or_expired_posting_sends_the_seeker_back_to_its_page_which_says_it_is_no_longer_open_and_counts_nothing()
    {
        var closed = Published(Company(), Content("Closed Nurse"));
        closed.Close("recruiter@acme.test", Now).Succeeded.Should().BeTrue();
        var expiring = Published(Company("Beta Care"), Content("Expiring Nurse") with { ValidThrough = Today.AddDays(2) });
        var draft = Draft(Company("Gamma Clinic"));
        await app.InsertAsync(closed, expiring, draft);
        app.Clock.Advance(TimeSpan.FromDays(3));

        foreach (var posting in new[] { closed, expiring })
        {
            var response = await SendAsync(app.GuestClient(), $"/jobs/{posting.Id}/apply", referer: null);
            response.Headers.Location!.OriginalString.Should().Be($"/jobs/{posting.Id}/{posting.Slug}");
            var (_, page) = await app.GetPageAsync(response.Headers.Location.OriginalString);
            page.QuerySelector("main")!.Text().Should().Contain("This job is no longer accepting applications.");
            page.QuerySelector("[data-testid=apply]").Should().BeNull();
        }

        (await SendAsync(app.GuestClient(), $"/jobs/{draft.Id}/apply", referer: null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(app.GuestClient(), "/jobs/999999/apply", referer: null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ClicksAsync()).Should().BeEmpty();
        await Activity.FlushAsync(CancellationToken.None);
        (await StatsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_details_page_Apply_button_points_at_the_counting_route_and_says_where_it_leads()
    {
        var link = Published(Company(), Content("Link Nurse"));
        var mail = Published(Company("Beta Care"), Content("Mail Nurse") with { ApplyUrl = null, ApplyEmail = "jobs@beta.test" });
        var board = Published(Company("Gamma Clinic"), Content("Board Nurse") with { ApplyUrl = null, TakesApplicationsOnBoard = true });
        await app.InsertAsync(link, mail, board);

        foreach (var (posting, says) in new[]
        {
            (link, "You'll be redirected to the company's application page."),
            (mail, "This opens a mail to the company."),
            (board, "Apply here on JobBoard with your CV."),
        })
        {
            var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");
            var button = page.QuerySelector("[data-testid=apply]")!;
            button.GetAttribute("href").Should().Be($"/jobs/{posting.Id}/apply");
            page.GetElementById(button.GetAttribute("aria-describedby")!)!.Text().Should().Be(says, "the button is described by where it leads");
        }
    }

    [Fact]
    public async Task Only_a_posting_that_takes_applications_on_the_board_says_directApply_true_in_its_JSON_LD()
    {
        var link = Published(Company(), Content("Link Nurse"));
        var board = Published(Company("Beta Care"), Content("Board Nurse") with { ApplyUrl = null, TakesApplicationsOnBoard = true });
        await app.InsertAsync(link, board);

        using var linkJson = await JsonLdAsync(link);
        using var boardJson = await JsonLdAsync(board);

        linkJson.RootElement.GetProperty("directApply").GetBoolean().Should().BeFalse();
        linkJson.RootElement.GetProperty("applicationContact").GetProperty("url").GetString().Should().Be("https://example.com/apply");
        boardJson.RootElement.GetProperty("directApply").GetBoolean().Should().BeTrue();
        boardJson.RootElement.TryGetProperty("applicationContact", out _).Should().BeFalse("applications go nowhere but the board");
    }

    [Fact]
    public async Task Clicks_past_the_limit_get_429_and_are_not_recorded()
    {
        var posting = Published(Company());
        await app.InsertAsync(posting);
        await using var limited = app.WithWebHostBuilder(builder => builder.UseSetting("RateLimiting:AppliesPerMinute", "4"));
        var guest = limited.CreateClient(new() { AllowAutoRedirect = false });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await guest.GetAsync(new Uri($"/jobs/{posting.Id}/apply", UriKind.Relative))).StatusCode);
        }

        answers.Should().Equal(HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests);
        (await ClicksAsync()).Should().HaveCount(2);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string? referer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        return await client.SendAsync(request);
    }

    private async Task<JsonDocument> JsonLdAsync(JobPosting posting)
    {
        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");
        return JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
    }

    private Task<List<ApplyClick>> ClicksAsync() => app.ExecuteDbContextAsync(db => db.ApplyClicks.AsNoTracking().ToListAsync());

    private Task<List<PostingDailyStats>> StatsAsync() => app.ExecuteDbContextAsync(db => db.PostingDailyStats.AsNoTracking().ToListAsync());
}
