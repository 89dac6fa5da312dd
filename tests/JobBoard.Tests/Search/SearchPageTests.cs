using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Search;

/// <summary>
/// The search page as a phone and a keyboard meet it: results before the filters, the filters as checkboxes of the
/// one search form, a removable chip for each filter in effect, paging that keeps them, and an empty state that says
/// what to try.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class SearchPageTests(JobBoardApp app) : WebTest(app)
{
    private const string Everything =
        "/jobs?q=nurse&location=Chicago&radius=25&mode=remote&mode=hybrid&category=healthcare&salaryMin=50000&posted=7&visa=true&sort=date";

    [Fact]
    public async Task The_results_come_before_the_filters_and_the_search_form_is_a_named_landmark()
    {
        await app.InsertAsync(Published(Company(), Content("Registered Nurse") with { Categories = [Category.Create("Healthcare")] }));

        var (_, page) = await app.GetPageAsync("/jobs");

        var focusable = page.QuerySelectorAll("main a[href], main input, main select, main button").ToList();
        var firstResult = focusable.IndexOf(page.QuerySelector("[data-testid=job-card] h3 a")!);
        var firstFilter = focusable.IndexOf(page.QuerySelector("#filters input")!);
        firstResult.Should().BeGreaterThan(-1);
        firstFilter.Should().BeGreaterThan(firstResult, "a keyboard reaches the first result before the filters");
        page.QuerySelector("main form[role=search]")!.GetAttribute("aria-label").Should().Be("Job search");
        page.QuerySelectorAll("main [aria-pressed]").Should().BeEmpty("links may not be pressed");
        page.QuerySelector("[data-testid=filters-link]")!.GetAttribute("href").Should().Be("#filters", "without scripts the button is a link to the filters");
        page.QuerySelector("#filters")!.LocalName.Should().Be("aside");
    }

    [Fact]
    public async Task Facets_are_checkboxes_of_the_search_form_ticked_for_the_filters_in_effect()
    {
        var healthcare = Category.Create("Healthcare");
        var sales = Category.Create("Sales");
        await app.InsertAsync(
            Published(Company(), Content("Remote Nurse") with { WorkMode = WorkMode.Remote, Categories = [healthcare] }),
            Published(Company("B"), Content("Hybrid Nurse") with { WorkMode = WorkMode.Hybrid, Categories = [healthcare, sales] }),
            Published(Company("C"), Content("Office Nurse") with { Categories = [sales] }));

        var (_, page) = await app.GetPageAsync("/jobs?category=healthcare");
        var (_, none) = await app.GetPageAsync("/jobs?category=healthcare&level=director");

        var boxes = page.QuerySelectorAll("#filters input[type=checkbox]").Cast<IHtmlInputElement>().ToList();
        boxes.Should().OnlyContain(b => b.GetAttribute("form") == "search", "every filter is sent with the words and the place");
        boxes.Where(b => b.IsChecked).Select(b => $"{b.Name}={b.Value}").Should().Equal("category=healthcare");
        page.QuerySelector("[data-testid=facet-mode]")!.Text().Should().Be("Work mode Hybrid (1) Remote (1)", "the modes of the two healthcare postings, counted");
        page.QuerySelector("[data-testid=facet-category]")!.Text().Should().Be("Category Healthcare (2) Sales (1)");
        page.QuerySelector("label[for=mode-hybrid]")!.Text().Should().Be("Hybrid (1)");
        page.QuerySelector("[data-testid=apply-filters]")!.GetAttribute("form").Should().Be("search", "without scripts the filters are applied with a button");
        none.QuerySelectorAll("#filters input[type=checkbox]").Cast<IHtmlInputElement>().Where(b => b.IsChecked).Select(b => $"{b.Name}={b.Value}")
            .Should().Equal(["category=healthcare", "level=director"], "filters matched by nothing stay ticked, so that they can be unticked");
        none.QuerySelector("[data-testid=facet-level] label")!.Text().Should().Be("Director", "no count where nothing was counted");
    }

    [Fact]
    public async Task Each_filter_in_effect_is_a_chip_whose_link_removes_it_alone_and_clear_all_keeps_the_words()
    {
        await app.InsertAsync(Published(Company(), Content("Registered Nurse") with { Categories = [Category.Create("Healthcare")] }));

        var (_, page) = await app.GetPageAsync(Everything + "&page=2");

        var chips = page.QuerySelectorAll("[data-testid=chip]");
        chips.Select(c => c.GetAttribute("aria-label")).Should().Equal(
            "Remove filter: Within 25 km of Chicago",
            "Remove filter: Healthcare",
            "Remove filter: Remote",
            "Remove filter: Hybrid",
            "Remove filter: At least $50,000 a year",
            "Remove filter: Last 7 days",
            "Remove filter: Sponsors visas");
        chips.Select(c => c.GetAttribute("href")).Should().Equal(
            "/jobs?q=nurse&mode=remote&mode=hybrid&category=healthcare&salaryMin=50000&posted=7&visa=true&sort=date",
            "/jobs?q=nurse&location=Chicago&radius=25&mode=remote&mode=hybrid&salaryMin=50000&posted=7&visa=true&sort=date",
            "/jobs?q=nurse&location=Chicago&radius=25&mode=hybrid&category=healthcare&salaryMin=50000&posted=7&visa=true&sort=date",
            "/jobs?q=nurse&location=Chicago&radius=25&mode=remote&category=healthcare&salaryMin=50000&posted=7&visa=true&sort=date",
            "/jobs?q=nurse&location=Chicago&radius=25&mode=remote&mode=hybrid&category=healthcare&posted=7&visa=true&sort=date",
            "/jobs?q=nurse&location=Chicago&radius=25&mode=remote&mode=hybrid&category=healthcare&salaryMin=50000&visa=true&sort=date",
            "/jobs?q=nurse&location=Chicago&radius=25&mode=remote&mode=hybrid&category=healthcare&salaryMin=50000&posted=7&sort=date");
        chips.Select(c => c.Text()).Should().StartWith("Within 25 km of Chicago ×");
        page.QuerySelector("[data-testid=clear-all]")!.GetAttribute("href").Should().Be("/jobs?q=nurse&sort=date");
        page.QuerySelector("[data-testid=filters-button]")!.Text().Should().Be("Filters (7)");
        page.QuerySelector("[data-testid=filters-link]")!.Text().Should().Be("Filters (7)");
    }

    [Fact]
    public async Task A_search_without_filters_has_no_chips_and_the_button_counts_none()
    {
        var (_, page) = await app.GetPageAsync("/jobs?q=nurse&sort=date");

        page.QuerySelector("[data-testid=chips]").Should().BeNull();
        page.QuerySelector("[data-testid=filters-button]")!.Text().Should().Be("Filters");
    }

    [Fact]
    public async Task A_place_the_gazetteer_knows_as_a_country_is_a_chip_saying_in()
    {
        var (_, page) = await app.GetPageAsync("/jobs?location=Romania&mode=remote");

        page.QuerySelectorAll("[data-testid=chip]").Select(c => c.GetAttribute("aria-label")).Should().Equal("Remove filter: In Romania", "Remove filter: Remote");
        page.QuerySelector("[data-testid=chip]")!.GetAttribute("href").Should().Be("/jobs?mode=remote");
    }

    [Fact]
    public async Task Paging_keeps_the_words_the_filters_and_the_sort()
    {
        var healthcare = Category.Create("Healthcare");
        var company = Company();
        await app.InsertAsync([
            .. Enumerable.Range(1, 25).Select(i => Published(company, Content($"Remote Nurse {i:00}") with { WorkMode = WorkMode.Remote, Categories = [healthcare] })),
            .. Enumerable.Range(1, 5).Select(i => Published(company, Content($"Office Nurse {i:00}") with { Categories = [healthcare] })),
        ]);

        var (_, first) = await app.GetPageAsync("/jobs?q=nurse&mode=remote&category=healthcare&sort=date");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await app.GetPageAsync(next);

        next.Should().Be("/jobs?q=nurse&mode=remote&category=healthcare&sort=date&page=2");
        first.QuerySelector("[data-testid=total]")!.Text().Should().Be("25 jobs");
        second.QuerySelectorAll("[data-testid=job-card] h3").Select(h => h.Text()).Should().HaveCount(5).And.OnlyContain(t => t.StartsWith("Remote Nurse", StringComparison.Ordinal));
        second.QuerySelector("a[rel=prev]")!.GetAttribute("href").Should().Be("/jobs?q=nurse&mode=remote&category=healthcare&sort=date");
        second.QuerySelectorAll("#filters input[type=checkbox][checked]").Select(b => b.GetAttribute("id")).Should().Equal("mode-remote", "category-healthcare");
        second.QuerySelector("#sort option[selected]")!.GetAttribute("value").Should().Be("date");
        second.QuerySelector("a[rel=next]").Should().BeNull("the last page has no next link");
        second.QuerySelector(".pagination [aria-current=page]")!.Text().Should().Be("Page 2 of 2");
    }

    [Fact]
    public async Task The_form_as_a_browser_sends_it_without_scripts_searches_again_for_the_same_thing()
    {
        await app.InsertAsync(Published(Company(), Content("Registered Nurse") with { Categories = [Category.Create("Healthcare")] }));
        var (_, page) = await app.GetPageAsync(Everything);

        var sent = "/jobs" + QueryString.Create(FormData(page, "search")).ToUriComponent();
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri(sent, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the empty fields are dropped: {0}", sent);
        // The sort, above the results, comes before the filters in the page and so in the address; the search is the same.
        Pairs(response.Headers.Location!.OriginalString).Should().BeEquivalentTo(Pairs(Everything));
        response.Headers.Location!.OriginalString.Should().StartWith("/jobs?q=nurse&location=Chicago&radius=25&");
    }

    [Fact]
    public async Task An_empty_search_says_what_to_try_with_links_that_widen_it()
    {
        await app.InsertAsync(Published(Company(), Content("Registered Nurse")));

        var (_, page) = await app.GetPageAsync("/jobs?q=astronaut&location=Chicago&radius=10&mode=remote");

        var empty = page.QuerySelector("[data-testid=no-results]")!;
        empty.Text().Should().StartWith("No open jobs match this search");
        empty.QuerySelector("[data-testid=search-without-filters]")!.GetAttribute("href").Should().Be("/jobs?q=astronaut");
        empty.QuerySelector("[data-testid=widen-radius]")!.GetAttribute("href").Should().Be("/jobs?q=astronaut&location=Chicago&radius=200&mode=remote");
        empty.QuerySelector("[data-testid=search-without-words]")!.GetAttribute("href").Should().Be("/jobs?location=Chicago&radius=10&mode=remote");
        empty.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().Contain(["/jobs", "/alerts/new?q=astronaut&location=Chicago&radius=10&mode=remote"]);
        page.QuerySelector("#mode-remote")!.HasAttribute("checked").Should().BeTrue("a filter with no matches can still be unticked");
    }

    [Fact]
    public async Task The_words_placeholder_is_short_enough_for_a_phone()
    {
        var (_, page) = await app.GetPageAsync("/jobs");

        page.QuerySelector("#q")!.GetAttribute("placeholder").Should().Be("Job title, skill or company");
    }

    private static string[] Pairs(string url) => url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&');

    /// <summary>What a browser sends for a GET form: its named controls, inside it or naming it, in tree order.</summary>
    private static List<KeyValuePair<string, string?>> FormData(IDocument page, string formId)
    {
        var form = (IHtmlFormElement)page.GetElementById(formId)!;
        var data = new List<KeyValuePair<string, string?>>();
        foreach (var element in page.QuerySelectorAll("input[name], select[name]"))
        {
            if (element.Closest("form") != form && element.GetAttribute("form") != formId)
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.HasAttribute("checked"):
                    data.Add(new(box.Name!, box.GetAttribute("value") ?? "on"));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" }:
                    break;
                case IHtmlInputElement input:
                    data.Add(new(input.Name!, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlSelectElement select:
                    var option = select.QuerySelector("option[selected]") ?? select.QuerySelector("option");
                    data.Add(new(select.Name!, option?.GetAttribute("value") ?? ""));
                    break;
            }
        }

        return data;
    }

    [Theory]
    [InlineData("/jobs?q=nurse", "Relevance", "Newest")]
    [InlineData("/jobs", "Newest", "Relevance")]
    public async Task The_sort_menu_offers_each_order_once_with_the_default_first(string url, string byDefault, string other)
    {
        await app.InsertAsync(Published(Company(), Content("Nurse")));

        var (_, page) = await app.GetPageAsync(url);

        page.QuerySelectorAll("#sort option").Select(o => o.Text()).Should().Equal(byDefault, other, "Salary");
        page.QuerySelector("#sort option")!.GetAttribute("value").Should().BeEmpty("the default order is left out of the address");
    }
}
