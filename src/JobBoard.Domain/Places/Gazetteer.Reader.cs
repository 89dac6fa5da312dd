using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace JobBoard.Domain.Places;

public sealed partial class Gazetteer
{
    /// <summary>Reads the three sections of the TSV (countries, regions, places) and builds the lookups.</summary>
    private sealed class GazetteerReader
    {
        private const int PlaceFieldCount = 10;

        private readonly Dictionary<string, string> _countryNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string[]> _countryAliases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _continents = new(StringComparer.Ordinal);
        private readonly Dictionary<Place, List<Place>> _districts = new(ReferenceEqualityComparer.Instance);
        // The places of the division being read (the file groups them, biggest first): where a district finds its city.
        private readonly List<Place> _placesOfDivision = [];
        private readonly Dictionary<(string Country, string Code), (string Name, string[] Aliases)> _regionRows = [];
        // While reading, a key's range holds where its newest candidate is, each candidate linking to the one before.
        // Sized for the embedded file (about 280,000 keys, 330,000 candidates) so loading never regrows them.
        private readonly Dictionary<string, CandidateRange> _placesByKey = new(300_000, StringComparer.Ordinal);
        private readonly List<(Candidate Candidate, int Previous)> _candidateChains = new(350_000);
        private readonly Dictionary<(string Country, string Code), Place> _biggestInRegion = [];
        private readonly Dictionary<string, Place> _biggestInCountry = new(StringComparer.Ordinal);

        // Places repeat a few thousand region names and codes: one string each saves megabytes and allocations.
        private readonly Dictionary<string, string> _sharedStrings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _sharedStringsBySpan;
        private readonly Dictionary<string, CandidateRange>.AlternateLookup<ReadOnlySpan<char>> _placesBySpanKey;
        private char[] _keyBuffer = new char[256];
        private int _placeCount;

