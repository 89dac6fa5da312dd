using System.Globalization;
using System.Net;
using System.Text.Json;
using JobBoard.Domain.Postings;
using JobBoard.Loader.DemoData;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Import;
using JobBoard.Web.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobBoard.Tests.Pages;

/// <summary>The demo board as <c>./jobboard.sh run</c> loads it: the seed ads whole on their pages, and a living board around them.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class DemoBoardTests(JobBoardApp app) : WebTest(app)
{
    private const int SyntheticCount = 60;

    private int _loaded;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _loaded = await LoadAsync();
    }

    [Theory]
    [InlineData(SeedAds.Chicago, SeedAds.ChicagoTitle)]
    [InlineData(SeedAds.Bucharest, SeedAds.BucharestTitle)]
    public async Task The_seed_ads_page_shows_every_line_of_the_original_in_its_order(string seed, string title)
    {
        var page = await DetailsPageAsync(title);
        var text = SeedAds.Normalize(page.QuerySelector("main")!.TextContent);
        var about = DemoPostingFile.Load().Companies.Single(c => c.Name == "Novartis").About!;
        var lines = SeedAds.AdLines(seed).ToList();

        lines.Where(line => !text.Contains(line, StringComparison.Ordinal)).Should().BeEmpty("every line of the ad is on its page");
        // The page puts the company's "about" text in its own box; everything else keeps the ad's order.
        var cursor = 0;
        foreach (var line in lines.Where(line => !about.Contains(line, StringComparison.Ordinal)))
        {
            var at = text.IndexOf(line, cursor, StringComparison.Ordinal);
            at.Should().BeGreaterThanOrEqualTo(0, $"\"{line}\" comes after the lines before it in the ad");
            cursor = at + line.Length;
        }
    }

    [Fact]
    public async Task The_Chicago_ad_shows_its_salary_and_carries_it_in_JSON_LD_as_176400_to_327600_USD_a_year()
    {
        var page = await DetailsPageAsync(SeedAds.ChicagoTitle);

        page.QuerySelector("main")!.Text().Should().Contain("$176,400 – $327,600 per year");
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var salary = json.RootElement.GetProperty("baseSalary");
        salary.GetProperty("currency").GetString().Should().Be("USD");
        salary.GetProperty("value").GetProperty("minValue").GetDecimal().Should().Be(176_400m);
        salary.GetProperty("value").GetProperty("maxValue").GetDecimal().Should().Be(327_600m);
        salary.GetProperty("value").GetProperty("unitText").GetString().Should().Be("YEAR");
        json.RootElement.GetProperty("jobLocation").GetArrayLength().Should().Be(6);
    }

    [Fact]
    public async Task The_Bucharest_ad_shows_its_job_information_skills_and_categories()
    {
        var page = await DetailsPageAsync(SeedAds.BucharestTitle);
        var text = page.QuerySelector("main")!.Text();

        text.Should().ContainAll(
            "Job type Full time", "Experience level 2–5 years", "82,502", "English", "40 hours", "Bucharest, Romania", "Work mode Hybrid",
            "Crm (Customer Relationship Management)", "Value Propositions", "Management & Leadership",
            "Build and maintain strong relationships with healthcare professionals and key opinion leaders while");
        // Apply goes through the board, which counts the click and sends the seeker to the company's page.
        var (apply, _) = await app.GetPageAsync(page.QuerySelector("[data-testid=apply]")!.GetAttribute("href")!);
        apply.Headers.Location!.OriginalString.Should().Be("https://www.novartis.com/careers/career-search");
    }

    [Fact]
    public async Task Every_demo_posting_is_placed_with_coordinates_and_open_unless_its_closing_date_passed()
    {
        var (postings, places) = await app.ExecuteDbContextAsync(async db => (
            await db.Postings.Select(p => new { p.Status, p.ValidThrough, p.DatePosted, History = p.StatusHistory.Count }).ToListAsync(),
            await db.PostingLocations.Select(l => new { l.City, l.CountryCode, l.Latitude, l.Longitude }).ToListAsync()));
        var today = TestPostings.Today;

        _loaded.Should().Be(12 + SyntheticCount);
        postings.Should().HaveCount(12 + SyntheticCount);
        postings.Should().OnlyContain(p => p.DatePosted != null && p.History >= 3, "each went draft → review → published, dated");
        postings.Where(p => p.Status == PostingStatus.Published).Should().OnlyContain(p => p.ValidThrough == null || p.ValidThrough >= today);
        postings.Where(p => p.Status == PostingStatus.Expired).Should().OnlyContain(p => p.ValidThrough < today);
        postings.Should().OnlyContain(p => p.Status == PostingStatus.Published || p.Status == PostingStatus.Expired);
        places.Should().OnlyContain(l => l.Latitude != 0 && l.Longitude != 0);
        places.Select(l => l.CountryCode).Distinct().Should().HaveCountGreaterThan(3, "the synthetic board spreads over several countries");
        places.Should().Contain(l => l.City == "Elk Grove Village" && l.CountryCode == "US")
            .And.Contain(l => l.City == "Bucharest" && l.CountryCode == "RO");
    }

    [Fact]
    public async Task Loaded_on_a_given_day_the_demo_ads_are_posted_up_to_that_day_and_open_with_their_closing_dates_ahead()
    {
        await app.ResetAsync();
        var day = new DateOnly(2027, 5, 3);
        app.Clock.AdjustTime(new DateTimeOffset(day, new TimeOnly(12, 0), TimeSpan.Zero));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var loader = ActivatorUtilities.CreateInstance<DemoDataLoader>(scope.ServiceProvider);
            (await loader.LoadIfEmptyAsync(0, CancellationToken.None)).Should().Be(12);
        }

        var postings = await app.ExecuteDbContextAsync(db => db.Postings.OrderBy(p => p.Id)
            .Select(p => new { p.Title, p.DatePosted, p.ValidThrough, p.Status, Published = p.StatusHistory.Max(h => h.At) }).ToListAsync());
        var file = DemoPostingFile.Load().Postings;

        postings.Select(p => p.Title).Should().Equal(file.Select(p => p.Title));
        postings.Max(p => p.DatePosted).Should().Be(day);
        postings.Select(p => p.DatePosted!.Value.DayNumber - day.DayNumber).Should().Equal(
            file.Select(p => p.DatePosted!.Value.DayNumber - file.Max(f => f.DatePosted)!.Value.DayNumber), "the ads' order and gaps are kept");
        postings.Should().OnlyContain(p => p.Status == PostingStatus.Published && p.ValidThrough >= day.AddDays(30));
        postings.Should().OnlyContain(p => DateOnly.FromDateTime(p.Published.UtcDateTime) == p.DatePosted, "each was published the day it was posted");
    }

    [Fact]
    public async Task The_Bucharest_ad_was_posted_today_and_says_when_applications_close()
    {
        var page = await DetailsPageAsync(SeedAds.BucharestTitle);
        var today = TestPostings.Today;

        page.QuerySelector("[data-testid=fact-posted] time")!.GetAttribute("datetime").Should().Be(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        page.QuerySelector("main")!.Text().Should().Contain($"Apply by {Display.Date(today.AddDays(60))}");
    }

    [Fact]
    public async Task Loading_again_adds_nothing()
    {
        (await LoadAsync()).Should().Be(0);
        (await app.ExecuteDbContextAsync(db => db.Postings.CountAsync())).Should().Be(12 + SyntheticCount);
    }

    [Fact]
    public async Task Browse_lists_the_demo_board_newest_first()
    {
        var (response, page) = await app.GetPageAsync("/jobs");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelectorAll(".job-card").Should().HaveCount(20);
        page.QuerySelector("main")!.Text().Should().Contain(SeedAds.BucharestTitle, "the newest demo ad is posted on the day the board is loaded")
            .And.NotContain(SeedAds.ChicagoTitle, "the Chicago ad was posted 45 days before it, behind a page of newer postings");
    }

    [Theory]
    [InlineData("q=nurce", "title", "Nurse")]
    [InlineData("q=salse", "title", "Sales")]
    [InlineData("location=Chicgo", "place", "Chicago, IL")]
    public async Task A_mistyped_search_suggests_what_the_demo_board_has(string query, string kind, string suggested)
    {
        var (_, page) = await app.GetPageAsync($"/jobs?{query}");

        page.QuerySelector("[data-testid=total]")!.Text().Should().StartWith("0 jobs");
        page.QuerySelectorAll($"[data-testid={kind}-suggestions] a").Select(a => a.TextContent).Should().Contain(s => s.Contains(suggested));
    }

    [Theory]
    [InlineData(SeedAds.ChicagoTitle, "Director lead")]
    [InlineData(SeedAds.BucharestTitle, "Key Account Manager -Oncology")]
    public async Task A_seed_ads_JSON_LD_reads_back_with_its_apply_route_company_pay_places_categories_skills_and_education(string title, string jsonLdTitle)
    {
        var page = await DetailsPageAsync(title);
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);

        var read = JobPostingJsonLdReader.Read(json.RootElement);

        read.Succeeded.Should().BeTrue(read.ToString());
        var back = read.Value;
        var original = await app.ExecuteDbContextAsync(async db =>
            (await db.Postings.FindForDisplayAsync(await db.Postings.Where(p => p.Title == title).Select(p => p.Id).SingleAsync(), CancellationToken.None))!);
        json.RootElement.GetProperty("educationRequirements").GetProperty("credentialCategory").GetString().Should().Be("bachelor degree");
        back.Content.Title.Should().Be(jsonLdTitle, "the JSON-LD title leaves out a suffix that only repeats the place");
        back.Content.ApplyUrl.Should().Be(original.ApplyUrl);
        back.Content.ApplyEmail.Should().Be(original.ApplyEmail);
        back.Content.EmploymentType.Should().Be(original.EmploymentType);
        back.Content.DatePosted.Should().Be(original.DatePosted);
        back.Content.ValidThrough.Should().Be(original.ValidThrough);
        back.Content.HoursPerWeek.Should().Be(original.HoursPerWeek);
        back.Content.Compensation.Should().BeEquivalentTo(original.Compensation, options => options.Excluding(pay => pay!.EquityEligible));
        back.Content.Locations.Select(l => (l.City, l.Region, l.CountryCode)).Should().Equal(original.Locations.Select(l => (l.City, l.Region, l.CountryCode)));
        back.CategoryNames.Should().Equal(original.Categories.Select(c => c.Category.Name));
        back.SkillNames.Should().Equal(original.Skills.Select(s => s.Skill.Name));
        back.Content.Requirements.Select(r => r.Education).OfType<string>().Should().Equal(original.Requirements.Select(r => r.Education).OfType<string>().Take(1));
        back.Company.Name.Should().Be(original.Company.Name);
        back.Company.Profile.Should().BeEquivalentTo(new
        {
            original.Company.About,
            original.Company.Website,
            original.Company.EmployeeCount,
            original.Company.Industry,
        });
    }

    private async Task<int> LoadAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<DemoDataLoader>(scope.ServiceProvider).LoadIfEmptyAsync(SyntheticCount, CancellationToken.None);
    }

    private async Task<AngleSharp.Dom.IDocument> DetailsPageAsync(string title)
    {
        var posting = await app.ExecuteDbContextAsync(db => db.Postings.Where(p => p.Title == title).Select(p => new { p.Id, p.Slug }).SingleAsync());
        var (response, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return page;
    }
}
