using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Import.AdText;

namespace JobBoard.Tests.Import;

/// <summary>The two seed ads pasted as they are, read field by field into a draft.</summary>
public sealed class AdTextSeedTests
{
    private static readonly AdTextDraft Chicago = AdTextParser.Parse(SeedAds.Text(SeedAds.Chicago));
    private static readonly AdTextDraft Bucharest = AdTextParser.Parse(SeedAds.Text(SeedAds.Bucharest));

    [Fact]
    public void The_Chicago_ad_has_its_title_company_places_and_work_mode()
    {
        var content = Chicago.Content;
        content.Title.Should().Be("Director lead");
        Chicago.CompanyName.Should().Be("Novartis");
        content.Locations.Select(l => $"{l.City}, {l.RegionCode}").Should().Equal(
            ["Chicago, IL", "New York City, NY", "Nashville, TN", "Charlotte, NC", "Atlanta, GA", "Miami, FL"],
            "the ad's place comes first, then the territory its summary lists");
        content.WorkMode.Should().Be(WorkMode.FieldBased, "the summary calls it a field-based opportunity");
        content.RelocationSupport.Should().BeFalse("Novartis is unable to offer relocation support");
        content.VisaSponsorship.Should().BeFalse("the company will not sponsor visas");
        content.Seniority.Should().Be(Seniority.Director);
        content.ExperienceYearsMin.Should().Be(10, "the first essential requirement asks for 10+ years");
        content.DatePosted.Should().Be(new DateOnly(2025, 10, 27));
        content.EmploymentType.Should().BeNull("the ad does not say");
    }

    [Fact]
    public void The_Chicago_summary_is_its_four_paragraphs()
    {
        var paragraphs = Chicago.Content.Summary!.Split("\n\n");
        paragraphs.Should().HaveCount(4);
        paragraphs[0].Should().StartWith("This is a field-based and remote opportunity").And.EndWith("Chicago and the surrounding area.");
        paragraphs[1].Should().Be("Novartis is unable to offer relocation support for this role. Please only apply if this location is accessible for you.");
        paragraphs[2].Should().Be("Company will not sponsor visas for this position.");
        paragraphs[3].Should().StartWith("The Radioligand Therapies (RLT) Director, Ecosystem Lead will be responsible")
            .And.EndWith("is also essential.");
    }

    [Fact]
    public void The_Chicago_responsibilities_are_every_bullet_in_order()
    {
        Chicago.Content.Responsibilities.Should().HaveCount(9);
        Chicago.Content.Responsibilities[0].Should().StartWith("Understand the needs of the target ecosystem archetype customers");
        Chicago.Content.Responsibilities[5].Should().Be("Provide alternatives and solutions where challenges and ambiguity exist.");
        Chicago.Content.Responsibilities[8].Should().Be("Manage multiple highly critical and complex ecosystem archetype targets.");
        Chicago.Content.Responsibilities.Should().OnlyContain(r => !r.StartsWith('•') && r == r.Trim());
    }

    [Fact]
    public void The_Chicago_requirements_keep_their_importance_and_typed_facts()
    {
        var requirements = Chicago.Content.Requirements;
        requirements.Select(r => r.Importance).Should().Equal(
            [.. Enumerable.Repeat(RequirementImportance.Essential, 8), .. Enumerable.Repeat(RequirementImportance.Desirable, 3)]);

        requirements[0].Text.Should().Be("Bachelor’s degree required, advanced degree a plus.");
        requirements[0].Education.Should().Be("Bachelor's degree", "the level named first is the one asked for");
        requirements[1].ExperienceYears.Should().Be(10);
        requirements[1].ExperienceSubject.Should().Be("pharmaceutical");
        requirements[2].ExperienceYears.Should().Be(5);
        requirements[2].ExperienceSubject.Should().Be("account management");
        requirements[3].ExperienceYears.Should().Be(2);
        requirements[3].ExperienceSubject.Should().Be("project management/leadership");
        requirements[4].ExperienceYears.Should().Be(2);
        requirements[4].ExperienceSubject.Should().Be("leading complex projects");
        requirements[5].Facts.Should().Be(RequirementFacts.None, "\"within last 5 years\" is no number of years of experience");
        requirements[6].Facts.Should().Be(RequirementFacts.None);

        var territory = requirements[7];
        territory.Text.Should().StartWith("Candidate must reside within territory").And.EndWith("Must have a valid driver’s license.");
        territory.ResidenceRadiusMiles.Should().Be(100);
        territory.TravelPercentMin.Should().Be(60);
        territory.TravelPercentMax.Should().Be(80);
        territory.Licence.Should().Be("Driver's license");

        requirements[8].Text.Should().StartWith("Oncology, Nuclear Medicine, Buy and Bill");
        requirements[10].Text.Should().EndWith("advanced Prostate Cancer is highly preferred.");
    }

