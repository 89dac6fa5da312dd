using JobBoard.Loader.BulkLoad;
using JobBoard.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace JobBoard.Tests.BulkLoad;

/// <summary>
/// The bulk loader encodes its rows itself (<see cref="BinaryCopy"/>). Each value it sends must arrive as the same value
/// Npgsql's own parameter encoding gives, text and display scale included, also for values the synthetic board never
/// has: negative and fractional amounts, zero, the largest decimal, empty arrays, non-ASCII text.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class BinaryCopyTests(JobBoardApp app)
{
    public static TheoryData<decimal> Amounts => new()
    {
        0m, 1m, -1m, 0.5m, 1.10m, 10_000m, 100_000_000m, 123_456.78m, -9_999.9999m, 0.00005m, 12_345_678_901_234.56m,
        decimal.MaxValue, decimal.MinValue, 79_228.162514264337593543950335m,
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public async Task A_numeric_arrives_as_the_same_number_with_the_same_scale(decimal amount)
    {
        await using var connection = await OpenWithTableAsync("amount numeric");
        await using (var copy = await BinaryCopy.BeginAsync(connection, "COPY copied FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            copy.Row(1).Numeric(amount);
            await copy.CompleteAsync(CancellationToken.None);
        }

        await using var compare = new NpgsqlCommand("SELECT amount::text, @amount::text, amount = @amount FROM copied", connection);
        compare.Parameters.Add(new NpgsqlParameter<decimal>("amount", amount));
        await using var reader = await compare.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        reader.GetString(0).Should().Be(reader.GetString(1));
        reader.GetBoolean(2).Should().BeTrue();
    }

    [Fact]
    public async Task Every_kind_of_field_arrives_as_Npgsql_would_have_sent_it()
    {
        await using var connection = await OpenWithTableAsync(
            "s smallint, i integer, l bigint, d double precision, b boolean, t text, v varchar(20), day date, at timestamptz, "
            + "ids integer[], none integer[], xs double precision[], names text[], no_names text[], doc jsonb, missing text, money numeric(14,2)");
        var at = new DateTimeOffset(2026, 12, 6, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var day = new DateOnly(1999, 12, 31);
        string[] names = ["Iași", "Zürich \"HQ\"", "a\\b", string.Empty];
        await using (var copy = await BinaryCopy.BeginAsync(connection, "COPY copied FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            copy.Row(17).Int16(-7).Int32(int.MinValue).Int64(long.MaxValue).Float8(-0.1).Bool(true).Text("Timișoara — 50 km\tnorth\n")
                .Text("OnSite").Date(day).TimestampTz(at).Int32Array([3, 1, 2]).Int32Array([]).Float8Array([44.43, -26.1])
                .TextArray(names).TextArray([]).Jsonb("""[{"Text": "C# & .NET", "Years": 5}]"""u8).Text(null).Numeric(120_000.5m);
            await copy.CompleteAsync(CancellationToken.None);
        }

        await using var compare = new NpgsqlCommand(
            """
            SELECT (s, i, l, d, b, t, v, day, at, ids, none, xs, names, no_names, doc, missing, money)
                IS NOT DISTINCT FROM (@s, @i, @l, @d, @b, @t, @v, @day, @at, @ids, @none, @xs, @names, @no_names, @doc, NULL::text, @money::numeric(14,2))
            FROM copied
            """,
            connection);
        compare.Parameters.Add(new NpgsqlParameter<short>("s", -7));
        compare.Parameters.Add(new NpgsqlParameter<int>("i", int.MinValue));
        compare.Parameters.Add(new NpgsqlParameter<long>("l", long.MaxValue));
        compare.Parameters.Add(new NpgsqlParameter<double>("d", -0.1));
        compare.Parameters.Add(new NpgsqlParameter<bool>("b", true));
        compare.Parameters.Add(new NpgsqlParameter<string>("t", "Timișoara — 50 km\tnorth\n"));
        compare.Parameters.Add(new NpgsqlParameter<string>("v", "OnSite") { NpgsqlDbType = NpgsqlDbType.Varchar });
        compare.Parameters.Add(new NpgsqlParameter<DateOnly>("day", day));
        compare.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at.ToUniversalTime()));
        compare.Parameters.Add(new NpgsqlParameter<int[]>("ids", [3, 1, 2]));
        compare.Parameters.Add(new NpgsqlParameter<int[]>("none", []));
        compare.Parameters.Add(new NpgsqlParameter<double[]>("xs", [44.43, -26.1]));
        compare.Parameters.Add(new NpgsqlParameter<string[]>("names", names));
        compare.Parameters.Add(new NpgsqlParameter<string[]>("no_names", []));
        compare.Parameters.Add(new NpgsqlParameter<string>("doc", """[{"Text": "C# & .NET", "Years": 5}]""") { NpgsqlDbType = NpgsqlDbType.Jsonb });
        compare.Parameters.Add(new NpgsqlParameter<decimal>("money", 120_000.5m));
        (await compare.ExecuteScalarAsync()).Should().Be(true);
    }

    [Fact]
    public async Task A_copy_given_up_before_it_completes_stores_nothing()
    {
        await using var connection = await OpenWithTableAsync("i integer");
        await using (var copy = await BinaryCopy.BeginAsync(connection, "COPY copied FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            copy.Row(1).Int32(1);
            await copy.EndRowAsync(CancellationToken.None);
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM copied", connection);
        (await count.ExecuteScalarAsync()).Should().Be(0L, "disposing without completing cancels the COPY, and the connection stays usable");
    }

    private async Task<NpgsqlConnection> OpenWithTableAsync(string columns)
    {
        var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE TEMP TABLE copied ({columns})", connection);
        await create.ExecuteNonQueryAsync();
        return connection;
    }
}
