using JobBoard.Data;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Recommendations;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Search;

/// <summary>
/// Connections go back to the pool without Npgsql's reset, so what sets session state must undo it: a search plans
/// each statement for its values, a recommendations list uses generic plans, and the next user of the connection
/// (an ordinary page query) must get PostgreSQL's default again.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class ConnectionStateTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Searches_and_recommendations_leave_the_connection_with_the_default_plan_mode()
    {
        var company = Company();
        var (staff, ward) = (Published(company, Content("Staff Nurse")), Published(company, Content("Ward Nurse")));
        await app.InsertAsync(staff, ward);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobBoardDbContext>();
        // Held open around both, so that the same connection is asked afterwards whatever the pool would hand out.
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        var result = await scope.ServiceProvider.GetRequiredService<JobSearch>()
            .SearchAsync(JobSearchRequest.From(new QueryCollection(QueryHelpers.ParseQuery("q=nurse"))), CancellationToken.None);
        result.Total.Should().Be(2);
        (await PlanModeAsync(connection)).Should().Be("auto", "the search's force_custom_plan is undone");

        var typo = await scope.ServiceProvider.GetRequiredService<JobSearch>()
            .SearchAsync(JobSearchRequest.From(new QueryCollection(QueryHelpers.ParseQuery("q=nurce"))), CancellationToken.None);
        typo.TitleSuggestions.Should().Equal("Staff Nurse", "Ward Nurse");
        await using (var show = new NpgsqlCommand("SHOW pg_trgm.word_similarity_threshold", connection))
        {
            ((string?)await show.ExecuteScalarAsync()).Should().Be("0.6", "the suggestions' lower threshold lasted only for their query");
        }

        var recommendations = await scope.ServiceProvider.GetRequiredService<RecommendedJobs>().ForPostingsAsync([staff.Id], 10, CancellationToken.None);
        recommendations.Select(r => r.Card.Id).Should().Equal(ward.Id);
        (await PlanModeAsync(connection)).Should().Be("auto", "the list's force_generic_plan is undone");
        connection.State.Should().Be(System.Data.ConnectionState.Open, "neither closed a connection it did not open");
    }

    private static async Task<string?> PlanModeAsync(NpgsqlConnection connection)
    {
        await using var show = new NpgsqlCommand("SHOW plan_cache_mode", connection);
        return (string?)await show.ExecuteScalarAsync();
    }
}
