using System.IO.Compression;
using System.Text;

namespace JobBoard.Domain.Places;

/// <summary>
/// Resolves the locations postings are written with ("Chicago, IL", "Iasi", "Bucharest, Romania") to places
/// with coordinates, from GeoNames' places of 1,000 people or more (see ATTRIBUTION.md and tools/gazetteer).
/// Immutable once loaded, so one instance serves all threads.
/// </summary>
public sealed partial class Gazetteer
{
    private const string ResourceName = "JobBoard.Domain.Places.gazetteer.tsv.gz";

    // An alternate name usually belongs to a bigger place than a primary name does ("Roma" is Rome's,
    // "Bucuresti" Bucharest's), yet a town that carries it as its own name ("Victoria", "Zaragoza") should
    // still win unless the bigger place is much bigger. One that doesn't even start like its place's name
    // is mostly historical ("Batavia" for Jakarta, "Canton" for Guangzhou) and rarely meant.
    private const double AlternateNameDiscount = 50;
    private const double UnrelatedAlternateNameDiscount = 5000;

    private static readonly Lazy<Gazetteer> Embedded = new(LoadEmbedded);

    // Words around a place's name that postings add ("Greater Chicago Area") and names rarely contain.
    private static readonly string[] PlacePrefixes = ["greater ", "city of "];
    private static readonly string[] PlaceSuffixes = [" metropolitan area", " metro area", " area", " metro"];

    // Generic words GeoNames puts in region names that people leave out ("Iasi" for "Iași County").
    private static readonly string[] RegionSuffixes =
        [" county", " region", " province", " oblast", " voivodeship", " district", " governorate", " prefecture", " state", " department"];

    // Every key's candidates sit side by side in one array: a few hundred thousand small arrays made loading
    // spend a third of its time collecting garbage.
    private readonly Candidate[] _candidates;
    private readonly Dictionary<string, CandidateRange> _placesByKey;
    private readonly Dictionary<string, Place[]> _regionsByKey;
    private readonly Dictionary<string, Place[]> _countriesByKey;
    private readonly Lazy<(string[] Keys, CandidateRange[] Ranges)> _placeKeysInOrder;
    private readonly Dictionary<string, string> _continents;
    private readonly Dictionary<Place, List<Place>> _districts;
    private readonly Dictionary<(string Country, string Region, string Key), Place> _districtsByName;

    private Gazetteer(
        Candidate[] candidates,
        Dictionary<string, CandidateRange> placesByKey,
        Dictionary<string, Place[]> regionsByKey,
        Dictionary<string, Place[]> countriesByKey,
        int placeCount,
        Dictionary<string, string> continents,
        Dictionary<Place, List<Place>> districts)
    {
        _continents = continents;
        _districts = districts;
        _districtsByName = [];
        foreach (var district in districts.Values.SelectMany(list => list))
        {
            _districtsByName.TryAdd((district.CountryCode, district.Region, PlaceKey.From(district.Name)), district);
        }

        _candidates = candidates;
        _placesByKey = placesByKey;
        _regionsByKey = regionsByKey;
        _countriesByKey = countriesByKey;
        // Only autocomplete needs the keys sorted; sorting them costs a tenth of a second that resolving never needs.
        _placeKeysInOrder = new(() =>
        {
            var keys = placesByKey.Keys.ToArray();
            var ranges = placesByKey.Values.ToArray();
            Array.Sort(keys, ranges, StringComparer.Ordinal);
            return (keys, ranges);
        });
        PlaceCount = placeCount;
    }

    /// <summary>The gazetteer embedded in this assembly, loaded on first use.</summary>
    public static Gazetteer Default => Embedded.Value;

    public int PlaceCount { get; }

    /// <summary>Reads the gzip TSV that tools/gazetteer/build.mjs writes (its README describes the format).</summary>
    public static Gazetteer Load(Stream gzipTsv)
    {
        using var gzip = new GZipStream(gzipTsv, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return new GazetteerReader().Read(reader);
    }

    /// <summary>The place a posting's location text names, or null when nothing in it is known.</summary>
    public Place? Resolve(string text) => Match(text)?.Place;

    /// <summary>
    /// Like <see cref="Resolve"/>, and says whether the city itself was found or only its region or country
    /// ("America, IL" gives Illinois, placed at Chicago; "Somewhere, Romania" gives Romania, placed at Bucharest).
    /// </summary>
    public PlaceMatch? Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = SplitIntoParts(text);
        if (parts.Count == 0)
        {
            return null;
        }

        var match = MatchParts(parts);
        if (match is null && parts.Count == 1)
        {
            match = MatchWithoutCommas(parts[0]);
        }

        return match;
    }

