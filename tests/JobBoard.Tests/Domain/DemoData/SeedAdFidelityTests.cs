using System.Globalization;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Loader.DemoData;
using JobBoard.Tests.Infrastructure;

namespace JobBoard.Tests.Domain.DemoData;

/// <summary>The demo file carries the two seed ads word for word, in order, with their facts as typed fields.</summary>
public sealed class SeedAdFidelityTests
{
    private const string ChicagoSeed = SeedAds.Chicago;
    private const string BucharestSeed = SeedAds.Bucharest;
    private const string ChicagoTitle = SeedAds.ChicagoTitle;
    private const string BucharestTitle = SeedAds.BucharestTitle;
    private const string NovartisCareers = "https://www.novartis.com/careers/career-search";

    private static readonly DemoPostingFile Demo = DemoPostingFile.Load();

    [Theory]
    [InlineData(ChicagoSeed, ChicagoTitle)]
    [InlineData(BucharestSeed, BucharestTitle)]
    public void Every_line_of_the_ad_appears_in_the_posting_in_the_ads_order(string seed, string title)
    {
        var lines = SeedAds.AdLines(seed).ToList();
        var (content, company) = Mapped(title);
        var text = ReadingText(content, company);

        lines.Should().HaveCountGreaterThan(20);
        var cursor = 0;
        foreach (var line in lines)
        {
            var at = text.IndexOf(line, cursor, StringComparison.Ordinal);
            if (at < 0)
            {
                text.Contains(line, StringComparison.Ordinal).Should().BeTrue($"the posting keeps the ad's line \"{line}\"");
                at.Should().BeGreaterThanOrEqualTo(0, $"\"{line}\" comes after the lines before it in the ad");
            }

            cursor = at + line.Length;
        }
    }

    [Fact]
    public void Chicago_pays_176400_to_327600_USD_a_year_with_a_cash_incentive_and_equity()
    {
        var pay = Mapped(ChicagoTitle).Content.Compensation;

        pay.Should().NotBeNull();
        pay!.Currency.Should().Be("USD");
        pay.Minimum.Should().Be(176_400m);
        pay.Maximum.Should().Be(327_600m);
        pay.Period.Should().Be(PayPeriod.Year);
        pay.CashIncentive.Should().BeTrue();
        pay.EquityEligible.Should().BeTrue();
        pay.Benefits.Should().StartWith("US-based eligible employees will receive a comprehensive benefits package");
    }

    [Fact]
    public void Chicago_benefits_are_shown_once_after_the_compensation_text()
    {
        var content = Mapped(ChicagoTitle).Content;
        var section = content.Sections.Single(s => s.Kind == SectionKind.Compensation);

        section.Heading.Should().Be("Novartis Compensation Summary");
        section.Body.Should().StartWith("The salary for this position is expected to range between $176,400 and $327,600 per year.");
        section.Body!.Split("\n\n").Should().HaveCount(3);
        section.Body.Should().NotContain("US-based eligible employees");
    }

    [Fact]
    public void Chicago_is_field_based_across_six_cities_with_Chicago_first()
    {
        var content = Mapped(ChicagoTitle).Content;

        content.WorkMode.Should().Be(WorkMode.FieldBased);
        content.Locations.Select(l => l.City).Should().Equal("Chicago", "New York", "Nashville", "Charlotte", "Atlanta", "Miami");
        content.Locations.Should().OnlyContain(l => l.CountryCode == "US");
    }

    [Fact]
    public void Chicago_states_no_relocation_no_visa_director_level_and_leaves_the_unstated_employment_type_empty()
    {
        var content = Mapped(ChicagoTitle).Content;

        content.RelocationSupport.Should().BeFalse();
        content.VisaSponsorship.Should().BeFalse();
        content.Seniority.Should().Be(Seniority.Director);
        content.ExperienceYearsMin.Should().Be(10);
        content.ExperienceYearsMax.Should().BeNull();
        content.EmploymentType.Should().BeNull();
        content.DatePosted.Should().Be(new DateOnly(2025, 10, 27));
        content.ApplyUrl.Should().Be(NovartisCareers);
        content.Categories.Select(c => c.Name).Should().Equal("Healthcare", "Sales", "Management & Leadership");
    }

