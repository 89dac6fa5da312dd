using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Feeds;

/// <summary>How every page points to the API docs, and which pages announce a feed to feed readers.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class LayoutLinksTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task The_layout_links_the_docs_and_the_home_page_announces_its_feed()
    {
        var posting = Published(Company());
        await app.InsertAsync(posting);

        var (_, home) = await app.GetPageAsync("/");
        var (_, details) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");
        var (_, search) = await app.GetPageAsync("/jobs?q=nurse");

        var feed = home.QuerySelectorAll("head link[rel=alternate][type='application/rss+xml']").Should().ContainSingle().Subject;
        feed.GetAttribute("href").Should().Be("/feeds/jobs.rss");
        feed.GetAttribute("title").Should().Be("Newest jobs · JobBoard");
        home.QuerySelector("footer a[href='/api']")!.Text().Should().Be("API");
        details.QuerySelectorAll("head link[rel=alternate]").Should().BeEmpty("a single posting has no feed of its own");
        details.QuerySelector("footer a[href='/api']").Should().NotBeNull();
        search.QuerySelectorAll("head link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href"))
            .Should().Equal("/feeds/jobs.rss?q=nurse");
    }
}
