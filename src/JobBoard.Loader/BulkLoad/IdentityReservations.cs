using Npgsql;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// Reserves blocks of ids from the identity sequences of job_postings, posting_locations and posting_status_changes,
/// so a batch can be written with its ids and its children can name their posting in the same pass. A block is taken
/// with one <c>setval(nextval() + n - 1)</c> under the lock of a no-op <c>ALTER SEQUENCE</c>, which nextval() in
/// other sessions waits for: no insert of the app can draw an id inside a reserved block, and the sequences end where
/// the rows do.
/// </summary>
internal sealed class IdentityReservations
{
    private const string PostingSequence = "pg_get_serial_sequence('job_postings', 'id')";
    private const string LocationSequence = "pg_get_serial_sequence('posting_locations', 'id')";
    private const string StatusChangeSequence = "pg_get_serial_sequence('posting_status_changes', 'id')";

    private readonly NpgsqlConnection _connection;
    private readonly string _lockSequences;
    private readonly string _reserve;

    private IdentityReservations(NpgsqlConnection connection, IReadOnlyList<string> sequences)
    {
        _connection = connection;
        // INCREMENT BY 1 changes nothing (CreateAsync checks it) but takes the lock nextval() waits for.
        _lockSequences = string.Concat(sequences.Select(sequence => $"ALTER SEQUENCE {sequence} INCREMENT BY 1;"));
        _reserve = $"SELECT {Reserve(sequences[0], "@postings")}, {Reserve(sequences[1], "@locations")}, {Reserve(sequences[2], "@statusChanges")}";
    }

    /// <summary>Reserves on <paramref name="connection"/>, which must stay free of other work while this is in use.</summary>
    public static async Task<IdentityReservations> CreateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT s.sequence, q.increment_by
            FROM unnest(array[{PostingSequence}, {LocationSequence}, {StatusChangeSequence}]) WITH ORDINALITY AS s (sequence, n)
            JOIN pg_sequences q ON format('%I.%I', q.schemaname, q.sequencename)::regclass = s.sequence::regclass
            ORDER BY s.n
            """,
            connection);
        var sequences = new List<string>(3);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetInt64(1) != 1)
                {
                    throw new InvalidOperationException($"The sequence {reader.GetString(0)} counts in steps of {reader.GetInt64(1)}; the bulk loader needs steps of 1.");
                }

                sequences.Add(reader.GetString(0));
            }
        }

        if (sequences.Count != 3)
        {
            throw new InvalidOperationException("job_postings, posting_locations or posting_status_changes has no identity sequence.");
        }

        return new IdentityReservations(connection, sequences);
    }

    /// <summary>Reserves the ids of one batch and returns the first id of each block.</summary>
    public async Task<(int FirstPosting, int FirstLocation, long FirstStatusChange)> ReserveAsync(
        int postings, int locations, int statusChanges, CancellationToken cancellationToken)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        await using (var lockSequences = new NpgsqlCommand(_lockSequences, _connection, transaction))
        {
            await lockSequences.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var reserve = new NpgsqlCommand(_reserve, _connection, transaction)
        {
            Parameters =
            {
                new("postings", (long)postings),
                new("locations", (long)locations),
                new("statusChanges", (long)statusChanges),
            },
        };
        await using var reader = await reserve.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var firsts = (checked((int)reader.GetInt64(0)), checked((int)reader.GetInt64(1)), reader.GetInt64(2));
        await reader.CloseAsync();
        await transaction.CommitAsync(cancellationToken);
        return firsts;
    }

    /// <summary>The first id of a block of <paramref name="count"/>; a count of 0 reserves nothing.</summary>
    private static string Reserve(string sequence, string count)
    {
        var name = $"'{sequence.Replace("'", "''", StringComparison.Ordinal)}'";
        return $"CASE WHEN {count} = 0 THEN 0 ELSE setval({name}, nextval({name}) + {count} - 1) - {count} + 1 END";
    }
}
