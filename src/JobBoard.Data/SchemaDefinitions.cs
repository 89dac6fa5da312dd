using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JobBoard.Data;

/// <summary>
/// Brings a database up to date: the EF migrations (the tables of the model), then the files in <c>Sql/</c>, which hold
/// the one current definition of every view, function, trigger and derived table. The files are applied the way
/// Flyway applies "repeatable" migrations: whenever one differs from what the database last got (a SHA-256 per file in
/// <c>schema_definitions</c>), every view, function and trigger is dropped and made again from the files, in one
/// transaction. When <c>DerivedTables.sql</c> or <c>SearchSources.sql</c> changed, the derived tables are also made
/// again and refilled from the views, since their rows depend on both. So a new database and an upgraded one end up
/// with the same definitions, and a change to a view is an edit of its file, not a migration.
/// </summary>
public static class SchemaDefinitions
{
    /// <summary>In the order they are applied: the tables, the views that fill them, the functions and triggers that keep them.</summary>
    public static readonly IReadOnlyList<string> Files = ["DerivedTables.sql", "SearchSources.sql", "SearchUpkeep.sql"];

    /// <summary>The last of the migrations the baseline replaced: a database that has it has the baseline's tables.</summary>
    internal const string LastPreBaselineMigration = "20261207005424_PlaceCellsKnowTheirCity";

    /// <summary>The files the derived rows depend on: a change to either rebuilds them.</summary>
    private static readonly string[] RowDefinitionFiles = ["DerivedTables.sql", "SearchSources.sql"];

    // Any constant: start-ups of several app instances apply the files one at a time.
    private const long ApplyLock = 0x4A6F62426F617264;

    /// <summary>The migrations, then the definitions; what it did, for the caller to log.</summary>
    public static async Task<SchemaUpgrade> UpgradeAsync(JobBoardDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        // Creating the history table first spares a fresh database the provider's logged "relation does not exist"
        // error, which is harmless but reads like a failure (npgsql/efcore.pg#3407).
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var replacedHistory = await AdoptPreBaselineHistoryAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var (applied, rebuilt) = await ApplyAsync(db, cancellationToken);
        return new SchemaUpgrade(replacedHistory, applied, rebuilt);
    }

    /// <summary>
    /// What <see cref="UpgradeAsync"/> would do, without doing it: the migrations not applied yet, then the files in
    /// <c>Sql/</c> that differ from what the database last got. Empty when the database is up to date.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(JobBoardDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        var checksums = Checksums(Files.Select(f => (f, Read(f))));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var exists = connection.CreateCommand();
            // Asked first: EF logs an error for a history table that is not there (npgsql/efcore.pg#3407).
            exists.CommandText = """SELECT to_regclass('"__EFMigrationsHistory"') IS NOT NULL, to_regclass('schema_definitions') IS NOT NULL""";
            bool hasHistory, hasDefinitions;
            await using (var reader = await exists.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                (hasHistory, hasDefinitions) = (reader.GetBoolean(0), reader.GetBoolean(1));
            }