    [Fact]
    public void Chicago_requirements_are_typed_where_the_text_says_so()
    {
        var requirements = Mapped(ChicagoTitle).Content.Requirements;
        var essential = requirements.Where(r => r.Importance == RequirementImportance.Essential).ToList();

        essential.Should().HaveCount(8);
        requirements.Where(r => r.Importance == RequirementImportance.Desirable).Should().HaveCount(3);
        essential[0].Education.Should().Be("Bachelor's degree");
        essential.Select(r => r.ExperienceYears).Should().Equal(null, 10, 5, 2, 2, null, null, null);
        essential[2].ExperienceSubject.Should().Be("account management");
        var territory = essential[7];
        territory.Text.Should().StartWith("Candidate must reside within territory");
        territory.ResidenceRadiusMiles.Should().Be(100);
        territory.TravelPercentMin.Should().Be(60);
        territory.TravelPercentMax.Should().Be(80);
        territory.Licence.Should().Be("Driver's license");
    }

    [Fact]
    public void Chicago_refers_to_the_shared_Novartis_sections_and_keeps_its_own_text_sections()
    {
        var (content, company) = Mapped(ChicagoTitle);

        content.Sections.Where(s => s.Kind == SectionKind.CompanyBoilerplate).Select(s => company.FindSection(s.CompanySectionKey!)!.Heading)
            .Should().Equal("Why Novartis:", "Join our Novartis Network:", "Benefits and Rewards:", "EEO Statement", "Accessibility & Reasonable Accommodations");
        var driving = content.Sections.Single(s => s.Heading == "Driving is an Essential Function of this Role:");
        driving.Kind.Should().Be(SectionKind.Text);
        driving.HeadingRunsIn.Should().BeTrue();
        driving.Body.Should().StartWith("Meaning it is fundamental to the purpose of this job");
        content.Sections.Select(s => s.Kind).Should().StartWith(
            [SectionKind.Summary, SectionKind.Text, SectionKind.Responsibilities, SectionKind.EssentialRequirements, SectionKind.DesirableRequirements]);
        content.Summary!.Split("\n\n").Should().HaveCount(4);
    }

    [Fact]
    public void Bucharest_has_no_salary()
    {
        var content = Mapped(BucharestTitle).Content;

        content.Compensation.Should().BeNull();
        content.Sections.Should().NotContain(s => s.Kind == SectionKind.Compensation);
    }

    [Fact]
    public void Bucharest_skills_are_the_fifteen_desired_skills_in_order()
    {
        Mapped(BucharestTitle).Content.Skills.Select(s => s.Name).Should().Equal(
            "Accountability", "Account Management", "Commercial Excellence", "Competitive Intelligence", "Compliance",
            "Crm (Customer Relationship Management)", "Customer Engagement", "Ethics", "Healthcare Sector", "Market Development",
            "Problem Solving Skills", "Revenue Growth", "Selling Skills", "Team Collaboration", "Value Propositions");
    }

    [Fact]
    public void Bucharest_categories_are_healthcare_sales_and_management_in_that_order()
    {
        Mapped(BucharestTitle).Content.Categories.Select(c => c.Name).Should().Equal("Healthcare", "Sales", "Management & Leadership");
    }

    [Fact]
    public void Bucharest_job_information_becomes_fields()
    {
        var (content, company) = Mapped(BucharestTitle);

        content.CoreResponsibilities.Should().StartWith("Build and maintain strong relationships with healthcare professionals and key opinion leaders while");
        content.EmploymentType.Should().Be(EmploymentType.FullTime);
        content.ExperienceYearsMin.Should().Be(2);
        content.ExperienceYearsMax.Should().Be(5);
        content.VisaSponsorship.Should().BeFalse();
        content.RelocationSupport.Should().BeFalse();
        content.WorkingLanguage.Should().Be("English");
        content.HoursPerWeek.Should().Be(40m);
        content.Seniority.Should().BeNull();
        content.DatePosted.Should().Be(new DateOnly(2025, 12, 11));
        content.ApplyUrl.Should().Be(NovartisCareers);
        content.Locations.Should().ContainSingle().Which.City.Should().Be("Bucharest");
        company.EmployeeCount.Should().Be(82502);
        company.About.Should().StartWith("Novartis is an innovative medicines company.");
    }

    [Fact]
    public void Bucharest_is_hybrid_as_its_LinkedIn_tag_says()
    {
        Posting(BucharestTitle).WorkMode.Should().BeNull("the ad states its work mode only by its #LI-Hybrid tag");
        Mapped(BucharestTitle).Content.WorkMode.Should().Be(WorkMode.Hybrid);
    }

