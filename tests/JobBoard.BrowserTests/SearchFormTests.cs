using Microsoft.Playwright;

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
        await page.Locator("summary", new() { HasText = "More filters" }).ClickAsync();
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
}
