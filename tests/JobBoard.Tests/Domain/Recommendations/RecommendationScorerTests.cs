using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Recommendations;

namespace JobBoard.Tests.Domain.Recommendations;

public sealed class RecommendationScorerTests
{
    private const int Healthcare = 1;
    private const int Sales = 2;
    private const int Leadership = 3;
    private const int Software = 4;
    private const int Oncology = 10;

    private static readonly RecommendationSubject Boston = Subject(["Boston, MA"], [Healthcare, Sales], [Oncology]);

    // Healthcare is common (ln 2), Sales rarer (ln 20), Management & Leadership rare but broad (it goes with every field).
    private static readonly RecommendationScorer Scorer = new(
        new Dictionary<int, CategoryEvidence>
        {
            [Healthcare] = new(Math.Log(2), false),
            [Sales] = new(Math.Log(20), false),
            [Leadership] = new(Math.Log(30), true),
            [Software] = new(Math.Log(10), false),
        },
        id => id switch { Healthcare => "Healthcare", Sales => "Sales", Leadership => "Management & Leadership", Software => "Software", _ => null },
        id => id == Oncology ? "Oncology" : null);

    private static RecommendationPlace Place(string text)
    {
        var place = Gazetteer.Default.Resolve(text) ?? throw new InvalidOperationException(text);
        return new RecommendationPlace(place.Name, place.Region, place.CountryCode, place.Latitude, place.Longitude);
    }

    private static RecommendationSubject Subject(string[] places, int[] categories, int[]? skills = null) =>
        new([.. places.Select(Place)], WorkMode.OnSite, [], categories, skills ?? []);

    private static RecommendationCandidate Candidate(
        string[] places, int[]? categories = null, WorkMode mode = WorkMode.OnSite, string[]? applicants = null, int[]? skills = null,
        int ageDays = 3, int id = 1, double title = 0.2) =>
        new(id, [.. places.Select(Place)], mode, applicants ?? [], categories ?? [Healthcare, Sales], skills ?? [], title, ageDays);

    private static ScoredRecommendation Score(RecommendationSubject subject, RecommendationCandidate candidate) =>
        Scorer.Score(subject, candidate) ?? throw new InvalidOperationException("left out");

    [Fact]
    public void The_same_city_is_named_in_the_reason()
    {
        var scored = Score(Boston, Candidate(["Boston, MA"], skills: [Oncology, 99]));

        scored.LocationScore.Should().Be(1);
        scored.Reasons.Should().Equal("Same city: Boston", "Healthcare · Sales", "Shares skills: Oncology");
        scored.PlaceIndex.Should().Be(0);
    }

    [Fact]
    public void A_nearby_place_says_how_far_it_is_from_the_subjects_place()
    {
        var chicago = Subject(["Chicago, IL"], [Healthcare]);

        var scored = Score(chicago, Candidate(["Elk Grove Village, IL"]));

        scored.Reasons[0].Should().MatchRegex(@"^\d\d km from Chicago$");
        scored.LocationScore.Should().BeApproximately(RecommendationWeights.NearbyMaximum * Math.Exp(-32.0 / RecommendationWeights.DistanceScaleKm), 0.02);
    }

    [Fact]
    public void A_neighbouring_town_is_not_the_same_city_however_close()
    {
        var cambridge = Score(Boston, Candidate(["Cambridge, MA"]));

        cambridge.Reasons[0].Should().MatchRegex(@"^\d km from Boston$");
        cambridge.LocationScore.Should().BeLessThan(1);
    }

    [Fact]
    public void A_distance_from_a_district_names_the_district_it_was_measured_from()
    {
        var brooklyn = Subject(["Brooklyn, NY"], [Sales]);
        var brooklynPlace = brooklyn.Places[0];
        var newark = Place("Newark, NJ");
        var km = GeoDistance.Kilometres(brooklynPlace.Latitude, brooklynPlace.Longitude, newark.Latitude, newark.Longitude);

        Score(brooklyn, Candidate(["Newark, NJ"])).Reasons[0].Should().Be($"{Math.Round(km):0} km from Brooklyn");
        Score(brooklyn, Candidate(["Manhattan, NY"])).Reasons[0].Should().Be("Same city: New York City");
        Score(Subject(["Sector 4, Bucharest"], [Sales]), Candidate(["Voluntari, Romania"])).Reasons[0].Should().MatchRegex(@"^\d+ km from Sector 4$");
    }

