using System.Text.Json;
using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Data;

/// <summary>
/// <c>./jobboard.sh backup</c> and <c>restore</c>: a board restored from its backup into another database serves the
/// same searches, suggestions and distances as the original, from the same indexes, with no migration.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class BackupTests(JobBoardApp app) : WebTest(app), IDisposable
{
    private static readonly PlaceInput Elmhurst = new("Elmhurst", "Illinois", "IL", "US", "United States", 41.89947, -87.94034);

    private readonly string _folder = Directory.CreateTempSubdirectory("jobboard-backup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_board_restored_from_its_backup_into_a_new_database_searches_suggests_and_measures_distances_as_the_original()
    {
        var company = Company();
        var nurse = Published(company, Content("Registered Nurse"));
        await app.InsertAsync(
            nurse,
            Published(company, Content("Charge Nurse") with { Locations = [Elmhurst] }),
            Published(company, Content("Clinical Pharmacist")),
            Published(company, Content("Night Porter") with { Locations = [Bucharest] }));
        var backup = Path.Combine(_folder, "board.dump");
        var restored = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = $"jobboard_restored_{Guid.NewGuid():N}"[..36] }.ConnectionString;

        var backedUp = await BoardScript.RunAsync(app.ConnectionString, "backup", backup);
        var restore = await BoardScript.RunAsync(restored, "restore", backup);

        backedUp.ExitCode.Should().Be(0, backedUp.Output);
        restore.ExitCode.Should().Be(0, restore.Output);
        restore.Output.Should().Contain("making database jobboard_restored_", "the database did not exist");
        await using var restoredApp = app.WithWebHostBuilder(builder => builder
            .UseSetting("ConnectionStrings:JobBoard", restored)
            .UseSetting("Database:Migrate", "false"));

        var search = await BothAsync(restoredApp, "/api/v1/jobs?q=registered+or+charge");
        Titles(search.Restored).Should().BeEquivalentTo("Registered Nurse", "Charge Nurse");
        var radius = await BothAsync(restoredApp, "/api/v1/jobs?location=Chicago&radius=50");
        Titles(radius.Restored).Should().BeEquivalentTo("Registered Nurse", "Charge Nurse", "Clinical Pharmacist");
        var nearest = await BothAsync(restoredApp, $"/api/v1/jobs/{nurse.Id}/recommendations");
        Titles(nearest.Restored).Should().Equal(["Clinical Pharmacist", "Charge Nurse"], "the same city first, then 25 km away; nothing on another continent");
        foreach (var (original, copy) in new[] { search, radius, nearest })
        {
            copy.Should().Be(original);
        }

        (await SuggestedAsync(restoredApp, "q=nurce", "title")).Should().Contain("Registered Nurse").And.Equal(await SuggestedAsync(app, "q=nurce", "title"));
        (await SuggestedAsync(restoredApp, "location=Chicgo", "place")).Should().Contain("Chicago, IL").And.Equal(await SuggestedAsync(app, "location=Chicgo", "place"));
    }

    [Fact]
    public async Task A_restored_board_has_the_original_schema_and_derived_rows_and_its_searches_use_their_indexes()
    {
        await app.InsertAsync(Published(Company(), Content("Registered Nurse")), Published(Company("Other"), Content("Night Porter") with { Locations = [Bucharest] }));
        var backup = Path.Combine(_folder, "board.dump");
        var restored = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = $"jobboard_restored_{Guid.NewGuid():N}"[..36] }.ConnectionString;
        (await BoardScript.RunAsync(app.ConnectionString, "backup", backup)).ExitCode.Should().Be(0);

        (await BoardScript.RunAsync(restored, "restore", backup)).ExitCode.Should().Be(0);

        (await SchemaAsync(restored)).Should().Equal(await SchemaAsync(app.ConnectionString));
        (await TestSql.ListAsync(restored, "SELECT extname FROM pg_extension ORDER BY 1")).Should().Contain(["pg_trgm", "unaccent", "cube", "earthdistance"]);
        (await TestSql.ListAsync(restored, SchemaDefinitionsTests.DifferencesFromViews)).Should().Equal("0");
        (await TestSql.ListAsync(restored, "SELECT term FROM search_suggestions WHERE kind = 't' ORDER BY term")).Should().Equal("Night Porter", "Registered Nurse");
        // Only bitmap scans allowed, so that the plan shows whether the index answers, not what a table of two rows costs.
        (await PlanAsync(restored, "SELECT posting_id FROM posting_search WHERE document @@ websearch_to_tsquery('jobboard', 'nurse')"))
            .Should().Contain("ix_posting_search_match");
        (await PlanAsync(restored, "SELECT term FROM search_suggestions WHERE term % 'nurce'")).Should().Contain("ix_search_suggestions_term");
        (await PlanAsync(restored, "SELECT posting_id FROM posting_search_places WHERE earth_box(ll_to_earth(41.85, -87.65), 50000) @> earth"))
            .Should().Contain("ix_posting_search_places_earth");
        (await TestSql.ListAsync(restored, "SELECT count(*)::text FROM posting_search_places WHERE earth_box(ll_to_earth(41.85, -87.65), 50000) @> earth"))
            .Should().Equal("1");
    }

    [Fact]
    public async Task A_database_with_a_board_is_replaced_by_a_restore_only_when_told_to_and_a_failed_restore_leaves_it_as_it_was()
    {
        await app.InsertAsync(Published(Company(), Content("Registered Nurse")));
        var backup = Path.Combine(_folder, "board.dump");
        (await BoardScript.RunAsync(app.ConnectionString, "backup", backup)).ExitCode.Should().Be(0);
        var other = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("jobboard_other");
        (await BoardScript.RunAsync(other, "migrate")).ExitCode.Should().Be(0);
        await using (var db = new JobBoardDbContext(new DbContextOptionsBuilder<JobBoardDbContext>().UseNpgsql(other).UseSnakeCaseNamingConvention().Options))
        {
            db.AddRange(Published(Company("Elsewhere"), Content("Night Porter")), Published(Company("Elsewhere Too"), Content("Night Porter")));
            await db.SaveChangesAsync();
        }

        var refused = await BoardScript.RunAsync(other, "restore", backup);
        refused.ExitCode.Should().Be(2);
        refused.Output.Should().Contain("has a board").And.Contain("./jobboard.sh restore --replace FILE");

        var broken = Path.Combine(_folder, "broken.dump");
        var bytes = await File.ReadAllBytesAsync(backup);
        // The table of contents stays readable; the last table's data, the last zlib stream (0x78 0x9c), does not.
        var lastStream = Enumerable.Range(0, bytes.Length - 1).Last(i => bytes[i] == 0x78 && bytes[i + 1] == 0x9c);
        Array.Fill(bytes, (byte)0x55, lastStream + 2, Math.Min(40, bytes.Length - lastStream - 2));
        await File.WriteAllBytesAsync(broken, bytes);
        var failed = await BoardScript.RunAsync(other, "restore", "--replace", broken);
        failed.ExitCode.Should().Be(1, failed.Output);
        failed.Output.Should().Contain("is as it was");
        (await TestSql.ListAsync(other, "SELECT title FROM job_postings ORDER BY id")).Should().Equal("Night Porter", "Night Porter");

        var replaced = await BoardScript.RunAsync(other, "restore", "--replace", backup);
        replaced.ExitCode.Should().Be(0, replaced.Output);
        (await TestSql.ListAsync(other, "SELECT title FROM job_postings")).Should().Equal("Registered Nurse");
        (await TestSql.ListAsync(other, "SELECT term FROM search_suggestions WHERE kind = 't'")).Should().Equal("Registered Nurse");
    }

    [Fact]
    public async Task Restore_says_how_it_is_used_and_what_is_wrong_with_its_file()
    {
        var notABackup = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(notABackup, "not a dump");

        var none = await BoardScript.RunAsync(app.ConnectionString, "restore");
        var missing = await BoardScript.RunAsync(app.ConnectionString, "restore", Path.Combine(_folder, "missing.dump"));
        var wrong = await BoardScript.RunAsync(app.ConnectionString, "restore", notABackup);

        none.Should().Be((2, "usage: ./jobboard.sh restore [--replace] FILE\n"));
        missing.ExitCode.Should().Be(2);
        missing.Output.Should().Contain($"no backup at {_folder}/missing.dump");
        wrong.ExitCode.Should().Be(2);
        wrong.Output.Should().Contain("is not a backup of ./jobboard.sh backup");
    }

    /// <summary>The same request to the original board and to the restored one.</summary>
    private async Task<(string Original, string Restored)> BothAsync(WebApplicationFactory<Program> restoredApp, string url)
    {
        var original = await app.CreateClient().GetStringAsync(new Uri(url, UriKind.Relative));
        var restored = await restoredApp.CreateClient().GetStringAsync(new Uri(url, UriKind.Relative));
        return (original, restored);
    }

    private static List<string?> Titles(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("title").GetString())];
    }

    private static async Task<List<string>> SuggestedAsync(WebApplicationFactory<Program> factory, string query, string kind)
    {
        var html = await factory.CreateClient().GetStringAsync(new Uri($"/jobs?{query}", UriKind.Relative));
        var page = await Html.ParseAsync(html);
        return [.. page.QuerySelectorAll($"[data-testid={kind}-suggestions] a").Select(a => a.TextContent.Trim())];
    }

    /// <summary>
    /// The schema as SchemaDefinitionsTests lists it, but for how PostgreSQL prints a check's list of strings: the
    /// varchar array cast as a whole when the migration made it, each element cast when a restore made it from its text.
    /// </summary>
    private static async Task<List<string>> SchemaAsync(string connectionString) =>
        [.. (await TestSql.ListAsync(connectionString, SchemaDefinitionsTests.SchemaQuery)).Select(line => line.StartsWith("constraint ", StringComparison.Ordinal)
            ? line.Replace("::character varying", string.Empty, StringComparison.Ordinal).Replace("::text[]", string.Empty, StringComparison.Ordinal)
                .Replace("::text", string.Empty, StringComparison.Ordinal).Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal)
            : line)];

    private static async Task<string> PlanAsync(string connectionString, string query) =>
        string.Join('\n', await TestSql.ListAsync(connectionString, $"BEGIN; SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off; EXPLAIN {query}; COMMIT"));
}
