namespace JobBoard.Web.Search;

/// <summary>
/// The numbers <c>posting_search.filter_keys</c> holds for each filter value: ids from the <c>search_keys</c> table
/// for work modes, employment types, levels, visa, countries and regions ("US:Illinois"), category ids above
/// 100,000,000, and grid cells of 0.25° above 200,000,000 and of 2° above 300,000,000, computed exactly as the
/// database's <c>search_cell_keys</c> does.
/// </summary>
public sealed class SearchKeys(IReadOnlyDictionary<(string Kind, string Value), int> ids, DateTimeOffset loadedAt)
{
    /// <summary>A key no posting has: a filter on a value nobody uses matches nothing.</summary>
    public const int Nothing = -1;

    private const int CategoryBase = 100_000_000;
    private const int FineCellBase = 200_000_000;
    private const int CoarseCellBase = 300_000_000;
    private const double FineCellDegrees = 0.25;
    private const double CoarseCellDegrees = 2;

    /// <summary>A radius is searched in 0.25° cells while that takes at most this many, in 2° cells beyond.</summary>
    private const int MaxFineCells = 200;

    /// <summary>Kilometres per degree of latitude on earthdistance's sphere (radius 6,378.168 km).</summary>
    private const double KmPerDegree = 6_378.168 * Math.PI / 180;

    public int Count => ids.Count;

    public DateTimeOffset LoadedAt => loadedAt;

    public int Find(string kind, string value) => ids.GetValueOrDefault((kind, value), Nothing);

    public int Region(string countryCode, string region) => Find("region", $"{countryCode}:{region}");

    public static int Category(int categoryId) => CategoryBase + categoryId;

    /// <summary>The cells that cover a circle: every cell with a point within <paramref name="metres"/> of the centre.</summary>
    public static IReadOnlyList<int> CellsAround(double latitude, double longitude, double metres)
    {
        var degreesLatitude = metres / 1000 / KmPerDegree;
        var south = Math.Max(-90, latitude - degreesLatitude);
        var north = Math.Min(90, latitude + degreesLatitude);
        var widest = Math.Min(89.9, Math.Max(Math.Abs(south), Math.Abs(north)));
        var degreesLongitude = degreesLatitude / Math.Cos(widest * Math.PI / 180);
        var wholeWorld = degreesLongitude >= 180 || north >= 89.9 || south <= -89.9;

        var fine = Cover(FineCellDegrees, FineCellBase, 720, south, north, longitude, degreesLongitude, wholeWorld, MaxFineCells);
        return fine ?? Cover(CoarseCellDegrees, CoarseCellBase, 90, south, north, longitude, degreesLongitude, wholeWorld, int.MaxValue)!;
    }

    private static List<int>? Cover(
        double size, int keyBase, int rows, double south, double north, double longitude, double degreesLongitude, bool wholeWorld, int maxCells)
    {
        var columns = (int)Math.Round(360 / size);
        var firstRow = Row(south, size, rows);
        var lastRow = Row(north, size, rows);
        var firstColumn = wholeWorld ? 0 : (int)Math.Floor((longitude - degreesLongitude + 180) / size);
        var lastColumn = wholeWorld ? columns - 1 : (int)Math.Floor((longitude + degreesLongitude + 180) / size);
        var columnCount = Math.Min(columns, lastColumn - firstColumn + 1);
        if ((long)(lastRow - firstRow + 1) * columnCount > maxCells)
        {
            return null;
        }

        var cells = new List<int>();
        for (var row = firstRow; row <= lastRow; row++)
        {
            for (var i = 0; i < columnCount; i++)
            {
                var column = (((firstColumn + i) % columns) + columns) % columns;
                cells.Add(keyBase + (row * columns) + column);
            }
        }

        return cells;
    }

    private static int Row(double latitude, double size, int rows) => Math.Clamp((int)Math.Floor((latitude + 90) / size), 0, rows - 1);
}
