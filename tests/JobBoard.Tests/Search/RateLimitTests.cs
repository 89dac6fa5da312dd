using System.Net;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace JobBoard.Tests.Search;

/// <summary>Searches are limited per client address (RateLimiting:SearchesPerMinute; the other tests turn it off).</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class RateLimitTests(JobBoardApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_client_that_searches_too_fast_is_told_to_wait_while_other_clients_and_pages_go_on()
    {
        await using var limited = app.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimiting:SearchesPerMinute", "60")
            .UseSetting("Database:Migrate", "false"));
        using var client = limited.CreateClient();

        var answered = 0;
        HttpResponseMessage? refused = null;
        while (refused is null && answered < 100)
        {
            var response = await client.GetAsync(new Uri("/api/v1/jobs?q=nurse", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK);
                answered++;
            }
        }

        answered.Should().BeInRange(30, 40, "the bucket holds half a minute's searches, and refills one a second");
        refused.Should().NotBeNull();
        refused!.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Please wait a moment and try again.");
        refused.Headers.RetryAfter!.Delta.Should().BePositive();

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
}
