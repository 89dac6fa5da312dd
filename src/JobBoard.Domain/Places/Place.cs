namespace JobBoard.Domain.Places;

/// <summary>
/// A place with coordinates: a city, or for a region- or country-level match the region or country itself,
/// located at its most populous place (see <see cref="PlaceMatch"/>).
/// </summary>
/// <param name="Region">The first-level division's name ("Illinois", "Iași County"); empty when GeoNames has none.</param>
/// <param name="RegionCode">GeoNames' admin1 code: the postal code for US states ("IL"), often a number elsewhere ("10").</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2.</param>
/// <param name="Population">GeoNames' population; for a region or country, that of the place it is located at.</param>
public sealed record Place(
    string Name,
    string Region,
    string RegionCode,
    string CountryCode,
    string CountryName,
    double Latitude,
    double Longitude,
    int Population)
{
    /// <summary>
    /// The city this place is a district of (Bucharest for its "Sector 2", New York City for Brooklyn), or null: GeoNames
    /// lists districts as places of their own, and JobBoard treats them as their city.
    /// </summary>
    public Place? DistrictOf { get; init; }
}

/// <summary>How much of a location's text the gazetteer recognised.</summary>
public enum PlacePrecision
{
    /// <summary>The city (town, village) itself.</summary>
    City,

    /// <summary>The city was unknown, or not in the region named; the place stands for the region.</summary>
    Region,

    /// <summary>Only the country was recognised; the place stands for the country.</summary>
    Country,
}

public sealed record PlaceMatch(Place Place, PlacePrecision Precision)
{
    public bool IsExact => Precision == PlacePrecision.City;
}
