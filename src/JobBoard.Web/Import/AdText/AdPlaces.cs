using System.Text.RegularExpressions;
using JobBoard.Domain.Common;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Import.AdText;

/// <summary>One place named in a location text, and the place the gazetteer puts it at (null when it knows none).</summary>
public sealed record PlaceRead(string Text, PlaceInput? Place, PlacePrecision? Precision);

/// <summary>What a location text says: its places, the work mode it mentions ("London (Hybrid)"), remote countries.</summary>
public sealed record LocationRead(IReadOnlyList<PlaceRead> Places, WorkMode? Mode, IReadOnlyList<string> RemoteCountries);

/// <summary>
/// Reads the places an ad names ("Chicago, IL", "Bucharest, Romania", "London, Manchester or Leeds", "Remote - UK",
/// "Hybrid remote in Leeds, LS1 4AP") through the gazetteer, as the feed importer's <see cref="JobLocationResolver"/> does.
/// </summary>
public static partial class AdPlaces
{
    public static LocationRead Read(string text)
    {
        var modeMatch = ModeWords().Match(text);
        var mode = modeMatch.Success ? AdValues.WorkModeOf(modeMatch.Value) : null;
        var rest = ModeWords().Replace(text, " ");
        rest = Connectors().Replace(rest, " ").Trim(' ', '-', '–', '—', ',', '(', ')', ':');
        var places = new List<PlaceRead>();
        var remoteCountries = new List<string>();
        foreach (var segment in Segments().Split(rest).Select(s => s.Trim(' ', ',', '(', ')')).Where(s => s.Length > 0))
        {
            foreach (var place in Resolve(segment))
            {
                if (mode == WorkMode.Remote && place.Precision == PlacePrecision.Country && place.Place is { } country)
                {
                    remoteCountries.Add(country.CountryCode);
                }
                else
                {
                    places.Add(place);
                }
            }
        }

        return new LocationRead(places, mode, remoteCountries);
    }

    /// <summary>A city of a list in the ad's prose ("New York, Nashville, ... and the surrounding area"), in a known country.</summary>
    public static PlaceInput? CityIn(string name, string countryCode)
    {
        var match = Gazetteer.Default.Match($"{name}, {countryCode}");
        return match is { Precision: PlacePrecision.City } && match.Place.CountryCode == countryCode ? PlaceInput.From(match.Place) : null;
    }

    /// <summary>
    /// "Chicago, IL" and "München, Deutschland" are one place: the parts after the first name its region or country, or
    /// are no city of their own; "London, Manchester" is two. Postal codes ("LS1 4AP") are no place of their own, and
    /// "Xyzzyville, Atlantis" is one place the gazetteer does not know, not a town called Atlantis.
    /// </summary>
    private static IEnumerable<PlaceRead> Resolve(string segment)
    {
        var parts = segment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(part => !part.Any(char.IsAsciiDigit) || part.StartsWith("Sector", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (parts.Count == 0)
        {
            yield break;
        }

        var whole = Gazetteer.Default.Match(segment);
        if (parts.Count == 1 || (whole is not null && parts.Skip(1).All(part => NamesRegionOrCountry(part, whole.Place) || Gazetteer.Default.Match(part)?.Precision != PlacePrecision.City)))
        {
            yield return Found(string.Join(", ", parts), whole);
            yield break;
        }

        // Several places only when each part is a city of its own; else the text is one place, found or not.
        var each = parts.Select(part => (Part: part, Match: Gazetteer.Default.Match(part))).ToList();
        if (each.All(p => p.Match?.Precision == PlacePrecision.City))
        {
            foreach (var (part, match) in each)
            {
                yield return Found(part, match);
            }
        }
        else
        {
            yield return Found(string.Join(", ", parts), whole);
        }
    }

    private static PlaceRead Found(string text, PlaceMatch? match)
    {
        if (match is null)
        {
            return new PlaceRead(text, null, null);
        }

        var (place, _) = JobLocationResolver.Resolve(FeedAddress.FromText(text), null, null);
        return new PlaceRead(text, place, match.Precision);
    }

    private static bool NamesRegionOrCountry(string part, Place place)
    {
        var slug = Slug.From(part);
        return new[] { place.Region, place.RegionCode, place.CountryName, place.CountryCode }
            .Any(name => name.Length > 0 && Slug.From(name) == slug)
            || (JobLocationResolver.CountryCode(part) is { } code && code == place.CountryCode && Gazetteer.Default.Match(part)?.Precision != PlacePrecision.City);
    }

    [GeneratedRegex(@"\b(?:fully\s+|100%\s+)?(?:hybrid(?:\s+remote)?|remote|on-?site|in[- ]office|home[- ]based|work from home|field[- ]based)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ModeWords();

    [GeneratedRegex(@"^\s*(?:in|from|within|anywhere in)\b|\(\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Connectors();

    [GeneratedRegex(@"\s*(?:;|\||\s/\s|\bor\b|\band\b|&|·)\s*")]
    private static partial Regex Segments();
}
