using System.IO.Compression;
using System.Net.Http.Headers;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Pages;

/// <summary>
/// What a first visit downloads: compressed pages and files, one small stylesheet and two deferred scripts, each
/// cached for a year at its versioned address; and no compression of a signed-in user's page (BREACH).
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class FirstPaintTests(JobBoardApp app) : WebTest(app)
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_guest_gets_pages_compressed_as_the_browser_asks(string encoding)
    {
        await app.InsertAsync(Published(Company(), Content("Compressed nurse")));

        using var response = await GetAsync(app.GuestClient(), "/jobs", encoding);

        response.Content.Headers.ContentEncoding.Should().Equal(encoding);
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        var compressed = await response.Content.ReadAsByteArrayAsync();
        var html = Decompress(compressed, encoding);
        html.Should().Contain("Compressed nurse").And.Contain("</html>");
        compressed.Length.Should().BeLessThan(html.Length / 3, "a page of markup compresses to well under a third");
    }

    [Fact]
    public async Task A_signed_in_users_page_is_not_compressed_but_their_static_files_are()
    {
        var seeker = await app.SignedInClientAsync(await app.CreateUserAsync("seeker@example.test", BoardRoles.Seeker, password: null));

        using var page = await GetAsync(seeker, "/jobs?q=nurse", "br");
        using var stylesheet = await GetAsync(seeker, "/css/site.css", "br");

        page.Content.Headers.ContentEncoding.Should().BeEmpty("a page with an antiforgery token beside reflected input is never compressed");
        (await page.Content.ReadAsStringAsync()).Should().Contain("data-testid=\"account-nav\"");
        stylesheet.Content.Headers.ContentEncoding.Should().Equal("br");
    }

    [Fact]
    public async Task Versioned_static_files_are_cached_for_a_year_and_others_for_a_day()
    {
        var (_, home) = await app.GetPageAsync("/");
        var stylesheet = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var versioned = await app.GuestClient().GetAsync(stylesheet);
        using var unversioned = await app.GuestClient().GetAsync("/favicon.svg");

        stylesheet.Should().StartWith("/css/site.css?v=");
        versioned.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromDays(365));
        versioned.Headers.CacheControl.Public.Should().BeTrue();
        versioned.Headers.CacheControl.Extensions.Select(e => e.Name).Should().Contain("immutable");
        unversioned.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromDays(1));
        unversioned.Headers.CacheControl.Extensions.Should().BeEmpty();
    }

    [Fact]
    public async Task A_page_loads_one_stylesheet_and_only_deferred_scripts_of_its_own()
    {
        await app.InsertAsync(Published(Company(), Content("Light nurse")));

        foreach (var url in new[] { "/", "/jobs" })
        {
            var (_, page) = await app.GetPageAsync(url);

            page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).Should().ContainSingle(url)
                .Which.Should().StartWith("/css/site.css");
            var scripts = page.QuerySelectorAll("script[src]").ToList();
            scripts.Should().NotBeEmpty().And.OnlyContain(s => s.HasAttribute("defer") && s.GetAttribute("src")!.StartsWith("/js/", StringComparison.Ordinal), url);
            page.QuerySelectorAll("link[rel=icon]").Select(l => l.GetAttribute("href")).Should().Contain(h => h!.StartsWith("/favicon.svg", StringComparison.Ordinal));
        }

        // Every file a page names exists, and the stylesheet stays small enough to block the first paint only briefly.
        var css = await app.GuestClient().GetByteArrayAsync("/css/site.css");
        css.Length.Should().BeLessThan(48 * 1024);
        foreach (var file in new[] { "/favicon.svg", "/favicon.ico", "/apple-touch-icon.png", "/js/search-form.js", "/js/saved-jobs.js" })
        {
            using var response = await app.GuestClient().GetAsync(file);
            response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, file);
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        return await client.SendAsync(request);
    }

    private static string Decompress(byte[] body, string encoding)
    {
        using Stream decompressor = encoding == "br"
            ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var reader = new StreamReader(decompressor);
        return reader.ReadToEnd();
    }
}
