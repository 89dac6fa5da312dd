using System.Globalization;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;

namespace JobBoard.Domain.Recommendations;

/// <summary>
/// The weights of the recommendation score, in one place; docs/recommendations.md explains each. Location and
/// category carry the score; skills, title and recency only break ties between otherwise equal postings.
/// </summary>
public static class RecommendationWeights
{
    public const double Location = 0.50;
    public const double Category = 0.50;
    public const double Skills = 0.02;
    public const double Title = 0.01;
    public const double Recency = 0.01;

    /// <summary>
    /// The subject's places after its first (headline) one count this much: the Chicago ad's five other field territories
    /// bring in their jobs, but below the Chicago area's.
    /// </summary>
    public const double OtherSubjectPlace = 0.4;

    /// <summary>Places this close are the same place whatever they are called (a posting placed by its own coordinates).</summary>
    public const double SamePointKm = 1;

    /// <summary>Places with the same city name (a district counting as its city) are the same city up to this far apart.</summary>
    public const double CityReachKm = 60;

    /// <summary>Nearby places score 0.9 × e^(−km/150): 40 km → 0.69, 100 km → 0.46, 250 km → 0.17.</summary>
    public const double NearbyMaximum = 0.9;
    public const double DistanceScaleKm = 150;

    /// <summary>Beyond this the distance says nothing more; the same region or country still does.</summary>
    public const double NearbyLimitKm = 1000;

    /// <summary>Farther away but in the same region (state, county) or country: a floor under the distance decay.</summary>
    public const double SameRegion = 0.20;
    public const double SameCountry = 0.10;

    /// <summary>A remote posting open to applicants where the posting is: local, about as good as 40 km away.</summary>
    public const double RemoteOpenHere = 0.70;

    /// <summary>
    /// Sharing a specific category means the same field of work: that alone earns this much of the category score, the
    /// rest is the rarity-weighted share of the subject's categories in common.
    /// </summary>
    public const double SameField = 0.5;

    /// <summary>A broad category (one whose postings spread over many fields) weighs this fraction of its rarity.</summary>
    public const double BroadCategory = 0.25;

    /// <summary>
    /// A category is broad when its postings share it with at least this many other categories in effect (e raised to the
    /// entropy of how its co-occurring categories are spread): Management &amp; Leadership goes with every field.
    /// </summary>
    public const double BroadCategoryPartners = 5;

    /// <summary>Recency decays as e^(−days/60).</summary>
    public const double RecencyScaleDays = 60;
}

/// <summary>The posting recommendations are for: where it is (its first place leads), what it is about.</summary>
public sealed record RecommendationSubject(
    IReadOnlyList<RecommendationPlace> Places,
    WorkMode WorkMode,
    IReadOnlyCollection<string> ApplicantCountries,
    IReadOnlyCollection<int> CategoryIds,
    IReadOnlyCollection<int> SkillIds)
{
    /// <summary>The countries the posting is in, or for a remote posting with no place, those it takes applicants from.</summary>
    public IReadOnlySet<string> Countries { get; } =
        new HashSet<string>(Places.Count > 0 ? Places.Select(p => p.CountryCode) : ApplicantCountries, StringComparer.OrdinalIgnoreCase);

    /// <summary>The continents of <see cref="Countries"/>.</summary>
    public IReadOnlySet<string> Continents { get; } =
        new HashSet<string>(
            (Places.Count > 0 ? Places.Select(p => p.CountryCode) : ApplicantCountries).Select(Gazetteer.Default.Continent).OfType<string>(),
            StringComparer.Ordinal);
}

public sealed record RecommendationPlace(string City, string? Region, string CountryCode, double Latitude, double Longitude)
{
    /// <summary>The city the place is or is a district of ("Bucharest" for "Sector 2"), as the gazetteer knows it.</summary>
    public string CityName() => Gazetteer.Default.CityOfDistrict(City, Region, CountryCode)?.Name ?? City;
}

