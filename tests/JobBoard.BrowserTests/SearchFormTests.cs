using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JobBoard.BrowserTests;

/// <summary>What the browser itself does with the search forms: what it lets through, what it sends, what it labels.</summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed class SearchFormTests(BrowserBoard board)
{
    // A search the browser refuses to send never arrives; waiting the default 30 s for it only slows the failure.
    private static readonly PageWaitForURLOptions Sent = new() { Timeout = 10_000 };

    [Fact]
    public async Task Any_whole_minimum_salary_is_sent_and_one_too_large_gets_the_servers_message()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;
        var form = page.GetByTestId("search-form");

        await page.GotoAsync("/jobs");
        await page.Locator("#salaryMin").FillAsync("55500");
        await form.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/jobs?salaryMin=55500", Sent);
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Jobs — paying at least $55,500 a year");

        await page.Locator("#salaryMin").FillAsync("999999999999999");
        await form.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/jobs?salaryMin=999999999999999", Sent);
        (await page.GetByTestId("problems").InnerTextAsync()).Should().Be("The minimum salary \"999999999999999\" is too large; at most 99,999,999 a year.");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("All jobs");
        session.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Editing_the_place_makes_the_local_currency_neutral_until_the_place_is_searched()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;
        var local = page.Locator("#currency option").First;

        await page.GotoAsync("/jobs?location=Bucharest");
        (await local.TextContentAsync()).Should().Be("RON (local)");

        await page.Locator("#location").FillAsync("Chicago");
        (await local.TextContentAsync()).Should().Be("Local currency", "Bucharest's currency is not Chicago's");
        await page.Locator("#location").FillAsync("");
        (await local.TextContentAsync()).Should().Be("USD (default)", "without a place the salary is in USD");
        await page.Locator("#location").FillAsync("Bucharest");
        (await local.TextContentAsync()).Should().Be("RON (local)");

        await page.Locator("#location").FillAsync("Chicago");
        await page.GetByTestId("search-form").GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/jobs?location=Chicago", Sent);
        (await local.TextContentAsync()).Should().Be("USD (local)");
        (await page.Locator("#currency").InputValueAsync()).Should().BeEmpty("the currency still follows the place");
        session.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task The_header_search_with_nothing_typed_goes_to_the_jobs_page_without_a_query()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;
        var visited = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                visited.Add(request.Url);
            }
        };

        await page.GotoAsync("/");
        await page.Locator("header form[role=search]").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/jobs", Sent);

        page.Url.Should().Be(new Uri(board.BaseAddress, "/jobs").ToString());
        visited.Should().Equal(new Uri(board.BaseAddress, "/").ToString(), new Uri(board.BaseAddress, "/jobs").ToString());
        (await page.Locator("h1").InnerTextAsync()).Should().Be("All jobs");
        session.Problems.Should().BeEmpty();
    }

    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task On_a_phone_the_filters_button_opens_a_panel_where_several_boxes_are_ticked_before_applying_them()
    {
        await using var session = await board.OpenAsync(Phone);
        var page = session.Page;
        var searches = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                searches.Add(request.Url);
            }
        };
        var button = page.GetByTestId("filters-button");
        var panel = page.Locator("#filters");

        await page.GotoAsync("/jobs");
        (await page.GetByTestId("filters-link").IsVisibleAsync()).Should().BeFalse("scripts turn the link into the button");
        (await button.InnerTextAsync()).Should().Be("Filters");
        (await panel.IsVisibleAsync()).Should().BeFalse();
        (await FirstResultTopAsync(page)).Should().BeLessThan(844, "the first result shows on the first screen");

        await button.ClickAsync();
        (await panel.IsVisibleAsync()).Should().BeTrue();
        (await button.GetAttributeAsync("aria-expanded")).Should().Be("true");
        (await page.EvaluateAsync<bool>("document.querySelector('#results').inert")).Should().BeTrue("the page behind the panel is out of reach");
        var boxes = panel.Locator("input[type=checkbox]");
        var first = await boxes.Nth(0).GetAttributeAsync("value");
        var second = await boxes.Nth(1).GetAttributeAsync("value");
        var firstName = await boxes.Nth(0).GetAttributeAsync("name");
        var secondName = await boxes.Nth(1).GetAttributeAsync("name");
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        searches.Should().Equal([new Uri(board.BaseAddress, "/jobs").ToString()], "nothing is searched until the filters are applied");

        await panel.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"{firstName}={first}", StringComparison.Ordinal) && url.Contains($"{secondName}={second}", StringComparison.Ordinal), Sent);
        (await page.GetByTestId("chip").CountAsync()).Should().Be(2);
        (await button.InnerTextAsync()).Should().Be("Filters (2)");
        (await panel.IsVisibleAsync()).Should().BeFalse("the panel closes on the results");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390);

        await page.GetByTestId("chip").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains($"{firstName}={first}", StringComparison.Ordinal), Sent);
        (await page.GetByTestId("chip").CountAsync()).Should().Be(1);
        await page.GetByTestId("clear-all").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == "/jobs", Sent);
        session.Problems.Should().BeEmpty();
        (await session.AccessibilityProblemsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_filters_panel_closes_with_escape_and_gives_the_focus_back_to_its_button()
    {
        await using var session = await board.OpenAsync(Phone);
        var page = session.Page;
        var button = page.GetByTestId("filters-button");

        await page.GotoAsync("/jobs");
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("filters-heading", "the panel's heading takes the focus");
        await page.Keyboard.PressAsync("Escape");

        (await page.Locator("#filters").IsVisibleAsync()).Should().BeFalse();
        (await button.GetAttributeAsync("aria-expanded")).Should().Be("false");
        (await page.EvaluateAsync<string?>("document.activeElement.dataset.testid")).Should().Be("filters-button");
        (await page.EvaluateAsync<bool>("document.querySelector('#results').inert")).Should().BeFalse();
        session.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task On_a_wide_screen_the_filters_are_a_sidebar_and_a_ticked_box_searches_at_once()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/jobs");
        (await page.GetByTestId("filters-button").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("#filters").IsVisibleAsync()).Should().BeTrue();
        var box = page.GetByTestId("facet-mode").Locator("input[type=checkbox]").First;
        var mode = await box.GetAttributeAsync("value");

        await box.ClickAsync();
        await page.WaitForURLAsync($"**/jobs?mode={mode}", Sent);
        (await page.GetByTestId("facet-mode").Locator($"input[value={mode}]").IsCheckedAsync()).Should().BeTrue();

        await page.Locator("#sort").SelectOptionAsync("salary");
        await page.WaitForURLAsync($"**/jobs?sort=salary&mode={mode}", Sent);
        session.Problems.Should().BeEmpty();
        (await session.AccessibilityProblemsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task While_the_next_page_loads_the_form_and_the_results_are_marked_busy()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;
        var release = new TaskCompletionSource();
        await page.GotoAsync("/jobs");
        await page.RouteAsync("**/jobs?page=2", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        // Playwright's own clicks and locators wait for the navigation, which waits for the release: the page's state is
        // read in the same script as the click.
        var state = await page.EvaluateAsync<string[]>(
            """
            () => {
                document.querySelector('a[rel=next]').click();
                return [
                    document.querySelector('[data-testid=search-form]').getAttribute('aria-busy'),
                    document.querySelector('[data-testid=results]').getAttribute('aria-busy'),
                    document.querySelector('[data-search-loading]').textContent,
                ];
            }
            """);
        state.Should().Equal("true", "true", "Loading results…");
        release.SetResult();

        await page.WaitForURLAsync("**/jobs?page=2", Sent);
        (await page.GetByTestId("search-form").GetAttributeAsync("aria-busy")).Should().BeNull();
        session.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task On_a_phone_the_placeholders_fit_their_fields()
    {
        await using var session = await board.OpenAsync(Phone);
        var page = session.Page;

        await page.GotoAsync("/jobs");

        foreach (var id in new[] { "q", "location" })
        {
            // The placeholder's width in the field's own font against the room the field has for text.
            var room = await page.EvaluateAsync<double>(
                """
                id => {
                    const field = document.getElementById(id);
                    const style = getComputedStyle(field);
                    const context = document.createElement('canvas').getContext('2d');
                    context.font = style.font;
                    const text = context.measureText(field.placeholder).width;
                    const width = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                    return width - text;
                }
                """, id);
            room.Should().BeGreaterThan(0, "the placeholder of #{0} is not cut off", id);
        }
    }

    private static Task<double> FirstResultTopAsync(IPage page) =>
        page.EvaluateAsync<double>("document.querySelector('[data-testid=job-card]').getBoundingClientRect().top");
}
