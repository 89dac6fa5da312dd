using JobBoard.Data;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Search;
using Npgsql;

namespace JobBoard.Tests.Search;

/// <summary>
/// Radius search asks the index for the grid cells <see cref="SearchKeys.CellsAround"/> computes; every point within
/// the radius must lie in one of them, by the cells the database's <c>search_cell_keys</c> gives that point.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class SearchCellTests(JobBoardApp app)
{
    private const double EarthMetres = 6_378_168;

    [Theory]
    [InlineData(41.85003, -87.65005, 50)]       // Chicago
    [InlineData(44.43225, 26.10626, 25)]        // Bucharest
    [InlineData(53.48095, -2.23743, 100)]       // Manchester
    [InlineData(-36.84853, 174.76349, 500)]     // Auckland, the widest radius
    [InlineData(64.83778, -147.71639, 120)]     // Fairbanks, far north
    [InlineData(-16.5, 179.9, 60)]              // Fiji, across the antimeridian
    [InlineData(0.01, 0.01, 10)]                // where the cells start
    public async Task Every_point_within_the_radius_lies_in_a_cell_the_search_asks_for(double latitude, double longitude, double km)
    {
        var random = new Random(7);
        var cells = SearchKeys.CellsAround(latitude, longitude, km * 1000).ToHashSet();
        var points = Enumerable.Range(0, 400).Select(_ => Destination(latitude, longitude, random.NextDouble() * km * 1000, random.NextDouble() * 360)).ToList();
        // Points on the very edge, in the eight main directions.
        points.AddRange(Enumerable.Range(0, 8).Select(i => Destination(latitude, longitude, km * 999.9, i * 45.0)));

        var inDatabase = await DatabaseCellsAsync(points);

        inDatabase.Should().HaveCount(points.Count);
        points.Where((_, i) => !inDatabase[i].Any(cells.Contains)).Should().BeEmpty();
        cells.Count.Should().BeLessThanOrEqualTo(200, "a radius is searched in at most 200 cells");
    }

    [Fact]
    public async Task A_places_cells_are_the_ones_search_cell_keys_gives_it()
    {
        var random = new Random(11);
        var points = Enumerable.Range(0, 2_000).Select(_ => (Latitude: (random.NextDouble() * 180) - 90, Longitude: (random.NextDouble() * 360) - 180)).ToList();
        points.AddRange([(90, 180), (-90, -180), (0, 0), (89.99, 179.99), (-0.25, -0.25), (41.85003, -87.65005)]);

        var fromDatabase = (await DatabaseCellsAsync(points)).Select(cells => (cells[0], cells[1]));

        points.Select(p => SearchKeys.CellsOf(p.Latitude, p.Longitude)).Should().Equal(fromDatabase);
    }

    /// <summary>The cells <c>search_cell_keys</c> gives each point, in the points' order.</summary>
    private async Task<List<int[]>> DatabaseCellsAsync(List<(double Latitude, double Longitude)> points)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT search_cell_keys(lat, lon) FROM unnest(@lats, @lons) WITH ORDINALITY AS p(lat, lon, i) ORDER BY i", connection);
        command.Parameters.AddWithValue("lats", points.Select(p => p.Latitude).ToArray());
        command.Parameters.AddWithValue("lons", points.Select(p => p.Longitude).ToArray());
        var cells = new List<int[]>(points.Count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            cells.Add(reader.GetFieldValue<int[]>(0));
        }

        return cells;
    }

    /// <summary>The point <paramref name="metres"/> from a start along a bearing, on earthdistance's sphere.</summary>
    private static (double Latitude, double Longitude) Destination(double latitude, double longitude, double metres, double bearingDegrees)
    {
        var angle = metres / EarthMetres;
        var bearing = bearingDegrees * Math.PI / 180;
        var lat1 = latitude * Math.PI / 180;
        var lon1 = longitude * Math.PI / 180;
        var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(angle)) + (Math.Cos(lat1) * Math.Sin(angle) * Math.Cos(bearing)));
        var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(angle) * Math.Cos(lat1), Math.Cos(angle) - (Math.Sin(lat1) * Math.Sin(lat2)));
        var longitudeDegrees = ((lon2 * 180 / Math.PI) + 540) % 360 - 180;
        return (lat2 * 180 / Math.PI, longitudeDegrees);
    }
}
