using System.Net;
using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Search;

/// <summary>
/// Connections go back to the pool without Npgsql's reset, so what changes session state must undo it: a search plans
/// each statement for its values and lowers the trigram threshold for its suggestions, a recommendations list uses
/// generic plans, and the next user of the connection (an ordinary page query) must find it as a fresh one is. The app
/// here has a pool of one connection, returned without a reset as the app's are, so every request and every check below
/// uses the same physical connection.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class ConnectionStateTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Every_public_request_leaves_its_pooled_connection_as_a_fresh_one_is()
    {
        var company = Company();
        var (staff, ward) = (Published(company, Content("Staff Nurse")), Published(company, Content("Ward Nurse")));
        await app.InsertAsync(staff, ward);
        await using var onePool = app.WithWebHostBuilder(builder => builder
            .UseSetting("ConnectionStrings:JobBoard", $"{app.ConnectionString};Maximum Pool Size=1;No Reset On Close=true")
            .UseSetting("Database:Migrate", "false"));
        using var client = onePool.CreateClient();
        var (backend, fresh) = await SessionAsync(onePool);
        fresh.Changed.Should().BeEmpty("nothing has used the connection yet");

        var requests = new (string Path, string Shows)[]
        {
            ("/jobs?q=nurse", "Ward Nurse"),
            ("/jobs?q=nurce", "Did you mean:"),
            ("/jobs?q=nurse&location=Chicgo", "Places with jobs:"),
            ("/jobs?location=Chicago&radius=25", "Staff Nurse"),
            ("/api/v1/jobs?q=nurse&sort=salary", "Ward Nurse"),
            ($"/api/v1/jobs/{staff.Id}/recommendations", "Ward Nurse"),
            ($"/jobs/{staff.Id}/{staff.Slug}", "Ward Nurse"),
            ($"/api/v1/jobs/{staff.Id}", "Staff Nurse"),
            ("/feeds/jobs.rss?q=nurse", "Ward Nurse"),
            ($"/companies/{company.Slug}", "Ward Nurse"),
            ("/sitemaps/jobs-1.xml", staff.Slug),
            ("/", "2 open positions"),
        };
        foreach (var (path, shows) in requests)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            (await response.Content.ReadAsStringAsync()).Should().Contain(shows, path);

            var (after, session) = await SessionAsync(onePool);
            after.Should().Be(backend, "the pool has one connection, so {0} used it", path);
            session.Should().BeEquivalentTo(fresh, "{0} leaves no setting behind", path);
        }
    }

    /// <summary>The one pooled connection's backend and what a request may have left on it.</summary>
    private static async Task<(int Backend, SessionState State)> SessionAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobBoardDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // pg_trgm's setting exists once the library is loaded, which its first function call does.
        await using (var load = new NpgsqlCommand("SELECT similarity('a', 'a')", connection))
        {
            await load.ExecuteScalarAsync();
        }

        // Settings changed with SET (not SET LOCAL) show as set by the session; the connection string's own are the client's.
        await using var show = new NpgsqlCommand(
            """
            SELECT pg_backend_pid(), current_setting('plan_cache_mode'), current_setting('pg_trgm.word_similarity_threshold'),
                   ARRAY(SELECT name FROM pg_settings WHERE source = 'session' ORDER BY name)
            """,
            connection);
        await using var reader = await show.ExecuteReaderAsync();
        await reader.ReadAsync();
        var state = new SessionState(reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3));
        return (reader.GetInt32(0), state);
    }

    /// <param name="Changed">Settings the session changed from what it started with.</param>
    private sealed record SessionState(string PlanCacheMode, string WordSimilarityThreshold, string[] Changed);
}