    [Fact]
    public void The_Chicago_salary_is_read_with_its_currency_period_incentive_equity_and_benefits()
    {
        var pay = Chicago.Content.Compensation!;
        (pay.Currency, pay.Minimum, pay.Maximum, pay.Period).Should().Be(("USD", 176_400m, 327_600m, PayPeriod.Year));
        pay.CashIncentive.Should().BeTrue();
        pay.EquityEligible.Should().BeTrue();
        pay.Benefits.Should().StartWith("US-based eligible employees will receive a comprehensive benefits package")
            .And.EndWith("holidays and other leaves.");
    }

    [Fact]
    public void The_Chicago_sections_keep_every_heading_in_the_ads_order()
    {
        Chicago.Content.Sections.Select(s => (s.Kind, s.Heading)).Should().Equal(
            (SectionKind.Summary, "Summary"),
            (SectionKind.Text, "About The Role"),
            (SectionKind.Responsibilities, "Key Responsibilities:"),
            (SectionKind.EssentialRequirements, "Essential Requirements"),
            (SectionKind.DesirableRequirements, "Desirable Requirements"),
            (SectionKind.Text, "Driving is an Essential Function of this Role:"),
            (SectionKind.Text, "COVID-19 Vaccine Policy (customer-facing roles only):"),
            (SectionKind.Text, "For Field Roles with a Dedicated Training Period :"),
            (SectionKind.Compensation, "Novartis Compensation Summary"),
            (SectionKind.Text, "Why Novartis:"),
            (SectionKind.Text, "Join our Novartis Network:"),
            (SectionKind.Text, "Benefits and Rewards:"),
            (SectionKind.Text, "EEO Statement"),
            (SectionKind.Text, "Accessibility & Reasonable Accommodations"));

        var sections = Chicago.Content.Sections;
        sections[5].Body.Should().StartWith("Meaning it is fundamental to the purpose of this job").And.EndWith("essential function of driving.");
        sections[5].HeadingRunsIn.Should().BeTrue();
        sections[8].Body!.Split("\n\n").Should().HaveCount(3).And.Subject.First().Should()
            .Be("The salary for this position is expected to range between $176,400 and $327,600 per year.");
        sections[13].Body.Should().Contain("call +1(877)395-2339").And.EndWith("Please include the job requisition number in your message.");
    }

    [Fact]
    public void The_Chicago_pages_other_postings_are_left_out_and_said_so()
    {
        Chicago.Notes.Should().ContainSingle(n => n.Kind == AdTextNoteKind.SiteText)
            .Which.Message.Should().Contain("Recommended Jobs").And.Contain("left out");
        AllText(Chicago).Should().NotContain("Internal Medicine Opportunity").And.NotContain("Johnson Controls");
        Chicago.Leftovers.Should().BeEmpty();
    }

    [Fact]
    public void The_Chicago_hidden_email_addresses_are_flagged_by_line()
    {
        var debris = Chicago.Notes.Where(n => n.Kind == AdTextNoteKind.Debris).ToList();
        debris.Select(n => n.Line).Should().Equal(52, 78);
        debris.Should().OnlyContain(n => n.Text.Contains("[email protected]") && n.Message.Contains("write the address in"));
        debris[0].Text.Should().StartWith("…").And.EndWith("accommodation requests to [email protected].", "the note quotes the words around the debris");
        Chicago.Content.Sections[6].Body.Should().EndWith("[email protected].", "debris is left for the recruiter to fix, not silently changed");
    }

