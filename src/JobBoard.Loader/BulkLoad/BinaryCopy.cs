using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// One <c>COPY … FROM STDIN (FORMAT BINARY)</c>, its rows encoded here field by field in PostgreSQL's binary formats
/// (those of each type's receive function) and sent through Npgsql's raw binary COPY whenever the buffer fills.
/// Npgsql's <see cref="NpgsqlBinaryImporter"/> binds a parameter for every field it writes, and a million postings
/// have some 135 million fields: that took a fifth of the loader's CPU. Nothing is checked here that the server does
/// not check again: a value of the wrong type or length fails the COPY (the bulk-load tests compare every column
/// with what EF and the views store). Dispose without <see cref="CompleteAsync"/> cancels the COPY.
/// </summary>
internal sealed class BinaryCopy : IAsyncDisposable
{
    /// <summary>Element types of the arrays written, as array_recv checks them (pg_type OIDs).</summary>
    private const int Int4Oid = 23;
    private const int TextOid = 25;
    private const int Float8Oid = 701;

    private const int FlushAt = 60 * 1024;

    /// <summary>Microseconds and days since 2000-01-01, PostgreSQL's epoch for timestamps and dates.</summary>
    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private static readonly UInt128[] PowersOfTen = [1, 10, 100, 1000];

    private readonly NpgsqlRawCopyStream _stream;
    private byte[] _buffer = new byte[FlushAt + 16 * 1024];
    private int _length;
    private bool _completed;

    private BinaryCopy(NpgsqlRawCopyStream stream)
    {
        _stream = stream;
        // The signature, no flags, no header extension.
        ReadOnlySpan<byte> header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
        header.CopyTo(Reserve(header.Length));
    }

    /// <summary>Runs one COPY: the rows of each item in turn, sent whenever the buffer fills between items.</summary>
    public static async Task CopyAsync<T>(
        NpgsqlConnection connection, string copy, IEnumerable<T> items, Action<BinaryCopy, T> writeRows, CancellationToken cancellationToken)
    {
        await using var rows = await BeginAsync(connection, copy, cancellationToken);
        foreach (var item in items)
        {
            writeRows(rows, item);
            await rows.EndRowAsync(cancellationToken);
        }

        await rows.CompleteAsync(cancellationToken);
    }

    public static async Task<BinaryCopy> BeginAsync(NpgsqlConnection connection, string copy, CancellationToken cancellationToken) =>
        new(await connection.BeginRawBinaryCopyAsync(copy, cancellationToken));

