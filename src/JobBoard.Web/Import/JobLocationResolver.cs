using System.Globalization;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Import;

/// <summary>A jobLocation's PostalAddress as the feed writes it; the country may be a code or a name.</summary>
public sealed record FeedAddress(string? Locality, string? Region, string? Country, string? PlaceName)
{
    public bool IsEmpty => Locality is null && Region is null && Country is null && PlaceName is null;

    /// <summary>Only a country: how remote postings often say where applicants may live.</summary>
    public bool IsCountryOnly => Country is not null && Locality is null && Region is null && PlaceName is null;

    /// <summary>"Chicago, IL" or "Cluj-Napoca, Cluj, Romania": the first part names the place, the last its country.</summary>
    public static FeedAddress FromText(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            0 => new FeedAddress(null, null, null, null),
            1 => new FeedAddress(parts[0], null, null, null),
            2 => new FeedAddress(parts[0], null, parts[1], null),
            _ => new FeedAddress(parts[0], string.Join(", ", parts[1..^1]), parts[^1], null),
        };
    }

    /// <summary>"locality, region, country", for the gazetteer.</summary>
    public override string ToString() =>
        string.Join(", ", new[] { Locality ?? PlaceName, Region, Country }.Where(part => !string.IsNullOrWhiteSpace(part)));
}

/// <summary>
/// Where a feed's jobLocation is, with coordinates: the ad's own (geo) when it gives them, else those of the place the
/// gazetteer finds for "locality, region, country". Names are the gazetteer's when it found the city itself; when it
/// only knew the region or country, the ad's own locality stays the city, placed at the region's or country's biggest.
/// </summary>
public static class JobLocationResolver
{
    private const int MaxNameLength = 200;
    private const int MaxCountryNameLength = 100;
    private const int MaxRegionCodeLength = 20;

    private static readonly Lazy<IsoCountries> Countries = new(IsoCountries.Load);

    /// <summary>The place, or why there is none.</summary>
    public static (PlaceInput? Place, string? Problem) Resolve(FeedAddress address, double? latitude, double? longitude)
    {
        var text = address.ToString();
        var match = text.Length > 0 ? Gazetteer.Default.Match(text) : null;
        var (place, problem) = (latitude, longitude) switch
        {
            ({ } lat, { } lon) => AtCoordinates(address, match, lat, lon),
            _ when match is not null => (FromGazetteer(address, match), null),
            _ when text.Length == 0 => (null, "has no address (addressLocality, addressRegion, addressCountry) and no geo coordinates"),
            _ => (null, $"\"{text}\" is not a place the gazetteer knows; give its geo coordinates"),
        };

        if (place is null)
        {
            return (null, problem);
        }

        if (place.City.Length > MaxNameLength || place.Region is { Length: > MaxNameLength })
        {
            return (null, $"a place name is longer than {MaxNameLength} characters");
        }

        return (place with
        {
            RegionCode = place.RegionCode is { Length: > MaxRegionCodeLength } ? null : place.RegionCode,
            CountryName = place.CountryName is { Length: > MaxCountryNameLength } ? null : place.CountryName,
        }, null);
    }

    /// <summary>
    /// The ISO 3166-1 alpha-2 code of a country given by code ("RO", "ROU"), by name ("Romania", "USA"), or by a region
    /// of it ("California" is in US); null when unknown.
    /// </summary>
    public static string? CountryCode(string? text)
    {
        var value = text?.Trim() ?? string.Empty;
        if (value.Length is 2 or 3 && value.All(char.IsAsciiLetter) && Countries.Value.Code(value) is { } code)
        {
            return code;
        }

        return value.Length > 0 ? Gazetteer.Default.Match(value)?.Place.CountryCode : null;
    }

    private static (PlaceInput? Place, string? Problem) AtCoordinates(FeedAddress address, PlaceMatch? match, double latitude, double longitude)
    {
        var countryCode = CountryCode(address.Country) ?? match?.Place.CountryCode;
        if (countryCode is null)
        {
            return (null, $"geo is given, but no country: add addressCountry{(address.IsEmpty ? string.Empty : $" to \"{address}\"")}");
        }