    [Fact]
    public void The_Bucharest_ad_has_its_title_company_place_and_job_information()
    {
        var content = Bucharest.Content;
        content.Title.Should().Be("Key Account Manager -Oncology | Bucharest");
        Bucharest.CompanyName.Should().Be("Novartis");
        content.Locations.Should().ContainSingle().Which.Should().Match<PlaceInput>(p => p.City == "Bucharest" && p.CountryCode == "RO");
        content.WorkMode.Should().Be(WorkMode.Hybrid, "the ad's #LI-Hybrid tag beats the job site's 'On Site' label");
        content.RelocationSupport.Should().BeFalse();
        content.VisaSponsorship.Should().BeFalse();
        content.EmploymentType.Should().Be(EmploymentType.FullTime);
        (content.ExperienceYearsMin, content.ExperienceYearsMax).Should().Be((2, 5));
        content.HoursPerWeek.Should().Be(40m);
        content.WorkingLanguage.Should().Be("English");
        content.CoreResponsibilities.Should().Be(
            "Build and maintain strong relationships with healthcare professionals and key opinion leaders while achieving annual sales targets. Develop and execute territory plans aligned with marketing and sales strategies.");
        content.DatePosted.Should().Be(new DateOnly(2025, 12, 11));
        content.Compensation.Should().BeNull("the Bucharest ad states no salary, and none is invented");
        content.Seniority.Should().BeNull();
        Bucharest.CompanyEmployees.Should().Be(82502);
        Bucharest.CompanyAboutHeading.Should().Be("About The Company");
        Bucharest.CompanyAbout.Should().StartWith("Novartis is an innovative medicines company.").And.EndWith("https://go.novartis.social/3Nboxki");
    }

    [Fact]
    public void The_Bucharest_work_mode_conflict_is_told()
    {
        Bucharest.Notes.Should().Contain(n => n.Kind == AdTextNoteKind.Check && n.Line == 7 && n.Message.Contains("#LI-Hybrid") && n.Message.Contains("On site"));
    }

    [Fact]
    public void The_Bucharest_summary_keeps_its_tag_and_labels_as_the_lead_in()
    {
        Bucharest.Content.Summary.Should().StartWith("Step into a role where your work truly matters").And.EndWith("one patient at a time.");
        var summary = Bucharest.Content.Sections.Single(s => s.Kind == SectionKind.Summary);
        summary.Heading.Should().Be("Job Description Summary");
        summary.Body.Should().Be("#LI-Hybrid\n\nLocation: Bucharest, Romania\n\nRelocation Support: No");
    }

    [Fact]
    public void The_Bucharest_lists_are_every_bullet_with_importance_and_facts()
    {
        Bucharest.Content.Responsibilities.Should().Equal(
            "Build and maintain strong relationships with healthcare professionals and key opinion leaders.",
            "Achieve annual sales targets within the assigned territory and therapeutic area.",
            "Develop and execute territory plans aligned with marketing and sales strategies.",
            "Organize and lead impactful business meetings with key stakeholders and sector customers.",
            "Represent Novartis at congresses, seminars, and promotional events to strengthen brand presence.",
            "Collaborate with Sales and Marketing Managers to align account strategies with company goals.",
            "Provide timely feedback and insights from the field to support strategic decision-making.");

        var requirements = Bucharest.Content.Requirements;
        requirements.Should().OnlyContain(r => r.Importance == RequirementImportance.Essential);
        requirements.Select(r => r.Text).Should().Equal(
            "Bachelor’s degree or equivalent professional experience in a relevant field",
            "3–5 years of successful sales experience in the pharmaceutical industry",
            "Proven track record of high performance and consistent achievement",
            "Strong collaboration skills and ability to work effectively in a team",
            "Native-level fluency in Romanian",
            "Good command of English for professional communication",
            "Demonstrated agility and openness to continuous learning");
        requirements[0].Education.Should().Be("Bachelor's degree");
        (requirements[1].ExperienceYears, requirements[1].ExperienceSubject).Should().Be((3, "pharmaceutical industry"));
        (requirements[4].Language, requirements[4].LanguageProficiency).Should().Be(("Romanian", "native-level"));
        (requirements[5].Language, requirements[5].LanguageProficiency).Should().Be(("English", "good command"));
        requirements.Where((_, i) => i is 2 or 3 or 6).Should().OnlyContain(r => r.Facts == RequirementFacts.None);
    }

