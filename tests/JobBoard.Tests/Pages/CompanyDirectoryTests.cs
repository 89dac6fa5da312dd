using System.Net;
using AngleSharp.Dom;
using JobBoard.Domain.Companies;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Pages.Companies;
using Microsoft.EntityFrameworkCore;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Pages;

[Collection(WebTestsDefinition.Name)]
public sealed class CompanyDirectoryTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task The_directory_lists_companies_with_open_jobs_A_to_Z_with_their_open_job_count()
    {
        var zeta = Company("Zeta Care");
        var acme = Company("Acme Health");
        var elan = Company("Élan Nursing");
        var done = Company("Done Hiring");
        var filled = Published(done, Content("Filled role"));
        filled.Close("recruiter", Now);
        var expired = Published(zeta, Content("Old role") with { DatePosted = new DateOnly(2026, 9, 1), ValidThrough = new DateOnly(2026, 10, 1) }, at: new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        await app.InsertAsync(
            Published(zeta, Content("Nurse")), expired, Published(acme, Content("Nurse")), Published(acme, Content("Medic")),
            Draft(acme, Content("Draft role")), Published(elan, Content("Nurse")), filled, Company("Never Posted"));

        var (response, page) = await app.GetPageAsync("/companies");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.Text().Should().Be("Companies hiring now");
        page.QuerySelector("[data-testid=directory-count]")!.Text().Should().Be("3 companies have open jobs.");
        Listed(page).Should().Equal(
            ("Acme Health", "/companies/acme-health", "2 open jobs"),
            ("Élan Nursing", "/companies/elan-nursing", "1 open job"),
            ("Zeta Care", "/companies/zeta-care", "1 open job"));
    }

    [Fact]
    public async Task Most_open_jobs_first_orders_by_count_and_is_not_indexed_as_a_second_copy()
    {
        var small = Company("Aardvark Co");
        var big = Company("Zeta Care");
        await app.InsertAsync(Published(small), Published(big, Content("Nurse")), Published(big, Content("Medic")));

        var (_, byJobs) = await app.GetPageAsync("/companies?sort=jobs");
        var (_, byName) = await app.GetPageAsync("/companies");

        Listed(byJobs).Select(c => c.Name).Should().Equal("Zeta Care", "Aardvark Co");
        byJobs.QuerySelector("meta[name=robots]")!.GetAttribute("content").Should().Be("noindex");
        byJobs.QuerySelector("nav[aria-label=Order] a[aria-current=page]")!.Text().Should().Be("Most open jobs");
        byName.QuerySelectorAll("meta[name=robots]").Should().BeEmpty("the directory is for search engines to find companies");
        byName.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().Be("http://localhost/companies");
    }

    [Fact]
    public async Task Each_company_shows_its_logo_or_its_initials_and_what_it_does_where()
    {
        var acme = JobBoard.Domain.Companies.Company.Create("Acme Health", new CompanyProfile(Industry: "Healthcare", Headquarters: "Chicago, IL")).Value;
        await app.InsertAsync(Published(acme), Published(Company("Novartis")));
        var version = await app.ExecuteDbContextAsync(async db =>
        {
            var company = await db.Companies.SingleAsync(c => c.Slug == "novartis");
            var logo = CompanyLogo.For(company.Id, "image/png", [1, 2, 3], 1, 1, Now);
            db.CompanyLogos.Add(logo);
            company.UseUploadedLogo(logo);
            await db.SaveChangesAsync();
            return logo.Version;
        });

        var (_, page) = await app.GetPageAsync("/companies");

        var cards = page.QuerySelectorAll("[data-testid=directory-company]");
        var initials = cards[0].QuerySelector(".company-mark")!;
        initials.LocalName.Should().Be("span");
        initials.Text().Should().Be("AH");
        initials.GetAttribute("aria-hidden").Should().Be("true");
        cards[0].QuerySelector("p.small")!.Text().Should().Be("Healthcare · Chicago, IL");
        var logo = cards[1].QuerySelector(".company-mark")!;
        logo.LocalName.Should().Be("img");
        logo.GetAttribute("src").Should().Be($"/companies/novartis/logo?v={version}");
        logo.GetAttribute("alt").Should().Be("Novartis logo", "as on every card (Pages/Shared/_CompanyMark)");
    }

    [Fact]
    public async Task The_directory_pages_by_48_and_each_page_links_its_neighbours_and_is_its_own_canonical_page()
    {
        var companies = Enumerable.Range(1, IndexModel.PageSize + 2).Select(i => Company($"Company {i:000}")).ToList();
        await app.InsertAsync([.. companies.Select(c => (object)Published(c))]);

        var (_, first) = await app.GetPageAsync("/companies");
        var (_, second) = await app.GetPageAsync("/companies?page=2");
        var (past, _) = await app.GetPageAsync("/companies?page=3");
        var (_, pageOne) = await app.GetPageAsync("/companies?page=1&utm_source=x");

        Listed(first).Should().HaveCount(IndexModel.PageSize);
        Listed(first)[0].Name.Should().Be("Company 001");
        Listed(second).Select(c => c.Name).Should().Equal("Company 049", "Company 050");
        first.QuerySelectorAll("a[rel=prev]").Should().BeEmpty();
        first.QuerySelector("a[rel=next]")!.GetAttribute("href").Should().Be("/companies?page=2");
        second.QuerySelector("a[rel=prev]")!.GetAttribute("href").Should().Be("/companies");
        second.QuerySelectorAll("a[rel=next]").Should().BeEmpty();
        second.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().Be("http://localhost/companies?page=2");
        second.Title.Should().Be("Companies hiring now, page 2 · JobBoard");
        pageOne.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().Be("http://localhost/companies");
        past.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_letter_narrows_the_directory_and_the_order_and_pages_keep_it()
    {
        await app.InsertAsync(Published(Company("Acme Health")), Published(Company("Bravo Care")), Published(Company("Beta Clinic")), Published(Company("3M Health")));

        var (_, page) = await app.GetPageAsync("/companies?letter=B&sort=jobs");
        var (_, unknown) = await app.GetPageAsync("/companies?letter=q");

        Listed(page).Select(c => c.Name).Should().Equal("Beta Clinic", "Bravo Care");
        page.QuerySelector("[data-testid=directory-count]")!.Text().Should().Be("2 of 4 companies with open jobs under B.");
        page.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().Be("http://localhost/companies?sort=jobs&letter=b");
        page.QuerySelectorAll("[data-testid=directory-letters] a").Select(a => (a.Text(), a.GetAttribute("href"))).Should().Equal(
            ("All", "/companies?sort=jobs"), ("0–9", "/companies?sort=jobs&letter=0"), ("A", "/companies?sort=jobs&letter=a"), ("B", "/companies?sort=jobs&letter=b"));
        page.QuerySelector("[data-testid=directory-letters] a[aria-current=page]")!.Text().Should().Be("B");
        page.QuerySelector("a[href='/companies?letter=b']")!.Text().Should().Be("A to Z");
        Listed(unknown).Should().HaveCount(4, "a letter no company files under lists them all");
        unknown.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().Be("http://localhost/companies");
    }

    [Fact]
    public async Task With_no_company_hiring_the_directory_says_so_and_points_to_the_jobs()
    {
        await app.InsertAsync(Company("Never Posted"));

        var (response, page) = await app.GetPageAsync("/companies");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=directory-empty]")!.Text().Should().Contain("No company has open jobs right now");
        page.QuerySelector("[data-testid=directory-empty] a[href='/jobs']").Should().NotBeNull();
        page.QuerySelectorAll("[data-testid=directory-company]").Should().BeEmpty();
    }

    [Fact]
    public async Task The_directory_has_its_own_title_and_description()
    {
        await app.InsertAsync(Published(Company("Acme Health")));

        var (_, page) = await app.GetPageAsync("/companies");

        page.Title.Should().Be("Companies hiring now · JobBoard");
        page.QuerySelector("meta[name=description]")!.GetAttribute("content").Should()
            .Be("1 company is hiring on JobBoard. Browse them A to Z or by open jobs, and see every job each one has open.");
    }

    private static List<(string Name, string Url, string OpenJobs)> Listed(IDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=directory-company]").Select(c =>
            (c.QuerySelector("h2 a")!.Text(), c.QuerySelector("h2 a")!.GetAttribute("href")!, c.QuerySelector("[data-testid=open-jobs]")!.Text()))];
}
