using Npgsql;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// Work put off while an empty board is loaded: the secondary (non-unique) indexes of the tables the loader writes are
/// dropped and built again afterwards from the definitions the catalog gave before the drop, so they come back exactly
/// as the migrations made them, and autovacuum is paused on those tables. Building an index over a million rows takes a
/// fraction of the time that inserting them one by one into a live index does, and autovacuum would otherwise vacuum
/// and analyze each growing table again and again (10 CPU-seconds over a million postings) while the loader analyzes
/// them once at the end. On a board that already has postings nothing is put off: there, rebuilding would cost more
/// than maintaining.
/// </summary>
/// <remarks>
/// What is put off is written down, in the same transaction as the drop, in <c>bulk_load_deferred</c>: one statement
/// per row that undoes it (the index's definition, or the <c>ALTER TABLE</c> that resumes autovacuum), deleted as it
/// is carried out. A load holds an advisory lock while it runs; when its process is killed, the lock goes with its
/// connection and the rows stay, and the loader's next run (<see cref="ResumeInterruptedAsync"/>: every command starts
/// with it) carries them out. Only the loader runs these statements; the web app merely warns that they wait.
/// </remarks>
internal sealed class DeferredMaintenance
{
    /// <summary>The advisory lock a load holds while anything is put off (an arbitrary number of this app's).</summary>
    private const long LoadLock = 7_301_202_612;

    private const string TableMethod = "table";

    private static readonly string[] Tables =
    [
        "job_postings", "posting_locations", "posting_categories", "posting_skills", "posting_status_changes",
        "posting_search", "posting_search_places", "posting_category_places", "posting_category_lists",
    ];

    private readonly IReadOnlyList<(string Name, string Statement, string Method)> _deferred;

    private DeferredMaintenance(IReadOnlyList<(string Name, string Statement, string Method)> deferred) => _deferred = deferred;

    public IReadOnlyList<string> IndexNames => [.. _deferred.Where(d => d.Method != TableMethod).Select(d => d.Name)];

    public bool IsDeferring => _deferred.Count > 0;

    /// <summary>
    /// Takes the load lock on <paramref name="connection"/> (waiting for another load to finish), which must stay open
    /// until the load has restored what it put off; finishes what an interrupted load left; then, if the board is empty,
    /// drops the indexes and pauses autovacuum.
    /// </summary>
    public static async Task<DeferredMaintenance> DeferIfBoardEmptyAsync(
        NpgsqlConnection connection, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using (var wait = new NpgsqlCommand($"SELECT pg_advisory_lock({LoadLock})", connection))
        {
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await (await ReadAsync(connection, cancellationToken)).RestoreAsync(dataSource, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var empty = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM job_postings)", connection, transaction))
        {
            if (!(bool)(await empty.ExecuteScalarAsync(cancellationToken))!)
            {
                return new DeferredMaintenance([]);
            }
        }

        var deferred = new List<(string Name, string Statement, string Method)>();
        await using (var list = new NpgsqlCommand(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid),
                   (SELECT amname FROM pg_am JOIN pg_class ON pg_class.relam = pg_am.oid WHERE pg_class.oid = i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid::regclass::text = ANY (@tables) AND NOT i.indisprimary AND NOT i.indisunique
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY 3 DESC, 1
            """,
            connection,
            transaction)
        { Parameters = { new NpgsqlParameter<string[]>("tables", Tables) } })
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                deferred.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        deferred.AddRange(Tables.Select(t => ($"autovacuum:{t}", $"ALTER TABLE {t} RESET (autovacuum_enabled)", TableMethod)));
        await using (var record = new NpgsqlCommand("INSERT INTO bulk_load_deferred (name, statement, method) SELECT * FROM unnest(@names, @statements, @methods)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter<string[]>("names", [.. deferred.Select(d => d.Name)]));
            record.Parameters.Add(new NpgsqlParameter<string[]>("statements", [.. deferred.Select(d => d.Statement)]));
            record.Parameters.Add(new NpgsqlParameter<string[]>("methods", [.. deferred.Select(d => d.Method)]));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        var drop = string.Concat(deferred.Where(d => d.Method != TableMethod).Select(d => $"DROP INDEX {d.Name};"))
            + string.Concat(Tables.Select(t => $"ALTER TABLE {t} SET (autovacuum_enabled = false);"));
        await using (var put = new NpgsqlCommand(drop, connection, transaction))
        {
            await put.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new DeferredMaintenance(deferred);
    }

    /// <summary>
    /// Carries out what a killed load left undone and returns how many statements it ran; null when a load is running
    /// now (it holds the lock, and will restore what it put off itself).
    /// </summary>
    public static async Task<int?> ResumeInterruptedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('bulk_load_deferred') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return 0;
            }
        }

        await using (var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LoadLock})", connection))
        {
            if (!(bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
            {
                return null;
            }
        }

        try
        {
            var interrupted = await ReadAsync(connection, cancellationToken);
            await interrupted.RestoreAsync(dataSource, cancellationToken);
            return interrupted._deferred.Count;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LoadLock})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<DeferredMaintenance> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var deferred = new List<(string Name, string Statement, string Method)>();
        await using var list = new NpgsqlCommand("SELECT name, statement, method FROM bulk_load_deferred ORDER BY method DESC, name", connection);
        await using var reader = await list.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deferred.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return new DeferredMaintenance(deferred);
    }

    /// <summary>
    /// Builds the dropped indexes again: each GiST and GIN index on a connection of its own, the quick B-trees one after
    /// another on one more. The three big builds take 20 to 30 s each at a million postings; two connections taking
    /// them in turn left a core idle for the last of them, while three at once keep both cores busy to the end.
    /// Then autovacuum resumes on the loaded tables. Each statement's record goes as it is carried out.
    /// </summary>
    public async Task RestoreAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!IsDeferring)
        {
            return;
        }

        var indexes = _deferred.Where(d => d.Method != TableMethod).ToList();
        var slow = indexes.Where(d => d.Method is "gist" or "gin").Select(d => new[] { d });
        var quick = indexes.Where(d => d.Method is not ("gist" or "gin")).ToArray();
        await Task.WhenAll(slow.Append(quick).Where(group => group.Length > 0).Select(group => Task.Run(() => RunAsync(group), cancellationToken)));
        await RunAsync([.. _deferred.Where(d => d.Method == TableMethod)]);

        async Task RunAsync(IEnumerable<(string Name, string Statement, string Method)> statements)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            // A GIN build over a million documents runs a fifth faster with its entries collected in 1 GB rather than the
            // default 64 MB; memory is only taken as needed, and the setting goes with the connection.
            await using (var memory = new NpgsqlCommand(
                $"SET maintenance_work_mem = '1GB'; SET application_name = '{SyntheticBoardBulkLoader.ApplicationName}: indexes'", connection))
            {
                await memory.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var (name, statement, method) in statements)
            {
                // An index the interrupted run had already rebuilt is there: IF NOT EXISTS passes over it.
                var sql = method == TableMethod ? statement : statement.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
                await using var run = new NpgsqlCommand($"{sql}; DELETE FROM bulk_load_deferred WHERE name = @name", connection);
                run.Parameters.Add(new NpgsqlParameter<string>("name", name));
                await run.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
