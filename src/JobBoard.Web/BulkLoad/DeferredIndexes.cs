using Npgsql;

namespace JobBoard.Web.BulkLoad;

/// <summary>
/// The secondary indexes of the search and recommendation tables (<c>posting_search</c>, <c>posting_search_places</c>,
/// <c>posting_category_places</c>, <c>posting_category_lists</c>), dropped while an empty board is loaded and
/// built again afterwards from the definitions the catalog gave before the drop, so they come back exactly as the
/// migrations made them. Building a GIN index over a million search documents takes a fraction of the time that
/// inserting them one by one into a live index does. On a board that already has postings nothing is dropped: there,
/// rebuilding would cost more than maintaining.
/// </summary>
/// <remarks>
/// The drop is committed before the load, so the indexes are missing while it runs; they are rebuilt when the load
/// ends, also when it fails. Only a killed process leaves them missing: reapply them from
/// the search migrations (<c>SearchIndex</c>, <c>SearchPlaces</c>, <c>RecommendationCandidates</c>) or recreate the database before serving that board.
/// </remarks>
internal sealed class DeferredIndexes
{
    // Not posting_locations: posting_search_refresh reads each posting's places through its posting_id index.
    private const string Tables =
        "'posting_search'::regclass, 'posting_search_places'::regclass, 'posting_category_places'::regclass, 'posting_category_lists'::regclass";

    private readonly IReadOnlyList<(string Name, string Definition, string Method)> _dropped;

    private DeferredIndexes(IReadOnlyList<(string Name, string Definition, string Method)> dropped) => _dropped = dropped;

    public IReadOnlyList<string> Names => [.. _dropped.Select(index => index.Name)];

    public static async Task<DeferredIndexes> DropIfBoardEmptyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var empty = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM job_postings)", connection, transaction))
        {
            if (!(bool)(await empty.ExecuteScalarAsync(cancellationToken))!)
            {
                return new DeferredIndexes([]);
            }
        }

        var dropped = new List<(string Name, string Definition, string Method)>();
        await using (var list = new NpgsqlCommand(
            $"""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid),
                   (SELECT amname FROM pg_am JOIN pg_class ON pg_class.relam = pg_am.oid WHERE pg_class.oid = i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid IN ({Tables}) AND NOT i.indisprimary AND NOT i.indisunique
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY 3 DESC, 1
            """,
            connection,
            transaction))
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

        await transaction.CommitAsync(cancellationToken);
        return new DeferredIndexes(dropped);
    }

    /// <summary>
    /// Builds the dropped indexes again: each GiST and GIN index on a connection of its own, the quick B-trees one after
    /// another on one more. The three big builds take 20 to 30 s each at a million postings; two connections taking
    /// them in turn left a core idle for the last of them, while three at once keep both cores busy to the end.
    /// </summary>
    public async Task RebuildAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var slow = _dropped.Where(index => index.Method is "gist" or "gin").Select(index => new[] { index.Definition });
        var quick = _dropped.Where(index => index.Method is not ("gist" or "gin")).Select(index => index.Definition).ToArray();
        await Task.WhenAll(slow.Append(quick).Where(definitions => definitions.Length > 0).Select(definitions => Task.Run(() => BuildAsync(definitions), cancellationToken)));

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