    [Theory]
    [InlineData("Bucharest, Romania", "Sector 2, Bucharest", "Same city: Bucharest")]
    [InlineData("Bucharest, Romania", "Sector 3, Bucharest", "Same city: Bucharest")]
    [InlineData("Sector 1, Bucharest", "Sector 4, Bucharest", "Same city: Bucharest")]
    [InlineData("New York, NY", "Brooklyn, NY", "Same city: New York City")]
    [InlineData("Staten Island, NY", "Manhattan, NY", "Same city: New York City")]
    [InlineData("Chicago, IL", "Lincoln Park, IL", "Same city: Chicago")]
    public void A_citys_districts_are_the_city(string subject, string candidate, string reason)
    {
        var scored = Score(Subject([subject], [Sales]), Candidate([candidate]));

        scored.LocationScore.Should().Be(1);
        scored.Reasons[0].Should().Be(reason);
    }

    [Fact]
    public void The_subjects_headline_place_leads_and_its_other_places_count_less()
    {
        var fieldTerritories = Subject(["Chicago, IL", "New York, NY", "Atlanta, GA"], [Healthcare, Sales]);

        var newYork = Score(fieldTerritories, Candidate(["New York, NY"], id: 1));
        var nearChicago = Score(fieldTerritories, Candidate(["Naperville, IL"], id: 2));
        var chicago = Score(fieldTerritories, Candidate(["Chicago, IL"], id: 3));
        var newYorkNurse = Score(fieldTerritories, Candidate(["New York, NY"], categories: [Healthcare], id: 4));
        var chicagoNurse = Score(fieldTerritories, Candidate(["Evanston, IL"], categories: [Healthcare], id: 5));

        newYork.Reasons[0].Should().Be("Same city: New York City");
        newYork.LocationScore.Should().Be(RecommendationWeights.OtherSubjectPlace);
        chicago.Score.Should().BeGreaterThan(nearChicago.Score);
        nearChicago.Score.Should().BeGreaterThan(newYork.Score, "45 km from the headline place beats the same city of another territory");
        chicagoNurse.Score.Should().BeGreaterThan(newYorkNurse.Score);
        newYork.Score.Should().BeGreaterThan(newYorkNurse.Score, "the other territories still count");
    }

    [Fact]
    public void A_multi_place_candidate_counts_at_its_place_that_matched_and_names_it()
    {
        var chicago = Subject(["Chicago, IL"], [Sales]);

        var scored = Score(chicago, Candidate(["Houston, TX", "Chicago, IL", "Madison, WI"], categories: [Sales]));

        scored.PlaceIndex.Should().Be(1);
        scored.Reasons[0].Should().Be("Same city: Chicago");
        scored.LocationScore.Should().Be(1);
    }

    [Fact]
    public void Forty_km_away_beats_250_km_away_and_the_same_city_beats_both()
    {
        var sameCity = Score(Boston, Candidate(["Boston, MA"])).Score;
        var forty = Score(Boston, Candidate(["Brockton, MA"])).Score;
        var farther = Score(Boston, Candidate(["Albany, NY"])).Score;

        sameCity.Should().BeGreaterThan(forty);
        forty.Should().BeGreaterThan(farther);
    }

    [Fact]
    public void Distance_decays_smoothly_with_no_jumps()
    {
        var subject = new RecommendationSubject([new RecommendationPlace("Here", null, "US", 0, 0)], WorkMode.OnSite, [], [Sales], []);
        var scores = Enumerable.Range(2, 400)
            .Select(km => Score(subject, new RecommendationCandidate(1, [new RecommendationPlace("There", null, "US", km / 111.2, 0)], WorkMode.OnSite, [], [Sales], [], 0, 0)).Score)
            .ToList();

        scores.Should().BeInDescendingOrder();
        scores.Zip(scores.Skip(1), (a, b) => a - b).Should().OnlyContain(step => step < 0.01);
    }