    /// <summary>Places whose name (or an alternate name) starts with the prefix, biggest first, for autocomplete.</summary>
    public IReadOnlyList<Place> Suggest(string prefix, int limit)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var key = PlaceKey.From(prefix);
        if (key.Length == 0 || limit <= 0)
        {
            return [];
        }

        // Only the best few are kept while walking the keys, so a one-letter prefix costs no big sort.
        var best = new List<Candidate>(limit + 1);
        var (keys, ranges) = _placeKeysInOrder.Value;
        for (var i = LowerBound(keys, key); i < keys.Length && keys[i].StartsWith(key, StringComparison.Ordinal); i++)
        {
            foreach (var candidate in CandidatesIn(ranges[i]))
            {
                KeepIfAmongBest(best, candidate, limit);
            }
        }

        return [.. best.Select(candidate => candidate.Place)];
    }

    /// <summary>The continent of a country (ISO 3166-1 alpha-2), as AF, AN, AS, EU, NA, OC or SA; null for an unknown code.</summary>
    public string? Continent(string countryCode) => _continents.GetValueOrDefault(countryCode.ToUpperInvariant());

    /// <summary>The districts of a city (Bucharest's six sectors, New York City's boroughs and neighbourhoods), if it has any.</summary>
    public IReadOnlyList<Place> Districts(Place city)
    {
        ArgumentNullException.ThrowIfNull(city);
        return _districts.GetValueOrDefault(city.DistrictOf ?? city) ?? [];
    }

    /// <summary>
    /// How far from a city's centre its districts' centres lie, rounded up to the next kilometre (0 for a city without
    /// districts): a search around the city covers at least that, so that it finds all of the city.
    /// </summary>
    public double ExtentKm(Place city)
    {
        ArgumentNullException.ThrowIfNull(city);
        var centre = city.DistrictOf ?? city;
        var districts = Districts(centre);
        return districts.Count == 0
            ? 0
            : Math.Ceiling(districts.Max(d => GeoDistance.Kilometres(centre.Latitude, centre.Longitude, d.Latitude, d.Longitude)));
    }

    /// <summary>
    /// The city a posting's place is a district of, by the name, region and country it was stored with ("Sector 2",
    /// "Bucharest", "RO" gives Bucharest); null when it is no district the gazetteer knows.
    /// </summary>
    public Place? CityOfDistrict(string name, string? region, string countryCode)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(countryCode);
        return _districtsByName.GetValueOrDefault((countryCode.ToUpperInvariant(), region ?? string.Empty, PlaceKey.From(name)))?.DistrictOf;
    }

    /// <summary>
    /// The most populous places, biggest first, optionally only in the given countries: where a synthetic board puts
    /// its postings, so that most of them land in big cities as on a real board.
    /// </summary>
    public IReadOnlyList<Place> Largest(int count, IReadOnlyCollection<string>? countryCodes = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var places = new HashSet<Place>();
        foreach (var candidate in _candidates)
        {
            if (countryCodes is null || countryCodes.Contains(candidate.Place.CountryCode))
            {
                places.Add(candidate.Place);
            }
        }

        return [.. places.OrderByDescending(place => place.Population).ThenBy(place => place.Name, StringComparer.Ordinal).Take(count)];
    }

    private static Gazetteer LoadEmbedded()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(Gazetteer).Assembly.GetName().Name}.");
        return Load(stream);
    }

    /// <summary>
    /// Folded, non-empty comma-separated parts, without "(Hybrid)" notes or postal codes ("IL 60601"), unless the
    /// number is part of a known name ("Sector 2").
    /// </summary>
    private List<string> SplitIntoParts(string text)
    {
        var parts = new List<string>(3);
        foreach (var part in WithoutParentheses(text).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = PlaceKey.From(part);
            var key = _placesByKey.ContainsKey(folded) ? folded : WithoutTrailingNumbers(folded);
            if (key.Length > 0)
            {
                parts.Add(key);
            }
        }

        return parts;
    }

    private static string WithoutParentheses(string text)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        var close = text.IndexOf(')', open);
        return close < 0 ? text[..open] : WithoutParentheses(string.Concat(text.AsSpan(0, open), " ", text.AsSpan(close + 1)));
    }

    private static string WithoutTrailingNumbers(string key)
    {
        var end = key.Length;
        while (end > 0)
        {
            var wordStart = key.LastIndexOf(' ', end - 1) + 1;
            if (!key.AsSpan(wordStart, end - wordStart).ContainsAnyExceptInRange('0', '9'))
            {
                end = Math.Max(0, wordStart - 1);
            }
            else
            {
                break;
            }
        }

        return key[..end];
    }

    /// <summary>"City[, region][, country]": the first part is the place, the others narrow it down.</summary>
    private PlaceMatch? MatchParts(List<string> parts)
    {
        var candidates = FindPlaces(parts[0]);
        var areas = new List<AreaMatch>(parts.Count);
        for (var i = 1; i < parts.Count; i++)
        {
            // A part that names nothing known ("Illinois Area", "Hybrid") is ignored rather than failing the match.
            if (FindArea(parts[i]) is { } area)
            {
                areas.Add(area);
            }
        }

        if (areas.Count == 0)
        {
            // "Illinois" or "USA" on its own means the state or country, not the village that also bears the name
            // ("Illinois" is an alternate name of Riverside, MO); but "New York" and "Madrid" mean the city that is
            // the biggest place of the region of that name.
            var areaMatch = parts.Count == 1 && FindArea(parts[0]) is { } onlyArea ? MostSpecific([onlyArea]) : null;
            if (candidates.Length > 0 && (areaMatch is null || candidates[0].Place.Population >= areaMatch.Place.Population))
            {
                return new PlaceMatch(candidates[0].Place, PlacePrecision.City);
            }

            return areaMatch;
        }

        // The biggest candidate inside every area named, preferring ones inside a named region over ones only
        // inside a named country, so "London, CA" is California's London, not Ontario's.
        Candidate? best = null;
        var bestFit = 0;
        foreach (var candidate in candidates)
        {
            var fit = 0;
            foreach (var area in areas)
            {
                var areaFit = area.Fit(candidate.Place);
                if (areaFit == 0)
                {
                    fit = 0;
                    break;
                }

                fit += areaFit;
            }

            if (fit > bestFit)
            {
                best = candidate;
                bestFit = fit;
            }
        }

        if (best is { } found)
        {
            return new PlaceMatch(found.Place, PlacePrecision.City);
        }

        // The city is unknown, or not where the text says it is: trust the region or country, which might
        // also be the first part ("Illinois, USA").
        if (FindArea(parts[0]) is { } firstArea)
        {
            areas.Insert(0, firstArea);
        }

        return MostSpecific(areas);
    }

    /// <summary>"Chicago IL", "Bucharest Romania": the last one to three words may be the region or country.</summary>
    private PlaceMatch? MatchWithoutCommas(string key)
    {
        var words = key.Split(' ');
        PlaceMatch? areaOnly = null;
        for (var areaWords = 1; areaWords <= Math.Min(3, words.Length - 1); areaWords++)
        {
            var area = string.Join(' ', words[^areaWords..]);
            if (FindArea(area) is null)
            {
                continue;
            }

            var match = MatchParts([string.Join(' ', words[..^areaWords]), area]);
            if (match?.Precision == PlacePrecision.City)
            {
                return match;
            }

            areaOnly ??= match;
        }

        return areaOnly;
    }

    private ReadOnlySpan<Candidate> FindPlaces(string key)
    {
        if (_placesByKey.TryGetValue(key, out var range))
        {
            return CandidatesIn(range);
        }

        var bare = WithoutAffixes(key, PlacePrefixes, PlaceSuffixes);
        return bare != key && _placesByKey.TryGetValue(bare, out range) ? CandidatesIn(range) : [];
    }

    private ReadOnlySpan<Candidate> CandidatesIn(CandidateRange range) => _candidates.AsSpan(range.Start, range.Count);

    private AreaMatch? FindArea(string key)
    {
        var regions = _regionsByKey.GetValueOrDefault(key) ?? [];
        var countries = _countriesByKey.GetValueOrDefault(key) ?? [];
        if (regions.Length == 0 && countries.Length == 0)
        {
            var bare = WithoutAffixes(key, PlacePrefixes, PlaceSuffixes);
            if (bare == key)
            {
                return null;
            }

            regions = _regionsByKey.GetValueOrDefault(bare) ?? [];
            countries = _countriesByKey.GetValueOrDefault(bare) ?? [];
        }

        return regions.Length == 0 && countries.Length == 0 ? null : new AreaMatch(regions, countries);
    }

    /// <summary>The most specific area all the parts agree on: a region before a country, the leftmost first.</summary>
    private static PlaceMatch MostSpecific(List<AreaMatch> areas)
    {
        foreach (var area in areas)
        {
            foreach (var region in area.Regions)
            {
                if (areas.TrueForAll(other => other.Fit(region) > 0))
                {
                    return new PlaceMatch(region, PlacePrecision.Region);
                }
            }
        }

        foreach (var area in areas)
        {
            foreach (var country in area.Countries)
            {
                if (areas.TrueForAll(other => ReferenceEquals(other, area) || other.Includes(country.CountryCode)))
                {
                    return new PlaceMatch(country, PlacePrecision.Country);
                }
            }
        }

        // The parts contradict each other ("Texas, Romania"): the last is usually the broadest, so trust it.
        var last = areas[^1];
        return last.Countries.Length > 0
            ? new PlaceMatch(last.Countries[0], PlacePrecision.Country)
            : new PlaceMatch(last.Regions[0], PlacePrecision.Region);
    }

    private static string WithoutAffixes(string key, string[] prefixes, string[] suffixes)
    {
        foreach (var prefix in prefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length)
            {
                key = key[prefix.Length..];
                break;
            }
        }

        foreach (var suffix in suffixes)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length)
            {
                return key[..^suffix.Length];
            }
        }

        return key;
    }

    private static int LowerBound(string[] sortedKeys, string key)
    {
        var index = Array.BinarySearch(sortedKeys, key, StringComparer.Ordinal);
        return index >= 0 ? index : ~index;
    }

    private static void KeepIfAmongBest(List<Candidate> best, Candidate candidate, int limit)
    {
        // Checked first because it turns most candidates away; a place already kept under another key
        // ranks at least as high as this one then, so skipping the duplicate check below is safe.
        if (best.Count == limit && best[^1].CompareTo(candidate) <= 0)
        {
            return;
        }

        var existing = best.FindIndex(kept => ReferenceEquals(kept.Place, candidate.Place));
        if (existing >= 0)
        {
            if (best[existing].Rank >= candidate.Rank)
            {
                return;
            }

            best.RemoveAt(existing);
        }

        var position = best.FindIndex(kept => candidate.CompareTo(kept) < 0);
        best.Insert(position < 0 ? best.Count : position, candidate);
        if (best.Count > limit)
        {
            best.RemoveAt(best.Count - 1);
        }
    }

    /// <summary>Where one key's candidates sit in the candidate array, most likely first.</summary>
    private readonly record struct CandidateRange(int Start, int Count);

    /// <summary>A place one key leads to, and how likely that key means it.</summary>
    private readonly record struct Candidate(Place Place, double Rank, int Order) : IComparable<Candidate>
    {
        /// <summary>Most likely first; file order breaks ties so results never depend on hashing.</summary>
        public int CompareTo(Candidate other)
        {
            var byRank = other.Rank.CompareTo(Rank);
            return byRank != 0 ? byRank : Order.CompareTo(other.Order);
        }
    }

    /// <summary>
    /// What one part of a location's text may mean: some regions, some countries, or both ("CA"), each as the
    /// place that stands for it (its name, located at its biggest place), biggest first.
    /// </summary>
    private sealed record AreaMatch(Place[] Regions, Place[] Countries)
    {
        /// <summary>
        /// 2 when the place is in one of the regions, 1 when in one of the countries, else 0. Being in the same
        /// country as a region named is not enough: "Elk Grove, IL" is not Elk Grove, California.
        /// </summary>
        public int Fit(Place place)
        {
            foreach (var region in Regions)
            {
                if (region.CountryCode == place.CountryCode && region.RegionCode == place.RegionCode)
                {
                    return 2;
                }
            }

            foreach (var country in Countries)
            {
                if (country.CountryCode == place.CountryCode)
                {
                    return 1;
                }
            }

            return 0;
        }

        /// <summary>Whether this part allows the country: names it, or names one of its regions.</summary>
        public bool Includes(string countryCode)
        {
            foreach (var country in Countries)
            {
                if (country.CountryCode == countryCode)
                {
                    return true;
                }
            }

            foreach (var region in Regions)
            {
                if (region.CountryCode == countryCode)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
