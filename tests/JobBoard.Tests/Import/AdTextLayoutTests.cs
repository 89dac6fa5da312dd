using JobBoard.Domain.Postings;
using JobBoard.Web.Import.AdText;

namespace JobBoard.Tests.Import;

/// <summary>Ads with other headings and layouts than the seeds: a UK ad, a markdown one, a German one, one without salary.</summary>
public sealed class AdTextLayoutTests
{
    private const string UkAd = """
        Finance Assistant
        Brightwater Housing Trust
        Leeds, LS1 4AP
        £35,000 - £40,000 a year
        Full-time, Permanent

        We are a not-for-profit housing association providing safe, affordable homes to over 12,000 people across West Yorkshire.

        What you'll do
        - Process supplier invoices and reconcile statements each month
        - Prepare bank reconciliations and support the month-end close
        - Answer finance queries from colleagues across the Trust

        What we're looking for
        - AAT Level 3 qualification or working towards it
        - At least 2 years' experience in a finance team
        - Confident with Excel (VLOOKUPs and pivot tables)
        - A full UK driving licence
        - Experience of payroll would be an advantage

        Nice to have
        - Experience with Xero or Sage 200
        - Knowledge of the social housing sector

        What we offer
        25 days' holiday plus bank holidays, a 6% matched pension and hybrid working (two days a week in our Leeds office).

        Closing date: 31 January 2027
        Job reference: BHT-FIN-0042
        """;

    private const string MarkdownAd = """
        # Senior Site Reliability Engineer

        **Company:** Northwind Analytics
        **Location:** Remote (United States)
        **Employment type:** Contract
        **Pay:** $85 - $110 per hour

        ## About the role
        You will keep our data platform fast and available for thousands of customers, working with a small team that owns everything from Terraform to on-call.

        ## Responsibilities
        * Run and improve our Kubernetes clusters on AWS
        * Own the on-call rotation and write blameless postmortems
        * Automate everything you do twice

        ## Requirements
        * 5+ years of experience in site reliability or platform engineering
        * Deep knowledge of Kubernetes, Terraform and Prometheus
        * Fluent English, written and spoken

        ## Bonus points
        * Experience with ClickHouse
        * Contributions to open-source infrastructure projects

        ## Skills
        Kubernetes, Terraform, AWS, Prometheus, Go

        #LI-Remote
        """;

    private const string GermanAd = """
        Backend-Entwickler (m/w/d) Kotlin
        Acme Software GmbH
        München, Deutschland

        Wir entwickeln seit 2009 Software für die Logistikbranche und wachsen weiter. Für unser Team in München suchen wir eine erfahrene Verstärkung.

        Ihre Aufgaben
        • Entwicklung und Betrieb von Microservices in Kotlin und Spring Boot
        • Gestaltung von REST-Schnittstellen gemeinsam mit dem Produktteam
        • Code-Reviews und Weiterentwicklung unserer CI/CD-Pipeline

        Ihr Profil
        • Abgeschlossenes Studium der Informatik oder eine vergleichbare Ausbildung
        • Mindestens 3 Jahre Berufserfahrung in der Backend-Entwicklung
        • Sehr gute Deutschkenntnisse und gute Englischkenntnisse
        • Erfahrung mit Kafka ist von Vorteil

        Was wir bieten
        • Gehalt: 65.000 € – 80.000 € brutto pro Jahr
        • 30 Tage Urlaub und hybrides Arbeiten

        Anstellungsart: Vollzeit
        Arbeitszeit: 40 Stunden pro Woche
        Referenznummer: AS-2026-17
        Bewerbungsschluss: 31.01.2027
        """;

    private const string NurseAdWithoutSalary = """
        Registered Nurse - Night Shift
        Mercy Regional Hospital
        Peoria, IL

        Summary
        Join our 24/7 emergency department caring for patients across central Illinois. New graduates are welcome to apply; we offer a $20K sign-on bonus and a 401(k) with a 6% match.

        Duties
        Assess, plan and deliver patient care during 12-hour night shifts
        Administer medications and document care in Epic
        Mentor new graduate nurses

        Qualifications
        Current Illinois RN license
        BLS and ACLS certification
        1+ years of acute care experience preferred

        Mercy Regional Hospital is an equal opportunity employer.
        """;