    [Fact]
    public void Same_region_then_same_country_hold_up_far_places_and_say_which()
    {
        var region = Score(Subject(["Los Angeles, CA"], [Sales]), Candidate(["Eureka, CA"]));
        var country = Score(Boston, Candidate(["Seattle, WA"]));

        region.LocationScore.Should().Be(RecommendationWeights.SameRegion);
        region.Reasons[0].Should().Be("Same region: California");
        country.LocationScore.Should().Be(RecommendationWeights.SameCountry);
        country.Reasons[0].Should().Be("Same country: US");
    }

    [Fact]
    public void A_remote_posting_open_to_the_subjects_country_counts_as_local_and_says_so()
    {
        var remote = Score(Boston, Candidate([], mode: WorkMode.Remote, applicants: ["US"]));

        remote.LocationScore.Should().Be(RecommendationWeights.RemoteOpenHere);
        remote.Reasons.Should().Contain("Remote — open to US applicants");
        remote.Standing.Should().Be(RecommendationStanding.Home);
        remote.PlaceIndex.Should().BeNull();
    }

    [Fact]
    public void A_remote_posting_closed_to_the_subjects_country_is_never_recommended_even_with_an_office_next_door()
    {
        Scorer.Score(Boston, Candidate(["Boston, MA"], mode: WorkMode.Remote, applicants: ["DE", "FR"])).Should().BeNull();
        Scorer.Score(Subject(["Bucharest"], [Sales]), Candidate([], mode: WorkMode.Remote, applicants: ["US"])).Should().BeNull();
        Scorer.Score(Subject(["Bucharest"], [Sales]), Candidate(["Bucharest"], mode: WorkMode.Remote)).Should().NotBeNull("with no applicant countries, a remote job takes them where it is");
    }

    [Fact]
    public void An_on_site_posting_abroad_ranks_below_every_posting_at_home_that_shares_a_category()
    {
        var bucharest = Subject(["Bucharest, Romania"], [Healthcare, Sales, Leadership]);
        var sofia = Score(bucharest, Candidate(["Sofia, Bulgaria"], categories: [Healthcare, Sales, Leadership], id: 1));
        var clujLeadership = Score(bucharest, Candidate(["Cluj-Napoca, Romania"], categories: [Leadership], id: 2));
        var bucharestSoftware = Score(bucharest, Candidate(["Bucharest, Romania"], categories: [Software], id: 3));
        var clujSoftware = Score(bucharest, Candidate(["Cluj-Napoca, Romania"], categories: [Software], id: 4));

        sofia.Standing.Should().Be(RecommendationStanding.Abroad);
        sofia.Score.Should().BeGreaterThan(clujLeadership.Score, "by its own score it would lead");
        RecommendationScorer.Rank([sofia, clujLeadership, bucharestSoftware, clujSoftware], 10).Select(r => r.PostingId)
            .Should().Equal([3, 2, 1, 4], "Sofia goes below Cluj's Leadership job, and keeps its place by score among those sharing nothing");
    }

    [Fact]
    public void A_posting_on_another_continent_only_fills_the_list()
    {
        var madrid = Score(Boston, Candidate(["Madrid, Spain"], id: 1));
        var seattleSoftware = Score(Boston, Candidate(["Seattle, WA"], categories: [Software], id: 2));
        var toronto = Score(Boston, Candidate(["Toronto, Canada"], id: 3));

        madrid.Standing.Should().Be(RecommendationStanding.OtherContinent);
        toronto.Standing.Should().Be(RecommendationStanding.Abroad);
        madrid.Score.Should().BeGreaterThan(seattleSoftware.Score);
        RecommendationScorer.Rank([madrid, seattleSoftware, toronto], 10).Select(r => r.PostingId).Should().Equal(3, 2, 1);
        RecommendationScorer.Rank([madrid], 10).Should().ContainSingle("with nothing else to show, it fills the list");
    }

