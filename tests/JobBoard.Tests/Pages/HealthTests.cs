using System.Net;
using JobBoard.Tests.Infrastructure;

namespace JobBoard.Tests.Pages;

[Collection(WebTestsDefinition.Name)]
public sealed class HealthTests(JobBoardApp app)
{
    [Fact]
    public async Task Live_answers_healthy_without_touching_the_database()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Ready_checks_the_database()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }
}
