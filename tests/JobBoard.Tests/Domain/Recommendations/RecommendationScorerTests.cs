using JobBoard.Domain.Postings;
using JobBoard.Domain.Recommendations;

namespace JobBoard.Tests.Domain.Recommendations;

public sealed class RecommendationScorerTests
{
    private const int Healthcare = 1;
    private const int Sales = 2;
    private const int Oncology = 10;

    private static readonly RecommendationSubject Boston = new(
        [new RecommendationPlace("Boston", "Massachusetts", "US", 42.36, -71.06)], WorkMode.OnSite, [], [Healthcare, Sales], [Oncology]);

    // Healthcare is common (ln 2), Sales rare (ln 20).
    private static readonly RecommendationScorer Scorer = new(
        new Dictionary<int, double> { [Healthcare] = Math.Log(2), [Sales] = Math.Log(20) },
        id => id switch { Healthcare => "Healthcare", Sales => "Sales", _ => null },
        id => id == Oncology ? "Oncology" : null);

    private static RecommendationCandidate Candidate(
        double? km = 0, bool sameRegion = true, bool sameCountry = true, WorkMode mode = WorkMode.OnSite,
        string[]? applicants = null, int[]? categories = null, int[]? skills = null, int ageDays = 3) =>
        new(1, km, "Somewhere", sameRegion, sameCountry, mode, applicants ?? [], categories ?? [Healthcare, Sales], skills ?? [], 0.2, ageDays);

    [Fact]
    public void A_candidate_with_several_places_counts_at_the_one_nearest_to_any_of_the_subjects()
    {
        var subject = Boston with
        {
            Places = [Boston.Places[0], new RecommendationPlace("Providence", "Rhode Island", "US", 41.82, -71.41)],
        };
        RecommendationPlace[] places =
        [
            new("Madrid", "Madrid", "ES", 40.42, -3.70),
            new("Worcester", "Massachusetts", "US", 42.26, -71.80),
            new("Cranston", "Rhode Island", "US", 41.78, -71.44),
        ];

        var candidate = RecommendationCandidate.Near(subject, 7, places, WorkMode.OnSite, [], [Sales], [], 0.3, 2);

        candidate.PostingId.Should().Be(7);
        candidate.NearestCity.Should().Be("Cranston");
        candidate.DistanceKm.Should().BeApproximately(5.1, 0.5, "Cranston is about 5 km from Providence, 60 km from Boston");
        (candidate.SameRegion, candidate.SameCountry).Should().Be((true, true));
        candidate.CategoryIds.Should().Equal(Sales);
        (candidate.TitleSimilarity, candidate.AgeDays).Should().Be((0.3, 2));
    }

    [Fact]
    public void The_same_region_needs_the_same_country_and_a_place_in_another_country_is_not_the_same_country()
    {
        var georgiaUs = new RecommendationSubject([new RecommendationPlace("Atlanta", "Georgia", "US", 33.75, -84.39)], WorkMode.OnSite, [], [Sales], []);

        var tbilisi = RecommendationCandidate.Near(georgiaUs, 1, [new("Tbilisi", "Georgia", "GE", 41.69, 44.83)], WorkMode.OnSite, [], [Sales], [], 0, 0);
        var savannah = RecommendationCandidate.Near(georgiaUs, 2, [new("Savannah", "Georgia", "US", 32.08, -81.09)], WorkMode.OnSite, [], [Sales], [], 0, 0);

        (tbilisi.SameRegion, tbilisi.SameCountry).Should().Be((false, false));
        (savannah.SameRegion, savannah.SameCountry).Should().Be((true, true));
        savannah.DistanceKm.Should().BeInRange(340, 380);
    }

    [Fact]
    public void A_candidate_without_places_or_a_subject_without_places_has_no_distance()
    {
        var remoteSubject = new RecommendationSubject([], WorkMode.Remote, ["US"], [Sales], []);

        var remote = RecommendationCandidate.Near(Boston, 1, [], WorkMode.Remote, ["US"], [Sales], [], 0, 0);
        var seenFromRemote = RecommendationCandidate.Near(remoteSubject, 2, [new("Boston", "Massachusetts", "US", 42.36, -71.06)], WorkMode.OnSite, [], [Sales], [], 0, 0);

        (remote.DistanceKm, remote.NearestCity, remote.SameRegion, remote.SameCountry).Should().Be(((double?)null, (string?)null, false, false));
        (seenFromRemote.DistanceKm, seenFromRemote.SameCountry).Should().Be(((double?)null, false), "a remote subject relates through where it takes applicants from");
    }

