using System.Net;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace JobBoard.Tests.Search;

/// <summary>
/// Searches are limited per client address (RateLimiting:SearchesPerMinute; the other tests turn it off). The bucket
/// refills on the app's clock, which stands still until a test moves it, so every count here is exact.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class RateLimitTests(JobBoardApp app) : WebTest(app)
{
    private const string Search = "/api/v1/jobs?q=nurse";

    [Fact]
    public async Task A_client_that_searches_too_fast_is_told_to_wait_while_other_clients_and_pages_go_on()
    {
        await using var limited = LimitedTo(60);
        using var client = limited.CreateClient();

        (await AnsweredUntilRefusedAsync(client)).Should().Be(30, "the bucket holds half a minute's searches");

        var refused = await client.GetAsync(new Uri(Search, UriKind.Relative));
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Please wait a moment and try again.");
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1), "one search comes back each second");

        var page = await client.GetAsync(new Uri("/jobs?q=nurse", UriKind.Relative));
        page.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the search page draws on the same bucket");
        (await page.Content.ReadAsStringAsync()).Should().Contain("Too many requests");
        (await client.GetAsync(new Uri("/feeds/jobs.rss?q=nurse", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "other pages are not limited");

        var other = await limited.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/api/v1/jobs";
            context.Request.QueryString = new QueryString("?q=nurse");
            context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.5");
        });
        other.Response.StatusCode.Should().Be(StatusCodes.Status200OK, "each address has its own bucket");
    }

    [Fact]
    public async Task The_bucket_gains_a_search_each_second_and_fills_up_to_half_a_minute_of_them()
    {
        await using var limited = LimitedTo(60);
        using var client = limited.CreateClient();
        (await AnsweredUntilRefusedAsync(client)).Should().Be(30);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await AnsweredUntilRefusedAsync(client)).Should().Be(1);

        app.Clock.Advance(TimeSpan.FromMilliseconds(600));
        var early = await client.GetAsync(new Uri(Search, UriKind.Relative));
        early.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the next search is due 0.4 s later");
        early.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1), "Retry-After is whole seconds, rounded up");

        app.Clock.Advance(TimeSpan.FromMilliseconds(400));
        (await AnsweredUntilRefusedAsync(client)).Should().Be(1);

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        (await AnsweredUntilRefusedAsync(client)).Should().Be(30, "an idle client's bucket fills up, and no further");
    }

    private WebApplicationFactory<Program> LimitedTo(int searchesPerMinute) => app.WithWebHostBuilder(builder => builder
        .UseSetting("RateLimiting:SearchesPerMinute", searchesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("Database:Migrate", "false"));

    /// <summary>Searches until one is refused; how many were answered (each with results) before it.</summary>
    private static async Task<int> AnsweredUntilRefusedAsync(HttpClient client)
    {
        for (var answered = 0; answered <= 100; answered++)
        {
            using var response = await client.GetAsync(new Uri(Search, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return answered;
            }

            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        throw new InvalidOperationException("More than 100 searches answered: the limit is not applied.");
    }
}
