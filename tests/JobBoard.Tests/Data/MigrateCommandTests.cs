using JobBoard.Data;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobBoard.Tests.Data;

/// <summary>
/// In production a release migrates once, by <c>./jobboard.sh migrate</c> (the app's <c>migrate</c> command), and its
/// instances start with Database:Migrate false: one that finds the database out of date refuses to start.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class MigrateCommandTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task The_migrate_command_brings_an_empty_database_up_to_date_and_then_finds_nothing_to_do()
    {
        var database = await NewDatabaseAsync();

        var migrate = await BoardScript.RunAsync(database, "migrate");
        var again = await BoardScript.RunAsync(database, "migrate");

        migrate.ExitCode.Should().Be(0, migrate.Output);
        migrate.Output.Should().Contain("Bringing the database up to date").And.Contain("migration 20261207021925_Baseline").And.Contain("Sql/SearchUpkeep.sql")
            .And.Contain("The database is up to date: migration ").And.NotContain("ERR]", "a new database has no history table, which is no error");
        (await PendingAsync(database)).Should().BeEmpty();
        (await TestSql.ListAsync(database, "SELECT file FROM schema_definitions ORDER BY file")).Should().BeEquivalentTo(SchemaDefinitions.Files);
        again.ExitCode.Should().Be(0, again.Output);
        again.Output.Should().NotContain("Bringing the database up to date").And.Contain("The database is up to date");
    }

    [Fact]
    public async Task An_instance_started_in_production_does_not_migrate_and_refuses_an_out_of_date_database_naming_the_command()
    {
        var database = await NewDatabaseAsync();
        await using var production = app.WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("ConnectionStrings:JobBoard", database));

        var starting = () => production.Services;

        starting.Should().Throw<InvalidOperationException>().Which.Message.Should()
            .Contain("The database is not up to date (migration 20261207021925_Baseline").And.Contain("Sql/DerivedTables.sql")
            .And.Contain("Database:Migrate is false").And.Contain("run ./jobboard.sh migrate");
        (await TestSql.ListAsync(database, "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'")).Should().BeEmpty("nothing was migrated");
    }

    [Fact]
    public async Task An_instance_that_does_not_migrate_refuses_a_database_whose_definitions_changed_since_they_were_applied()
    {
        var database = await NewDatabaseAsync();
        (await BoardScript.RunAsync(database, "migrate")).ExitCode.Should().Be(0);
        await TestSql.ExecuteAsync(database, "UPDATE schema_definitions SET checksum = 'older' WHERE file = 'SearchUpkeep.sql'");
        await using var instance = app.WithWebHostBuilder(builder => builder
            .UseSetting("ConnectionStrings:JobBoard", database)
            .UseSetting("Database:Migrate", "false"));

        var starting = () => instance.Services;

        starting.Should().Throw<InvalidOperationException>().Which.Message.Should()
            .StartWith("The database is not up to date (Sql/SearchUpkeep.sql)").And.Contain("run ./jobboard.sh migrate");
    }

    private static async Task<string> NewDatabaseAsync() => await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("jobboard_migrate");

    private static async Task<IReadOnlyList<string>> PendingAsync(string connectionString)
    {
        await using var db = new JobBoardDbContext(new DbContextOptionsBuilder<JobBoardDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);
        return await SchemaDefinitions.PendingAsync(db, CancellationToken.None);
    }
}