    /// <summary>Starts a row of so many fields; each is then written in the COPY's column order.</summary>
    public BinaryCopy Row(short fields)
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), fields);
        return this;
    }

    /// <summary>Sends what is buffered once it is enough for a network write; call between rows (or groups of them).</summary>
    public ValueTask EndRowAsync(CancellationToken cancellationToken) =>
        _length >= FlushAt ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
        await FlushAsync(cancellationToken);
        _completed = true;
        await _stream.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            _completed = true;
            try
            {
                await _stream.CancelAsync();
                await _stream.DisposeAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException)
            {
                // The COPY failed or the connection broke before: its transaction is lost either way, and the exception
                // that got us here is the one to report, not this one.
            }
        }
    }

    public BinaryCopy Null()
    {
        BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);
        return this;
    }

    public BinaryCopy Int16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(Field(2), value);
        return this;
    }

    public BinaryCopy Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Field(4), value);
        return this;
    }

    public BinaryCopy Int32(int? value) => value is { } present ? Int32(present) : Null();

    public BinaryCopy Int64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(Field(8), value);
        return this;
    }

    public BinaryCopy Float8(double value)
    {
        BinaryPrimitives.WriteDoubleBigEndian(Field(8), value);
        return this;
    }

    public BinaryCopy Float8(double? value) => value is { } present ? Float8(present) : Null();

    public BinaryCopy Bool(bool? value)
    {
        if (value is not { } present)
        {
            return Null();
        }

        Field(1)[0] = present ? (byte)1 : (byte)0;
        return this;
    }

    /// <summary>text or varchar: the UTF-8 bytes.</summary>
    public BinaryCopy Text(string? value)
    {
        if (value is null)
        {
            return Null();
        }

        var at = _length;
        var bytes = Encoding.UTF8.GetBytes(value, Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length))[4..]);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(at), bytes);
        _length = at + 4 + bytes;
        return this;
    }

    /// <summary>A date: days since 2000-01-01.</summary>
    public BinaryCopy Date(DateOnly? value) => value is { } present ? Int32(present.DayNumber - EpochDay) : Null();

    /// <summary>A timestamptz: microseconds since 2000-01-01 UTC, the ticks below a microsecond dropped as Npgsql drops them.</summary>
    public BinaryCopy TimestampTz(DateTimeOffset value) => Int64((value.UtcTicks - EpochTicks) / 10);

    /// <summary>
    /// A numeric: its base-10,000 digits from the most significant, the power of 10,000 of the first (weight), the sign
    /// and the number of decimal places shown (the decimal's scale); the column's typmod then rounds it as for any input.
    /// </summary>
    public BinaryCopy Numeric(decimal? value)
    {
        if (value is not { } present)
        {
            return Null();
        }

        Span<int> parts = stackalloc int[4];
        decimal.GetBits(present, parts);
        var scale = present.Scale;
        var mantissa = ((UInt128)(uint)parts[2] << 64) | ((UInt128)(uint)parts[1] << 32) | (uint)parts[0];

        // Whole groups of four decimal places: pad the fraction with zeros to a multiple of four.
        var pad = (4 - (scale % 4)) % 4;
        mantissa *= PowersOfTen[pad];
        var fractionGroups = (scale + pad) / 4;
        Span<short> digits = stackalloc short[16];
        var count = 0;
        while (mantissa != 0)
        {
            digits[count++] = (short)(ushort)(mantissa % 10_000);
            mantissa /= 10_000;
        }

        // Least significant first so far; zeros at the ends carry nothing.
        var low = 0;
        while (low < count && digits[low] == 0)
        {
            low++;
        }

        var ndigits = count - low;
        var weight = ndigits == 0 ? 0 : count - fractionGroups - 1;
        var field = Field(8 + (2 * ndigits));
        BinaryPrimitives.WriteInt16BigEndian(field, (short)ndigits);
        BinaryPrimitives.WriteInt16BigEndian(field[2..], (short)weight);
        BinaryPrimitives.WriteUInt16BigEndian(field[4..], present < 0 ? (ushort)0x4000 : (ushort)0);
        BinaryPrimitives.WriteInt16BigEndian(field[6..], (short)scale);
        for (var i = 0; i < ndigits; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(field[(8 + (2 * i))..], digits[count - 1 - i]);
        }

        return this;
    }

    /// <summary>jsonb: a format version (1), then the JSON text.</summary>
    public BinaryCopy Jsonb(ReadOnlySpan<byte> utf8Json)
    {
        var field = Field(1 + utf8Json.Length);
        field[0] = 1;
        utf8Json.CopyTo(field[1..]);
        return this;
    }

    /// <summary>A value already in its type's binary form (a tsvector, a cube), which the type's receive function reads.</summary>
    public BinaryCopy Binary(byte[]? value)
    {
        if (value is null)
        {
            return Null();
        }

        value.CopyTo(Field(value.Length));
        return this;
    }

    public BinaryCopy Int32Array(ReadOnlySpan<int> values)
    {
        var elements = ArrayHeader(values.Length, Int4Oid, 8 * values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(elements[(8 * i)..], 4);
            BinaryPrimitives.WriteInt32BigEndian(elements[((8 * i) + 4)..], values[i]);
        }

        return this;
    }

    public BinaryCopy Float8Array(ReadOnlySpan<double> values)
    {
        var elements = ArrayHeader(values.Length, Float8Oid, 12 * values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(elements[(12 * i)..], 8);
            BinaryPrimitives.WriteDoubleBigEndian(elements[((12 * i) + 4)..], values[i]);
        }

        return this;
    }

    public BinaryCopy TextArray(IReadOnlyList<string> values)
    {
        var at = _length;
        ArrayHeader(values.Count, TextOid, 0);
        foreach (var value in values)
        {
            Text(value);
        }

        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(at), _length - at - 4);
        return this;
    }

    /// <summary>
    /// A one-dimensional array without nulls, numbered from 1 (no dimensions when empty), with room for its elements
    /// when their size is known; returns that room.
    /// </summary>
    private Span<byte> ArrayHeader(int count, int elementType, int elementBytes)
    {
        var header = count == 0 ? 12 : 20;
        var field = Field(header + elementBytes);
        BinaryPrimitives.WriteInt32BigEndian(field, count == 0 ? 0 : 1);
        BinaryPrimitives.WriteInt32BigEndian(field[4..], 0);
        BinaryPrimitives.WriteInt32BigEndian(field[8..], elementType);
        if (count > 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(field[12..], count);
            BinaryPrimitives.WriteInt32BigEndian(field[16..], 1);
        }

        return field[header..];
    }

    /// <summary>Room for a field of a known size, after its length.</summary>
    private Span<byte> Field(int bytes)
    {
        var field = Reserve(4 + bytes);
        BinaryPrimitives.WriteInt32BigEndian(field, bytes);
        return field[4..];
    }

    private Span<byte> Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            System.Array.Resize(ref _buffer, Math.Max(_length + bytes, _buffer.Length * 2));
        }

        _length += bytes;
        return _buffer.AsSpan(_length - bytes, bytes);
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken);
        _length = 0;
    }
}
