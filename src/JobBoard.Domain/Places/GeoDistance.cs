namespace JobBoard.Domain.Places;

/// <summary>Great-circle distances on a spherical Earth: within about 0.5% of the ellipsoid, plenty for "jobs near me".</summary>
public static class GeoDistance
{
    /// <summary>The IUGG mean Earth radius.</summary>
    public const double EarthRadiusKilometres = 6371.0088;

    /// <summary>The international mile.</summary>
    public const double KilometresPerMile = 1.609344;

    /// <summary>Haversine distance between two points given in degrees.</summary>
    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        var latitudeDelta = ToRadians(lat2 - lat1);
        var longitudeDelta = ToRadians(lon2 - lon1);
        var sinHalfLatitude = Math.Sin(latitudeDelta / 2);
        var sinHalfLongitude = Math.Sin(longitudeDelta / 2);
        var haversine = (sinHalfLatitude * sinHalfLatitude)
            + (Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * sinHalfLongitude * sinHalfLongitude);

        // Rounding can push the haversine of nearly antipodal points a hair above 1.
        return 2 * EarthRadiusKilometres * Math.Asin(Math.Sqrt(Math.Min(1.0, haversine)));
    }

    public static double Kilometres(Place from, Place to) =>
        Kilometres(from.Latitude, from.Longitude, to.Latitude, to.Longitude);

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;
}