/// <summary>A published posting that might be recommended: its places in the ad's order and what it is about.</summary>
public sealed record RecommendationCandidate(
    int PostingId,
    IReadOnlyList<RecommendationPlace> Places,
    WorkMode WorkMode,
    IReadOnlyCollection<string> ApplicantCountries,
    IReadOnlyCollection<int> CategoryIds,
    IReadOnlyCollection<int> SkillIds,
    double TitleSimilarity,
    int AgeDays);

/// <summary>Where a candidate stands for a reader of the subject, whatever its score.</summary>
public enum RecommendationStanding
{
    /// <summary>A place in the subject's country, or remote work open to it: a job the reader can take.</summary>
    Home,

    /// <summary>On site (hybrid, field-based) only in other countries of the subject's continent.</summary>
    Abroad,

    /// <summary>On site only on other continents: fills a list that would otherwise run short.</summary>
    OtherContinent,
}

/// <summary>
/// A candidate's score and the reasons for it. <paramref name="PlaceIndex"/> is the candidate's place that matched (its
/// index in <see cref="RecommendationCandidate.Places"/>), null when none did (remote work, only categories).
/// </summary>
public sealed record ScoredRecommendation(
    int PostingId,
    double Score,
    double LocationScore,
    double CategoryScore,
    RecommendationStanding Standing,
    int? PlaceIndex,
    IReadOnlyList<string> Reasons)
{
    public bool SharesCategory => CategoryScore > 0;
}

/// <summary>How much a category says: its rarity, ln(postings ÷ postings in it), and whether it is broad.</summary>
public sealed record CategoryEvidence(double Rarity, bool IsBroad)
{
    /// <summary>
    /// Each category's evidence from how many postings carry each pair of categories (a category with itself: how many
    /// carry it) out of <paramref name="postings"/>. Broad: its postings share it with at least
    /// <see cref="RecommendationWeights.BroadCategoryPartners"/> other categories in effect.
    /// </summary>
    public static IReadOnlyDictionary<int, CategoryEvidence> From(int postings, IEnumerable<(int Category, int Other, int Postings)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var evidence = new Dictionary<int, CategoryEvidence>();
        foreach (var group in pairs.GroupBy(pair => pair.Category))
        {
            var own = Math.Max(1, group.Where(pair => pair.Other == group.Key).Sum(pair => pair.Postings));
            var partners = group.Where(pair => pair.Other != group.Key).Select(pair => (double)pair.Postings).ToList();
            var together = partners.Sum();
            var entropy = together > 0 ? -partners.Sum(n => n / together * Math.Log(n / together)) : 0;
            evidence[group.Key] = new CategoryEvidence(
                Math.Log((double)Math.Max(1, postings) / own), Math.Exp(entropy) >= RecommendationWeights.BroadCategoryPartners);
        }

        return evidence;
    }
}

