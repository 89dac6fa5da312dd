using JobBoard.Data;
using JobBoard.Web.BulkLoad;
using JobBoard.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobBoard.Web.Data;

/// <summary>Brings the database up to date when the app starts, and fills an empty board with demo data if asked to.</summary>
public sealed partial class DatabaseStartup(JobBoardDbContext db, DemoDataLoader demoData, IConfiguration configuration, ILogger<DatabaseStartup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Database:Migrate", true))
        {
            var upgrade = await SchemaDefinitions.UpgradeAsync(db, cancellationToken);
            if (upgrade.ReplacedPreBaselineHistory)
            {
                LogPreBaseline(logger);
            }

            if (upgrade.RebuiltDerivedRows)
            {
                LogRebuilt(logger);
            }
        }

        // A bulk load killed half way leaves indexes dropped and autovacuum paused; this start puts them back.
        if (db.Database.GetConnectionString() is { } connectionString)
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var restored = await DeferredMaintenance.ResumeInterruptedAsync(dataSource, cancellationToken);
            if (restored > 0)
            {
                LogRestored(logger, restored);
            }
        }

        if (configuration.GetValue("DemoData:Load", false))
        {
            await demoData.LoadIfEmptyAsync(configuration.GetValue("DemoData:SyntheticPostings", SyntheticBoard.DefaultCount), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was made by the migrations before the baseline of December 2026: took it for the baseline")]
    private static partial void LogPreBaseline(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The derived tables' definitions (Sql/DerivedTables.sql, Sql/SearchSources.sql) were new or changed: made the tables and filled them from the postings")]
    private static partial void LogRebuilt(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A bulk load was interrupted: carried out the {Count} index builds and autovacuum resets it had put off")]
    private static partial void LogRestored(ILogger logger, int count);
}
