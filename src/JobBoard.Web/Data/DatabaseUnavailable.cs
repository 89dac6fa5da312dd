using Npgsql;

namespace JobBoard.Web.Data;

/// <summary>
/// Tells a database that cannot be reached (down, restarting, refusing connections, out of connections) from a bug:
/// the first is answered 503 with the friendly "temporarily unavailable" page and a Retry-After, the second 500. Npgsql
/// marks the first kind transient, and EF Core wraps it when its retries run out.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>How long a client is asked to wait before trying again, in seconds.</summary>
    public const int RetryAfterSeconds = 30;

    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    public static int StatusCodeOf(Exception exception) =>
        Is(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
}
