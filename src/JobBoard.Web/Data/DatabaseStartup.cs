using JobBoard.Data;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Data;

/// <summary>
/// Brings the database up to date when the app starts. Demo data and bulk loads are the loader's (src/JobBoard.Loader,
/// which <c>./jobboard.sh run</c> calls before serving).
/// </summary>
public sealed partial class DatabaseStartup(JobBoardDbContext db, IConfiguration configuration, ILogger<DatabaseStartup> logger)
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

        // A bulk load killed half way leaves indexes dropped and autovacuum paused. Finishing it is the loader's job (it
        // runs the index definitions it recorded); the app only says so, and serves meanwhile, slower.
        if (await UnfinishedLoadStepsAsync(cancellationToken) is > 0 and var steps)
        {
            LogUnfinishedLoad(logger, steps);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was made by the migrations before the baseline of December 2026: took it for the baseline")]
    private static partial void LogPreBaseline(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The derived tables' definitions (Sql/DerivedTables.sql, Sql/SearchSources.sql) were new or changed: made the tables and filled them from the postings")]
    private static partial void LogRebuilt(ILogger logger);

    private Task<long> UnfinishedLoadStepsAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM bulk_load_deferred").SingleAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "A bulk load was interrupted and left {Steps} index builds and autovacuum resets undone, so searches may be slow: " +
        "finish it with ./jobboard.sh finish-load (or the loader's finish command, JobBoard.Loader finish)")]
    private static partial void LogUnfinishedLoad(ILogger logger, long steps);
}
