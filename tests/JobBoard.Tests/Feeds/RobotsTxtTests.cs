using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Feeds;

[Collection(WebTestsDefinition.Name)]
public sealed class RobotsTxtTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Robots_txt_lets_crawlers_read_the_site_but_not_the_api_or_feeds_and_points_to_the_sitemap()
    {
        var (response, lines) = await RobotsAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; charset=utf-8");
        lines.Should().ContainInOrder("User-agent: *", "Allow: /", "Disallow: /api/", "Disallow: /feeds/", "Disallow: /health/", "Disallow: /jobs/*/apply");
        lines.Should().Contain("Sitemap: http://localhost/sitemap.xml");
        lines.Where(l => l.StartsWith("Disallow:", StringComparison.Ordinal)).Should().NotContain(l => l == "Disallow: /jobs" || l == "Disallow: /jobs/" || l == "Disallow: /api");
    }

    [Fact]
    public async Task Every_path_robots_txt_names_is_served_by_the_app()
    {
        await app.InsertAsync(Published(Company(), Content("Registered Nurse")));
        var (_, lines) = await RobotsAsync();
        var rules = lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0] is "Allow" or "Disallow").Select(p => p[1].Trim()).ToList();
        var sitemaps = lines.Where(l => l.StartsWith("Sitemap:", StringComparison.Ordinal)).Select(l => l["Sitemap:".Length..].Trim()).ToList();
        rules.Should().NotBeEmpty();
        sitemaps.Should().NotBeEmpty();

        // A rule is a path prefix with '*' for any characters and a final '$' for the end (RFC 9309); it names something
        // served when a route under it answers a GET with anything but 404. Each route is tried with "1" for its parameters.
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => SamplePath(endpoint.RoutePattern)).Distinct().ToList();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var rule in rules)
        {
            var pattern = new Regex("^" + string.Concat(rule.TrimEnd('$').Select(c => c == '*' ? ".*" : Regex.Escape(c.ToString()))) + (rule.EndsWith('$') ? "$" : string.Empty));
            var answers = new List<string>();
            foreach (var path in routes.Where(path => pattern.IsMatch(path)))
            {
                var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                answers.Add($"{path} {(int)response.StatusCode}");
            }

            answers.Should().Contain(a => !a.EndsWith(" 404", StringComparison.Ordinal), $"\"{rule}\" should name a route the app serves");
        }

        foreach (var sitemap in sitemaps)
        {
            var response = await client.GetAsync(new Uri(sitemap));
            response.StatusCode.Should().Be(HttpStatusCode.OK, sitemap);
            XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Name.LocalName.Should().Be("sitemapindex");
        }
    }

    private async Task<(HttpResponseMessage Response, List<string> Lines)> RobotsAsync()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/robots.txt", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim()).ToList();
        return (response, lines);
    }

    private static string SamplePath(RoutePattern route) =>
        "/" + string.Join('/', route.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "1",
        }))));
}