    [Fact]
    public void Forty_km_away_beats_250_km_away_and_the_same_city_beats_both()
    {
        var sameCity = Scorer.Score(Boston, Candidate(km: 2)).Score;
        var forty = Scorer.Score(Boston, Candidate(km: 40)).Score;
        var farther = Scorer.Score(Boston, Candidate(km: 250, sameRegion: false)).Score;

        sameCity.Should().BeGreaterThan(forty);
        forty.Should().BeGreaterThan(farther);
    }

    [Fact]
    public void Distance_decays_smoothly_with_no_jumps()
    {
        var scores = Enumerable.Range(6, 400).Select(km => Scorer.Score(Boston, Candidate(km: km, sameRegion: false, sameCountry: false)).Score).ToList();

        scores.Should().BeInDescendingOrder();
        scores.Zip(scores.Skip(1), (a, b) => a - b).Should().OnlyContain(step => step < 0.01);
    }

    [Fact]
    public void Same_region_then_same_country_hold_up_far_places()
    {
        var region = Scorer.Score(Boston, Candidate(km: 700, sameRegion: true));
        var country = Scorer.Score(Boston, Candidate(km: 700, sameRegion: false, sameCountry: true));
        var abroad = Scorer.Score(Boston, Candidate(km: 700, sameRegion: false, sameCountry: false));

        region.LocationScore.Should().Be(RecommendationWeights.SameRegion);
        country.LocationScore.Should().Be(RecommendationWeights.SameCountry);
        abroad.LocationScore.Should().BeLessThan(RecommendationWeights.SameCountry);
        Scorer.Score(Boston, Candidate(km: 5_400, sameRegion: false, sameCountry: false)).LocationScore.Should().Be(0, "Madrid is not near Boston");
        region.Reasons.Should().Contain("Same region");
    }

    [Fact]
    public void A_remote_posting_open_to_the_subjects_country_counts_as_local_and_says_so()
    {
        var remote = Scorer.Score(Boston, Candidate(km: null, sameRegion: false, sameCountry: false, mode: WorkMode.Remote, applicants: ["US"]));

        remote.LocationScore.Should().Be(RecommendationWeights.RemoteOpenHere);
        remote.Reasons.Should().Contain("Remote — open to US applicants");
    }

    [Fact]
    public void A_remote_posting_closed_to_the_subjects_country_does_not_count_as_local_even_with_an_office_next_door()
    {
        var closed = Scorer.Score(Boston, Candidate(km: 1, mode: WorkMode.Remote, applicants: ["DE", "FR"]));

        closed.LocationScore.Should().Be(0);
        closed.Reasons.Should().NotContain(r => r.Contains("Remote", StringComparison.Ordinal) || r.Contains("Same city", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rarer_shared_category_weighs_more_than_a_common_one()
    {
        var sharesSales = Scorer.Score(Boston, Candidate(categories: [Sales]));
        var sharesHealthcare = Scorer.Score(Boston, Candidate(categories: [Healthcare]));

        sharesSales.CategoryScore.Should().BeGreaterThan(sharesHealthcare.CategoryScore);
        sharesSales.CategoryScore.Should().BeApproximately(Math.Log(20) / (Math.Log(20) + Math.Log(2)), 1e-9);
        Scorer.Score(Boston, Candidate()).CategoryScore.Should().Be(1);
    }

    [Fact]
    public void Reasons_name_the_place_the_categories_and_the_shared_skills()
    {
        var scored = Scorer.Score(Boston, Candidate(km: 12.4, skills: [Oncology, 99]));

        scored.Reasons.Should().Equal("12 km away", "Healthcare · Sales", "Shares skills: Oncology");
    }

    [Fact]
    public void Skills_title_and_recency_only_break_ties()
    {
        var plain = Scorer.Score(Boston, Candidate(km: 40, ageDays: 300));
        var withExtras = Scorer.Score(Boston, Candidate(km: 40, skills: [Oncology], ageDays: 0) with { TitleSimilarity = 1 });
        var nearer = Scorer.Score(Boston, Candidate(km: 10, ageDays: 300));

        withExtras.Score.Should().BeGreaterThan(plain.Score);
        nearer.Score.Should().BeGreaterThan(withExtras.Score, "ten kilometres closer outweighs every tie-breaker together");
    }
}
