using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Pages;

/// <summary>The facts a seeker scans for lead a posting's page: salary, places, work mode, type, posted and closing dates.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class KeyFactsTests(JobBoardApp app) : WebTest(app)
{
    private DateOnly AppToday => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_header_gives_salary_places_mode_type_and_dates_before_the_ad()
    {
        var today = AppToday;
        var posting = Published(Company(), Content("Key Account Manager") with
        {
            Compensation = Compensation.Create("USD", 176_400m, 327_600m, PayPeriod.Year).Value,
            Locations = [Chicago, new PlaceInput("New York", "New York", "NY", "US", "United States", 40.71427, -74.00597)],
            WorkMode = WorkMode.FieldBased,
            EmploymentType = EmploymentType.FullTime,
            DatePosted = today.AddDays(-5),
            ValidThrough = today.AddDays(3),
        });
        await app.InsertAsync(posting);

        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        var facts = page.QuerySelector("header [data-testid=key-facts]")!;
        Fact(facts, "salary").Should().Be("Salary $176,400 – $327,600 per year");
        Fact(facts, "places").Should().Be("Locations Chicago, IL · New York, NY");
        Fact(facts, "work-mode").Should().Be("Work mode Field based");
        Fact(facts, "type").Should().Be("Job type Full time");
        Fact(facts, "posted").Should().Be("Posted 5 days ago");
        Fact(facts, "closes").Should().Be("Closing date closes in 3 days");
        var posted = facts.QuerySelector("[data-testid=fact-posted] time")!;
        posted.GetAttribute("datetime").Should().Be(today.AddDays(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        posted.GetAttribute("title").Should().Be(Web.Listings.Display.Date(today.AddDays(-5)));
        facts.QuerySelector("[data-testid=fact-closes] time")!.GetAttribute("datetime")
            .Should().Be(today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var html = page.QuerySelector("article.ad")!.InnerHtml;
        html.IndexOf("data-testid=\"key-facts\"", StringComparison.Ordinal)
            .Should().BeLessThan(html.IndexOf("<h2>", StringComparison.Ordinal), "the facts come before the ad's first section");
        html.IndexOf("data-testid=\"key-facts\"", StringComparison.Ordinal)
            .Should().BeLessThan(html.IndexOf("data-testid=\"apply\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_salary_is_invented_for_an_ad_that_gives_none()
    {
        var posting = Published(Company(), Content() with { Locations = [Bucharest], Compensation = null });
        await app.InsertAsync(posting);

        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        var facts = page.QuerySelector("[data-testid=key-facts]")!;
        facts.QuerySelector("[data-testid=fact-salary]").Should().BeNull();
        Fact(facts, "places").Should().Be("Location Bucharest, București");
        facts.QuerySelector("[data-testid=fact-closes]").Should().BeNull("the ad has no closing date");
    }

    [Fact]
    public async Task A_remote_ad_names_the_countries_it_is_open_to_not_their_codes()
    {
        var posting = Published(Company(), Content() with { WorkMode = WorkMode.Remote, Locations = [], ApplicantCountries = ["PL", "RO"] });
        await app.InsertAsync(posting);

        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        Fact(page.QuerySelector("[data-testid=key-facts]")!, "places").Should().Be("Open to applicants in Poland, Romania");
        page.QuerySelector("[data-testid=applicant-countries]")!.Text().Should().Be("Poland, Romania");
    }

    [Fact]
    public async Task A_company_without_a_logo_is_marked_with_its_initials_hidden_from_screen_readers()
    {
        var posting = Published(Company("Lakeside Clinic"));
        await app.InsertAsync(posting);

        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        var mark = page.QuerySelector("article header .company-mark")!;
        mark.ClassList.Should().Contain("company-mark-lg");
        mark.Text().Should().Be("LC");
        mark.GetAttribute("aria-hidden").Should().Be("true");
        page.QuerySelector("article header [data-testid=company-logo]").Should().BeNull();
    }

    [Fact]
    public async Task A_requirements_facts_are_tags_that_wrap()
    {
        var posting = Published(Company(), Content() with
        {
            Requirements =
            [
                Requirement.Create(RequirementImportance.Essential, "Sales experience", new RequirementFacts(ExperienceYears: 5, ExperienceSubject: "pharmaceutical, biotech or medical device sales in oncology across Nashville and Charlotte")),
            ],
        });
        await app.InsertAsync(posting);

        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        var tag = page.QuerySelector("article.ad li .req-fact")!;
        tag.ClassList.Should().Contain("tag").And.NotContain("badge", "a Bootstrap badge never wraps");
        tag.Text().Should().Contain("Nashville");
    }

    private static string Fact(AngleSharp.Dom.IElement facts, string name) =>
        string.Join(' ', facts.QuerySelector($"[data-testid=fact-{name}]")!.Text().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