        // A match in another country than the ad names is not this place; its names would be wrong.
        var known = match is not null && match.Place.CountryCode == countryCode ? match : null;
        var gazetteer = known is null ? null : PlaceInput.From(known.Place);
        var inRegion = known is { Precision: PlacePrecision.City or PlacePrecision.Region };
        var countryName = gazetteer?.CountryName
                          ?? (address.Country is { Length: > 3 } name ? name : CountryName(countryCode));
        var city = address.Locality ?? address.PlaceName
                   ?? (known?.Precision == PlacePrecision.City ? gazetteer!.City : null)
                   ?? address.Region ?? countryName ?? countryCode;
        var (region, regionCode) = Region(address.Region, inRegion ? gazetteer : null);
        return (new PlaceInput(city, region, regionCode, countryCode, countryName, latitude, longitude), null);
    }

    private static PlaceInput FromGazetteer(FeedAddress address, PlaceMatch match)
    {
        var place = PlaceInput.From(match.Place);
        return match.Precision switch
        {
            PlacePrecision.City => place,
            PlacePrecision.Region => place with { City = address.Locality ?? address.PlaceName ?? place.City },
            _ => Country(place, address),
        };

        static PlaceInput Country(PlaceInput country, FeedAddress address)
        {
            var (region, regionCode) = Region(address.Region, null);
            return country with { City = address.Locality ?? address.PlaceName ?? region ?? country.City, Region = region, RegionCode = regionCode };
        }
    }

    /// <summary>The region as the ad writes it: "IL" is a code (named from the gazetteer when it agrees), else a name.</summary>
    private static (string? Region, string? RegionCode) Region(string? adRegion, PlaceInput? gazetteer)
    {
        if (adRegion is null)
        {
            return (gazetteer?.Region, gazetteer?.RegionCode);
        }

        if (adRegion.Length is 2 or 3 && adRegion.All(char.IsAsciiLetter))
        {
            var code = adRegion.ToUpperInvariant();
            var agrees = gazetteer?.RegionCode is { } known && string.Equals(known, code, StringComparison.OrdinalIgnoreCase);
            return (agrees ? gazetteer!.Region : null, code);
        }

        return (adRegion, gazetteer?.RegionCode);
    }

    private static string? CountryName(string countryCode) =>
        Gazetteer.Default.Match(countryCode) is { Precision: PlacePrecision.Country } match && match.Place.CountryCode == countryCode
            ? match.Place.CountryName
            : null;

    /// <summary>ISO 3166-1 codes as .NET's culture data knows them (ICU); empty where globalization is invariant.</summary>
    private sealed class IsoCountries
    {
        private readonly Dictionary<string, string> _alpha2ByCode = new(StringComparer.OrdinalIgnoreCase);

        public static IsoCountries Load()
        {
            var countries = new IsoCountries();
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                try
                {
                    var region = new RegionInfo(culture.Name);
                    if (region.TwoLetterISORegionName.Length == 2 && region.TwoLetterISORegionName.All(char.IsAsciiLetter))
                    {
                        countries._alpha2ByCode.TryAdd(region.TwoLetterISORegionName, region.TwoLetterISORegionName.ToUpperInvariant());
                        countries._alpha2ByCode.TryAdd(region.ThreeLetterISORegionName, region.TwoLetterISORegionName.ToUpperInvariant());
                    }
                }
                catch (ArgumentException)
                {
                    // A culture without a region of its own.
                }
            }

            // Not ISO, but what British feeds write.
            countries._alpha2ByCode.TryAdd("UK", "GB");
            return countries;
        }

        /// <summary>The alpha-2 code; a two-letter code the culture data lacks (or all of them, without it) is taken as given.</summary>
        public string? Code(string code) =>
            _alpha2ByCode.TryGetValue(code, out var alpha2) ? alpha2
            : code.Length == 2 && _alpha2ByCode.Count <= 1 ? code.ToUpperInvariant()
            : null;
    }
}
