using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobBoard.Data;

/// <summary>
/// The context's own connection for hand-written SQL whose best plan depends on its parameters (searches), in a
/// transaction whose statements are each planned for their own values: prepared statements otherwise switch to one
/// generic plan after five runs, and a plan made for a rare word is a disaster for a common one. The setting is
/// <c>SET LOCAL</c>, so it ends with the transaction, which disposing this rolls back (nothing is written): connections go
/// back to the pool without Npgsql's reset, and the next user of this one gets PostgreSQL's default. The connection is
/// opened if it was not, and then closed again. EF queries of the context run inside the transaction too.
/// </summary>
/// <remarks>
/// Recommendation lists want generic plans and set them themselves (<c>RecommendedJobs</c>), in the same round trip as
/// their first statement, because every round trip is dear on a small machine (docs/benchmarks.md).
/// </remarks>
public sealed class CustomPlanConnection : IAsyncDisposable
{
    private readonly bool _opened;
    private readonly NpgsqlTransaction _transaction;

    private CustomPlanConnection(NpgsqlConnection connection, NpgsqlTransaction transaction, bool opened)
    {
        Connection = connection;
        _transaction = transaction;
        _opened = opened;
    }

    public NpgsqlConnection Connection { get; }

    public static async Task<CustomPlanConnection> BeginAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        NpgsqlTransaction? transaction = null;
        try
        {
            // Npgsql sends BEGIN with the next statement, so the transaction costs no round trip of its own.
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var customPlans = new NpgsqlCommand("SET LOCAL plan_cache_mode = force_custom_plan", connection, transaction);
            await customPlans.ExecuteNonQueryAsync(cancellationToken);
            return new CustomPlanConnection(connection, transaction, opened);
        }
        catch
        {
            try
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync();
                }
            }
            finally
            {
                if (opened)
                {
                    await connection.CloseAsync();
                }
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync();
        }
        finally
        {
            if (_opened)
            {
                await Connection.CloseAsync();
            }
        }
    }
}
