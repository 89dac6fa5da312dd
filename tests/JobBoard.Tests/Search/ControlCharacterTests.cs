using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Search;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Search;

/// <summary>
/// A NUL byte or another control character is bad input wherever it is sent: searches leave the parameter out and say
/// so, every other endpoint answers as for any wrong value; never a server error. (A NUL in the path itself never reaches
/// the app: Kestrel answers 400 to it, and the test server's URL decoder refuses to send it.)
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class ControlCharacterTests(JobBoardApp app) : WebTest(app)
{
    private static readonly string[] Controls = ["\0", "\u0001", "\u001B", "\u007F", "\u009B"];

    private JobPosting _posting = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(_posting);
    }

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/api/v1/jobs")]
    [InlineData("/feeds/jobs.rss")]
    public async Task A_control_character_in_any_search_parameter_is_left_out_and_named(string endpoint)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var parameter in JobSearchRequest.Parameters.Select(p => p.Name).Append("limit"))
        {
            foreach (var control in Controls)
            {
                foreach (var value in new[] { "nurse" + control, control })
                {
                    var url = $"{endpoint}?{parameter}={Uri.EscapeDataString(value)}";
                    var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                    var body = await response.Content.ReadAsStringAsync();

                    if (endpoint == "/api/v1/jobs" && parameter == "limit")
                    {
                        // The API refuses any limit that is not a whole number in its range, as it does on every endpoint.
                        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, url);
                        Message(body).Should().StartWith("\"limit\" is a whole number from 1 to 50", url);
                        continue;
                    }

                    response.StatusCode.Should().Be(HttpStatusCode.OK, url);
                    var (total, problems) = Read(endpoint, body);
                    problems.Should().Contain($"\"{parameter}\" contains a control character (U+{(int)control[0]:X4}), so it is left out.", url);
                    total.Should().Be(1, "{0} searches without the parameter", url);
                }
            }
        }
    }

    [Fact]
    public async Task A_control_character_anywhere_else_gets_the_answer_any_wrong_value_gets_never_a_server_error()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var (id, slug) = (_posting.Id, _posting.Slug);
        foreach (var control in Controls)
        {
            var c = Uri.EscapeDataString(control);
            var inQuery = new[]
            {
                $"/?q={c}", $"/jobs/{id}/{slug}?x={c}", $"/companies/{_posting.Company.Slug}?x={c}", $"/api/v1/jobs/{id}?x={c}",
                $"/api/v1/jobs/{id}/recommendations?limit={c}", $"/api/v1/jobs/{id}/recommendations?limit=5{c}", $"/sitemap.xml?x={c}",
                $"/sitemaps/pages.xml?x={c}", $"/sitemaps/jobs-1.xml?x={c}", $"/robots.txt?x={c}", $"/api?x={c}", $"/Error?status={c}",
                $"/health/live?x={c}", $"/api/openapi/v1.json?x={c}",
            };
            var inPath = control == "\0" ? [] : new[]
            {
                $"/jobs/{id}/{c}", $"/jobs/{id}/{slug}{c}", $"/companies/{c}", $"/companies/{_posting.Company.Slug}{c}", $"/api/v1/jobs/{c}",
                $"/sitemaps/jobs-{c}.xml", $"/jobs{c}",
            };
            foreach (var url in inQuery.Concat(inPath))
            {
                var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();

                ((int)response.StatusCode).Should().BeLessThan(500, url);
                if ((int)response.StatusCode is >= 300 and < 400)
                {
                    response.Headers.Location!.OriginalString.Should().BeOneOf(
                        [$"/jobs/{id}/{slug}", $"/companies/{_posting.Company.Slug}"], "{0} goes to the posting's or the company's own address", url);
                }
                else if ((int)response.StatusCode >= 400)
                {
                    Message(body).Should().NotBeNullOrWhiteSpace("{0} says what was wrong", url);
                }
                else
                {
                    body.Should().NotBeEmpty(url);
                }
            }
        }
    }

    private static (int Total, IReadOnlyList<string> Problems) Read(string endpoint, string body)
    {
        switch (endpoint)
        {
            case "/api/v1/jobs":
                using (var json = JsonDocument.Parse(body))
                {
                    return (json.RootElement.GetProperty("total").GetInt32(),
                        [.. json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!)]);
                }

            case "/feeds/jobs.rss":
                var feed = XDocument.Parse(body);
                var description = feed.Root!.Element("channel")!.Element("description")!.Value;
                return (feed.Descendants("item").Count(), [.. description.Split("Ignored: ")[1].Split(". ").Select(p => p.EndsWith('.') ? p : p + ".")]);
            default:
                var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
                return (page.QuerySelectorAll("[data-testid=job-card]").Length,
                    [.. page.QuerySelectorAll("[data-testid=problems] div").Select(d => d.TextContent.Trim())]);
        }
    }

    /// <summary>The error page's heading and text, or a problem's detail.</summary>
    private static string? Message(string body)
    {
        if (body.TrimStart().StartsWith('{'))
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }

        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body).QuerySelector("main")?.TextContent;
    }
}
