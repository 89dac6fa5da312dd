using System.Net;
using JobBoard.Tests.Infrastructure;

namespace JobBoard.Tests.Pages;

/// <summary>The error page requested by its own address, as a link or a person might.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class ErrorPageTests(JobBoardApp app)
{
    [Theory]
    [InlineData(500, "Something went wrong", "Sorry, something went wrong on our side. Please try again.")]
    [InlineData(503, "Temporarily unavailable", "JobBoard is having trouble reaching its database. Please try again in a minute.")]
    [InlineData(404, "Page not found", "We couldn't find that page. The job may have been removed, or the address may be mistyped.")]
    [InlineData(429, "Too many requests", "Please wait a moment and try again.")]
    [InlineData(405, "Method Not Allowed", "That request didn't make sense to us. Please check the address or the form and try again.")]
    public async Task Asked_for_by_address_it_shows_that_errors_page_with_that_status(int status, string heading, string message)
    {
        var (response, page) = await app.GetPageAsync($"/Error?status={status}");

        ((int)response.StatusCode).Should().Be(status);
        page.QuerySelector("[data-testid=error] h1")!.Text().Should().Be(heading);
        page.QuerySelector("[data-testid=error] .lead")!.Text().Should().Be(message);
        page.QuerySelector("meta[name=robots]")!.GetAttribute("content").Should().Be("noindex");
    }

    [Theory]
    [InlineData("/Error")]
    [InlineData("/Error?status=200")]
    [InlineData("/Error?status=302")]
    [InlineData("/Error?status=999")]
    [InlineData("/Error?status=abc")]
    public async Task Without_an_error_status_it_is_a_page_that_does_not_exist(string url)
    {
        var (response, page) = await app.GetPageAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.QuerySelector("[data-testid=error] h1")!.Text().Should().Be("Page not found");
    }
}
