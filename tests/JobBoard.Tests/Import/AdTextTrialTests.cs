using JobBoard.Domain.Postings;
using JobBoard.Web.Import.AdText;

namespace JobBoard.Tests.Import;

/// <summary>Ads a newcomer pasted in a trial of the import page, with the headings and tags real ads use.</summary>
public sealed class AdTextTrialTests
{
    [Fact]
    public void A_LinkedIn_tag_in_the_head_sets_the_work_mode_and_is_never_a_place_and_what_youll_need_is_the_requirements()
    {
        var draft = AdTextParser.Parse("""
            Senior Backend Engineer (Go / PostgreSQL)
            Brightwave Analytics
            Austin, TX

            #LI-Remote

            What you'll do
            - Design and build high-throughput ingestion services in Go
            - Own PostgreSQL schema design, query tuning and migrations

            What you'll need
            - 5+ years of professional backend development experience
            - Deep knowledge of PostgreSQL

            Compensation
            The base salary range for this role is between $120,000 and $150,000 per year.
            """);

        draft.Content.Locations.Select(l => l.City).Should().Equal("Austin");
        draft.Content.WorkMode.Should().Be(WorkMode.Remote);
        draft.Content.Responsibilities.Should().HaveCount(2);
        draft.Content.Requirements.Select(r => (r.Importance, r.Text)).Should().Equal(
            (RequirementImportance.Essential, "5+ years of professional backend development experience"),
            (RequirementImportance.Essential, "Deep knowledge of PostgreSQL"));
    }

    [Fact]
    public void The_NHS_headings_essential_and_desirable_criteria_are_requirements()
    {
        var draft = AdTextParser.Parse("""
            Staff Nurse, Acute Medical Unit
            Leeds Teaching Hospitals NHS Trust
            Leeds

            Main duties
            - Deliver high standards of patient care on a 32-bed unit

            Essential criteria
            - NMC registration as an Adult Nurse

            Desirable criteria
            - Experience in acute medicine
            """);

        draft.Content.Requirements.Select(r => (r.Importance, r.Text)).Should().Equal(
            (RequirementImportance.Essential, "NMC registration as an Adult Nurse"),
            (RequirementImportance.Desirable, "Experience in acute medicine"));
        draft.Content.Responsibilities.Should().NotContain(r => r.Contains("criteria", StringComparison.OrdinalIgnoreCase));
    }
}
