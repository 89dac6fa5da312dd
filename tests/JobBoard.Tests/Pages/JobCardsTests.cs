using System.Globalization;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Seekers;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Listings;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Pages;

/// <summary>Lists show postings as cards: the company's mark, the title, and the salary, place and work mode as tags.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class JobCardsTests(JobBoardApp app) : WebTest(app)
{
    private DateOnly AppToday => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_card_shows_the_company_mark_and_the_salary_place_mode_and_type_as_tags()
    {
        var posted = AppToday.AddDays(-5);
        await app.InsertAsync(Published(Company("Lakeside Clinic"), Content() with
        {
            Compensation = Compensation.Create("USD", 30m, 45m, PayPeriod.Hour).Value,
            WorkMode = WorkMode.Hybrid,
            EmploymentType = EmploymentType.PartTime,
            DatePosted = posted,
        }));

        var (_, page) = await app.GetPageAsync("/jobs");

        var card = page.QuerySelector("article.job-card[data-testid=job-card]")!;
        var mark = card.QuerySelector(".company-mark")!;
        mark.Text().Should().Be("LC");
        mark.GetAttribute("aria-hidden").Should().Be("true");
        card.QuerySelector(".tag-salary")!.Text().Should().Be("$30 – $45 per hour");
        card.QuerySelector(".tag-place [data-testid=place]")!.Text().Should().Be("Chicago, IL");
        card.QuerySelector(".tag-mode")!.Text().Should().Be("Hybrid");
        card.QuerySelector(".tag-type")!.Text().Should().Be("Part time");
        var time = card.QuerySelector("[data-testid=posted] time")!;
        time.Text().Should().Be("5 days ago");
        time.GetAttribute("datetime").Should().Be(posted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        time.GetAttribute("title").Should().Be(Display.Date(posted));
    }

    [Fact]
    public async Task A_card_without_a_salary_has_no_salary_tag()
    {
        await app.InsertAsync(Published(Company(), Content() with { Compensation = null }));

        var (_, page) = await app.GetPageAsync("/jobs");

        page.QuerySelector("[data-testid=job-card] .tag-mode").Should().NotBeNull();
        page.QuerySelector("[data-testid=job-card] .tag-salary").Should().BeNull();
    }

    [Fact]
    public async Task In_a_place_search_a_card_names_the_matching_place_and_its_distance()
    {
        await app.InsertAsync(Published(Company(), Content("Field Nurse") with { Locations = [Bucharest, Chicago] }));

        var (_, page) = await app.GetPageAsync("/jobs?location=Evanston%2C+IL&radius=40");

        var place = page.QuerySelector("[data-testid=job-card] .tag-place")!;
        place.QuerySelector("[data-testid=place]")!.Text().Should().Be("Chicago, IL", "the place the search matched, not the ad's first");
        place.QuerySelector("[data-testid=distance]")!.Text().Should().MatchRegex(@"^· \d+ km from Evanston$");
        place.QuerySelector("[data-testid=more-places]")!.Text().Trim().Should().Be("+1");
    }

    [Fact]
    public async Task Recommendations_under_a_posting_are_cards_with_their_reasons()
    {
        var healthcare = Category.Create("Healthcare");
        var company = Company();
        var read = Published(company, Content("Registered Nurse") with { Categories = [healthcare] });
        var related = Published(Company("Lakeside Clinic"), Content("Pediatric Nurse") with
        {
            Categories = [healthcare],
            Compensation = Compensation.Create("USD", 80_000m, 95_000m, PayPeriod.Year).Value,
        });
        await app.InsertAsync(company, read, related);

        var (_, page) = await app.GetPageAsync($"/jobs/{read.Id}/{read.Slug}");

        var card = page.QuerySelector("[data-testid=recommended] article.job-card[data-testid=recommended-job]")!;
        card.QuerySelector("h3")!.Text().Should().Be("Pediatric Nurse");
        card.QuerySelector(".company-mark")!.Text().Should().Be("LC");
        card.QuerySelector("[data-testid=place]")!.Text().Should().Be("Chicago, IL");
        card.QuerySelector(".tag-salary")!.Text().Should().Be("$80,000 – $95,000 per year");
        card.QuerySelector("[data-testid=reasons]")!.Text().Should().Contain("Healthcare");
        card.QuerySelector("p")!.Text().Should().StartWith("Pediatric Nurse wanted");
        card.QuerySelector("a[aria-label='View details of Pediatric Nurse']")!.GetAttribute("href").Should().Be($"/jobs/{related.Id}/{related.Slug}");
        page.QuerySelectorAll("[data-testid=recommended] [data-testid=job-card]").Should().BeEmpty("a recommendation is counted as one, not as a search result");
        page.QuerySelectorAll("[data-testid=save-job]").Should().ContainSingle("the page's one Save button is the posting's")
            .Which.Closest("header").Should().NotBeNull("it sits beside Apply");
    }

    [Fact]
    public async Task A_company_page_leads_with_its_mark_and_facts_and_lists_its_jobs_as_cards()
    {
        var company = Company("Lakeside Clinic");
        await app.InsertAsync(company, Published(company, Content("Pediatric Nurse")), Published(company, Content("Night Porter")));

        var (_, page) = await app.GetPageAsync($"/companies/{company.Slug}");

        var header = page.QuerySelector("[data-testid=company-header]")!;
        header.QuerySelector(".company-mark.company-mark-lg")!.Text().Should().Be("LC");
        header.QuerySelector("h1")!.Text().Should().Be("Lakeside Clinic");
        header.QuerySelector("[data-testid=company-facts]")!.Text().Should().Contain("1,200 employees");
        header.QuerySelector("[data-testid=open-count]")!.Text().Should().Be("2");
        page.QuerySelectorAll("article.job-card h3").Select(h => h.Text()).Should().BeEquivalentTo("Pediatric Nurse", "Night Porter");
    }

    [Fact]
    public async Task A_saved_job_shows_its_company_mark_and_how_long_it_stays_open()
    {
        var company = Company("Lakeside Clinic");
        var posting = Published(company, Content() with { ValidThrough = AppToday.AddDays(3) });
        await app.InsertAsync(company, posting);
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        await app.InsertAsync(SavedJob.Create(seeker.Id, posting.Id, Now));

        var page = await (await app.SignedInClientAsync(seeker)).GetDocumentAsync("/saved");

        var row = page.QuerySelector("[data-testid=saved-job]")!;
        row.QuerySelector(".company-mark")!.Text().Should().Be("LC");
        row.QuerySelector("[data-testid=saved-closes]")!.Text().Should().Be("closes in 3 days");
        row.QuerySelector("a[href='/companies/lakeside-clinic']").Should().NotBeNull();
    }
}
