using System.Net;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Seekers;

/// <summary>Views of posting pages: counted in memory, cached pages included, bots not, written in one batch on a flush.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class PostingViewsTests(JobBoardApp app) : WebTest(app)
{
    public const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private PostingActivity Activity => app.Services.GetRequiredService<PostingActivity>();

    [Fact]
    public async Task Nothing_is_written_until_the_flush_and_then_one_row_per_posting_and_day()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var client = Reader(app.GuestClient());

        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync(new Uri($"/jobs/{posting.Id}/{posting.Slug}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await StatsAsync()).Should().BeEmpty("a view costs no write of its own");
        await Activity.FlushAsync(CancellationToken.None);
        (await StatsAsync()).Should().Equal((posting.Id, Today, 3));
    }

    [Fact]
    public async Task A_view_of_a_page_served_from_the_output_cache_still_counts()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var client = Reader(app.GuestClient());
        var url = new Uri($"/jobs/{posting.Id}/{posting.Slug}", UriKind.Relative);

        var first = await client.GetAsync(url);
        var second = await client.GetAsync(url);

        first.Headers.Age.Should().BeNull();
        second.Headers.Age.Should().NotBeNull("the second answer comes from the output cache");
        await Activity.FlushAsync(CancellationToken.None);
        (await StatsAsync()).Should().Equal((posting.Id, Today, 2));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("curl/8.5.0")]
    [InlineData("")]
    public async Task A_bot_or_a_request_without_a_user_agent_is_not_counted(string userAgent)
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var client = app.GuestClient();
        if (userAgent.Length > 0)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent).Should().BeTrue();
        }

        (await client.GetAsync(new Uri($"/jobs/{posting.Id}/{posting.Slug}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        await Activity.FlushAsync(CancellationToken.None);

        (await StatsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Only_a_posting_page_answered_200_is_a_view()
    {
        var company = Company();
        var posting = Published(company, Content("Registered Nurse"));
        var draft = Draft(company, Content("Draft Nurse"));
        await app.InsertAsync(company, posting, draft);
        var client = Reader(app.GuestClient());

        (await client.GetAsync(new Uri($"/jobs/{posting.Id}/old-slug", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        (await client.GetAsync(new Uri($"/jobs/{draft.Id}/{draft.Slug}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri($"/jobs/{posting.Id}/report", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        await Activity.FlushAsync(CancellationToken.None);

        (await StatsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_signed_in_readers_views_are_their_recent_views_and_a_guests_are_nobodys()
    {
        var company = Company();
        var first = Published(company, Content("Registered Nurse"));
        var second = Published(company, Content("Nurse Therapist"));
        await app.InsertAsync(company, first, second);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var client = Reader(await app.SignedInClientAsync(seeker));

        await client.GetAsync(new Uri($"/jobs/{first.Id}/{first.Slug}", UriKind.Relative));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await client.GetAsync(new Uri($"/jobs/{second.Id}/{second.Slug}", UriKind.Relative));
        await Reader(app.GuestClient()).GetAsync(new Uri($"/jobs/{first.Id}/{first.Slug}", UriKind.Relative));
        (await RecentAsync()).Should().BeEmpty();
        await Activity.FlushAsync(CancellationToken.None);

        (await RecentAsync()).Should().Equal((seeker.Id, second.Id, Now.AddMinutes(1)), (seeker.Id, first.Id, Now));
        (await StatsAsync()).Should().Equal((first.Id, Today, 2), (second.Id, Today, 1));
    }

    public static HttpClient Reader(HttpClient client)
    {
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        return client;
    }

    private Task<List<(int PostingId, DateOnly Day, int Views)>> StatsAsync() => app.ExecuteDbContextAsync(async db =>
        (await db.PostingDailyStats.OrderBy(s => s.PostingId).ToListAsync()).Select(s => (s.PostingId, s.Day, s.Views)).ToList());

    private Task<List<(int UserId, int PostingId, DateTimeOffset ViewedAt)>> RecentAsync() => app.ExecuteDbContextAsync(async db =>
        (await db.RecentViews.OrderByDescending(v => v.ViewedAt).ToListAsync()).Select(v => (v.UserId, v.PostingId, v.ViewedAt)).ToList());
}
