using JobBoard.Data;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Data;

/// <summary>
/// Brings the database up to date when the app starts, if Database:Migrate says so (Development, Testing and
/// <c>./jobboard.sh run</c>), or when the app runs its <c>migrate</c> command. Otherwise, as in production, where several
/// instances start against one database and a release migrates once by command, an out-of-date database stops the
/// start: an instance never serves a schema it was not built for. Demo data and bulk loads are the loader's
/// (src/JobBoard.Loader, which <c>./jobboard.sh run</c> calls before serving).
/// </summary>
public sealed partial class DatabaseStartup(JobBoardDbContext db, IConfiguration configuration, ILogger<DatabaseStartup> logger)
{
    public const string MigrateCommand = "./jobboard.sh migrate (or JobBoard.Web migrate, as the migrate service of docker-compose.yml runs it)";

    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(migrate: false, cancellationToken);

    /// <param name="migrate">Bring the schema up to date whatever Database:Migrate says: the migrate command.</param>
    /// <param name="cancellationToken">Stops the start-up.</param>
    public async Task RunAsync(bool migrate, CancellationToken cancellationToken)
    {
        if (migrate || configuration.GetValue("Database:Migrate", false))
        {
            var pending = await SchemaDefinitions.PendingAsync(db, cancellationToken);
            if (pending.Count > 0)
            {
                LogMigrating(logger, pending);
            }

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
        else if (await SchemaDefinitions.PendingAsync(db, cancellationToken) is { Count: > 0 } pending)
        {
            var what = string.Join(", ", pending);
            LogOutOfDate(logger, what, MigrateCommand);
            throw new InvalidOperationException(
                $"The database is not up to date ({what}) and this instance does not migrate it (Database:Migrate is false): " +
                $"run {MigrateCommand} once, then start the instances.");
        }

        // A bulk load killed half way leaves indexes dropped and autovacuum paused. Finishing it is the loader's job (it
        // runs the index definitions it recorded); the app only says so, and serves meanwhile, slower.
        if (await UnfinishedLoadStepsAsync(cancellationToken) is > 0 and var steps)
        {
            LogUnfinishedLoad(logger, steps);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bringing the database up to date: {Pending}")]
    private static partial void LogMigrating(ILogger logger, IReadOnlyList<string> pending);

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "The database is not up to date ({Pending}) and Database:Migrate is false, so this instance will not start: run {Command} once, then start the instances")]
    private static partial void LogOutOfDate(ILogger logger, string pending, string command);

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
