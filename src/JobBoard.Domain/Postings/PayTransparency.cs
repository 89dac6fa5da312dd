using System.Globalization;
using JobBoard.Domain.Common;

namespace JobBoard.Domain.Postings;

/// <summary>
/// A state, province or city whose law requires job ads to state a pay range, from <c>PayTransparency.tsv</c>
/// (docs/pay-transparency.md). <paramref name="Region"/> is a region code or name; <paramref name="Cities"/>, when
/// given, limits the law to those cities of the region; employers smaller than <paramref name="MinEmployees"/> are exempt.
/// </summary>
public sealed record PayTransparencyLaw(
    string Key,
    string Name,
    string CountryCode,
    string Region,
    IReadOnlyList<string> Cities,
    DateOnly Effective,
    int MinEmployees,
    Uri Source);

/// <summary>
/// Which pay transparency laws a posting falls under. A posting falls under a law when one of its places is in the
/// law's region (and city, for a city law), or when it is remote and open to residents of the law's country: a remote
/// job anyone in the United States may take can be taken from Colorado, and Colorado's and New York's guidance say such
/// ads are covered. A company whose stated size is below a law's threshold is exempt; an unknown size is not.
/// The editor warns and the moderation queue flags; nothing is blocked (docs/pay-transparency.md says why).
/// </summary>
public static class PayTransparency
{
    private static readonly Lazy<IReadOnlyList<PayTransparencyLaw>> Table = new(Load);

    public static IReadOnlyList<PayTransparencyLaw> Laws => Table.Value;

    /// <summary>The laws in force on <paramref name="today"/> that require this posting to state a pay range.</summary>
    public static IReadOnlyList<PayTransparencyLaw> RequiredFor(JobPosting posting, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return RequiredFor(posting.Locations.Select(l => (l.City, l.Region, l.RegionCode, l.CountryCode)).ToList(),
            posting.WorkMode, posting.ApplicantCountries, posting.Company?.EmployeeCount, today);
    }

    /// <summary>The laws a posting falls under but does not satisfy: it has no range (empty when it has one).</summary>
    public static IReadOnlyList<PayTransparencyLaw> MissingRangeFor(JobPosting posting, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return StatesRange(posting.Compensation) ? [] : RequiredFor(posting, today);
    }

    /// <summary>The same rule for content not yet saved (the editor's warning).</summary>
    public static IReadOnlyList<PayTransparencyLaw> MissingRangeFor(PostingContent content, int? employeeCount, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        return StatesRange(content.Compensation)
            ? []
            : RequiredFor(content.Locations.Select(l => (l.City, l.Region, l.RegionCode, l.CountryCode)).ToList(),
                content.WorkMode, content.ApplicantCountries, employeeCount, today);
    }

    /// <summary>
    /// A range is a minimum and a maximum (equal for a fixed wage). "From $50,000" or "up to $80,000" leaves the other
    /// end open, which the laws listed do not accept.
    /// </summary>
    public static bool StatesRange(Compensation? pay) => pay is { Minimum: not null, Maximum: not null };

    private static List<PayTransparencyLaw> RequiredFor(
        IReadOnlyList<(string City, string? Region, string? RegionCode, string CountryCode)> places,
        WorkMode workMode,
        IReadOnlyList<string> applicantCountries,
        int? employeeCount,
        DateOnly today) =>
        Laws.Where(law => law.Effective <= today && !(employeeCount < law.MinEmployees))
            .Where(law => places.Any(place => Covers(law, place))
                          || (workMode == WorkMode.Remote && applicantCountries.Any(c => c.Equals(law.CountryCode, StringComparison.OrdinalIgnoreCase))))
            .ToList();

    private static bool Covers(PayTransparencyLaw law, (string City, string? Region, string? RegionCode, string CountryCode) place)
    {
        if (!place.CountryCode.Equals(law.CountryCode, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var inRegion = Same(place.RegionCode, law.Region) || Same(place.Region, law.Region);
        return inRegion && (law.Cities.Count == 0 || law.Cities.Any(city => Same(place.City, city)));
    }

    private static bool Same(string? a, string b) => a is not null && Slug.From(a) == Slug.From(b);

    private static List<PayTransparencyLaw> Load()
    {
        using var stream = typeof(PayTransparency).Assembly.GetManifestResourceStream("JobBoard.Domain.Postings.PayTransparency.tsv")
                           ?? throw new InvalidOperationException("PayTransparency.tsv is not embedded.");
        using var reader = new StreamReader(stream);
        var laws = new List<PayTransparencyLaw>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            laws.Add(new PayTransparencyLaw(
                f[0], f[1], f[2], f[3],
                f[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                DateOnly.ParseExact(f[5], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                int.Parse(f[6], CultureInfo.InvariantCulture),
                new Uri(f[7])));
        }

        return laws;
    }
}
