using System.Net;
using System.Text.Json;
using JobBoard.Tests.Infrastructure;

namespace JobBoard.Tests.Feeds;

/// <summary>The API's docs page at /api, rendered from the OpenAPI document.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class ApiDocsPageTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Lists_each_endpoint_with_its_summary_parameters_and_responses()
    {
        var (response, page) = await app.GetPageAsync("/api");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.Text().Should().Be("JobBoard API");
        page.QuerySelectorAll("[data-testid=api-toc] li").Select(li => li.Text()).Should().Equal("GET /api/v1/jobs", "GET /api/v1/jobs/{id}", "GET /api/v1/jobs/{id}/recommendations");

        var search = page.QuerySelector("#op-searchjobs")!;
        search.QuerySelector("h2")!.Text().Should().Be("GET /api/v1/jobs");
        search.Text().Should().Contain("Search open jobs");
        search.QuerySelector("[data-testid=api-description]")!.Text().Should().ContainAll(
            "parameters of the search page /jobs, plus limit", "comma-separated", "5,000");
        search.QuerySelector("[data-testid=api-description] code")!.Text().Should().Be("problems");
        var parameters = search.QuerySelectorAll("[data-testid=api-parameters] tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).ToList()).ToList();
        parameters.Select(p => p[0]).Should().Equal(
            "q", "location", "radius", "unit", "mode", "type", "category", "level", "salaryMin", "currency", "posted", "visa", "sort", "page", "limit");
        parameters.Should().AllSatisfy(p => p[1].Should().Be("query"));
        parameters.Should().AllSatisfy(p => p[3].Should().Be("No"));
        parameters.Single(p => p[0] == "mode")[2].Should().Be("array of onsite | hybrid | remote | field");
        parameters.Single(p => p[0] == "unit")[2].Should().Be("km | mi");
        parameters.Single(p => p[0] == "radius")[2].Should().Be("number");
        parameters.Single(p => p[0] == "page")[2].Should().Be("integer");
        parameters.Single(p => p[0] == "category")[4].Should().Contain("Repeatable: category=a&category=b, or category=a,b.");
        parameters.Single(p => p[0] == "limit")[4].Should().Be("Results per page, 1 to 50; 20 by default. Any other value is a 400.");
        var responses = search.QuerySelectorAll("[data-testid=api-responses] tbody tr");
        responses.Select(tr => tr.Text()).Should().Equal(
            "200 OK application/json: JobSearchResponse",
            "400 Bad Request application/problem+json: HttpValidationProblemDetails",
            "429 Too Many Requests application/problem+json: ProblemDetails",
            "503 Service Unavailable application/problem+json: ProblemDetails");
        var ok = responses[0];
        ok.QuerySelector("a")!.GetAttribute("href").Should().Be("#schema-JobSearchResponse");

        var one = page.QuerySelector("#op-getjob")!;
        one.QuerySelectorAll("[data-testid=api-parameters] tbody tr").Select(tr => tr.Text()).Should().Equal("id path integer Yes");
        one.QuerySelectorAll("[data-testid=api-responses] tbody tr").Select(tr => tr.Text()).Should().Equal(
            "200 OK application/ld+json: object",
            "404 Not Found application/problem+json: ProblemDetails",
            "410 Gone application/problem+json: ProblemDetails",
            "429 Too Many Requests application/problem+json: ProblemDetails",
            "503 Service Unavailable application/problem+json: ProblemDetails");

        var recommendations = page.QuerySelector("#op-getjobrecommendations")!;
        recommendations.QuerySelectorAll("[data-testid=api-parameters] tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).First()).Should().Equal("id", "limit");
        recommendations.QuerySelectorAll("[data-testid=api-responses] tbody tr").Select(tr => tr.Text()).Should().StartWith(
            ["200 OK application/json: RecommendationsResponse", "400 Bad Request application/problem+json: HttpValidationProblemDetails", "404 Not Found application/problem+json: ProblemDetails"]);
    }

    [Fact]
    public async Task Shows_the_shape_of_each_response()
    {
        var (_, page) = await app.GetPageAsync("/api");

        var shape = page.QuerySelector("#schema-JobSearchResponse")!;
        shape.QuerySelectorAll("tbody tr").Select(tr => tr.Text()).Should().Equal(
            "items array of JobSummary", "total integer", "totalIsExact boolean", "facets FacetsResponse", "next string or null", "problems array of string");
        page.QuerySelector("#schema-JobSummary")!.QuerySelectorAll("tbody tr").Select(tr => tr.Text()).Should().Contain(
            ["datePosted string (date) or null", "salary SalaryResponse or null", "locations array of LocationResponse"]);
        page.QuerySelector("#schema-FacetsResponse")!.QuerySelectorAll("tbody tr").Select(tr => tr.Text()).Should().Contain("mode map of integer");
        page.QuerySelectorAll("script:not([src])").Should().BeEmpty("the content security policy forbids inline scripts");
    }

    [Fact]
    public async Task Feeds_sitemaps_and_robots_stay_out_of_the_api_description()
    {
        var json = await app.CreateClient().GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative));

        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Should().Equal("/api/v1/jobs", "/api/v1/jobs/{id}", "/api/v1/jobs/{id}/recommendations");
    }
}
