using JobBoard.Data;
using JobBoard.Loader.BulkLoad;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobBoard.Tests.BulkLoad;

/// <summary>
/// A bulk load of an empty board drops the loaded tables' secondary indexes and pauses autovacuum on them. A load that
/// is killed half way must not leave the board so: the loader's next run puts back what it put off, but never while a
/// load is still running. The web app's start-up runs none of the recorded statements; it warns.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class DeferredMaintenanceTests(JobBoardApp app) : WebTest(app)
{
    private const string Indexes = "SELECT string_agg(indexdef, E'\\n' ORDER BY indexdef) FROM pg_indexes WHERE schemaname = 'public'";

    private const string PausedTables = "SELECT count(*) FROM pg_class WHERE reloptions @> '{autovacuum_enabled=false}'";

    [Fact]
    public async Task What_a_killed_load_put_off_is_restored_by_the_loaders_next_run_not_while_a_load_runs_nor_by_the_web_app()
    {
        await using var dataSource = NpgsqlDataSource.Create(app.ConnectionString);
        var before = await ScalarAsync<string>(dataSource, Indexes);

        // A load that is killed: its connection, and with it the load lock, goes without restoring anything.
        var load = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Pooling = false }.ConnectionString;
        int loadBackend;
        await using (var guard = new NpgsqlConnection(load))
        {
            await guard.OpenAsync();
            loadBackend = guard.ProcessID;
            var deferred = await DeferredMaintenance.DeferIfBoardEmptyAsync(guard, dataSource, CancellationToken.None);

            deferred.IndexNames.Should().Contain(["ix_posting_search_match", "ix_posting_locations_posting_id", "ix_posting_search_places_earth"]);
            (await ScalarAsync<string>(dataSource, Indexes)).Should().NotContain("ix_posting_search_match").And.NotContain("ix_posting_skills_skill_id");
            (await ScalarAsync<long>(dataSource, PausedTables)).Should().Be(9);
            (await ScalarAsync<long>(dataSource, "SELECT count(*) FROM bulk_load_deferred")).Should().Be(deferred.IndexNames.Count + 9);

            (await DeferredMaintenance.ResumeInterruptedAsync(dataSource, CancellationToken.None))
                .Should().BeNull("the load still holds its lock, and will restore what it put off itself");
            (await ScalarAsync<string>(dataSource, Indexes)).Should().NotContain("ix_posting_search_match");
        }

        // The server ends the killed load's session, and lets go of its lock, a moment after the connection goes.
        for (var wait = 0; wait < 100 && await ScalarAsync<long>(dataSource, $"SELECT count(*) FROM pg_stat_activity WHERE pid = {loadBackend}") > 0; wait++)
        {
            await Task.Delay(50);
        }

        var warnings = await StartWebAppAsync();
        (await ScalarAsync<string>(dataSource, Indexes)).Should().NotContain("ix_posting_search_match", "the web app runs no SQL text stored in a table");
        (await ScalarAsync<long>(dataSource, PausedTables)).Should().Be(9);
        warnings.Should().ContainSingle().Which.Should().Contain("./jobboard.sh finish-load");

        (await DeferredMaintenance.ResumeInterruptedAsync(dataSource, CancellationToken.None)).Should().BePositive();

        (await ScalarAsync<string>(dataSource, Indexes)).Should().Be(before, "every index comes back as the migrations made it");
        (await ScalarAsync<long>(dataSource, PausedTables)).Should().Be(0);
        (await ScalarAsync<long>(dataSource, "SELECT count(*) FROM bulk_load_deferred")).Should().Be(0);
        (await DeferredMaintenance.ResumeInterruptedAsync(dataSource, CancellationToken.None)).Should().Be(0, "nothing is left to restore");
    }

    [Fact]
    public async Task The_web_app_starts_without_a_warning_when_no_load_is_unfinished()
    {
        (await StartWebAppAsync()).Should().BeEmpty();
    }

    /// <summary>The web app's database start-up, as Program runs it; returns the warnings it logged.</summary>
    private async Task<List<string>> StartWebAppAsync()
    {
        var warnings = new WarningLog();
        await using var scope = app.Services.CreateAsyncScope();
        var startup = new DatabaseStartup(
            scope.ServiceProvider.GetRequiredService<JobBoardDbContext>(), scope.ServiceProvider.GetRequiredService<IConfiguration>(), warnings);
        await startup.RunAsync(CancellationToken.None);
        return warnings.Messages;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private sealed class WarningLog : ILogger<DatabaseStartup>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                Messages.Add(formatter(state, exception));
            }
        }
    }
}