/// <summary>
/// Scores candidates for a subject posting: location (same city, a city's districts counting as the city, then
/// great-circle distance with a smooth decay, then same region, then same country; the subject's first place leads;
/// a remote posting counts as local only where it takes applicants and is left out where it does not), category
/// overlap weighted by rarity with a broad category as weak evidence, then skills, title similarity and recency as
/// tie-breakers. Every score comes with the reasons that earned it, in words a job seeker reads, naming the place that
/// matched. <see cref="Rank"/> orders the scored candidates so that nothing the reader could not take is padding.
/// </summary>
public sealed class RecommendationScorer(
    IReadOnlyDictionary<int, CategoryEvidence> categories,
    Func<int, string?> categoryName,
    Func<int, string?> skillName)
{
    /// <summary>The candidate's score, or null when it must not be recommended (remote work closed to the subject's country).</summary>
    public ScoredRecommendation? Score(RecommendationSubject subject, RecommendationCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.WorkMode == WorkMode.Remote && !IsOpenTo(subject, candidate))
        {
            return null;
        }

        var reasons = new List<string>(4);
        var (location, placeIndex) = LocationScore(subject, candidate, reasons);
        var category = CategoryScore(subject, candidate, reasons);
        var skills = SkillsScore(subject, candidate, reasons);
        var recency = Math.Exp(-Math.Max(0, candidate.AgeDays) / RecommendationWeights.RecencyScaleDays);
        var score = (RecommendationWeights.Location * location)
            + (RecommendationWeights.Category * category)
            + (RecommendationWeights.Skills * skills)
            + (RecommendationWeights.Title * Math.Clamp(candidate.TitleSimilarity, 0, 1))
            + (RecommendationWeights.Recency * recency);
        return new ScoredRecommendation(candidate.PostingId, score, location, category, Standing(subject, candidate), placeIndex, reasons);
    }

    /// <summary>
    /// The best <paramref name="limit"/>, by score, except that a posting abroad ranks below every posting at home that
    /// shares a category with the subject, and one on another continent only after all the others. Candidates with
    /// neither place nor category in common are left out.
    /// </summary>
    public static IReadOnlyList<ScoredRecommendation> Rank(IEnumerable<ScoredRecommendation> scored, int limit)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var byScore = scored
            .Where(r => r.LocationScore > 0 || r.CategoryScore > 0)
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.PostingId)
            .ToList();
        var sameContinent = byScore.Where(r => r.Standing != RecommendationStanding.OtherContinent).ToList();
        var lastHomeSharing = sameContinent.FindLastIndex(r => r.Standing == RecommendationStanding.Home && r.SharesCategory);
        var abroadHeldBack = sameContinent.Take(lastHomeSharing + 1).Where(r => r.Standing == RecommendationStanding.Abroad);
        return
        [
            .. sameContinent.Take(lastHomeSharing + 1).Where(r => r.Standing == RecommendationStanding.Home)
                .Concat(abroadHeldBack.Concat(sameContinent.Skip(lastHomeSharing + 1)).OrderByDescending(r => r.Score).ThenByDescending(r => r.PostingId))
                .Concat(byScore.Where(r => r.Standing == RecommendationStanding.OtherContinent))
                .Take(limit),
        ];
    }

    /// <summary>Whether a remote candidate takes applicants from where the subject is (its own places count too).</summary>
    public static bool IsOpenTo(RecommendationSubject subject, RecommendationCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.ApplicantCountries.Count > 0
            ? candidate.ApplicantCountries.Any(subject.Countries.Contains)
            : candidate.Places.Any(place => subject.Countries.Contains(place.CountryCode));
    }

    private static RecommendationStanding Standing(RecommendationSubject subject, RecommendationCandidate candidate)
    {
        if (candidate.WorkMode == WorkMode.Remote || candidate.Places.Count == 0 || candidate.Places.Any(p => subject.Countries.Contains(p.CountryCode)))
        {
            return RecommendationStanding.Home;
        }

        return candidate.Places.Any(p => Gazetteer.Default.Continent(p.CountryCode) is { } continent && subject.Continents.Contains(continent))
            ? RecommendationStanding.Abroad
            : RecommendationStanding.OtherContinent;
    }

    /// <summary>The best pair of a subject place and a candidate place, the subject's headline place counting in full.</summary>
    private static (double Score, int? PlaceIndex) LocationScore(RecommendationSubject subject, RecommendationCandidate candidate, List<string> reasons)
    {
        if (candidate.WorkMode == WorkMode.Remote)
        {
            var countries = candidate.ApplicantCountries.Count > 0
                ? string.Join(", ", candidate.ApplicantCountries.Where(subject.Countries.Contains))
                : string.Join(", ", subject.Countries);
            reasons.Add($"Remote — open to {countries} applicants");
            return (RecommendationWeights.RemoteOpenHere, null);
        }

        var best = default(Proximity);
        var bestWeighted = 0.0;
        int? bestIndex = null;
        for (var s = 0; s < subject.Places.Count; s++)
        {
            var weight = s == 0 ? 1 : RecommendationWeights.OtherSubjectPlace;
            for (var c = 0; c < candidate.Places.Count; c++)
            {
                var proximity = Proximity.Between(subject.Places[s], candidate.Places[c]);
                if (weight * proximity.Score > bestWeighted)
                {
                    (best, bestWeighted, bestIndex) = (proximity, weight * proximity.Score, c);
                }
            }
        }

        if (bestIndex is null)
        {
            return (0, null);
        }

        reasons.Add(best.Reason);
        return (bestWeighted, bestIndex);
    }

    private double CategoryScore(RecommendationSubject subject, RecommendationCandidate candidate, List<string> reasons)
    {
        if (subject.CategoryIds.Count == 0)
        {
            return 0;
        }

        var shared = subject.CategoryIds.Where(candidate.CategoryIds.Contains).ToList();
        if (shared.Count == 0)
        {
            return 0;
        }

        var names = shared.Select(categoryName).OfType<string>().ToList();
        if (names.Count > 0)
        {
            reasons.Add(string.Join(" · ", names));
        }

        // A broad category alone is weak evidence, unless the subject has nothing more specific to share.
        var overlap = shared.Sum(Evidence) / subject.CategoryIds.Sum(Evidence);
        var sameField = shared.Any(id => !IsBroad(id)) || subject.CategoryIds.All(IsBroad);
        return ((sameField ? RecommendationWeights.SameField : 0) + ((1 - RecommendationWeights.SameField) * overlap));
    }

    private double SkillsScore(RecommendationSubject subject, RecommendationCandidate candidate, List<string> reasons)
    {
        if (subject.SkillIds.Count == 0)
        {
            return 0;
        }

        var shared = subject.SkillIds.Where(candidate.SkillIds.Contains).ToList();
        if (shared.Count == 0)
        {
            return 0;
        }

        var names = shared.Select(skillName).OfType<string>().Take(3).ToList();
        if (names.Count > 0)
        {
            reasons.Add($"Shares skills: {string.Join(", ", names)}");
        }

        return (double)shared.Count / subject.SkillIds.Count;
    }

    /// <summary>Rarity (at least a little, so a category everyone has still counts), a broad category's cut down.</summary>
    private double Evidence(int categoryId)
    {
        var rarity = Math.Max(0.1, categories.GetValueOrDefault(categoryId)?.Rarity ?? 1);
        return IsBroad(categoryId) ? rarity * RecommendationWeights.BroadCategory : rarity;
    }

    private bool IsBroad(int categoryId) => categories.GetValueOrDefault(categoryId)?.IsBroad ?? false;

    /// <summary>How near one candidate place is to one subject place, and the reason that says so, naming the subject's place.</summary>
    private readonly record struct Proximity(double Score, string Reason)
    {
        public static Proximity Between(RecommendationPlace subject, RecommendationPlace candidate)
        {
            var km = GeoDistance.Kilometres(subject.Latitude, subject.Longitude, candidate.Latitude, candidate.Longitude);
            var sameCountry = string.Equals(subject.CountryCode, candidate.CountryCode, StringComparison.OrdinalIgnoreCase);
            var sameRegion = sameCountry && subject.Region is not null && string.Equals(subject.Region, candidate.Region, StringComparison.OrdinalIgnoreCase);
            if (km <= RecommendationWeights.SamePointKm
                || (km <= RecommendationWeights.CityReachKm && sameRegion && string.Equals(subject.CityName(), candidate.CityName(), StringComparison.OrdinalIgnoreCase)))
            {
                return new Proximity(1, $"Same city: {subject.CityName()}");
            }

            var nearby = RecommendationWeights.NearbyMaximum * Math.Exp(-km / RecommendationWeights.DistanceScaleKm);
            var floor = sameRegion ? RecommendationWeights.SameRegion : sameCountry ? RecommendationWeights.SameCountry : 0;
            if (nearby >= floor && km < RecommendationWeights.NearbyLimitKm)
            {
                // Measured from the subject's own place (Brooklyn, not New York City), so the reason names that place.
                return new Proximity(nearby, $"{Math.Round(km).ToString("N0", CultureInfo.InvariantCulture)} km from {subject.City}");
            }

            return floor switch
            {
                0 => default,
                RecommendationWeights.SameRegion => new Proximity(floor, $"Same region: {subject.Region}"),
                _ => new Proximity(floor, $"Same country: {subject.CountryCode.ToUpperInvariant()}"),
            };
        }
    }
}
