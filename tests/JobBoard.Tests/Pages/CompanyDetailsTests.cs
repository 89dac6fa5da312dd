using System.Net;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Pages;

[Collection(WebTestsDefinition.Name)]
public sealed class CompanyDetailsTests(JobBoardApp app) : WebTest(app)
{
    [Theory]
    [InlineData("/companies/Novartis", "/companies/novartis")]
    [InlineData("/companies/NOVARTIS", "/companies/novartis")]
    [InlineData("/companies/Nestl%C3%A9%20Health", "/companies/nestle-health")]
    [InlineData("/companies/nestl%C3%A9-health", "/companies/nestle-health")]
    [InlineData("/companies/Nestle_Health", "/companies/nestle-health")]
    [InlineData("/companies/nestle--health-", "/companies/nestle-health")]
    public async Task A_company_address_written_another_way_moves_permanently_to_its_slug(string asked, string canonical)
    {
        await app.InsertAsync(Company("Novartis"), Company("Nestlé Health"));

        var (response, _) = await app.GetPageAsync(asked);
        var (target, page) = await app.GetPageAsync(canonical);

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.Should().Be(canonical);
        target.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.Text().Should().BeOneOf("Novartis", "Nestlé Health");
    }

    [Theory]
    [InlineData("/companies/Nobody")]
    [InlineData("/companies/nobody")]
    [InlineData("/companies/Novartis-AG")]
    public async Task An_address_that_names_no_company_in_any_spelling_is_not_found(string asked)
    {
        await app.InsertAsync(Company("Novartis"));

        var (response, page) = await app.GetPageAsync(asked);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.QuerySelector("[data-testid=error] h1")!.Text().Should().Be("Page not found");
    }
}