    [Fact]
    public void The_Bucharest_sections_keep_every_heading_in_the_ads_order()
    {
        Bucharest.Content.Sections.Select(s => (s.Kind, s.Heading)).Should().Equal(
            (SectionKind.Text, "About the Role"),
            (SectionKind.Summary, "Job Description Summary"),
            (SectionKind.Text, "Job Description"),
            (SectionKind.Responsibilities, "Key Responsibilities"),
            (SectionKind.EssentialRequirements, "Essential Requirements"),
            (SectionKind.Text, "Commitment to Diversity & Inclusion:"),
            (SectionKind.Text, "Why Novartis?"),
            (SectionKind.Skills, "Skills Desired"));
        Bucharest.Content.Sections[5].Body.Should().Be(
            "We are committed to building an outstanding, inclusive work environment and diverse teams representative of the patients and communities we serve.");
        Bucharest.Content.Sections[6].Body.Should().StartWith("Our purpose is to reimagine medicine").And.EndWith("Be a part of this mission and join us!");
    }

    [Fact]
    public void The_Bucharest_skills_and_categories_are_names_for_the_taxonomy()
    {
        Bucharest.SkillNames.Should().Equal(
            "Accountability", "Account Management", "Commercial Excellence", "Competitive Intelligence", "Compliance",
            "Crm (Customer Relationship Management)", "Customer Engagement", "Ethics", "Healthcare Sector", "Market Development",
            "Problem Solving Skills", "Revenue Growth", "Selling Skills", "Team Collaboration", "Value Propositions");
        Bucharest.CategoryNames.Should().Equal("Healthcare", "Sales", "Management & Leadership");
    }

    [Fact]
    public void The_Bucharest_job_site_furniture_is_left_out_and_listed()
    {
        Bucharest.Notes.Where(n => n.Kind == AdTextNoteKind.SiteText).Select(n => n.Text).Should().Equal(
            "JOB DETAILS", "Key Skills", "Apply Now →", "You'll be redirected to", "the company's application page");
        Bucharest.Leftovers.Should().BeEmpty();
        Bucharest.Notes.Should().NotContain(n => n.Kind == AdTextNoteKind.Debris);
    }

    /// <summary>
    /// Every line of each seed ad (as <see cref="SeedAds.AdLines"/> quotes them, without the job site's labels) is in
    /// the draft, in a field, a section, a note or the company's own text: the board carries the ad without losing a word.
    /// </summary>
    [Theory]
    [InlineData(SeedAds.Chicago)]
    [InlineData(SeedAds.Bucharest)]
    public void No_line_of_a_seed_ad_is_lost(string seed)
    {
        var draft = AdTextParser.Parse(SeedAds.Text(seed));
        var text = SeedAds.Normalize(AllText(draft));
        var missing = SeedAds.AdLines(seed).Where(line => !text.Contains(line, StringComparison.Ordinal)).ToList();
        missing.Should().BeEmpty();
    }

    private static string AllText(AdTextDraft draft)
    {
        var content = draft.Content;
        var pay = content.Compensation;
        return string.Join(
            "\n",
            new[] { content.Title, draft.CompanyName, draft.CompanyAboutHeading, draft.CompanyAbout, content.Summary, content.CoreResponsibilities, pay?.Benefits }
                .Concat(content.Responsibilities)
                .Concat(content.Requirements.Select(r => r.Text))
                .Concat(content.Sections.SelectMany(s => new[] { s.Heading, s.Body }))
                .Concat(draft.Places.Select(p => p.Text))
                .Append(string.Join(", ", draft.SkillNames))
                .Concat(draft.Notes.Select(n => n.Text))
                .OfType<string>()
                .Select(line => line.Replace("• ", string.Empty, StringComparison.Ordinal)));
    }
}
