using System.Net;
using System.Xml.Linq;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using Npgsql;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Feeds;

[Collection(WebTestsDefinition.Name)]
public sealed class SitemapTests(JobBoardApp app) : WebTest(app)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_index_lists_the_pages_file_and_each_file_of_open_companies_and_postings()
    {
        await app.InsertAsync(Published(Company()));

        var (response, index) = await GetXmlAsync("/sitemap.xml");

        response.Content.Headers.ContentType!.ToString().Should().Be("application/xml; charset=utf-8");
        index.Root!.Name.Should().Be(Sitemap + "sitemapindex");
        index.Root.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).Should().Equal(
            "http://localhost/sitemaps/pages.xml",
            "http://localhost/sitemaps/companies-1.xml",
            "http://localhost/sitemaps/jobs-1.xml");
        var (_, pages) = await GetXmlAsync("/sitemaps/pages.xml");
        Locations(pages).Should().Equal("http://localhost/", "http://localhost/jobs", "http://localhost/companies");
    }

    [Fact]
    public async Task The_pages_file_lists_the_landing_page_of_each_category_with_an_open_posting()
    {
        var healthcare = Category.Create("Healthcare");
        var sales = Category.Create("Sales");
        var management = Category.Create("Management & Leadership");
        var closed = Published(Company("Done Hiring"), Content("Filled role") with { Categories = [sales] });
        closed.Close("recruiter", Now);
        await app.InsertAsync(
            Category.Create("Unused"),
            Published(Company(), Content() with { Categories = [management, healthcare] }),
            closed);

        var (_, pages) = await GetXmlAsync("/sitemaps/pages.xml");
        var (_, landing) = await app.GetPageAsync("/jobs?category=healthcare");

        Locations(pages).Should().Equal(
            "http://localhost/",
            "http://localhost/jobs",
            "http://localhost/companies",
            "http://localhost/jobs?category=healthcare",
            "http://localhost/jobs?category=management-leadership");
        landing.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().Be("http://localhost/jobs?category=healthcare",
            "the sitemap lists each landing page at the address the page calls its own");
        landing.QuerySelectorAll("meta[name=robots]").Should().BeEmpty("a category's landing page is for search engines to index");
        landing.Title.Should().Be("Healthcare jobs · JobBoard");
        landing.QuerySelector("meta[name=description]")!.GetAttribute("content").Should().Contain("1 open job").And.Contain("Healthcare");
        landing.QuerySelector("meta[property='og:title']")!.GetAttribute("content").Should().Be("Healthcare jobs");
    }

    [Fact]
    public async Task A_jobs_file_lists_only_open_postings_at_their_canonical_address_with_the_date_of_their_last_change()
    {
        var company = Company();
        var open = Published(company, Content("Open nurse"), at: new DateTimeOffset(2026, 11, 20, 15, 30, 0, TimeSpan.Zero));
        var expired = Published(company, Content("Expired nurse") with { DatePosted = new DateOnly(2026, 9, 1), ValidThrough = new DateOnly(2026, 10, 1) }, at: new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        var closed = Published(company, Content("Closed nurse"));
        closed.Close("recruiter", Now);
        var draft = Draft(company, Content("Draft nurse"));
        var pending = Draft(company, Content("Pending nurse"));
        pending.Submit("recruiter", Now);
        var rejected = Draft(company, Content("Rejected nurse"));
        rejected.Submit("recruiter", Now);
        rejected.Reject("admin", "Not a real job", Now);
        await app.InsertAsync(open, expired, closed, draft, pending, rejected);

        var (_, jobs) = await GetXmlAsync("/sitemaps/jobs-1.xml");

        jobs.Root!.Name.Should().Be(Sitemap + "urlset");
        var url = jobs.Root.Elements(Sitemap + "url").Should().ContainSingle().Subject;
        url.Element(Sitemap + "loc")!.Value.Should().Be($"http://localhost/jobs/{open.Id}/open-nurse");
        url.Element(Sitemap + "lastmod")!.Value.Should().Be("2026-11-20");
    }

    [Fact]
    public async Task A_company_is_listed_while_it_has_an_open_posting()
    {
        var hiring = Company("Acme Health");
        var done = Company("Done Hiring");
        var closed = Published(done, Content("Filled role"));
        closed.Close("recruiter", Now);
        await app.InsertAsync(Published(hiring), closed, Company("Never Posted"));

        var (_, companies) = await GetXmlAsync("/sitemaps/companies-1.xml");

        Locations(companies).Should().Equal("http://localhost/companies/acme-health");
    }

    [Fact]
    public async Task Files_split_postings_by_id_range_and_a_range_with_nothing_open_is_left_out()
    {
        var company = Company();
        var closedInFirstRange = Published(company, Content("Closed nurse"));
        closedInFirstRange.Close("recruiter", Now);
        var openInFirstRange = Published(company, Content("First nurse"));
        await app.InsertAsync(closedInFirstRange, openInFirstRange);
        await ExecuteSqlAsync("SELECT setval(pg_get_serial_sequence('job_postings', 'id'), 50000)");
        // Each save inserts its posting's company too, so each range gets a company of its own.
        var openInSecondRange = Published(Company("Second Co"), Content("Second nurse"));
        var closedInThirdRange = Published(Company("Third Co"), Content("Third nurse"));
        await app.InsertAsync(openInSecondRange);
        await ExecuteSqlAsync("SELECT setval(pg_get_serial_sequence('job_postings', 'id'), 100000)");
        closedInThirdRange.Close("recruiter", Now);
        await app.InsertAsync(closedInThirdRange);

        var (_, index) = await GetXmlAsync("/sitemap.xml");
        var (_, first) = await GetXmlAsync("/sitemaps/jobs-1.xml");
        var (_, second) = await GetXmlAsync("/sitemaps/jobs-2.xml");
        var third = await app.CreateClient().GetAsync(new Uri("/sitemaps/jobs-3.xml", UriKind.Relative));
        var beyond = await app.CreateClient().GetAsync(new Uri("/sitemaps/jobs-4.xml", UriKind.Relative));

        openInSecondRange.Id.Should().Be(50001);
        closedInThirdRange.Id.Should().Be(100001);
        index.Root!.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).Should().Equal(
            "http://localhost/sitemaps/pages.xml",
            "http://localhost/sitemaps/companies-1.xml",
            "http://localhost/sitemaps/jobs-1.xml",
            "http://localhost/sitemaps/jobs-2.xml");
        Locations(first).Should().Equal($"http://localhost/jobs/{openInFirstRange.Id}/first-nurse");
        Locations(second).Should().Equal("http://localhost/jobs/50001/second-nurse");
        third.StatusCode.Should().Be(HttpStatusCode.NotFound, "a sitemap file must list at least one address");
        beyond.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_larger_than_one_database_batch_lists_every_posting_once_in_id_order()
    {
        await app.InsertAsync(Published(Company()));
        // 5,200 more copies of the posting, made in SQL: the file is read 5,000 rows at a time.
        await ExecuteSqlAsync("""
            DO $$
            DECLARE columns text;
            BEGIN
                SELECT string_agg(quote_ident(column_name), ', ') INTO columns
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = 'job_postings' AND column_name <> 'id' AND is_generated = 'NEVER';
                EXECUTE format('INSERT INTO job_postings (%1$s) SELECT %1$s FROM job_postings p, generate_series(1, 5200) WHERE p.id = 1', columns);
            END $$;
            """);

        var (_, jobs) = await GetXmlAsync("/sitemaps/jobs-1.xml");

        var ids = Locations(jobs).Select(loc => int.Parse(loc.Split('/')[4], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ids.Should().HaveCount(5201).And.OnlyHaveUniqueItems().And.BeInAscendingOrder();
        ids.Should().StartWith(1).And.EndWith(5201);
    }

    private async Task<(HttpResponseMessage Response, XDocument Document)> GetXmlAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var body = await response.Content.ReadAsStreamAsync();
        return (response, await XDocument.LoadAsync(body, LoadOptions.None, CancellationToken.None));
    }

    private static List<string> Locations(XDocument urlset) =>
        urlset.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
