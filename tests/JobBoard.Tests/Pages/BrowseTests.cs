using System.Net;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Pages;

[Collection(WebTestsDefinition.Name)]
public sealed class BrowseTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Lists_open_postings_newest_first_and_hides_the_rest()
    {
        var company = Company();
        var older = Published(company, Content("Older nurse") with { DatePosted = new DateOnly(2026, 11, 1) });
        var newer = Published(company, Content("Newer nurse") with { DatePosted = new DateOnly(2026, 11, 20) });
        var expired = Published(company, Content("Expired nurse") with { DatePosted = new DateOnly(2026, 9, 1), ValidThrough = new DateOnly(2026, 10, 1) }, at: new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        var closed = Published(company, Content("Closed nurse"));
        closed.Close("recruiter", Now);
        var draft = Draft(company, Content("Draft nurse"));
        var pending = Draft(company, Content("Pending nurse"));
        pending.Submit("recruiter", Now);
        await app.InsertAsync(older, newer, expired, closed, draft, pending);

        var (response, page) = await app.GetPageAsync("/jobs");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelectorAll("[data-testid=job-card] h3").Select(h => h.Text()).Should().Equal("Newer nurse", "Older nurse");
        page.QuerySelector("[data-testid=total]")!.Text().Should().Be("2 jobs");
    }

    [Fact]
    public async Task Pages_through_results_twenty_at_a_time_without_repeats()
    {
        var company = Company();
        var postings = Enumerable.Range(1, 45)
            .Select(i => Published(company, Content($"Nurse {i:00}") with { DatePosted = new DateOnly(2026, 10, 1).AddDays(i % 7) }))
            .ToArray();
        await app.InsertAsync(postings);

        var seen = new List<string>();
        for (var pageNumber = 1; pageNumber <= 3; pageNumber++)
        {
            var (_, page) = await app.GetPageAsync($"/jobs?page={pageNumber}");
            seen.AddRange(page.QuerySelectorAll("[data-testid=job-card] h3").Select(h => h.Text()));
        }

        seen.Should().HaveCount(45).And.OnlyHaveUniqueItems();
        var (_, last) = await app.GetPageAsync("/jobs?page=3");
        last.QuerySelector(".pagination")!.Text().Should().Contain("Page 3 of 3");
    }

    [Fact]
    public async Task A_page_number_out_of_range_or_malformed_shows_a_real_page()
    {
        await app.InsertAsync(Published(Company()));

        var (beyond, beyondPage) = await app.GetPageAsync("/jobs?page=99");
        var (garbage, garbagePage) = await app.GetPageAsync("/jobs?page=abc");

        beyond.StatusCode.Should().Be(HttpStatusCode.OK);
        beyondPage.QuerySelectorAll("[data-testid=job-card]").Should().HaveCount(1);
        garbage.StatusCode.Should().Be(HttpStatusCode.OK);
        garbagePage.QuerySelectorAll("[data-testid=job-card]").Should().HaveCount(1);
    }

    [Fact]
    public async Task Filters_by_category_and_by_words_in_the_title_or_company_name()
    {
        var sales = Category.Create("Sales");
        var company = Company("Novartis");
        await app.InsertAsync(
            Published(company, Content("Key Account Manager") with { Categories = [sales] }),
            Published(Company("Other Co"), Content("Staff Nurse")));

        var (_, byCategory) = await app.GetPageAsync("/jobs?category=sales");
        var (_, byWord) = await app.GetPageAsync("/jobs?q=account");
        var (_, byCompany) = await app.GetPageAsync("/jobs?q=novartis");
        var (_, byWildcard) = await app.GetPageAsync("/jobs?q=%25");

        byCategory.QuerySelector("h1")!.Text().Should().Be("Sales jobs");
        byCategory.QuerySelectorAll("[data-testid=job-card] h3").Select(h => h.Text()).Should().Equal("Key Account Manager");
        byWord.QuerySelectorAll("[data-testid=job-card] h3").Select(h => h.Text()).Should().Equal("Key Account Manager");
        byCompany.QuerySelectorAll("[data-testid=job-card] h3").Select(h => h.Text()).Should().Equal("Key Account Manager");
        byWildcard.QuerySelector("[data-testid=problems]")!.Text().Should().Contain("“%” has no words to search for");
        byWildcard.QuerySelectorAll("[data-testid=job-card]").Should().HaveCount(2, "a search of symbols alone is left out, not treated as a pattern");
    }

    [Fact]
    public async Task The_heading_names_every_filter_of_the_search()
    {
        var healthcare = Category.Create("Healthcare");
        await app.InsertAsync(Published(Company(), Content("Staff Nurse") with { Categories = [healthcare] }));

        var (_, all) = await app.GetPageAsync("/jobs");
        var (_, filtered) = await app.GetPageAsync(
            "/jobs?q=nurse&category=healthcare&location=Chicago%2C+IL&radius=50&mode=remote&mode=hybrid&type=full-time&level=senior" +
            "&salaryMin=50000&posted=7&visa=true");

        all.QuerySelector("h1")!.Text().Should().Be("All jobs");
        filtered.QuerySelector("h1")!.Text().Should().Be(
            "Healthcare jobs matching “nurse” within 50 km of Chicago, Illinois, United States — Remote or Hybrid, Full time, Senior, " +
            "paying at least $50,000 a year, posted in the last 7 days, visa sponsorship");
        filtered.QuerySelector("title")!.Text().Should().StartWith("Healthcare jobs matching “nurse” within 50 km of Chicago");
    }

    [Fact]
    public async Task A_card_shows_company_place_salary_and_a_snippet_ending_in_an_ellipsis()
    {
        var longSummary = string.Join(' ', Enumerable.Repeat("Internal Medicine opportunity located 40 minutes from Chicago Downtown!", 6));
        await app.InsertAsync(Published(Company(), Content() with
        {
            Summary = longSummary,
            Compensation = Compensation.Create("USD", 30m, 45m, PayPeriod.Hour).Value,
            DatePosted = new DateOnly(2025, 10, 25),
        }));

        var (_, page) = await app.GetPageAsync("/jobs");

        var card = page.QuerySelector("[data-testid=job-card]")!;
        card.Text().Should().ContainAll("Acme Health", "Chicago, IL", "$30 – $45 per hour", "Posted", "View details");
        card.QuerySelector("time")!.GetAttribute("title").Should().Be("October 25, 2025");
        var snippet = card.QuerySelector("p")!.Text();
        snippet.Should().EndWith("…").And.StartWith("Internal Medicine opportunity");
        snippet.Length.Should().BeInRange(150, 201);
    }

    [Fact]
    public async Task Home_shows_newest_postings_and_categories_with_counts()
    {
        var healthcare = Category.Create("Healthcare");
        var sales = Category.Create("Sales");
        var company = Company();
        await app.InsertAsync(
            Published(company, Content("A") with { Categories = [healthcare, sales] }),
            Published(company, Content("B") with { Categories = [healthcare] }),
            Draft(company, Content("C") with { Categories = [sales] }));

        var (_, page) = await app.GetPageAsync("/");

        page.QuerySelectorAll("[data-testid=category-counts] li").Select(li => li.Text()).Should().Equal("Healthcare 2", "Sales 1");
        page.QuerySelectorAll("[data-testid=job-card] h3").Select(h => h.Text()).Should().BeEquivalentTo("A", "B");
    }

    [Fact]
    public async Task Company_page_shows_the_profile_and_only_its_open_postings()
    {
        var acme = Company("Acme Health");
        var closed = Published(acme, Content("Closed role"));
        closed.Close("recruiter", Now);
        await app.InsertAsync(Published(acme, Content("Open role")), closed, Published(Company("Other"), Content("Not ours")));

        var (response, page) = await app.GetPageAsync("/companies/acme-health");
        var (missing, _) = await app.GetPageAsync("/companies/nobody");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.Text().Should().Be("Acme Health");
        page.Body!.Text().Should().Contain("Acme Health makes things better.").And.Contain("1,200 employees");
        page.QuerySelectorAll("[data-testid=job-card] h3").Select(h => h.Text()).Should().Equal("Open role");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