            var migrations = hasHistory ? await db.Database.GetPendingMigrationsAsync(cancellationToken) : db.Database.GetMigrations();
            var recorded = hasDefinitions ? await RecordedChecksumsAsync(connection, cancellationToken) : [];
            return
            [
                .. migrations.Select(id => $"migration {id}"),
                .. Files.Where(f => recorded.GetValueOrDefault(f) != checksums[f]).Select(f => $"Sql/{f}"),
            ];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Dictionary<string, string> Checksums(IEnumerable<(string Name, string Text)> files) =>
        files.ToDictionary(f => f.Name, f => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(f.Text))));

    /// <summary>The text of one of <see cref="Files"/>.</summary>
    private static string Read(string file)
    {
        using var stream = typeof(SchemaDefinitions).Assembly.GetManifestResourceStream($"JobBoard.Data.Sql.{file}")
            ?? throw new ArgumentException($"No definition file {file}.", nameof(file));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>
    /// A database made by the eleven migrations the baseline replaced has the baseline's tables: its history is
    /// rewritten to say so, and its derived tables are rebuilt by <see cref="ApplyAsync"/> (it has no checksums). One
    /// that stopped half way through them cannot be brought up to date by this build, and says so.
    /// </summary>
    private static async Task<bool> AdoptPreBaselineHistoryAsync(JobBoardDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count == 0)
        {
            return false;
        }

        if (!unknown.Contains(LastPreBaselineMigration) || applied.Any(known.Contains))
        {
            throw new InvalidOperationException(
                $"The database has migrations this build does not know ({string.Join(", ", unknown)}). A database made before the " +
                "migrations were squashed (December 2026) must have all of them, up to " + LastPreBaselineMigration + ", to be taken " +
                "over: start it once with a build from before then, or delete it (for the private PostgreSQL, ./jobboard.sh stop-db " +
                "and remove the data directory) and let the app make a new one.");
        }

        var history = db.GetService<IHistoryRepository>();
        var baseline = db.Database.GetMigrations().First();
        var script = string.Concat(unknown.Select(history.GetDeleteScript)) + history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion()));
        await db.Database.ExecuteSqlRawAsync(script, cancellationToken);
        return true;
    }

    /// <summary>Applies the files if any differs from what the database last got; whether it did, and whether it rebuilt the derived rows.</summary>
    private static async Task<(bool Applied, bool Rebuilt)> ApplyAsync(JobBoardDbContext db, CancellationToken cancellationToken)
    {
        var files = Files.Select(f => (Name: f, Text: Read(f))).ToList();
        var checksums = Checksums(files);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            await ExecuteAsync(connection, $"""
                SELECT pg_advisory_xact_lock({ApplyLock});
                CREATE TABLE IF NOT EXISTS schema_definitions (file text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL);
                """, cancellationToken);
            var recorded = await RecordedChecksumsAsync(connection, cancellationToken);
            if (files.All(f => recorded.GetValueOrDefault(f.Name) == checksums[f.Name]))
            {
                return (false, false);
            }

            var rebuild = RowDefinitionFiles.Any(f => recorded.GetValueOrDefault(f) != checksums[f]);
            await ExecuteAsync(connection, await DropDefinitionsScriptAsync(connection, cancellationToken), cancellationToken);
            foreach (var (name, text) in files)
            {
                if (name == "DerivedTables.sql" && !rebuild)
                {
                    continue;
                }

                await ExecuteAsync(connection, text, cancellationToken);
            }

            if (rebuild)
            {
                await ExecuteAsync(connection, RefillDerivedRows, cancellationToken);
            }

            foreach (var (name, _) in files)
            {
                await ExecuteAsync(connection, $"""
                    INSERT INTO schema_definitions VALUES ('{name}', '{checksums[name]}', now())
                    ON CONFLICT (file) DO UPDATE SET checksum = excluded.checksum, applied_at = excluded.applied_at
                    """, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return (true, rebuild);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Every row the views compute, set-based, as a new database would have them after its first saves. The upkeep
    /// triggers are off meanwhile, and the suggestions are counted once at the end.
    /// </summary>
    private const string RefillDerivedRows = """
        SELECT set_config('jobboard.bulk_load', 'on', true);
        INSERT INTO search_keys (kind, value) SELECT DISTINCT kind, value FROM search_key_values ORDER BY kind, value;
        INSERT INTO posting_search SELECT * FROM posting_search_source;
        INSERT INTO posting_search_places SELECT * FROM posting_search_places_source;
        INSERT INTO posting_category_places SELECT * FROM posting_category_places_source;
        INSERT INTO posting_category_lists SELECT * FROM posting_category_lists_source;
        SELECT search_suggestions_refresh();
        ANALYZE search_keys, posting_search, posting_search_places, posting_category_places, posting_category_lists, search_suggestions;
        """;

    /// <summary>
    /// Drops every trigger, view, function and text search configuration of the public schema that no extension owns:
    /// whatever the files defined, including what a newer file no longer defines. Nothing is dropped in cascade, so an
    /// index or table that came to depend on one of them stops the upgrade instead of vanishing with it.
    /// </summary>
    private static async Task<string> DropDefinitionsScriptAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        const string Script = """
            WITH own AS (
                SELECT objid, classid FROM pg_depend WHERE deptype = 'e')
            SELECT concat_ws(E'\n',
                (SELECT string_agg(format('DROP TRIGGER %I ON %s;', t.tgname, t.tgrelid::regclass), E'\n' ORDER BY t.tgname, t.tgrelid::regclass::text)
                 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                 WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal),
                (SELECT 'DROP VIEW ' || string_agg(c.oid::regclass::text, ', ' ORDER BY c.relname) || ';'
                 FROM pg_class c
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'
                   AND NOT EXISTS (SELECT 1 FROM own WHERE own.classid = 'pg_class'::regclass AND own.objid = c.oid)),
                (SELECT 'DROP ROUTINE ' || string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.proname) || ';'
                 FROM pg_proc p
                 WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')
                   AND NOT EXISTS (SELECT 1 FROM own WHERE own.classid = 'pg_proc'::regclass AND own.objid = p.oid)),
                (SELECT 'DROP TEXT SEARCH CONFIGURATION ' || string_agg(format('%I', t.cfgname), ', ') || ';'
                 FROM pg_ts_config t
                 WHERE t.cfgnamespace = 'public'::regnamespace
                   AND NOT EXISTS (SELECT 1 FROM own WHERE own.classid = 'pg_ts_config'::regclass AND own.objid = t.oid)))
            """;
        await using var command = connection.CreateCommand();
        command.CommandText = Script;
        return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? string.Empty;
    }

    private static async Task<Dictionary<string, string>> RecordedChecksumsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var recorded = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT file, checksum FROM schema_definitions";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recorded[reader.GetString(0)] = reader.GetString(1);
        }

        return recorded;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        // Rebuilding the derived rows of a large board outlasts any sensible command timeout.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What <see cref="SchemaDefinitions.UpgradeAsync"/> did.</summary>
/// <param name="ReplacedPreBaselineHistory">The database was made by the migrations the baseline replaced, and is now taken for the baseline.</param>
/// <param name="AppliedDefinitions">Some file in <c>Sql/</c> had changed, and all were applied again.</param>
/// <param name="RebuiltDerivedRows">The derived tables were made again and refilled from the views.</param>
public sealed record SchemaUpgrade(bool ReplacedPreBaselineHistory, bool AppliedDefinitions, bool RebuiltDerivedRows);
