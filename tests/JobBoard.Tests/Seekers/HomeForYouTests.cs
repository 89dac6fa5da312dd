using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Seekers;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Listings;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Seekers;

/// <summary>The home page's "Recently viewed" and "Recommended for you", made from what a seeker really viewed and saved.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class HomeForYouTests(JobBoardApp app) : WebTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await app.Services.GetRequiredService<PostingActivity>().FlushAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_seeker_sees_what_they_viewed_latest_first_and_recommendations_from_what_they_viewed_and_saved()
    {
        var (healthcare, it) = (Category.Create("Healthcare"), Category.Create("Information Technology"));
        var company = Company();
        var nurse = Published(company, Content("Registered Nurse") with { Categories = [healthcare] });
        var icuNurse = Published(company, Content("ICU Nurse") with { Categories = [healthcare] });
        var saved = Published(company, Content("Oncology Nurse") with { Categories = [healthcare] });
        var similar = Published(Company("Lakeside Clinic"), Content("Pediatric Nurse") with { Categories = [healthcare] });
        var developer = Published(Company("Code Shop"), Content("Backend Developer") with { Categories = [it], Locations = [Bucharest] });
        var closed = Published(company, Content("Night Nurse") with { Categories = [healthcare] });
        await app.InsertAsync(company, nurse, icuNurse, saved, similar, developer, closed);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var client = PostingViewsTests.Reader(await app.SignedInClientAsync(seeker));
        foreach (var posting in new[] { nurse, closed, icuNurse })
        {
            await client.GetAsync(new Uri($"/jobs/{posting.Id}/{posting.Slug}", UriKind.Relative));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await app.Services.GetRequiredService<PostingActivity>().FlushAsync(CancellationToken.None);
        await app.InsertAsync(SavedJob.Create(seeker.Id, saved.Id, app.Clock.GetUtcNow()));
        await CloseAsync(closed.Id);

        var home = await client.GetDocumentAsync("/");

        Titles(home, "[data-testid=recently-viewed-job] a").Should().Equal(["ICU Nurse", "Registered Nurse"], "latest first, open postings only");
        var recommended = Titles(home, "[data-testid=recommended-job] h3");
        recommended.Should().StartWith("Pediatric Nurse", "a posting like the ones viewed and saved leads");
        recommended.Should().NotContain(["Registered Nurse", "ICU Nurse", "Oncology Nurse", "Night Nurse"], "nothing they already viewed or saved");
        home.QuerySelectorAll("[data-testid=recommended-job]")[0].QuerySelector("[data-testid=reasons]")!.Text().Should().Contain("Healthcare");
        home.QuerySelector("[data-testid=for-you-empty]").Should().BeNull();
    }

    [Fact]
    public async Task Recommendations_come_from_saved_jobs_alone_too()
    {
        var healthcare = Category.Create("Healthcare");
        var company = Company();
        var saved = Published(company, Content("Oncology Nurse") with { Categories = [healthcare] });
        var similar = Published(Company("Lakeside Clinic"), Content("Pediatric Nurse") with { Categories = [healthcare] });
        await app.InsertAsync(company, saved, similar);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        await app.InsertAsync(SavedJob.Create(seeker.Id, saved.Id, Now));

        var home = await (await app.SignedInClientAsync(seeker)).GetDocumentAsync("/");

        Titles(home, "[data-testid=recommended-job] h3").Should().Equal("Pediatric Nurse");
        home.QuerySelector("[data-testid=recently-viewed]")!.Text().Should().Contain("Jobs you open will be listed here.");
    }

    [Fact]
    public async Task A_seeker_who_has_viewed_and_saved_nothing_is_told_what_will_appear()
    {
        await app.InsertAsync(Published(Company(), Content("Registered Nurse")));
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);

        var home = await (await app.SignedInClientAsync(seeker)).GetDocumentAsync("/");

        home.QuerySelector("[data-testid=for-you-empty]")!.Text().Should().Contain("Jobs you look at and save will appear here");
        home.QuerySelectorAll("[data-testid=job-card]").Should().HaveCount(1, "the newest jobs are still there");
    }

    [Fact]
    public async Task A_guest_sees_the_home_page_without_a_personal_part()
    {
        await app.InsertAsync(Published(Company(), Content("Registered Nurse")));

        var (_, home) = await app.GetPageAsync("/");

        home.QuerySelector("[data-testid=for-you]").Should().BeNull();
        home.QuerySelectorAll("[data-testid=job-card]").Should().HaveCount(1);
    }

    private static List<string> Titles(IDocument page, string selector) => [.. page.QuerySelectorAll(selector).Select(e => e.Text())];

    private Task CloseAsync(int postingId) => app.ExecuteDbContextAsync(async db =>
    {
        var posting = await db.Postings.FindAsync(postingId);
        posting!.Close("recruiter@acme.test", app.Clock.GetUtcNow()).Succeeded.Should().BeTrue();
        await db.SaveChangesAsync();
    });
}
