using JobBoard.Domain.Postings;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Domain.Postings;

public sealed class PostingContentTests
{
    [Fact]
    public void A_complete_posting_is_valid() => Content().Validate().Should().BeEmpty();

    [Fact]
    public void The_closing_date_must_come_after_the_posting_date()
    {
        var errors = (Content() with { DatePosted = new DateOnly(2026, 5, 1), ValidThrough = new DateOnly(2026, 4, 30) }).Validate();

        errors.Should().ContainSingle(e => e.Field == "ValidThrough" && e.Message == "The closing date must be after the posting date.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_title_is_required(string title) =>
        (Content() with { Title = title }).Validate().Should().ContainSingle(e => e.Field == "Title");

    [Fact]
    public void A_huge_title_is_refused() =>
        (Content() with { Title = new string('x', 201) }).Validate().Should().ContainSingle(e => e.Field == "Title");

    [Fact]
    public void A_huge_summary_is_refused() =>
        (Content() with { Summary = new string('x', 20_001) }).Validate().Should().ContainSingle(e => e.Field == "Summary");

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/apply")]
    [InlineData("not a url")]
    public void The_apply_link_must_be_a_web_address(string url) =>
        (Content() with { ApplyUrl = url }).Validate().Should().ContainSingle(e => e.Field == "ApplyUrl");

    [Fact]
    public void An_invalid_apply_email_is_refused() =>
        (Content() with { ApplyEmail = "jobs at acme" }).Validate().Should().ContainSingle(e => e.Field == "ApplyEmail");

    [Fact]
    public void A_posting_needs_a_place_unless_it_is_remote_with_applicant_countries()
    {
        (Content() with { Locations = [] }).Validate().Should().ContainSingle(e => e.Field == "Locations");
        (Content() with { Locations = [], WorkMode = WorkMode.Remote, ApplicantCountries = ["US"] }).Validate().Should().BeEmpty();
    }

    [Fact]
    public void Unknown_enum_values_are_refused()
    {
        var errors = (Content() with { WorkMode = (WorkMode)9, EmploymentType = (EmploymentType)99, Seniority = (Seniority)7 }).Validate();

        errors.Select(e => e.Field).Should().BeEquivalentTo("WorkMode", "EmploymentType", "Seniority");
    }

    [Fact]
    public void Experience_years_must_be_a_sensible_range()
    {
        (Content() with { ExperienceYearsMin = 5, ExperienceYearsMax = 2 }).Validate().Should().ContainSingle(e => e.Field == "ExperienceYearsMin");
        (Content() with { ExperienceYearsMin = -1 }).Validate().Should().ContainSingle(e => e.Field == "ExperienceYearsMin");
    }

    [Fact]
    public void Impossible_travel_figures_are_refused()
    {
        var requirement = Requirement.Create(RequirementImportance.Essential, "Travel a lot", new RequirementFacts(TravelPercentMin: 80, TravelPercentMax: 60));

        (Content() with { Requirements = [requirement] }).Validate().Should().ContainSingle(e => e.Field == "Requirements");
    }

    [Fact]
    public void Coordinates_out_of_range_are_refused() =>
        (Content() with { Locations = [Chicago with { Latitude = 123 }] }).Validate().Should().ContainSingle(e => e.Field == "Locations");

    [Fact]
    public void A_boilerplate_section_must_exist_in_the_company()
    {
        var company = Company();
        company.SetSection("eeo", "EEO Statement", "We are an equal opportunity employer.");

        JobPosting.CreateDraft(company, Content() with { Sections = [PostingSection.Boilerplate("eeo")] }, "r", Now).Succeeded.Should().BeTrue();
        var missing = JobPosting.CreateDraft(company, Content() with { Sections = [PostingSection.Boilerplate("why-us")] }, "r", Now);

        missing.Succeeded.Should().BeFalse();
        missing.Errors.Single().Message.Should().Contain("no shared section \"why-us\"");
    }

    [Fact]
    public void Typed_requirement_facts_read_as_short_labels()
    {
        var facts = new RequirementFacts(
            ExperienceYears: 10, ExperienceSubject: "in pharmaceutical sales", Language: "Romanian", LanguageProficiency: "native-level",
            Licence: "Driver's license", TravelPercentMin: 60, TravelPercentMax: 80, ResidenceRadiusMiles: 100);

        facts.Labels().Should().Equal(
            "10+ years in pharmaceutical sales", "Romanian (native-level)", "Driver's license", "Travel 60–80%", "Lives within 100 miles");
    }
}
