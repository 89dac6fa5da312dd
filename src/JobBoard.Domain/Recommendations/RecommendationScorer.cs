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

    /// <summary>Places this close are the same place (a city's own postings are spread over its area).</summary>
    public const double SameCityKm = 5;

    /// <summary>Nearby places score 0.9 × e^(−km/150): 40 km → 0.69, 100 km → 0.46, 250 km → 0.17.</summary>
    public const double NearbyMaximum = 0.9;
    public const double DistanceScaleKm = 150;

    /// <summary>Farther away but in the same region (state, county) or country: a floor under the distance decay.</summary>
    public const double SameRegion = 0.20;
    public const double SameCountry = 0.10;

    /// <summary>A remote posting open to applicants where the posting is: local, about as good as 40 km away.</summary>
    public const double RemoteOpenHere = 0.70;

    /// <summary>
    /// Shared categories count for less at a place with no tie to the subject's (another continent, a remote job closed
    /// to its country): such postings only fill the list when nothing nearer is related.
    /// </summary>
    public const double CategoryWithoutPlace = 0.8;

    /// <summary>Recency decays as e^(−days/60).</summary>
    public const double RecencyScaleDays = 60;
}

/// <summary>The posting recommendations are for: where it is, what it is about.</summary>
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
}

public sealed record RecommendationPlace(string City, string? Region, string CountryCode, double Latitude, double Longitude);

/// <summary>
/// A published posting that might be recommended, placed relative to the subject: its distance to the subject's
/// nearest place (over all its places), that place's city, and whether one of its places shares the subject's region
/// or country.
/// </summary>
public sealed record RecommendationCandidate(
    int PostingId,
    double? DistanceKm,
    string? NearestCity,
    bool SameRegion,
    bool SameCountry,
    WorkMode WorkMode,
    IReadOnlyCollection<string> ApplicantCountries,
    IReadOnlyCollection<int> CategoryIds,
    IReadOnlyCollection<int> SkillIds,
    double TitleSimilarity,
    int AgeDays)
{
    /// <summary>
    /// A candidate with <paramref name="places"/>, placed relative to <paramref name="subject"/>: a multi-location
    /// posting counts at its place nearest to any of the subject's; the same region means the same country and region as
    /// one of the subject's places; the same country, a place in any of the subject's countries. A subject with no
    /// place (remote) is near nothing: remote postings relate to it through the countries they take applicants from.
    /// </summary>
    public static RecommendationCandidate Near(
        RecommendationSubject subject,
        int postingId,
        IReadOnlyList<RecommendationPlace> places,
        WorkMode workMode,
        IReadOnlyCollection<string> applicantCountries,
        IReadOnlyCollection<int> categoryIds,
        IReadOnlyCollection<int> skillIds,
        double titleSimilarity,
        int ageDays)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(places);
        double? nearestKm = null;
        string? nearestCity = null;
        var sameRegion = false;
        var sameCountry = false;
        foreach (var place in places)
        {
            sameCountry |= subject.Places.Count > 0 && subject.Countries.Contains(place.CountryCode);
            foreach (var from in subject.Places)
            {
                var km = GeoDistance.Kilometres(from.Latitude, from.Longitude, place.Latitude, place.Longitude);
                if (nearestKm is null || km < nearestKm)
                {
                    (nearestKm, nearestCity) = (km, place.City);
                }

                sameRegion |= from.Region is not null
                    && string.Equals(place.CountryCode, from.CountryCode, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(place.Region, from.Region, StringComparison.OrdinalIgnoreCase);
            }
        }

        return new RecommendationCandidate(
            postingId, nearestKm, nearestCity, sameRegion, sameCountry, workMode, applicantCountries, categoryIds, skillIds, titleSimilarity, ageDays);
    }
}

public sealed record ScoredRecommendation(int PostingId, double Score, double LocationScore, double CategoryScore, IReadOnlyList<string> Reasons);

/// <summary>
/// Scores candidates for a subject posting: location (same city, then great-circle distance with a smooth decay,
/// then same region, then same country; a remote posting counts as local only where it takes applicants), category
/// overlap weighted by rarity (IDF), then skills, title similarity and recency as tie-breakers. Every score comes
/// with the reasons that earned it, in words a job seeker reads.
/// </summary>
public sealed class RecommendationScorer(
    IReadOnlyDictionary<int, double> categoryRarity,
    Func<int, string?> categoryName,
    Func<int, string?> skillName)
{
    public ScoredRecommendation Score(RecommendationSubject subject, RecommendationCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(candidate);
        var reasons = new List<string>(4);

        var location = LocationScore(subject, candidate, reasons);
        var category = CategoryScore(subject, candidate, reasons);
        var skills = SkillsScore(subject, candidate, reasons);
        var recency = Math.Exp(-Math.Max(0, candidate.AgeDays) / RecommendationWeights.RecencyScaleDays);
        var score = (RecommendationWeights.Location * location)
            + (RecommendationWeights.Category * category * (location > 0 ? 1 : RecommendationWeights.CategoryWithoutPlace))
            + (RecommendationWeights.Skills * skills)
            + (RecommendationWeights.Title * Math.Clamp(candidate.TitleSimilarity, 0, 1))
            + (RecommendationWeights.Recency * recency);
        return new ScoredRecommendation(candidate.PostingId, score, location, category, reasons);
    }

    /// <summary>Whether a remote candidate takes applicants from where the subject is (its own places count too).</summary>
    public static bool IsOpenTo(RecommendationSubject subject, RecommendationCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.ApplicantCountries.Count > 0
            ? candidate.ApplicantCountries.Any(subject.Countries.Contains)
            : candidate.SameCountry;
    }

    private static double LocationScore(RecommendationSubject subject, RecommendationCandidate candidate, List<string> reasons)
    {
        if (candidate.WorkMode == WorkMode.Remote)
        {
            if (!IsOpenTo(subject, candidate))
            {
                // A remote job closed to applicants from here is not local, however near its office.
                return 0;
            }

            var countries = candidate.ApplicantCountries.Count > 0
                ? string.Join(", ", candidate.ApplicantCountries.Where(subject.Countries.Contains))
                : string.Join(", ", subject.Countries);
            reasons.Add($"Remote — open to {countries} applicants");
            return RecommendationWeights.RemoteOpenHere;
        }

        if (candidate.DistanceKm is { } km)
        {
            if (km <= RecommendationWeights.SameCityKm)
            {
                reasons.Add("Same city");
                return 1;
            }

            var nearby = RecommendationWeights.NearbyMaximum * Math.Exp(-km / RecommendationWeights.DistanceScaleKm);
            var floor = candidate.SameRegion ? RecommendationWeights.SameRegion : candidate.SameCountry ? RecommendationWeights.SameCountry : 0;
            if (nearby >= floor && km < 1000)
            {
                reasons.Add($"{Math.Round(km).ToString("N0", CultureInfo.InvariantCulture)} km away");
                return nearby;
            }

            if (floor > 0)
            {
                reasons.Add(candidate.SameRegion ? "Same region" : "Same country");
                return floor;
            }
        }
        else if (candidate.SameCountry)
        {
            reasons.Add("Same country");
            return RecommendationWeights.SameCountry;
        }

        return 0;
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

        return shared.Sum(Rarity) / subject.CategoryIds.Sum(Rarity);
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

    /// <summary>ln(N / postings in the category), at least a little so a category everyone has still counts.</summary>
    private double Rarity(int categoryId) => Math.Max(0.1, categoryRarity.GetValueOrDefault(categoryId, 1));
}
