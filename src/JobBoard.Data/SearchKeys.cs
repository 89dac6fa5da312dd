namespace JobBoard.Data;

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

    /// <summary>earthdistance's sphere, which recommendations measure on too.</summary>
    private const double EarthRadiusMetres = 6_378_168;

    /// <summary>PostgreSQL's radians() factor (RADIANS_PER_DEGREE), so that points come out bit for bit as the database's.</summary>
    private const double RadiansPerDegree = 0.0174532925199432957692;

    /// <summary>Kilometres per degree of latitude on earthdistance's sphere.</summary>
    private const double KmPerDegree = EarthRadiusMetres / 1000 * Math.PI / 180;

    public int Count => ids.Count;

    public DateTimeOffset LoadedAt => loadedAt;

    public int Find(string kind, string value) => ids.GetValueOrDefault((kind, value), Nothing);

    /// <summary>The values of one kind of key ("country": the countries postings are in).</summary>
    public IEnumerable<string> ValuesOf(string kind) => ids.Keys.Where(k => k.Kind == kind).Select(k => k.Value);

    public int Region(string countryCode, string region) => Find("region", $"{countryCode}:{region}");

    public static int Category(int categoryId) => CategoryBase + categoryId;

    /// <summary>
    /// earthdistance's ll_to_earth: a point on the sphere of its earth() radius, in metres from the centre, computed in
    /// the order and with the constants of the views that store the points (<c>posting_search_places_source</c>).
    /// </summary>
    public static (double X, double Y, double Z) EarthPoint(double latitude, double longitude)
    {
        var (lat, lon) = (latitude * RadiansPerDegree, longitude * RadiansPerDegree);
        return (EarthRadiusMetres * Math.Cos(lat) * Math.Cos(lon), EarthRadiusMetres * Math.Cos(lat) * Math.Sin(lon), EarthRadiusMetres * Math.Sin(lat));
    }

    /// <summary>The 0.25° and 2° cells of a point, as <c>search_cell_keys</c> numbers them.</summary>
    public static (int Fine, int Coarse) CellsOf(double latitude, double longitude) =>
        (FineCellBase + (Row(latitude, FineCellDegrees, 720) * 1440) + ((int)Math.Floor((longitude + 180) / FineCellDegrees) % 1440),
         CoarseCellBase + (Row(latitude, CoarseCellDegrees, 90) * 180) + ((int)Math.Floor((longitude + 180) / CoarseCellDegrees) % 180));

    /// <summary>
    /// The largest haversine (sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2)) of two points at most <paramref name="metres"/> apart
    /// on earthdistance's sphere: sin²(d / 2R). Beyond half way round the world every point is within, so 2.
    /// </summary>
    public static double HaversineWithin(double metres)
    {
        var halfAngle = metres / (2 * EarthRadiusMetres);
        return halfAngle >= Math.PI / 2 ? 2 : Math.Pow(Math.Sin(halfAngle), 2);
    }

    /// <summary>The cells that cover a circle: every cell with a point within <paramref name="metres"/> of the centre.</summary>
    public static IReadOnlyList<int> CellsAround(double latitude, double longitude, double metres) =>
        FineCellsAround(latitude, longitude, metres) ?? Cover(CoarseCellDegrees, CoarseCellBase, 90, new Circle(latitude, longitude, metres), int.MaxValue)!;

    /// <summary>
    /// The 0.25° cells that cover a circle (the cells <c>posting_search_places.cell</c> holds), or null when that takes
    /// more than <see cref="MaxFineCells"/>.
    /// </summary>
    public static IReadOnlyList<int>? FineCellsAround(double latitude, double longitude, double metres) =>
        Cover(FineCellDegrees, FineCellBase, 720, new Circle(latitude, longitude, metres), MaxFineCells);

    private readonly record struct Circle(double Latitude, double Longitude, double Metres)
    {
        public double DegreesLatitude => Metres / 1000 / KmPerDegree;

        public double South => Math.Max(-90, Latitude - DegreesLatitude);

        public double North => Math.Min(90, Latitude + DegreesLatitude);

        public double DegreesLongitude => DegreesLatitude / Math.Cos(Math.Min(89.9, Math.Max(Math.Abs(South), Math.Abs(North))) * Math.PI / 180);

        public bool WholeWorld => DegreesLongitude >= 180 || North >= 89.9 || South <= -89.9;
    }

    private static List<int>? Cover(double size, int keyBase, int rows, Circle circle, int maxCells)
    {
        var columns = (int)Math.Round(360 / size);
        var firstRow = Row(circle.South, size, rows);
        var lastRow = Row(circle.North, size, rows);
        var wholeWorld = circle.WholeWorld;
        var firstColumn = wholeWorld ? 0 : (int)Math.Floor((circle.Longitude - circle.DegreesLongitude + 180) / size);
        var lastColumn = wholeWorld ? columns - 1 : (int)Math.Floor((circle.Longitude + circle.DegreesLongitude + 180) / size);
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
