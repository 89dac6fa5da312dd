using JobBoard.Domain.Places;

namespace JobBoard.Web.Search;

/// <summary>Where a search's location text led: a city (searched by radius), a region, a country, or nowhere.</summary>
public sealed record ResolvedLocation(string Text, Place? Place, PlacePrecision? Precision, bool Found)
{
    /// <summary>For a city: the search around it, its districts included.</summary>
    public SearchedCity? City { get; init; }

    public string Description => Place is null
        ? Text
        : Precision switch
        {
            PlacePrecision.City => string.Join(", ", new[] { Place.Name, Place.Region, Place.CountryName }.Where(p => !string.IsNullOrEmpty(p)).Distinct()),
            PlacePrecision.Region => $"{Place.Region}, {Place.CountryName}",
            _ => Place.CountryName,
        };

    /// <summary>
    /// The place the request's location names, by the gazetteer: null when it names none, not found (and a problem
    /// said) when the gazetteer does not know it.
    /// </summary>
    public static ResolvedLocation? Of(JobSearchRequest request, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(request.Location))
        {
            return null;
        }

        if (Gazetteer.Default.Match(request.Location) is not { } match)
        {
            problems.Add($"We don't know a place called \"{request.Location}\".");
            return new ResolvedLocation(request.Location, null, null, false);
        }

        if (match.Precision == PlacePrecision.City)
        {
            // A city's districts are the city: a district is searched as its city, whose own places count at any radius.
            var city = SearchedCity.Around(match.Place, request.RadiusKm);
            return new ResolvedLocation(request.Location, city.Centre, match.Precision, true) { City = city };
        }

        return new ResolvedLocation(request.Location, match.Place, match.Precision, true);
    }
}