        public GazetteerReader()
        {
            _sharedStringsBySpan = _sharedStrings.GetAlternateLookup<ReadOnlySpan<char>>();
            _placesBySpanKey = _placesByKey.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public Gazetteer Read(StreamReader reader)
        {
            var section = string.Empty;
            Span<Range> fields = stackalloc Range[PlaceFieldCount + 1];
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                if (line[0] == '#')
                {
                    var end = line.IndexOf('\t', StringComparison.Ordinal);
                    section = end < 0 ? line[1..] : line[1..end];
                    continue;
                }

                var fieldCount = line.AsSpan().Split(fields, '\t');
                switch (section)
                {
                    case "country":
                        // iso2, name, aliases, continent
                        _countryNames[line[fields[0]]] = line[fields[1]];
                        _countryAliases[line[fields[0]]] = SplitList(line[fields[2]]);
                        _continents[line[fields[0]]] = line[fields[3]];
                        break;
                    case "region":
                        // country, admin1, name, aliases
                        _regionRows[(Share(line.AsSpan(fields[0])), Share(line.AsSpan(fields[1])))] =
                            (Share(line.AsSpan(fields[2])), SplitList(line[fields[3]]));
                        break;
                    case "place" when fieldCount == PlaceFieldCount:
                        ReadPlace(line, fields);
                        break;
                    default:
                        throw new InvalidDataException($"Unexpected gazetteer line in section '{section}': {line}");
                }
            }

            return new Gazetteer(
                GatherCandidates(),
                _placesByKey,
                BuildRegionIndex(),
                BuildCountryIndex(),
                _placeCount,
                _continents,
                _districts);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Runs 135,000 times, once: no time to warm up.
        private void ReadPlace(string line, ReadOnlySpan<Range> fields)
        {
            // name, ascii, alternates, country, admin1, region, latitude, longitude, population, city (of a district)
            var text = line.AsSpan();
            var countryCode = Share(text[fields[3]]);
            var regionCode = Share(text[fields[4]]);
            if (_placesOfDivision.Count > 0
                && (!ReferenceEquals(_placesOfDivision[0].CountryCode, countryCode) || !ReferenceEquals(_placesOfDivision[0].RegionCode, regionCode)))
            {
                _placesOfDivision.Clear();
            }

            var city = text[fields[9]].IsEmpty ? null : CityNamed(text[fields[9]]);
            var place = new Place(
                Name: line[fields[0]],
                Region: Share(text[fields[5]]),
                RegionCode: regionCode,
                CountryCode: countryCode,
                CountryName: _countryNames.GetValueOrDefault(countryCode) ?? countryCode,
                Latitude: double.Parse(text[fields[6]], CultureInfo.InvariantCulture),
                Longitude: double.Parse(text[fields[7]], CultureInfo.InvariantCulture),
                Population: int.Parse(text[fields[8]], CultureInfo.InvariantCulture))
            {
                DistrictOf = city,
            };
            var order = _placeCount++;
            _placesOfDivision.Add(place);
            if (city is not null)
            {
                if (!_districts.TryGetValue(city, out var districts))
                {
                    _districts[city] = districts = [];
                }

                districts.Add(place);
            }

            // The file leaves the ascii name empty when it equals the name.
            var asciiName = text[fields[1]];
            var nameKey = AddKey(asciiName.IsEmpty ? text[fields[0]] : asciiName, new Candidate(place, place.Population, order));
            var nameInitial = nameKey.IsEmpty ? '\0' : nameKey[0];
            if (!asciiName.IsEmpty && !Ascii.IsValid(text[fields[0]]))
            {
                // GeoNames transliterates German umlauts ("Köln" is "Koeln"); people also just drop them ("Koln").
                AddKey(text[fields[0]], new Candidate(place, place.Population, order));
            }

            foreach (var alternate in text[fields[2]].Split('|'))
            {
                var alternateName = text[fields[2]][alternate];
                if (alternateName.IsEmpty)
                {
                    continue;
                }

                var discount = char.ToLowerInvariant(alternateName[0]) == nameInitial ? AlternateNameDiscount : UnrelatedAlternateNameDiscount;
                AddKey(alternateName, new Candidate(place, place.Population / discount, order));
            }

            if (!_biggestInRegion.TryGetValue((countryCode, regionCode), out var biggest) || biggest.Population < place.Population)
            {
                _biggestInRegion[(countryCode, regionCode)] = place;
            }

            if (!_biggestInCountry.TryGetValue(countryCode, out biggest) || biggest.Population < place.Population)
            {
                _biggestInCountry[countryCode] = place;
            }
        }

        /// <summary>A district's city: the first (most populous) place of that name in the district's division.</summary>
        private Place CityNamed(ReadOnlySpan<char> name)
        {
            foreach (var place in _placesOfDivision)
            {
                if (name.SequenceEqual(place.Name))
                {
                    return place;
                }
            }

            throw new InvalidDataException($"A district names the city {name}, which is not listed before it in its division.");
        }

        /// <summary>Files the candidate under the name's key, and returns that key (valid until the next call).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private ReadOnlySpan<char> AddKey(ReadOnlySpan<char> name, Candidate candidate)
        {
            var keyLength = PlaceKey.Write(name, ref _keyBuffer);
            ReadOnlySpan<char> key = _keyBuffer.AsSpan(0, keyLength);
            if (key.IsEmpty)
            {
                return key;
            }

            if (!_placesBySpanKey.TryGetValue(key, out var range))
            {
                _placesBySpanKey[key] = new CandidateRange(_candidateChains.Count, 1);
                _candidateChains.Add((candidate, -1));
                return key;
            }

            // The name and an alternate name often fold to the same key: keep the place once, at its best rank.
            var chains = CollectionsMarshal.AsSpan(_candidateChains);
            for (var link = range.Start; link >= 0; link = chains[link].Previous)
            {
                if (ReferenceEquals(chains[link].Candidate.Place, candidate.Place))
                {
                    if (chains[link].Candidate.Rank < candidate.Rank)
                    {
                        chains[link].Candidate = candidate;
                    }

                    return key;
                }
            }

            _placesBySpanKey[key] = new CandidateRange(_candidateChains.Count, range.Count + 1);
            _candidateChains.Add((candidate, range.Start));
            return key;
        }

        /// <summary>Lays every key's candidates side by side, most likely first, and points the keys at them.</summary>
        private Candidate[] GatherCandidates()
        {
            var candidates = new Candidate[_candidateChains.Count];
            var chains = CollectionsMarshal.AsSpan(_candidateChains);
            var start = 0;
            foreach (var key in _placesByKey.Keys)
            {
                ref var range = ref CollectionsMarshal.GetValueRefOrNullRef(_placesByKey, key);
                var count = 0;
                for (var link = range.Start; link >= 0; link = chains[link].Previous)
                {
                    candidates[start + count++] = chains[link].Candidate;
                }

                candidates.AsSpan(start, count).Sort();
                range = new CandidateRange(start, count);
                start += count;
            }

            return candidates;
        }

        private Dictionary<string, Place[]> BuildRegionIndex()
        {
            var regionsByKey = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
            foreach (var ((countryCode, code), (name, aliases)) in _regionRows)
            {
                // A region with no place of 1,000 people has nowhere to put a posting.
                if (!_biggestInRegion.TryGetValue((countryCode, code), out var biggest))
                {
                    continue;
                }

                var region = biggest with { Name = name, Region = name };
                var nameKey = PlaceKey.From(name);
                AddTo(regionsByKey, nameKey, region);
                AddTo(regionsByKey, WithoutAffixes(nameKey, [], RegionSuffixes), region);

                // Letter codes are how people write regions ("IL", "ENG"); GeoNames' numeric ones ("10") are not.
                if (code.Length is 2 or 3 && code.All(char.IsAsciiLetter))
                {
                    AddTo(regionsByKey, PlaceKey.From(code), region);
                }

                foreach (var alias in aliases)
                {
                    AddTo(regionsByKey, PlaceKey.From(alias), region);
                }
            }

            return regionsByKey.ToDictionary(
                entry => entry.Key,
                entry => entry.Value.OrderByDescending(region => region.Population).ThenBy(region => region.CountryCode, StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
        }

        private Dictionary<string, Place[]> BuildCountryIndex()
        {
            var countriesByKey = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
            foreach (var (code, name) in _countryNames)
            {
                if (!_biggestInCountry.TryGetValue(code, out var biggest))
                {
                    continue;
                }

                var country = biggest with { Name = name, Region = string.Empty, RegionCode = string.Empty };
                AddTo(countriesByKey, PlaceKey.From(code), country);
                AddTo(countriesByKey, PlaceKey.From(name), country);
                foreach (var alias in _countryAliases[code])
                {
                    AddTo(countriesByKey, PlaceKey.From(alias), country);
                }
            }

            return countriesByKey.ToDictionary(
                entry => entry.Key,
                entry => entry.Value.OrderByDescending(country => country.Population).ThenBy(country => country.CountryCode, StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
        }

        private static void AddTo(Dictionary<string, List<Place>> index, string key, Place place)
        {
            if (key.Length == 0)
            {
                return;
            }

            if (!index.TryGetValue(key, out var places))
            {
                index[key] = places = [];
            }

            if (!places.Contains(place))
            {
                places.Add(place);
            }
        }

        private static string[] SplitList(string field) => field.Split('|', StringSplitOptions.RemoveEmptyEntries);

        private string Share(ReadOnlySpan<char> text)
        {
            if (!_sharedStringsBySpan.TryGetValue(text, out var shared))
            {
                shared = text.ToString();
                _sharedStrings[shared] = shared;
            }

            return shared;
        }
    }
}
