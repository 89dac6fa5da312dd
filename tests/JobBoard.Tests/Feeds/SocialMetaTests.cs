using System.Reflection;
using AngleSharp.Dom;
using JobBoard.Domain.Companies;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Pages.Shared;
using JobBoard.Web.Search;
using Microsoft.EntityFrameworkCore;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Feeds;

/// <summary>The canonical link, Open Graph and Twitter card that every page's head carries (_SocialMeta).</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class SocialMetaTests(JobBoardApp app) : WebTest(app)
{
    [Theory]
    [InlineData("/", "http://localhost/")]
    [InlineData("/Index", "http://localhost/")]
    [InlineData("/?utm_source=newsletter", "http://localhost/")]
    [InlineData("/jobs", "http://localhost/jobs")]
    [InlineData("/JOBS?sort=date", "http://localhost/jobs")]
    [InlineData("/api?ref=github", "http://localhost/api")]
    [InlineData("/Account/SignIn?returnUrl=%2Fsaved", "http://localhost/Account/SignIn")]
    [InlineData("/account/signin", "http://localhost/Account/SignIn")]
    [InlineData("/Account/Register", "http://localhost/Account/Register")]
    [InlineData("/companies/acme-health?tab=jobs", "http://localhost/companies/acme-health")]
    public async Task Every_page_has_one_canonical_link_without_the_query_keys_that_do_not_make_another_page(string asked, string canonical)
    {
        await app.InsertAsync(Published(Company()));

        var (_, page) = await app.GetPageAsync(asked);

        CanonicalOf(page).Should().Be(canonical);
        Meta(page, "og:url").Should().Be(canonical);
    }

    [Theory]
    [InlineData("/jobs?category=healthcare&sort=salary&utm_campaign=x", "http://localhost/jobs?category=healthcare")]
    [InlineData("/jobs?sort=date&category=healthcare&mode=remote&page=1", "http://localhost/jobs?mode=remote&category=healthcare")]
    [InlineData("/jobs?q=nurse&location=Chicago&radius=25&page=2", "http://localhost/jobs?q=nurse&location=Chicago&radius=25&page=2")]
    public async Task A_search_is_canonical_with_its_filters_and_page_in_one_order_but_not_its_sort(string asked, string canonical)
    {
        var (_, page) = await app.GetPageAsync(asked);

        CanonicalOf(page).Should().Be(canonical);
    }

    [Fact]
    public void The_search_page_keeps_every_search_parameter_but_the_sort_in_its_canonical_address()
    {
        var declared = typeof(JobBoard.Web.Pages.Jobs.IndexModel).GetCustomAttribute<CanonicalQueryAttribute>()!.Keys;

        declared.Should().Equal(JobSearchRequest.Parameters.Select(p => p.Name).Where(name => name != "sort"),
            "a parameter added to the search makes another page unless it only orders the results");
    }

    [Fact]
    public async Task A_posting_keeps_its_own_canonical_address_once_and_shares_the_title_summary_and_company_logo()
    {
        var posting = Published(Company("Acme Health"), Content() with { Summary = "Care for patients in a busy outpatient practice." });
        await app.InsertAsync(posting);
        var version = await UploadLogoAsync("acme-health");

        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/registered-nurse?utm_source=x");

        var canonical = $"http://localhost/jobs/{posting.Id}/registered-nurse";
        CanonicalOf(page).Should().Be(canonical);
        Meta(page, "og:url").Should().Be(canonical);
        Meta(page, "og:title").Should().Be("Registered Nurse at Acme Health");
        Meta(page, "twitter:title").Should().Be("Registered Nurse at Acme Health");
        Meta(page, "og:description").Should().Be("Care for patients in a busy outpatient practice.");
        Meta(page, "twitter:description").Should().Be("Care for patients in a busy outpatient practice.");
        Meta(page, "og:image").Should().Be($"http://localhost/companies/acme-health/logo?v={version}");
        Meta(page, "twitter:image").Should().Be($"http://localhost/companies/acme-health/logo?v={version}");
        Meta(page, "og:image:alt").Should().Be("Acme Health logo");
    }

    [Fact]
    public async Task Every_page_names_the_site_its_type_and_a_summary_card()
    {
        var (_, home) = await app.GetPageAsync("/");

        Meta(home, "og:site_name").Should().Be("JobBoard");
        Meta(home, "og:type").Should().Be("website");
        Meta(home, "og:title").Should().Be(home.Title!.Replace(" · JobBoard", string.Empty, StringComparison.Ordinal));
        Meta(home, "og:description").Should().Be(home.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Meta(home, "twitter:card").Should().Be("summary");
        home.QuerySelectorAll("meta[property='og:image']").Should().BeEmpty("the board has no picture of its own, and a made-up one would be worse than none");
    }

    [Fact]
    public async Task A_page_without_a_description_of_its_own_gets_the_sites_once()
    {
        var (_, signIn) = await app.GetPageAsync("/Account/SignIn");

        signIn.QuerySelectorAll("meta[name=description]").Select(m => m.GetAttribute("content")).Should().Equal(SocialMeta.SiteDescription);
        Meta(signIn, "og:description").Should().Be(SocialMeta.SiteDescription);
        Meta(signIn, "og:title").Should().Be(signIn.Title!.Replace(" · JobBoard", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_company_page_shares_its_logo_and_one_without_a_logo_shares_none()
    {
        await app.InsertAsync(Published(Company("Acme Health")), Published(Company("Plain Co")));
        var version = await UploadLogoAsync("acme-health");

        var (_, withLogo) = await app.GetPageAsync("/companies/acme-health");
        var (_, without) = await app.GetPageAsync("/companies/plain-co");

        Meta(withLogo, "og:image").Should().Be($"http://localhost/companies/acme-health/logo?v={version}");
        Meta(withLogo, "og:title").Should().Be("Acme Health jobs");
        Meta(withLogo, "og:description").Should().Be("Acme Health makes things better.");
        without.QuerySelectorAll("meta[property='og:image'], meta[name='twitter:image']").Should().BeEmpty();
        Meta(without, "og:title").Should().Be("Plain Co jobs");
    }

    [Fact]
    public async Task A_logo_an_import_links_to_is_shared_at_its_own_address()
    {
        var linked = JobBoard.Domain.Companies.Company.Create("Linked Co", new CompanyProfile(LogoUrl: "https://cdn.example.com/linked.png")).Value;
        await app.InsertAsync(Published(linked));

        var (_, page) = await app.GetPageAsync("/companies/linked-co");

        Meta(page, "og:image").Should().Be("https://cdn.example.com/linked.png");
    }

    [Fact]
    public async Task Text_in_the_cards_is_encoded()
    {
        await app.InsertAsync(Published(Company("Acme \"Health\" <Sons>")));

        var (_, page) = await app.GetPageAsync("/companies/acme-health-sons");

        Meta(page, "og:title").Should().Be("Acme \"Health\" <Sons> jobs");
        page.QuerySelectorAll("head sons").Should().BeEmpty();
    }

    [Fact]
    public async Task A_page_not_found_is_canonical_at_the_address_asked_for_not_at_the_error_page()
    {
        var (_, page) = await app.GetPageAsync("/companies/nobody?x=1");

        CanonicalOf(page).Should().Be("http://localhost/companies/nobody");
    }

    private static string? CanonicalOf(IDocument page) =>
        page.QuerySelectorAll("link[rel=canonical]").Should().ContainSingle().Subject.GetAttribute("href");

    private static string? Meta(IDocument page, string name) =>
        page.QuerySelectorAll($"head meta[property='{name}'], head meta[name='{name}']").Should().ContainSingle(name).Subject.GetAttribute("content");

    private async Task<string> UploadLogoAsync(string slug) =>
        await app.ExecuteDbContextAsync(async db =>
        {
            var company = await db.Companies.SingleAsync(c => c.Slug == slug);
            var logo = CompanyLogo.For(company.Id, "image/png", [1, 2, 3, (byte)slug.Length], 1, 1, Now);
            db.CompanyLogos.Add(logo);
            company.UseUploadedLogo(logo);
            await db.SaveChangesAsync();
            return logo.Version;
        });
}