    [Fact]
    public void A_UK_ad_reads_its_head_salary_and_what_youll_do_headings()
    {
        var draft = AdTextParser.Parse(UkAd);
        var content = draft.Content;
        content.Title.Should().Be("Finance Assistant");
        draft.CompanyName.Should().Be("Brightwater Housing Trust");
        content.Locations.Should().ContainSingle().Which.Should().Match<PlaceInput>(p => p.City == "Leeds" && p.CountryCode == "GB");
        var pay = content.Compensation!;
        (pay.Currency, pay.Minimum, pay.Maximum, pay.Period).Should().Be(("GBP", 35_000m, 40_000m, PayPeriod.Year));
        content.EmploymentType.Should().Be(EmploymentType.FullTime);
        content.WorkMode.Should().Be(WorkMode.Hybrid, "the ad offers hybrid working");
        content.ValidThrough.Should().Be(new DateOnly(2027, 1, 31));
        content.RequisitionReference.Should().Be("BHT-FIN-0042");
        content.Summary.Should().StartWith("We are a not-for-profit housing association");

        content.Responsibilities.Should().Equal(
            "Process supplier invoices and reconcile statements each month",
            "Prepare bank reconciliations and support the month-end close",
            "Answer finance queries from colleagues across the Trust");
        content.Requirements.Select(r => (r.Importance, r.Text)).Should().Equal(
            (RequirementImportance.Essential, "AAT Level 3 qualification or working towards it"),
            (RequirementImportance.Essential, "At least 2 years' experience in a finance team"),
            (RequirementImportance.Essential, "Confident with Excel (VLOOKUPs and pivot tables)"),
            (RequirementImportance.Essential, "A full UK driving licence"),
            (RequirementImportance.Desirable, "Experience of payroll would be an advantage"),
            (RequirementImportance.Desirable, "Experience with Xero or Sage 200"),
            (RequirementImportance.Desirable, "Knowledge of the social housing sector"));
        content.Requirements[1].ExperienceYears.Should().Be(2);
        content.Requirements[3].Licence.Should().Be("Driving licence");

        content.Sections.Select(s => (s.Kind, s.Heading)).Should().Equal(
            (SectionKind.Summary, null),
            (SectionKind.Responsibilities, "What you'll do"),
            (SectionKind.EssentialRequirements, "What we're looking for"),
            (SectionKind.DesirableRequirements, "Nice to have"),
            (SectionKind.Text, "What we offer"));
        content.Sections[^1].Body.Should().StartWith("25 days' holiday plus bank holidays");
        draft.Notes.Should().BeEmpty();
    }

    [Fact]
    public void A_markdown_ad_reads_its_bold_labels_hash_headings_and_star_bullets()
    {
        var draft = AdTextParser.Parse(MarkdownAd);
        var content = draft.Content;
        content.Title.Should().Be("Senior Site Reliability Engineer");
        draft.CompanyName.Should().Be("Northwind Analytics");
        content.WorkMode.Should().Be(WorkMode.Remote);
        content.Locations.Should().BeEmpty("a remote role names where applicants may live, not a place of work");
        content.ApplicantCountries.Should().Equal("US");
        content.EmploymentType.Should().Be(EmploymentType.Contractor);
        var pay = content.Compensation!;
        (pay.Currency, pay.Minimum, pay.Maximum, pay.Period).Should().Be(("USD", 85m, 110m, PayPeriod.Hour));
        content.Seniority.Should().Be(Seniority.Senior);
        content.Summary.Should().StartWith("You will keep our data platform fast");
        content.Responsibilities.Should().HaveCount(3).And.Contain("Automate everything you do twice");
        content.Requirements.Where(r => r.Importance == RequirementImportance.Desirable).Select(r => r.Text)
            .Should().Equal("Experience with ClickHouse", "Contributions to open-source infrastructure projects");
        content.Requirements[0].ExperienceYears.Should().Be(5);
        (content.Requirements[2].Language, content.Requirements[2].LanguageProficiency).Should().Be(("English", "fluent"));
        draft.SkillNames.Should().Equal("Kubernetes", "Terraform", "AWS", "Prometheus", "Go");
        content.Sections.Select(s => (s.Kind, s.Heading)).Should().Equal(
            (SectionKind.Summary, "About the role"),
            (SectionKind.Responsibilities, "Responsibilities"),
            (SectionKind.EssentialRequirements, "Requirements"),
            (SectionKind.DesirableRequirements, "Bonus points"),
            (SectionKind.Skills, "Skills"),
            (SectionKind.Text, null));
        content.Sections[^1].Body.Should().Be("#LI-Remote", "the tag is the ad's text, not a skill");
        AllSectionText(content).Should().NotContain("**", "markdown emphasis is formatting, not words");
        content.Validate().Should().BeEmpty("a remote posting open to US residents needs no place");
    }

