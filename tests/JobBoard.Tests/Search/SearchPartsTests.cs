using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace JobBoard.Tests.Search;

/// <summary>The parts of a search that need no database: the place it names, its facets and its highlights.</summary>
public sealed class SearchPartsTests
{
    private static JobSearchRequest Request(string query) => JobSearchRequestParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));

    [Fact]
    public void A_district_is_searched_as_its_city_and_a_region_or_country_as_a_whole()
    {
        var problems = new List<string>();

        var brooklyn = ResolvedLocation.Of(Request("location=Brooklyn&radius=2"), problems)!;
        brooklyn.Precision.Should().Be(PlacePrecision.City);
        brooklyn.City!.Name.Should().Be("New York City");
        brooklyn.Place.Should().Be(brooklyn.City.Centre);
        brooklyn.City.RadiusKm.Should().Be(2);

        var romania = ResolvedLocation.Of(Request("location=Romania"), problems)!;
        romania.Precision.Should().Be(PlacePrecision.Country);
        romania.City.Should().BeNull();
        romania.Description.Should().Be("Romania");

        ResolvedLocation.Of(Request("q=nurse"), problems).Should().BeNull();
        problems.Should().BeEmpty();
    }

    [Fact]
    public void A_place_the_gazetteer_does_not_know_is_not_found_and_said_so()
    {
        var problems = new List<string>();

        var unknown = ResolvedLocation.Of(Request("location=Atlantis+Deep"), problems)!;

        unknown.Found.Should().BeFalse();
        unknown.Description.Should().Be("Atlantis Deep");
        problems.Should().Equal("We don't know a place called \"Atlantis Deep\".");
    }

    [Fact]
    public void Facets_add_up_the_tallies_and_list_categories_most_matched_first()
    {
        var categories = new CategoryDirectory([new CategoryEntry(1, "nursing", "Nursing"), new CategoryEntry(2, "admin", "Admin"), new CategoryEntry(3, "care", "Care")]);
        FacetTally[] tallies =
        [
            new(3, "Remote", "FullTime", "Senior", [1, 2]),
            new(2, "OnSite", null, null, [1, 3]),
            new(1, "Remote", "PartTime", null, [2, 99]),
        ];

        var facets = SearchFacets.From(tallies, categories);

        facets.Categories.Select(c => (c.Slug, c.Count)).Should().Equal(("nursing", 5), ("admin", 4), ("care", 2));
        facets.WorkModes.Select(m => (m.Value, m.Count)).Should().Equal((WorkMode.OnSite, 2), (WorkMode.Remote, 4));
        facets.EmploymentTypes.Sum(t => t.Count).Should().Be(4, "a posting without a type is in no type's count");
        facets.Levels.Should().ContainSingle().Which.Count.Should().Be(3);
    }

    [Fact]
    public void A_highlight_is_encoded_before_its_matches_are_marked()
    {
        var headline = $"Ward <b>{SearchHighlights.MatchStart}nurse{SearchHighlights.MatchStop}</b> &\nnights";

        SearchHighlights.MarkUp(headline).Should().Be("Ward &lt;b&gt;<mark>nurse</mark>&lt;/b&gt; &amp; nights");
        SearchHighlights.MarkUp("Ward nurse").Should().BeNull("nothing in it matched");
    }
}
