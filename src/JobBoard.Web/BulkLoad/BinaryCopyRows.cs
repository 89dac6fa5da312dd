using Npgsql;
using NpgsqlTypes;

namespace JobBoard.Web.BulkLoad;

/// <summary>What the bulk loader's binary COPY writers need beyond <see cref="NpgsqlBinaryImporter"/>: nulls and lists.</summary>
internal static class BinaryCopyRows
{
    public static Task WriteOrNullAsync(this NpgsqlBinaryImporter row, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? row.WriteNullAsync(cancellationToken) : row.WriteAsync(value, type, cancellationToken);

    public static Task WriteOrNullAsync<T>(this NpgsqlBinaryImporter row, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? row.WriteAsync(present, type, cancellationToken) : row.WriteNullAsync(cancellationToken);

    /// <summary>A value already in its type's binary form (a tsvector, a cube), which COPY hands to the type's receive function.</summary>
    public static Task WriteOrNullAsync(this NpgsqlBinaryImporter row, byte[]? binary, CancellationToken cancellationToken) =>
        binary is null ? row.WriteNullAsync(cancellationToken) : row.WriteAsync(binary, NpgsqlDbType.Bytea, cancellationToken);

    // The domain exposes read-only lists; Npgsql writes arrays and List<T>.
    public static string[] TextArray(IReadOnlyList<string> items) => items as string[] ?? [.. items];
}