    [Fact]
    public void Bucharest_keeps_its_job_description_summary_lines_and_paragraph_under_their_headings()
    {
        var content = Mapped(BucharestTitle).Content;
        var summary = content.Sections.Single(s => s.Kind == SectionKind.Summary);

        content.Sections[0].Should().BeEquivalentTo(new { Kind = SectionKind.Text, Heading = "About the Role", Body = (string?)null });
        summary.Heading.Should().Be("Job Description Summary");
        summary.Body.Should().Be("#LI-Hybrid\n\nLocation: Bucharest, Romania\n\nRelocation Support: No");
        content.Summary.Should().StartWith("Step into a role where your work truly matters").And.EndWith("one patient at a time.");
    }

    [Fact]
    public void Bucharest_language_requirements_name_language_and_proficiency()
    {
        var requirements = Mapped(BucharestTitle).Content.Requirements;

        requirements.Should().OnlyContain(r => r.Importance == RequirementImportance.Essential).And.HaveCount(7);
        requirements[0].Education.Should().Be("Bachelor's degree");
        requirements[1].ExperienceYears.Should().Be(3);
        requirements.Where(r => r.Language is not null).Select(r => (r.Language, r.LanguageProficiency))
            .Should().Equal(("Romanian", "native-level"), ("English", "good command"));
    }

