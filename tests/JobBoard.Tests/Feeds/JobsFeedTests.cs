using System.Globalization;
using System.Net;
using System.Xml.Linq;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Feeds;

[Collection(WebTestsDefinition.Name)]
public sealed class JobsFeedTests(JobBoardApp app) : WebTest(app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Lists_open_postings_newest_first_and_nothing_else()
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

        var (response, feed) = await GetFeedAsync("/feeds/jobs.rss");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("application/rss+xml; charset=utf-8");
        feed.Root!.Name.LocalName.Should().Be("rss");
        feed.Root.Attribute("version")!.Value.Should().Be("2.0");
        var channel = feed.Root.Element("channel")!;
        channel.Element("title")!.Value.Should().Be("All jobs · JobBoard");
        channel.Element("link")!.Value.Should().Be("http://localhost/jobs");
        var self = channel.Element(Atom + "link")!;
        self.Attribute("rel")!.Value.Should().Be("self");
        self.Attribute("href")!.Value.Should().Be("http://localhost/feeds/jobs.rss");
        self.Attribute("type")!.Value.Should().Be("application/rss+xml");
        Titles(feed).Should().Equal("Newer nurse at Acme Health", "Older nurse at Acme Health");
    }

    [Fact]
    public async Task Search_parameters_narrow_the_feed_and_name_it()
    {
        var company = Company();
        await app.InsertAsync(
            Published(company, Content("Night Nurse") with { DatePosted = new DateOnly(2026, 11, 10) }),
            Published(company, Content("Remote Nurse Educator") with { WorkMode = WorkMode.Remote, DatePosted = new DateOnly(2026, 11, 12) }),
            Published(company, Content("Remote Sales Lead") with
            {
                WorkMode = WorkMode.Remote,
                Summary = "Grow our accounts.",
                Requirements = [Requirement.Create(RequirementImportance.Essential, "Five years of B2B sales")],
                DatePosted = new DateOnly(2026, 11, 14),
            }));

        var (_, byWords) = await GetFeedAsync("/feeds/jobs.rss?q=nurse");
        var (_, byMode) = await GetFeedAsync("/feeds/jobs.rss?mode=remote");
        var (_, byBoth) = await GetFeedAsync("/feeds/jobs.rss?q=nurse&mode=remote");

        Titles(byWords).Should().Equal("Remote Nurse Educator at Acme Health", "Night Nurse at Acme Health");
        Titles(byMode).Should().Equal("Remote Sales Lead at Acme Health", "Remote Nurse Educator at Acme Health");
        Titles(byBoth).Should().Equal("Remote Nurse Educator at Acme Health");
        var channel = byBoth.Root!.Element("channel")!;
        channel.Element("title")!.Value.Should().Be("Jobs matching “nurse” — Remote · JobBoard");
        channel.Element("link")!.Value.Should().Be("http://localhost/jobs?q=nurse&mode=remote");
        channel.Element(Atom + "link")!.Attribute("href")!.Value.Should().Be("http://localhost/feeds/jobs.rss?q=nurse&mode=remote");
    }

    [Fact]
    public async Task An_item_gives_company_place_type_salary_snippet_categories_link_and_date()
    {
        var healthcare = Category.Create("Healthcare");
        var nursing = Category.Create("Nursing");
        var posting = Published(Company(), Content() with
        {
            Summary = string.Join(' ', Enumerable.Repeat("Internal Medicine opportunity located 40 minutes from Chicago Downtown!", 6)),
            Compensation = Compensation.Create("USD", 30m, 45m, PayPeriod.Hour).Value,
            DatePosted = new DateOnly(2025, 10, 25),
            Categories = [healthcare, nursing],
        });
        await app.InsertAsync(posting);

        var (_, feed) = await GetFeedAsync("/feeds/jobs.rss");

        var item = feed.Descendants("item").Should().ContainSingle().Subject;
        var url = $"http://localhost/jobs/{posting.Id}/registered-nurse";
        item.Element("title")!.Value.Should().Be("Registered Nurse at Acme Health");
        item.Element("link")!.Value.Should().Be(url);
        item.Element("guid")!.Value.Should().Be(url);
        item.Element("guid")!.Attribute("isPermaLink")!.Value.Should().Be("true");
        var pubDate = item.Element("pubDate")!.Value;
        pubDate.Should().Be("Sat, 25 Oct 2025 00:00:00 GMT");
        DateTime.ParseExact(pubDate, "r", CultureInfo.InvariantCulture).Should().Be(new DateTime(2025, 10, 25));
        item.Elements("category").Select(c => c.Value).Should().Equal("Healthcare", "Nursing");

        // The description is HTML for the reader to show.
        var description = item.Element("description")!.Value;
        description.Should().StartWith("<p>Acme Health · Chicago, IL · On site · Full time · $30 – $45 per hour</p><p>Internal Medicine opportunity");
        description.Should().EndWith("…</p>");
    }

    [Fact]
    public async Task Ad_text_stays_text_and_the_feed_stays_well_formed()
    {
        var company = Company("Smith & <Sons>");
        await app.InsertAsync(Published(company, Content("Nurse <script>alert(1)</script> &\u0001 more") with
        {
            Summary = "Pay & benefits <b>bold</b> ]]> and a control character\u0008 XML cannot carry",
        }));

        var (response, feed) = await GetFeedAsync("/feeds/jobs.rss");
        var raw = await response.Content.ReadAsStringAsync();
        var (searchResponse, search) = await GetFeedAsync("/feeds/jobs.rss?q=%3Cscript%3E%20%26%20nurse");

        raw.Should().NotContain("<script>").And.NotContain("<b>").And.NotContain("<Sons>");
        var item = feed.Descendants("item").Should().ContainSingle().Subject;
        item.Element("title")!.Value.Should().Be("Nurse <script>alert(1)</script> & more at Smith & <Sons>", "a title is plain text");
        var description = item.Element("description")!.Value;
        description.Should().Contain("Smith &amp; &lt;Sons&gt;").And.Contain("Pay &amp; benefits &lt;b&gt;bold&lt;/b&gt; ]]&gt;");
        description.Should().NotContain("<b>").And.Contain("control character XML cannot carry");
        (await searchResponse.Content.ReadAsStringAsync()).Should().NotContain("<script>");
        search.Root!.Element("channel")!.Element("title")!.Value.Should().Be("Jobs matching “<script> & nurse” · JobBoard");
    }

    [Fact]
    public async Task Parameters_that_make_no_sense_still_give_a_valid_feed()
    {
        await app.InsertAsync(Published(Company()));

        var (response, feed) = await GetFeedAsync("/feeds/jobs.rss?radius=abc&mode=spaceship&page=-1&sort=upside&salaryMin=lots&posted=ever&limit=0&visa=maybe");
        var (unknownPlace, nowhere) = await GetFeedAsync("/feeds/jobs.rss?location=Qwxzvbourg");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Titles(feed).Should().Equal("Registered Nurse at Acme Health");
        feed.Root!.Element("channel")!.Element("description")!.Value.Should().Contain("Ignored:").And.Contain("\"spaceship\" is not a work mode");
        unknownPlace.StatusCode.Should().Be(HttpStatusCode.OK);
        nowhere.Descendants("item").Should().BeEmpty();
        nowhere.Root!.Element("channel")!.Element("title")!.Value.Should().Be("Jobs in “Qwxzvbourg” · JobBoard");
    }

    [Fact]
    public async Task Gives_fifty_items_at_most_and_fewer_when_asked()
    {
        var company = Company();
        await app.InsertAsync(Enumerable.Range(1, 55)
            .Select(i => (object)Published(company, Content($"Nurse {i:00}") with { DatePosted = new DateOnly(2026, 9, 1).AddDays(i) }))
            .ToArray());

        var (_, all) = await GetFeedAsync("/feeds/jobs.rss");
        var (_, three) = await GetFeedAsync("/feeds/jobs.rss?limit=3");

        Titles(all).Should().HaveCount(50).And.StartWith("Nurse 55 at Acme Health").And.EndWith("Nurse 06 at Acme Health");
        Titles(three).Should().Equal("Nurse 55 at Acme Health", "Nurse 54 at Acme Health", "Nurse 53 at Acme Health");
        three.Root!.Element("channel")!.Element(Atom + "link")!.Attribute("href")!.Value.Should().Be("http://localhost/feeds/jobs.rss?limit=3");
    }

    [Fact]
    public async Task Orders_by_the_sort_asked_for()
    {
        var company = Company();
        await app.InsertAsync(
            Published(company, Content("Well paid") with { DatePosted = new DateOnly(2026, 11, 1), Compensation = Compensation.Create("USD", 150_000m, 200_000m, PayPeriod.Year).Value }),
            Published(company, Content("Less well paid") with { DatePosted = new DateOnly(2026, 11, 20), Compensation = Compensation.Create("USD", 50_000m, 60_000m, PayPeriod.Year).Value }));

        var (_, newest) = await GetFeedAsync("/feeds/jobs.rss");
        var (_, bySalary) = await GetFeedAsync("/feeds/jobs.rss?sort=salary");

        Titles(newest).Should().Equal("Less well paid at Acme Health", "Well paid at Acme Health");
        Titles(bySalary).Should().Equal("Well paid at Acme Health", "Less well paid at Acme Health");
    }

    private async Task<(HttpResponseMessage Response, XDocument Feed)> GetFeedAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var body = await response.Content.ReadAsStreamAsync();
        return (response, await XDocument.LoadAsync(body, LoadOptions.None, CancellationToken.None));
    }

    private static List<string> Titles(XDocument feed) => feed.Descendants("item").Select(i => i.Element("title")!.Value).ToList();
}