    [Fact]
    public void A_German_ad_reads_its_headings_salary_and_labels()
    {
        var draft = AdTextParser.Parse(GermanAd);
        var content = draft.Content;
        content.Title.Should().Be("Backend-Entwickler (m/w/d) Kotlin");
        draft.CompanyName.Should().Be("Acme Software GmbH");
        content.Locations.Should().ContainSingle().Which.Should().Match<PlaceInput>(p => p.City == "Munich" && p.CountryCode == "DE");
        var pay = content.Compensation!;
        (pay.Currency, pay.Minimum, pay.Maximum, pay.Period).Should().Be(("EUR", 65_000m, 80_000m, PayPeriod.Year));
        content.EmploymentType.Should().Be(EmploymentType.FullTime);
        content.HoursPerWeek.Should().Be(40m);
        content.RequisitionReference.Should().Be("AS-2026-17");
        content.ValidThrough.Should().Be(new DateOnly(2027, 1, 31));
        content.WorkMode.Should().Be(WorkMode.Hybrid, "\"hybrides Arbeiten\"");
        content.Responsibilities.Should().HaveCount(3);
        content.Requirements.Select(r => r.Importance).Should().Equal(
            RequirementImportance.Essential, RequirementImportance.Essential, RequirementImportance.Essential, RequirementImportance.Desirable);
        (content.Requirements[1].ExperienceYears, content.Requirements[1].ExperienceSubject).Should().Be((3, "Backend-Entwicklung"));
        content.Requirements[2].Language.Should().Be("German");
        content.Sections.Select(s => (s.Kind, s.Heading)).Should().Equal(
            (SectionKind.Summary, null),
            (SectionKind.Responsibilities, "Ihre Aufgaben"),
            (SectionKind.EssentialRequirements, "Ihr Profil"),
            (SectionKind.Text, "Was wir bieten"));
        content.Sections[^1].Body.Should().StartWith("• Gehalt: 65.000 € – 80.000 € brutto pro Jahr\n• 30 Tage Urlaub und hybrides Arbeiten");
        draft.Notes.Should().BeEmpty();
    }

    [Fact]
    public void An_ad_without_salary_gets_none_though_it_names_a_bonus_and_a_401k()
    {
        var draft = AdTextParser.Parse(NurseAdWithoutSalary);
        var content = draft.Content;
        content.Compensation.Should().BeNull("a $20K sign-on bonus and a 401(k) are not a salary");
        draft.Notes.Should().NotContain(n => n.Message.Contains("salary", StringComparison.OrdinalIgnoreCase));
        content.Title.Should().Be("Registered Nurse - Night Shift");
        content.Locations.Should().ContainSingle().Which.City.Should().Be("Peoria");
        content.Responsibilities.Should().Equal(
            "Assess, plan and deliver patient care during 12-hour night shifts",
            "Administer medications and document care in Epic",
            "Mentor new graduate nurses");
        content.Requirements.Select(r => (r.Importance, r.Text)).Should().Equal(
            (RequirementImportance.Essential, "Current Illinois RN license"),
            (RequirementImportance.Essential, "BLS and ACLS certification"),
            (RequirementImportance.Desirable, "1+ years of acute care experience preferred"));
        (content.Requirements[2].ExperienceYears, content.Requirements[2].ExperienceSubject).Should().Be((1, "acute care"));
        content.Sections.Select(s => (s.Kind, s.Heading)).Should().Equal(
            (SectionKind.Summary, "Summary"),
            (SectionKind.Responsibilities, "Duties"),
            (SectionKind.EssentialRequirements, "Qualifications"),
            (SectionKind.Text, null));
        content.Sections[^1].Body.Should().Be("Mercy Regional Hospital is an equal opportunity employer.", "a closing sentence is not a qualification");
    }

    [Theory]
    [InlineData("Salary: £28,500 per annum", "GBP", 28_500d, 28_500d, PayPeriod.Year)]
    [InlineData("Pay: $25.50 - $30 an hour", "USD", 25.50d, 30d, PayPeriod.Hour)]
    [InlineData("Salary: up to £40k", "GBP", null, 40_000d, PayPeriod.Year)]
    [InlineData("Compensation: from €4,500 per month", "EUR", 4_500d, null, PayPeriod.Month)]
    [InlineData("Salary: 60-75k GBP", "GBP", 60_000d, 75_000d, PayPeriod.Year)]
    [InlineData("Salary: 9.000 - 12.000 lei per month", "RON", 9_000d, 12_000d, PayPeriod.Month)]
    public void A_salary_label_reads_as_the_ad_writes_it(string line, string currency, double? minimum, double? maximum, PayPeriod period)
    {
        var pay = AdTextParser.Parse($"Accountant\nAcme\nLondon, UK\n\n{line}").Content.Compensation!;
        pay.Currency.Should().Be(currency);
        pay.Minimum.Should().Be((decimal?)minimum);
        pay.Maximum.Should().Be((decimal?)maximum);
        pay.Period.Should().Be(period);
    }

    [Fact]
    public void A_salary_without_a_period_is_read_and_the_assumption_told()
    {
        var draft = AdTextParser.Parse("Accountant\nAcme\nLondon, UK\n\nSalary: £38,000 - £42,000");
        draft.Content.Compensation!.Period.Should().Be(PayPeriod.Year);
        draft.Notes.Should().ContainSingle(n => n.Kind == AdTextNoteKind.Check && n.Line == 5 && n.Message.Contains("period"));
    }

    private static string AllSectionText(PostingContent content) =>
        string.Join("\n", content.Sections.SelectMany(s => new[] { s.Heading, s.Body }).Concat(content.Requirements.Select(r => r.Text)).Concat(content.Responsibilities).OfType<string>());
}