    [Theory]
    [InlineData("Internal Medicine Opportunity - 40 minutes from Chicago, IL!", "National Health Partners", "Chicago, IL", "2025-10-25")]
    [InlineData("Commercial Account Executive, Security", "Johnson Controls", "America, IL", "2025-10-22")]
    [InlineData("Head Start Teacher", "Champaign County Regional Planning Commission", "Champaign, IL", "2025-09-28")]
    [InlineData("Battery Technician", "LaSalle Network", "Elmhurst, IL", "2025-10-31")]
    [InlineData("Veterinary Technician-ER/ICU", "Pathway Vet Alliance", "Elk Grove Village, IL", "2025-08-27")]
    [InlineData("Registered Nurse - $20K Sign on", "Lancesoft INC", "Peoria, IL", "2025-10-24")]
    [InlineData("Business development manager - facilities", "Myzone", "Chicago, IL", "2025-10-18")]
    [InlineData("Telecommunications Sales Representative", "Midcrest Enterprises", "Chicago, IL", "2025-10-22")]
    [InlineData("Ops Coordinator", "FedEx Services", "Chicago, IL", "2025-11-03")]
    [InlineData("2025058 Senior Software Engineer", "John Deere", "Chicago, IL", "2025-10-31")]
    public void Each_recommended_job_of_the_Chicago_ad_is_a_posting_with_the_snippet_as_its_summary(
        string title, string company, string place, string posted)
    {
        var posting = Demo.Postings.Should().ContainSingle(p => p.Title == title).Subject;
        var seedText = Normalize(SeedText(ChicagoSeed));

        posting.Company.Should().Be(company);
        posting.Locations.Should().Equal(place);
        posting.DatePosted.Should().Be(DateOnly.ParseExact(posted, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        posting.Compensation.Should().BeNull("none of the recommended jobs states a salary");
        posting.Categories.Should().NotBeEmpty();
        // The page cut the snippet with "…", after a space in some of them.
        seedText.Should().ContainAny(Normalize($"{title} {company} {place} {posting.Summary}") + "…", Normalize($"{title} {company} {place} {posting.Summary}") + " …");
        Demo.Companies.Should().Contain(c => c.Name == company);
    }

    [Fact]
    public void Recommended_jobs_keep_the_snippets_typos_and_say_remote_or_part_time_only_where_the_text_does()
    {
        Posting("Internal Medicine Opportunity - 40 minutes from Chicago, IL!").Summary.Should().Contain("Strctly Outpatient");
        var myzone = Posting("Business development manager - facilities");
        myzone.WorkMode.Should().Be(WorkMode.Remote);
        myzone.ApplicantCountries.Should().Equal("US");
        myzone.EmploymentType.Should().Be(EmploymentType.FullTime);
        Posting("Veterinary Technician-ER/ICU").EmploymentType.Should().Be(EmploymentType.PartTime);
        Demo.Postings.Where(p => p.Source?.Contains("Recommended", StringComparison.Ordinal) == true && p.Company != "Myzone")
            .Should().HaveCount(9).And.OnlyContain(p => p.WorkMode == WorkMode.OnSite);
    }

    [Fact]
    public void Every_demo_posting_validates_and_becomes_a_draft_of_its_company()
    {
        var companies = Demo.Companies.ToDictionary(c => c.Name, c => c.ToCompany());

        Demo.Postings.Should().HaveCount(12);
        foreach (var posting in Demo.Postings)
        {
            var content = posting.ToContent(FakePlace, Category.Create, Skill.Create);
            content.Validate().Should().BeEmpty(posting.Title);
            JobPosting.CreateDraft(companies[posting.Company], content, "demo", TestPostings.Now).Succeeded.Should().BeTrue(posting.Title);
        }
    }

    [Fact]
    public void Demo_categories_belong_to_the_managed_taxonomy()
    {
        Demo.Postings.SelectMany(p => p.Categories).Should().OnlyContain(name => SyntheticBoard.CategoryNames.Contains(name));
    }

    [Fact]
    public void Every_demo_place_resolves_in_the_shipped_gazetteer()
    {
        Demo.Postings.SelectMany(p => p.Locations).Distinct().Should().OnlyContain(text => Gazetteer.Default.Resolve(text) != null);
    }

    [Fact]
    public void A_place_that_does_not_resolve_is_reported_with_the_posting_title()
    {
        var act = () => Posting(BucharestTitle).ToContent(_ => null, Category.Create, Skill.Create);

        act.Should().Throw<InvalidDataException>().WithMessage($"*{BucharestTitle}*Bucharest, Romania*");
    }

    [Fact]
    public void A_misspelt_field_in_the_demo_file_is_refused()
    {
        var act = () => DemoPostingFile.Parse("""{ "postings": [ { "company": "X", "title": "Y", "salary": 5 } ] }""");

        act.Should().Throw<System.Text.Json.JsonException>();
    }

    private static DemoPosting Posting(string title) => Demo.Postings.Single(p => p.Title == title);

    private static (PostingContent Content, Company Company) Mapped(string title)
    {
        var posting = Posting(title);
        return (posting.ToContent(FakePlace, Category.Create, Skill.Create), Demo.CompanyOf(posting).ToCompany());
    }

    /// <summary>Stands in for the gazetteer: "City, ST" is a US city and "City, Romania" a Romanian one, at made-up coordinates.</summary>
    private static PlaceInput? FakePlace(string text)
    {
        var comma = text.LastIndexOf(',');
        if (comma < 0)
        {
            return null;
        }

        var city = text[..comma].Trim();
        var rest = text[(comma + 1)..].Trim();
        return rest switch
        {
            { Length: 2 } when rest.All(char.IsAsciiLetterUpper) => new PlaceInput(city, null, rest, "US", "United States", 41.9, -87.6),
            "Romania" => new PlaceInput(city, null, null, "RO", "Romania", 44.4, 26.1),
            _ => null,
        };
    }

    /// <summary>What a reader of the posting page sees, in order: header, company about, the sections with their content.</summary>
    private static string ReadingText(PostingContent content, Company company)
    {
        var parts = new List<string?> { content.Title, company.Name };
        parts.AddRange(content.Locations.Select(l => PostingLocation.Create(l).DisplayName));
        parts.Add(company.About);
        foreach (var section in content.Sections)
        {
            if (section.Kind == SectionKind.CompanyBoilerplate)
            {
                var shared = company.FindSection(section.CompanySectionKey!)!;
                parts.Add(shared.Heading);
                parts.Add(shared.Body);
                continue;
            }

            parts.Add(section.Heading);
            parts.Add(section.Body);
            switch (section.Kind)
            {
                case SectionKind.Summary:
                    parts.Add(content.Summary);
                    break;
                case SectionKind.Responsibilities:
                    parts.AddRange(content.Responsibilities);
                    break;
                case SectionKind.EssentialRequirements:
                    parts.AddRange(content.Requirements.Where(r => r.Importance == RequirementImportance.Essential).Select(r => r.Text));
                    break;
                case SectionKind.DesirableRequirements:
                    parts.AddRange(content.Requirements.Where(r => r.Importance == RequirementImportance.Desirable).Select(r => r.Text));
                    break;
                case SectionKind.Compensation:
                    parts.Add(content.Compensation?.Benefits);
                    break;
                case SectionKind.Skills:
                    parts.Add(string.Join(", ", content.Skills.Select(s => s.Name)));
                    break;
            }
        }

        parts.Add(content.CoreResponsibilities);
        return Normalize(string.Join("\n", parts.Where(p => p is not null)));
    }

    private static string SeedText(string seed) => SeedAds.Text(seed);

    private static string Normalize(string text) => SeedAds.Normalize(text);
}
