using System.Text.RegularExpressions;
using JobBoard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JobBoard.BrowserTests;

/// <summary>What a job seeker does first: land on the board, browse, page through, read an ad, find the way to apply.</summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed partial class SeekerJourneyTests(BrowserBoard board)
{
    [Fact]
    public async Task From_the_home_page_through_browse_and_paging_to_an_ad_and_its_apply_link()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Find your next job");
        (await page.GetByTestId("job-card").CountAsync()).Should().Be(10);
        (await page.GetByTestId("category-counts").Locator("li").CountAsync()).Should().BeGreaterThan(3);

        await page.GetByRole(AriaRole.Link, new() { Name = "Browse jobs" }).First.ClickAsync();
        await page.WaitForURLAsync("**/jobs");
        (await page.GetByTestId("job-card").CountAsync()).Should().Be(20);
        var firstOnPageOne = await page.GetByTestId("job-card").First.Locator("h3").InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await page.WaitForURLAsync("**/jobs?page=2");
        (await page.Locator(".pagination").InnerTextAsync()).Should().Contain("Page 2 of");
        var card = page.GetByTestId("job-card").First;
        var title = await card.Locator("h3").InnerTextAsync();
        title.Should().NotBe(firstOnPageOne);

        await session.FollowAsync(card.Locator("h3 a"), JobUrl());
        (await page.Locator("h1").InnerTextAsync()).Should().Be(title);
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Job information");
        var apply = page.GetByTestId("apply");
        (await apply.IsVisibleAsync()).Should().BeTrue();
        (await apply.GetAttributeAsync("href")).Should().MatchRegex("^/jobs/[0-9]+/apply$", "Apply goes through the board, which counts the click");
        (await page.Locator("script[type='application/ld+json']").CountAsync()).Should().Be(1);
        session.Problems.Should().BeEmpty("pages load without script, style or request errors");
    }

    [Fact]
    public async Task Searching_from_the_navigation_bar_finds_the_Bucharest_ad_with_its_skills_and_job_information()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/jobs");
        await page.Locator("#nav-q").FillAsync("Oncology");
        await page.Locator("#nav-q").PressAsync("Enter");
        await page.WaitForURLAsync("**/jobs?q=Oncology");
        await session.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = SeedAds.BucharestTitle, Exact = true }), JobUrl());
        var text = await page.Locator("main").InnerTextAsync();
        text.Should().Contain("Native-level fluency in Romanian").And.Contain("Value Propositions").And.Contain("82,502 employees");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Novartis" }).First.GetAttributeAsync("href")).Should().Be("/companies/novartis");
        session.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task On_a_phone_the_menu_is_one_row_within_the_screen_and_the_ad_fits_it()
    {
        await using var session = await board.OpenAsync(new ViewportSize { Width = 375, Height = 740 });
        var page = session.Page;

        await page.GotoAsync("/");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var links = menu.GetByRole(AriaRole.Link);
        (await links.CountAsync()).Should().BeGreaterThanOrEqualTo(4, "Browse jobs, Companies, Sign in and Register");
        var tops = new HashSet<double>();
        for (var i = 0; i < await links.CountAsync(); i++)
        {
            tops.Add((await links.Nth(i).BoundingBoxAsync())!.Y);
        }

        tops.Should().ContainSingle("the menu needs no button on a phone: its links are one row, which scrolls by itself if it must");
        await menu.GetByRole(AriaRole.Link, new() { Name = "Browse jobs" }).ClickAsync();
        await page.WaitForURLAsync("**/jobs");

        await session.FollowAsync(page.GetByTestId("job-card").First.Locator("h3 a"), JobUrl());
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.Should().BeLessThanOrEqualTo(0, "nothing on the ad page scrolls sideways on a phone");
        session.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_job_shows_a_friendly_page_with_a_way_back()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;

        var response = await page.GotoAsync("/jobs/987654321");

        response!.Status.Should().Be(404);
        var text = await page.Locator("main").InnerTextAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Page not found");
        text.Should().NotContainAny("Exception", "at JobBoard.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Browse jobs" }).First.ClickAsync();
        await page.WaitForURLAsync("**/jobs");
    }

    [Fact]
    public async Task Searching_near_a_place_narrowing_by_a_facet_and_following_a_recommendation()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/");
        await page.Locator("#q").FillAsync("sales");
        await page.Locator("#location").FillAsync("Chicago, IL");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search jobs" }).ClickAsync();
        await page.WaitForURLAsync("**/jobs?q=sales&location=Chicago*");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Jobs matching “sales” within 40 km of Chicago, Illinois, United States");
        var total = await page.GetByTestId("total").InnerTextAsync();
        (await page.GetByTestId("job-card").CountAsync()).Should().BeGreaterThan(0);
        (await page.GetByTestId("highlight").First.Locator("mark").CountAsync()).Should().BeGreaterThan(0);

        // Ticking a facet's box searches at once on a wide screen.
        var facet = page.GetByTestId("facet-mode").Locator("input[type=checkbox]").First;
        var facetId = await facet.GetAttributeAsync("id");
        await facet.ClickAsync();
        await page.WaitForURLAsync("**mode=*");
        (await page.GetByTestId("facet-mode").Locator("input:checked").GetAttributeAsync("id")).Should().Be(facetId);
        (await page.GetByTestId("chip").CountAsync()).Should().Be(2, "the place and the work mode");
        (await page.GetByTestId("total").InnerTextAsync()).Should().NotBeNullOrEmpty();
        await session.FollowAsync(page.GetByTestId("job-card").First.Locator("h3 a"), JobUrl());

        var recommended = page.GetByTestId("recommended-job");
        (await recommended.CountAsync()).Should().BeGreaterThan(0);
        (await recommended.First.GetByTestId("reasons").InnerTextAsync()).Should().NotBeNullOrWhiteSpace();
        var title = await recommended.First.Locator("h3").InnerTextAsync();
        await session.FollowAsync(recommended.First.Locator("h3 a"), JobUrl());
        (await page.Locator("h1").InnerTextAsync()).Should().Be(title);
        total.Should().MatchRegex(@"^\d+ jobs?");
        session.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task The_search_form_sends_only_what_was_filled_in_and_the_salary_currency_follows_the_place()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;
        var searches = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/jobs?", StringComparison.Ordinal))
            {
                searches.Add(request.Url);
            }
        };

        await page.GotoAsync("/jobs");
        (await page.Locator("#currency option").First.TextContentAsync()).Should().Be("USD (default)");
        await page.Locator("#q").FillAsync("sales");
        await page.Locator("#location").FillAsync("Bucharest");
        await page.Locator("#salaryMin").FillAsync("1000");
        var form = page.GetByTestId("search-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/jobs?q=sales&location=Bucharest&salaryMin=1000");
        (await page.Locator("h1").InnerTextAsync()).Should().EndWith("paying at least 1,000 RON a year");
        (await page.Locator("#currency option").First.TextContentAsync()).Should().Be("RON (local)");
        (await page.Locator("#currency").InputValueAsync()).Should().BeEmpty();

        // Choosing another currency among the filters searches at once.
        await page.Locator("#currency").SelectOptionAsync("USD");
        await page.WaitForURLAsync("**/jobs?q=sales&location=Bucharest&salaryMin=1000&currency=USD");
        searches.Should().NotContain(url => url.Contains("=&", StringComparison.Ordinal) || url.EndsWith('='), "the form leaves empty fields out itself");
        session.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_radius_search_shows_on_each_card_the_place_that_matched_and_how_far_it_is()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/jobs?location=Chicago%2C+IL&radius=100");

        var distances = await page.GetByTestId("distance").AllInnerTextsAsync();
        distances.Should().NotBeEmpty().And.OnlyContain(d => DistanceFromChicago().IsMatch(d.Trim()));
        (await page.GetByTestId("place").AllInnerTextsAsync())
            .Should().OnlyContain(p => p.Trim().EndsWith(", IL", StringComparison.Ordinal) || p.Trim().EndsWith(", IN", StringComparison.Ordinal) || p.Trim().EndsWith(", WI", StringComparison.Ordinal));
        session.Problems.Should().BeEmpty();
    }

    [GeneratedRegex(@"^· \d+ km from Chicago$")]
    private static partial Regex DistanceFromChicago();

    [GeneratedRegex(@"/jobs/\d+/[a-z0-9-]+$")]
    private static partial Regex JobUrl();
}
