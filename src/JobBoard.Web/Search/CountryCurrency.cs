using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace JobBoard.Web.Search;

/// <summary>
/// The currency a country pays in, from the platform's region data (CLDR): a salary filter follows the searched place,
/// so that a minimum salary in Bucharest compares RON postings, unless the searcher picks another currency.
/// </summary>
public static class CountryCurrency
{
    /// <summary>The currency of a salary filter with no place to follow.</summary>
    public const string Default = "USD";

    private static readonly ConcurrentDictionary<string, string?> Known = new(StringComparer.OrdinalIgnoreCase);

    // .NET lists no ISO 4217 table of its own; the currencies of the world's countries are the ones a salary is paid in.
    private static readonly FrozenSet<string> Currencies = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => new RegionInfo(culture.Name).ISOCurrencySymbol)
        .Where(code => code.Length == 3 && code.All(char.IsAsciiLetterUpper))
        .Append(Default)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The ISO 4217 code of an ISO 3166 country's currency; null for a code the region data does not know.</summary>
    public static string? Of(string countryCode) => Known.GetOrAdd(countryCode, static code =>
    {
        try
        {
            return code.Length == 2 ? new RegionInfo(code).ISOCurrencySymbol : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    /// <summary>Whether <paramref name="code"/> is an ISO 4217 code, in any case, of a country's currency.</summary>
    public static bool IsCurrency(string code) => Currencies.Contains(code);

    /// <summary>What a search's salary filter and salary sort compare in: the chosen currency, else the place's.</summary>
    public static string For(string? chosen, ResolvedLocation? location) =>
        chosen ?? (location?.Place is { } place ? Of(place.CountryCode) : null) ?? Default;
}
