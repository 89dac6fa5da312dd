using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Listings;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Listings;

[Collection(WebTestsDefinition.Name)]
public sealed class PostingCachesTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Forgetting_shows_a_closed_posting_at_once_on_its_page_and_in_the_recommendations_cached_before()
    {
        var company = Company();
        var subject = Published(company, Content("Registered Nurse"));
        var neighbour = Published(company, Content("Registered Nurse, Nights"));
        await app.InsertAsync(subject, neighbour);
        var client = app.GuestClient();
        (await RecommendedTitlesAsync(client, subject.Id)).Should().Contain("Registered Nurse, Nights");
        (await client.GetDocumentAsync($"/jobs/{neighbour.Id}/{neighbour.Slug}")).QuerySelector("main")!.Text()
            .Should().NotContain("no longer accepting", "the page is cached while the posting is open");

        await CloseAsync(neighbour.Id);
        (await RecommendedTitlesAsync(client, subject.Id)).Should().Contain("Registered Nurse, Nights", "until forgotten, the list comes from memory");

        await app.Services.GetRequiredService<PostingCaches>().ForgetAsync(CancellationToken.None);

        (await RecommendedTitlesAsync(client, subject.Id)).Should().NotContain("Registered Nurse, Nights");
        (await client.GetDocumentAsync($"/jobs/{neighbour.Id}/{neighbour.Slug}")).QuerySelector("main")!.Text()
            .Should().Contain("no longer accepting");
    }

    private static async Task<IReadOnlyList<string>> RecommendedTitlesAsync(HttpClient client, int postingId)
    {
        var response = await client.GetAsync(new Uri($"/api/v1/jobs/{postingId}/recommendations", UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
    }

    private async Task CloseAsync(int postingId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"UPDATE job_postings SET status = 'Closed' WHERE id = {postingId}", connection);
        await command.ExecuteNonQueryAsync();
    }
}
