using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobBoard.Data;

/// <summary>
/// The context's own connection for hand-written SQL whose best plan depends on its parameters (searches): opened if
/// it was not (and closed again when disposed), with every statement planned for its own values. Prepared statements
/// otherwise switch to one generic plan after five runs, and a plan made for a rare word is a disaster for a common one.
/// The setting is undone when this is disposed: connections go back to the pool without Npgsql's reset (see
/// Program.cs), so nothing else is left planning every statement.
/// </summary>
/// <remarks>
/// Recommendation lists want the opposite setting and set it themselves (<c>RecommendedJobs</c>), in the
/// same round trip as their first statement: done here, as a statement of its own, it cost them about 15% of their
/// throughput under load (interleaved runs, 2 cores), because every round trip is dear on a small virtual machine.
/// </remarks>
public sealed class CustomPlanConnection : IAsyncDisposable
{
    private readonly bool _opened;

    private CustomPlanConnection(NpgsqlConnection connection, bool opened)
    {
        Connection = connection;
        _opened = opened;
    }

    public NpgsqlConnection Connection { get; }

    public static async Task<CustomPlanConnection> OpenAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        var session = new CustomPlanConnection(connection, opened);
        try
        {
            await using var customPlans = new NpgsqlCommand("SET plan_cache_mode = force_custom_plan", connection);
            await customPlans.ExecuteNonQueryAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Connection.State == ConnectionState.Open)
            {
                await using var defaultPlans = new NpgsqlCommand("RESET plan_cache_mode", Connection);
                await defaultPlans.ExecuteNonQueryAsync();
            }
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
