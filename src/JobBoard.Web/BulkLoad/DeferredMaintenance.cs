using Npgsql;

namespace JobBoard.Web.BulkLoad;

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
/// The drop is committed before the load, so the indexes are missing while it runs; they are rebuilt, and autovacuum
/// resumed, when the load ends, also when it fails. Only a killed process leaves them missing: reapply them from the
/// migrations or recreate the database before serving that board.
/// </remarks>
internal sealed class DeferredMaintenance
{
    private static readonly string[] Tables =
    [
        "job_postings", "posting_locations", "posting_categories", "posting_skills", "posting_status_changes",
        "posting_search", "posting_search_places", "posting_category_places", "posting_category_lists",
    ];

    private readonly IReadOnlyList<(string Name, string Definition, string Method)> _dropped;

    private DeferredMaintenance(IReadOnlyList<(string Name, string Definition, string Method)> dropped) => _dropped = dropped;

    public IReadOnlyList<string> IndexNames => [.. _dropped.Select(index => index.Name)];

    public bool IsDeferring => _dropped.Count > 0;

    public static async Task<DeferredMaintenance> DeferIfBoardEmptyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var empty = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM job_postings)", connection, transaction))
        {
            if (!(bool)(await empty.ExecuteScalarAsync(cancellationToken))!)
            {
                return new DeferredMaintenance([]);
            }
        }

        var dropped = new List<(string Name, string Definition, string Method)>();
        await using (var list = new NpgsqlCommand(
            $"""
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
                dropped.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (name, _, _) in dropped)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX {name}", connection, transaction);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var pause = new NpgsqlCommand(string.Concat(Tables.Select(t => $"ALTER TABLE {t} SET (autovacuum_enabled = false);")), connection, transaction))
        {
            await pause.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new DeferredMaintenance(dropped);
    }

    /// <summary>
    /// Builds the dropped indexes again: each GiST and GIN index on a connection of its own, the quick B-trees one after
    /// another on one more. The three big builds take 20 to 30 s each at a million postings; two connections taking
    /// them in turn left a core idle for the last of them, while three at once keep both cores busy to the end.
    /// Then autovacuum resumes on the loaded tables.
    /// </summary>
    public async Task RebuildAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!IsDeferring)
        {
            return;
        }

        var slow = _dropped.Where(index => index.Method is "gist" or "gin").Select(index => new[] { index.Definition });
        var quick = _dropped.Where(index => index.Method is not ("gist" or "gin")).Select(index => index.Definition).ToArray();
        await Task.WhenAll(slow.Append(quick).Where(definitions => definitions.Length > 0).Select(definitions => Task.Run(() => BuildAsync(definitions), cancellationToken)));
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var resume = new NpgsqlCommand(string.Concat(Tables.Select(t => $"ALTER TABLE {t} RESET (autovacuum_enabled);")), connection))
        {
            await resume.ExecuteNonQueryAsync(cancellationToken);
        }

        async Task BuildAsync(IEnumerable<string> definitions)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            // A GIN build over a million documents runs a fifth faster with its entries collected in 1 GB rather than the
            // default 64 MB; memory is only taken as needed, and the setting goes with the connection.
            await using (var memory = new NpgsqlCommand(
                $"SET maintenance_work_mem = '1GB'; SET application_name = '{SyntheticBoardBulkLoader.ApplicationName}: indexes'", connection))
            {
                await memory.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var definition in definitions)
            {
                await using var create = new NpgsqlCommand(definition, connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
