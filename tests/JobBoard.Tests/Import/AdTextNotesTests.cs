using JobBoard.Domain.Postings;
using JobBoard.Web.Import.AdText;

namespace JobBoard.Tests.Import;

/// <summary>What the parser tells the recruiter: leftovers it could not place, scraping debris, what to check.</summary>
public sealed class AdTextNotesTests
{
    [Fact]
    public void Scraping_debris_is_flagged_with_its_line_and_left_in_place()
    {
        var draft = AdTextParser.Parse("""
            Store Manager
            Acme Retail
            Chicago, IL

            About the role
            Lead a team of 20 in our flagship store. Questions? Write to [email protected] before applying.
            Weâ€™re open seven days a week.
            You will <b>own</b> the store&nbsp;budget.
            """);

        var debris = draft.Notes.Where(n => n.Kind == AdTextNoteKind.Debris).ToList();
        debris.Select(n => n.Line).Should().Equal(6, 7, 8);
        debris[0].Message.Should().Contain("[email protected]").And.Contain("hides");
        debris[0].Text.Should().Contain("Write to [email protected]");
        debris[1].Message.Should().Contain("broken");
        debris[2].Message.Should().Contain("<b>").And.Contain("markup");
        draft.Content.Summary.Should().Contain("Write to [email protected] before applying.", "the recruiter fixes debris; the parser does not guess");
    }

    [Fact]
    public void A_line_of_the_head_that_fits_nowhere_is_a_leftover()
    {
        var draft = AdTextParser.Parse("""
            Store Manager
            Acme Retail
            Chicago, IL
            Ref 7 of 12 openings

            Summary
            Lead a team of 20 in our flagship store on State Street, open seven days a week.
            """);

        draft.Leftovers.Should().ContainSingle().Which.Should().Match<AdTextNote>(n => n.Line == 4 && n.Text == "Ref 7 of 12 openings");
        draft.Content.Title.Should().Be("Store Manager");
    }

    [Fact]
    public void Job_information_a_parser_cannot_read_is_a_leftover_not_dropped()
    {
        var draft = AdTextParser.Parse("""
            Warehouse Operative
            Acme Logistics
            Manchester, UK

            Summary
            Pick, pack and dispatch orders in our Trafford Park warehouse on a rotating shift pattern.

            Job Information
            📋Job Type
            full time
            📊Visa Sponsorship
            Ask us
            🎁Perks
            Free parking and a canteen
            """);

        draft.Content.EmploymentType.Should().Be(EmploymentType.FullTime);
        draft.Content.VisaSponsorship.Should().BeNull("\"Ask us\" is neither yes nor no");
        draft.Leftovers.Select(n => n.Text).Should().Equal("📊Visa Sponsorship", "🎁Perks", "Free parking and a canteen");
        draft.Leftovers.First().Message.Should().Contain("Ask us");
    }

    [Fact]
    public void A_place_the_gazetteer_does_not_know_is_kept_and_told()
    {
        var draft = AdTextParser.Parse("""
            Ranger
            Parks Service
            Location: Xyzzyville, Atlantis

            Summary
            Look after the trails and welcome visitors to the park through the summer season.
            """);

        draft.Content.Locations.Should().BeEmpty();
        draft.Places.Should().Contain(p => p.Text.Contains("Xyzzyville") && p.Place == null);
        draft.Notes.Should().Contain(n => n.Kind == AdTextNoteKind.Check && n.Line == 3 && n.Message.Contains("gazetteer"));
    }

    [Fact]
    public void Text_without_a_title_says_so()
    {
        var draft = AdTextParser.Parse("   \n\n");
        draft.Content.Title.Should().BeEmpty();
        draft.Notes.Should().ContainSingle().Which.Message.Should().Contain("No title");
    }

    [Fact]
    public void A_second_list_of_the_same_kind_is_kept_as_text_and_told()
    {
        var draft = AdTextParser.Parse("""
            Data Analyst
            Acme
            Leeds, UK

            Requirements
            - SQL
            - Python

            Technical Requirements
            - A laptop of your own
            """);

        draft.Content.Requirements.Select(r => r.Text).Should().Equal("SQL", "Python");
        draft.Content.Sections.Should().Contain(s => s.Kind == SectionKind.Text && s.Heading == "Technical Requirements" && s.Body == "• A laptop of your own");
        draft.Notes.Should().Contain(n => n.Kind == AdTextNoteKind.Check && n.Line == 9);
    }
}