    [Fact]
    public void One_broad_category_alone_is_weak_evidence()
    {
        var director = Subject(["Chicago, IL"], [Healthcare, Sales, Leadership]);

        var storeManager = Score(director, Candidate(["Chicago, IL"], categories: [Leadership], id: 1));
        var nurse = Score(director, Candidate(["Joliet, IL"], categories: [Healthcare], id: 2));
        var unrelated = Score(director, Candidate(["Chicago, IL"], categories: [Software], id: 3));

        storeManager.Reasons.Should().Contain("Management & Leadership");
        nurse.Score.Should().BeGreaterThan(storeManager.Score, "Healthcare 50 km away says more than Management & Leadership next door");
        (storeManager.Score - unrelated.Score).Should().BeLessThan(0.05);
    }

    [Fact]
    public void A_broad_category_is_full_evidence_for_a_subject_that_has_nothing_more_specific()
    {
        var manager = Subject(["Chicago, IL"], [Leadership]);

        Score(manager, Candidate(["Chicago, IL"], categories: [Leadership, Software])).CategoryScore.Should().Be(1);
    }

    [Fact]
    public void A_rarer_shared_category_weighs_more_than_a_common_one()
    {
        var sharesSales = Score(Boston, Candidate(["Boston, MA"], categories: [Sales]));
        var sharesHealthcare = Score(Boston, Candidate(["Boston, MA"], categories: [Healthcare]));

        sharesSales.CategoryScore.Should().BeGreaterThan(sharesHealthcare.CategoryScore);
        sharesSales.CategoryScore.Should().BeApproximately(
            RecommendationWeights.SameField + ((1 - RecommendationWeights.SameField) * Math.Log(20) / (Math.Log(20) + Math.Log(2))), 1e-9);
        Score(Boston, Candidate(["Boston, MA"])).CategoryScore.Should().Be(1);
    }

    [Fact]
    public void Skills_title_and_recency_only_break_ties()
    {
        var plain = Score(Boston, Candidate(["Brockton, MA"], ageDays: 300));
        var withExtras = Score(Boston, Candidate(["Brockton, MA"], skills: [Oncology], ageDays: 0, title: 1));
        var nearer = Score(Boston, Candidate(["Quincy, MA"], ageDays: 300));

        withExtras.Score.Should().BeGreaterThan(plain.Score);
        nearer.Score.Should().BeGreaterThan(withExtras.Score, "25 kilometres closer outweighs every tie-breaker together");
    }

    [Fact]
    public void Candidates_with_neither_place_nor_category_in_common_are_left_out()
    {
        var madridSoftware = Score(Boston, Candidate(["Madrid, Spain"], categories: [Software]));

        RecommendationScorer.Rank([madridSoftware], 10).Should().BeEmpty();
    }

    [Fact]
    public void A_category_whose_postings_go_with_many_fields_is_broad()
    {
        (int, int, int)[] pairs =
        [
            (Healthcare, Healthcare, 300), (Healthcare, Leadership, 20), (Healthcare, Sales, 40),
            (Sales, Sales, 200), (Sales, Healthcare, 40), (Sales, Leadership, 20),
            (Leadership, Leadership, 100), (Leadership, Healthcare, 20), (Leadership, Sales, 20), (Leadership, Software, 20),
            (Leadership, 5, 20), (Leadership, 6, 20), (Leadership, 7, 20),
        ];

        var evidence = CategoryEvidence.From(1000, pairs);

        evidence[Leadership].IsBroad.Should().BeTrue();
        evidence[Healthcare].IsBroad.Should().BeFalse();
        evidence[Sales].IsBroad.Should().BeFalse();
        evidence[Healthcare].Rarity.Should().BeApproximately(Math.Log(1000.0 / 300), 1e-9);
    }
}
