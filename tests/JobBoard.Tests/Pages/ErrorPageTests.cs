using System.Net;
using JobBoard.Tests.Infrastructure;

namespace JobBoard.Tests.Pages;

/// <summary>The error page requested by its own address, as a link or a person might.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class ErrorPageTests(JobBoardApp app)
{
    [Theory]
    [InlineData("/Error")]
    [InlineData("/Error?status=200")]
    [InlineData("/Error?status=302")]
    [InlineData("/Error?status=999")]
    [InlineData("/Error?status=500")]
    [InlineData("/Error?status=503")]
    [InlineData("/Error?status=429")]
    [InlineData("/Error?status=abc")]
    public async Task Asked_for_by_its_address_it_is_a_page_that_does_not_exist(string url)
    {
        var (response, page) = await app.GetPageAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.QuerySelector("[data-testid=error] h1")!.Text().Should().Be("Page not found");
        page.QuerySelector("meta[name=robots]")!.GetAttribute("content").Should().Be("noindex");
        response.Headers.Contains("Retry-After").Should().BeFalse();
    }
}
