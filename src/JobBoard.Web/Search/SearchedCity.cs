using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Search;

/// <summary>
/// What a radius search around a city finds: places within the radius of its centre, and the city's own places however
/// far out they lie (its districts: New York City's boroughs, Bucharest's sectors), known by the names, region and
/// country the gazetteer gives them, up to <see cref="ReachKm"/> from the centre. A neighbouring town is not the city:
/// it is found only within the radius.
/// </summary>
public sealed record SearchedCity(Place Centre, IReadOnlyList<string> Names, string Region, double RadiusKm, double ReachKm)
{
    /// <summary>The search around the city a place is or is a district of ("Brooklyn" searches New York City).</summary>
    public static SearchedCity Around(Place place, double radiusKm)
    {
        ArgumentNullException.ThrowIfNull(place);
        var city = place.DistrictOf ?? place;
        var districts = Gazetteer.Default.Districts(city);
        // A kilometre past the farthest district's centre, for a posting placed a little off it.
        var reach = districts.Count == 0 ? radiusKm : Math.Max(radiusKm, Gazetteer.Default.ExtentKm(city) + 1);
        return new SearchedCity(city, [.. districts.Select(d => d.Name).Prepend(city.Name).Distinct(StringComparer.Ordinal)], city.Region, radiusKm, reach);
    }

    public string Name => Centre.Name;

    /// <summary>Whether some of the city's own places lie beyond the radius, so that the search must look for them by name.</summary>
    public bool ReachesBeyondRadius => ReachKm > RadiusKm;

    /// <summary>Whether a posting's place is the city or one of its districts, by the rule the search's SQL applies.</summary>
    public bool Contains(PostingLocation place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return string.Equals(place.CountryCode, Centre.CountryCode, StringComparison.Ordinal)
            && string.Equals(place.Region ?? string.Empty, Region, StringComparison.Ordinal)
            && Names.Contains(place.City, StringComparer.Ordinal)
            && GeoDistance.Kilometres(Centre.Latitude, Centre.Longitude, place.Latitude, place.Longitude) <= ReachKm;
    }
}
