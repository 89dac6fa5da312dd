using JobBoard.Domain.Places;

namespace JobBoard.Domain.Postings;

/// <summary>A place a posting is at; a field-based role lists every city of its territory.</summary>
public sealed class PostingLocation
{
    private PostingLocation(string city, string? region, string countryCode)
    {
        City = city;
        Region = region;
        CountryCode = countryCode;
    }

    public int Id { get; private set; }

    public int PostingId { get; private set; }

    /// <summary>0 for the posting's main place, then the others in the ad's order.</summary>
    public int Position { get; internal set; }

    public string City { get; private set; }

    public string? Region { get; private set; }

    /// <summary>Short form of the region as ads write it ("IL"); may equal <see cref="Region"/>.</summary>
    public string? RegionCode { get; private set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string CountryCode { get; private set; }

    public string? CountryName { get; private set; }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public static PostingLocation Create(PlaceInput place) => new(place.City.Trim(), place.Region?.Trim(), place.CountryCode.Trim().ToUpperInvariant())
    {
        RegionCode = place.RegionCode?.Trim(),
        CountryName = place.CountryName?.Trim(),
        Latitude = place.Latitude,
        Longitude = place.Longitude,
    };

    /// <summary>"Chicago, IL" as US ads write it, "Bucharest, Romania" elsewhere.</summary>
    public string DisplayName => (RegionCode ?? Region) is { Length: > 0 } region && CountryCode == "US"
        ? $"{City}, {region}"
        : Region is { Length: > 0 } r && r != City ? $"{City}, {r}" : CountryName is { Length: > 0 } c ? $"{City}, {c}" : City;
}

/// <summary>A resolved place with coordinates, as the gazetteer or an import gives it.</summary>
public sealed record PlaceInput(
    string City,
    string? Region,
    string? RegionCode,
    string CountryCode,
    string? CountryName,
    double Latitude,
    double Longitude)
{
    /// <summary>
    /// A gazetteer place as a posting's location. GeoNames' region codes are postal codes only in some countries
    /// ("IL"); numeric ones ("10") mean nothing to a reader and are left out.
    /// </summary>
    public static PlaceInput From(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var regionCode = place.RegionCode.Length > 0 && place.RegionCode.All(char.IsAsciiLetterUpper) ? place.RegionCode : null;
        return new PlaceInput(
            place.Name,
            place.Region.Length > 0 ? place.Region : null,
            regionCode,
            place.CountryCode,
            place.CountryName,
            place.Latitude,
            place.Longitude);
    }
}
