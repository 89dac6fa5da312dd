using System.Text.Json;
using JobBoard.Domain.Common;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Web.Import;

namespace JobBoard.Tests.Import;

public sealed class JobPostingJsonLdReaderTests
{
    private const string Minimal = """
        "title": "Registered Nurse",
        "hiringOrganization": { "@type": "Organization", "name": "Acme Health" },
        "jobLocation": { "@type": "Place", "address": { "addressLocality": "Chicago", "addressRegion": "IL", "addressCountry": "US" } }
        """;

    [Fact]
    public void A_complete_posting_maps_every_field_it_gives()
    {
        var posting = ReadValid("""
            {
              "@context": "https://schema.org/",
              "@type": "JobPosting",
              "title": "Key Account Manager &amp; Trainer",
              "description": "<p>Join our <b>oncology</b> team.</p><ul><li>Grow accounts</li><li>Train reps</li></ul>",
              "identifier": { "@type": "PropertyValue", "name": "Novartis", "value": "REQ-10042" },
              "hiringOrganization": { "@type": "Organization", "name": "Novartis", "sameAs": "https://www.novartis.com", "logo": "https://www.novartis.com/logo.png" },
              "industry": "Pharmaceuticals",
              "datePosted": "2026-10-01",
              "validThrough": "2026-12-31T23:59:59-05:00",
              "employmentType": ["FULL_TIME", "PART_TIME"],
              "jobLocation": { "@type": "Place", "address": { "@type": "PostalAddress", "addressLocality": "Bucharest", "addressCountry": "RO" } },
              "baseSalary": { "@type": "MonetaryAmount", "currency": "ron", "value": { "@type": "QuantitativeValue", "minValue": 9000, "maxValue": "12000.50", "unitText": "MONTH" } },
              "jobBenefits": "<ul><li>Private health care</li><li>Meal tickets</li></ul>",
              "incentiveCompensation": "Quarterly sales bonus",
              "responsibilities": "Own the relationship with key oncology centres.",
              "qualifications": "<p>You bring:</p><ul><li>Fluent Romanian</li><li>A driving licence</li></ul>",
              "educationRequirements": { "@type": "EducationalOccupationalCredential", "credentialCategory": "bachelor degree" },
              "experienceRequirements": { "@type": "OccupationalExperienceRequirements", "monthsOfExperience": 36 },
              "skills": "Account Management, CRM; Negotiation",
              "occupationalCategory": ["Healthcare", "Sales"],
              "workHours": "40 hours per week",
              "inLanguage": "en",
              "url": "https://www.novartis.com/careers/req-10042"
            }
            """);

        var content = posting.ToContent(Category.Create, Skill.Create);
        content.Title.Should().Be("Key Account Manager & Trainer");
        content.Summary.Should().Be("Join our oncology team.\n\nGrow accounts\nTrain reps");
        content.RequisitionReference.Should().Be("REQ-10042");
        posting.Company.Name.Should().Be("Novartis");
        posting.Company.Profile.Website.Should().Be("https://www.novartis.com");
        posting.Company.Profile.LogoUrl.Should().Be("https://www.novartis.com/logo.png");
        posting.Company.Profile.Industry.Should().Be("Pharmaceuticals");
        content.DatePosted.Should().Be(new DateOnly(2026, 10, 1));
        content.ValidThrough.Should().Be(new DateOnly(2026, 12, 31), "the day is read as the feed writes it, in its own time zone");
        content.EmploymentType.Should().Be(EmploymentType.FullTime);
        content.Locations.Should().ContainSingle().Which.Should().Match<PlaceInput>(p => p.City == "Bucharest" && p.CountryCode == "RO");
        content.Compensation!.Currency.Should().Be("RON");
        content.Compensation.Minimum.Should().Be(9000m);
        content.Compensation.Maximum.Should().Be(12000.50m);
        content.Compensation.Period.Should().Be(PayPeriod.Month);
        content.Compensation.Benefits.Should().Be("Private health care\nMeal tickets");
        content.Compensation.CashIncentive.Should().BeTrue();
        content.CoreResponsibilities.Should().Be("Own the relationship with key oncology centres.");
        content.Requirements.Select(r => r.Text).Should().Equal("Fluent Romanian", "A driving licence", "Bachelor's degree");
        content.Requirements.Should().OnlyContain(r => r.Importance == RequirementImportance.Essential);
        content.Requirements[2].Education.Should().Be("Bachelor's degree", "Google's \"bachelor degree\" reads as the board names the level");
        content.ExperienceYearsMin.Should().Be(3);
        content.Skills.Select(s => s.Name).Should().Equal("Account Management", "CRM", "Negotiation");
        content.Categories.Select(c => c.Name).Should().Equal("Healthcare", "Sales");
        content.HoursPerWeek.Should().Be(40m);
        content.WorkingLanguage.Should().Be("English");
        content.ApplyUrl.Should().Be("https://www.novartis.com/careers/req-10042");
        content.WorkMode.Should().Be(WorkMode.OnSite);
        content.Sections.Select(s => (s.Kind, s.Heading, s.Body)).Should().Equal(
            (SectionKind.Summary, "Summary", null),
            (SectionKind.EssentialRequirements, "Requirements", "You bring:"),
            (SectionKind.Compensation, "Compensation", null),
            (SectionKind.Text, "Incentive compensation", "Quarterly sales bonus"));
        content.Validate().Should().BeEmpty();
    }

    [Fact]
    public void A_minimal_posting_is_on_site_with_nothing_invented()
    {
        var content = ReadValid($$"""{ {{Minimal}} }""").ToContent(Category.Create, Skill.Create);

        content.WorkMode.Should().Be(WorkMode.OnSite);
        content.Compensation.Should().BeNull();
        content.EmploymentType.Should().BeNull();
        content.Summary.Should().BeNull();
        content.ApplyUrl.Should().BeNull();
        content.RequisitionReference.Should().BeNull();
        content.Sections.Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"FULL_TIME\"", EmploymentType.FullTime)]
    [InlineData("\"Full-time\"", EmploymentType.FullTime)]
    [InlineData("\"part time\"", EmploymentType.PartTime)]
    [InlineData("\"CONTRACTOR\"", EmploymentType.Contractor)]
    [InlineData("\"Temporary\"", EmploymentType.Temporary)]
    [InlineData("\"INTERN\"", EmploymentType.Intern)]
    [InlineData("\"VOLUNTEER\"", EmploymentType.Volunteer)]
    [InlineData("\"PER_DIEM\"", EmploymentType.PerDiem)]
    [InlineData("\"OTHER\"", EmploymentType.Other)]
    [InlineData("[\"INTERN\", \"TEMPORARY\"]", EmploymentType.Intern)]
    [InlineData("\"PART_TIME, CONTRACTOR\"", EmploymentType.PartTime)]
    public void Employment_types_take_the_schema_org_values_and_their_variants_first_one_first(string json, EmploymentType expected)
    {
        ReadValid($$"""{ {{Minimal}}, "employmentType": {{json}} }""").Content.EmploymentType.Should().Be(expected);
    }

    [Fact]
    public void An_unknown_employment_type_is_an_error_naming_the_value_and_the_allowed_ones()
    {
        var errors = ReadErrors($$"""{ {{Minimal}}, "employmentType": ["FULL_TIME", "GIG"] }""");

        errors.Should().ContainSingle().Which.Should().Be(
            "employmentType: \"GIG\" is not an employment type: use FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM or OTHER.");
    }

    [Theory]
    [InlineData("""{ "@type": "MonetaryAmount", "currency": "USD", "value": { "@type": "QuantitativeValue", "value": 42.5, "unitText": "HOUR" } }""", 42.5, 42.5, PayPeriod.Hour)]
    [InlineData("""{ "currency": "EUR", "value": { "minValue": "50000", "unitText": "YEAR" } }""", 50000.0, null, PayPeriod.Year)]
    [InlineData("""{ "currency": "GBP", "value": { "maxValue": 600, "unitText": "week" } }""", null, 600.0, PayPeriod.Week)]
    [InlineData("""{ "currency": "USD", "minValue": 200, "maxValue": 250, "value": { "unitText": "DAY" } }""", 200.0, 250.0, PayPeriod.Day)]
    public void Salaries_read_a_range_a_single_value_or_one_end(string salary, double? minimum, double? maximum, PayPeriod period)
    {
        var pay = ReadValid($$"""{ {{Minimal}}, "baseSalary": {{salary}} }""").Content.Compensation!;

        pay.Minimum.Should().Be((decimal?)minimum);
        pay.Maximum.Should().Be((decimal?)maximum);
        pay.Period.Should().Be(period);
    }

    [Theory]
    [InlineData("""{ "currency": "USD", "value": { "minValue": 90000, "maxValue": 80000, "unitText": "YEAR" } }""",
        "baseSalary: The minimum salary cannot be above the maximum.")]
    [InlineData("""{ "currency": "USD", "value": { "value": 25, "unitText": "FORTNIGHT" } }""",
        "baseSalary.value.unitText: \"FORTNIGHT\" is not a pay period: use HOUR, DAY, WEEK, MONTH or YEAR.")]
    [InlineData("""{ "currency": "USD", "value": { "value": 25 } }""",
        "baseSalary.value.unitText: A salary needs its pay period: unitText HOUR, DAY, WEEK, MONTH or YEAR.")]
    [InlineData("""{ "currency": "dollars", "value": { "value": 25, "unitText": "HOUR" } }""",
        "baseSalary.currency: The currency must be a three-letter ISO 4217 code such as USD or EUR.")]
    [InlineData("""{ "currency": "USD", "value": { "value": "lots", "unitText": "HOUR" } }""",
        "baseSalary.value.value: Expected a number, found text.")]
    [InlineData("50000", "baseSalary: A salary needs its pay period: give a MonetaryAmount whose value has unitText HOUR, DAY, WEEK, MONTH or YEAR.")]
    public void A_bad_salary_is_an_error_that_says_what_is_wrong(string salary, string expected)
    {
        ReadErrors($$"""{ {{Minimal}}, "baseSalary": {{salary}} }""").Should().ContainSingle().Which.Should().Be(expected);
    }

    [Fact]
    public void Telecommute_is_remote_work_open_to_the_countries_of_the_applicant_location_requirements()
    {
        var content = ReadValid("""
            {
              "title": "Support Engineer",
              "hiringOrganization": "Remote First Ltd",
              "jobLocationType": "TELECOMMUTE",
              "applicantLocationRequirements": [
                { "@type": "Country", "name": "USA" },
                { "@type": "Country", "name": "RO" },
                { "@type": "State", "name": "Ontario" },
                { "@type": "Country", "name": "United Kingdom" },
                "Germany"
              ]
            }
            """).Content;

        content.WorkMode.Should().Be(WorkMode.Remote);
        content.Locations.Should().BeEmpty();
        content.ApplicantCountries.Should().Equal("US", "RO", "CA", "GB", "DE");
    }

    [Fact]
    public void A_LinkedIn_tag_in_the_description_sets_the_work_mode_that_jobLocationType_leaves_unstated()
    {
        var tagged = ReadValid($$"""{ {{Minimal}}, "description": "<p>#LI-Hybrid</p><p>Three days a week in our Chicago office.</p>" }""").Content;
        var stated = ReadValid($$"""{ {{Minimal}}, "jobLocationType": "TELECOMMUTE", "description": "#LI-Hybrid" }""").Content;
        var inQualifications = ReadValid($$"""{ {{Minimal}}, "qualifications": "<ul><li>Fluent English</li><li>#LI-Remote</li></ul>" }""").Content;

        tagged.WorkMode.Should().Be(WorkMode.Hybrid);
        stated.WorkMode.Should().Be(WorkMode.Remote, "jobLocationType states the work mode, so the tag does not decide it");
        inQualifications.WorkMode.Should().Be(WorkMode.Remote);
    }

    [Fact]
    public void A_remote_postings_country_only_location_says_where_applicants_may_live()
    {
        var content = ReadValid("""
            {
              "title": "Data Analyst",
              "hiringOrganization": { "name": "Globex" },
              "jobLocationType": "TELECOMMUTE",
              "applicantLocationRequirements": { "@type": "Country", "name": "US" },
              "jobLocation": [
                { "@type": "Place", "address": { "addressCountry": { "@type": "Country", "name": "Canada" } } },
                { "@type": "Place", "address": { "addressLocality": "Austin", "addressRegion": "TX", "addressCountry": "US" } }
              ]
            }
            """).Content;

        content.ApplicantCountries.Should().Equal("US", "CA");
        content.Locations.Should().ContainSingle().Which.City.Should().Be("Austin");
    }

    [Fact]
    public void An_unknown_applicant_country_is_an_error()
    {
        ReadErrors("""{ "title": "X", "hiringOrganization": "Y", "jobLocationType": "TELECOMMUTE", "applicantLocationRequirements": { "@type": "Country", "name": "Narnia" } }""")
            .Should().Contain("applicantLocationRequirements: \"Narnia\" is not a country or region the gazetteer knows.");
    }

    [Theory]
    [InlineData("""{ "@type": "PropertyValue", "name": "Acme", "value": "REQ-7" }""", "REQ-7")]
    [InlineData("""{ "@type": "PropertyValue", "value": 1234 }""", "1234")]
    [InlineData("\"  JR-0099 \"", "JR-0099")]
    [InlineData("98765", "98765")]
    [InlineData("""[{ "@type": "PropertyValue", "value": "FIRST" }, "SECOND"]""", "FIRST")]
    public void The_identifier_is_the_requisition_reference_in_any_of_its_forms(string identifier, string expected)
    {
        ReadValid($$"""{ {{Minimal}}, "identifier": {{identifier}} }""").Reference.Should().Be(expected);
    }

    [Fact]
    public void An_identifier_of_the_wrong_type_is_an_error()
    {
        ReadErrors($$"""{ {{Minimal}}, "identifier": true }""").Should().Equal("identifier: Expected text, a number or a PropertyValue, found true/false.");
    }

    [Fact]
    public void Skills_in_one_text_are_split_on_commas_and_semicolons_but_list_items_are_kept_whole()
    {
        ReadValid($$"""{ {{Minimal}}, "skills": "CRM, Excel;  Negotiation ,, " }""").SkillNames.Should().Equal("CRM", "Excel", "Negotiation");
        ReadValid($$"""{ {{Minimal}}, "skills": ["Budgeting, forecasting", { "@type": "DefinedTerm", "name": "SQL" }] }""")
            .SkillNames.Should().Equal("Budgeting, forecasting", "SQL");
    }

    [Fact]
    public void Categories_come_as_text_a_list_or_category_codes_without_their_occupation_code()
    {
        ReadValid($$"""{ {{Minimal}}, "occupationalCategory": "Management & Leadership" }""").CategoryNames.Should().Equal("Management & Leadership");
        ReadValid($$"""{ {{Minimal}}, "occupationalCategory": ["15-1252.00 Software Developers", { "@type": "CategoryCode", "name": "Engineering", "codeValue": "ENG" }] }""")
            .CategoryNames.Should().Equal("Software Developers", "Engineering");
    }

    [Fact]
    public void Geo_coordinates_are_used_as_given_numbers_or_text()
    {
        var place = ReadValid("""
            {
              "title": "Field Nurse",
              "hiringOrganization": "Acme Health",
              "jobLocation": {
                "@type": "Place",
                "address": { "addressLocality": "Elk Grove Village", "addressRegion": "IL", "addressCountry": "US" },
                "geo": { "@type": "GeoCoordinates", "latitude": "42.00392", "longitude": -87.97035 }
              }
            }
            """).Content.Locations.Single();

        place.Should().Be(new PlaceInput("Elk Grove Village", "Illinois", "IL", "US", "United States", 42.00392, -87.97035));
    }

    [Fact]
    public void Without_geo_the_gazetteer_places_the_city()
    {
        var place = ReadValid("""{ "title": "Nurse", "hiringOrganization": "Acme", "jobLocation": { "address": { "addressLocality": "Iasi", "addressCountry": "Romania" } } }""")
            .Content.Locations.Single();

        place.CountryCode.Should().Be("RO");
        place.City.Should().StartWith("Ia").And.EndWith("i");
        place.Latitude.Should().BeApproximately(47.17, 0.05);
        place.Longitude.Should().BeApproximately(27.6, 0.05);
    }

    [Fact]
    public void When_the_gazetteer_knows_only_the_region_the_ads_own_locality_stays_the_city()
    {
        var place = ReadValid("""{ "title": "Nurse", "hiringOrganization": "Acme", "jobLocation": { "address": { "addressLocality": "Smallville", "addressRegion": "Kansas", "addressCountry": "US" } } }""")
            .Content.Locations.Single();

        place.City.Should().Be("Smallville");
        place.Region.Should().Be("Kansas");
        place.RegionCode.Should().Be("KS");
        place.CountryCode.Should().Be("US");
        place.Latitude.Should().NotBe(0);
    }

    [Fact]
    public void A_place_that_cannot_be_resolved_is_an_error()
    {
        ReadErrors("""{ "title": "Nurse", "hiringOrganization": "Acme", "jobLocation": { "address": { "addressLocality": "Qwxzyville" } } }""")
            .Should().Equal("jobLocation: The place \"Qwxzyville\" is not a place the gazetteer knows; give its geo coordinates.");
    }

    [Fact]
    public void The_apply_route_is_the_application_contact_then_the_ads_url_then_the_company_website()
    {
        var withContact = ReadValid($$"""{ {{Minimal}}, "url": "https://acme.test/jobs/1", "applicationContact": { "@type": "ContactPoint", "email": "mailto:jobs@acme.test", "url": "https://apply.acme.test/1" } }""").Content;
        var withUrl = ReadValid($$"""{ {{Minimal}}, "url": "https://acme.test/jobs/1" }""").Content;
        var withWebsite = ReadValid("""{ "title": "Nurse", "hiringOrganization": { "name": "Acme", "sameAs": ["not a url", "https://acme.test"] }, "jobLocation": "Chicago, IL", "url": "javascript:alert(1)" }""").Content;

        (withContact.ApplyUrl, withContact.ApplyEmail).Should().Be(("https://apply.acme.test/1", "jobs@acme.test"));
        withUrl.ApplyUrl.Should().Be("https://acme.test/jobs/1");
        withWebsite.ApplyUrl.Should().Be("https://acme.test");
    }

    [Fact]
    public void The_company_website_is_its_own_site_rather_than_a_profile_elsewhere_and_never_hides_an_apply_email()
    {
        var posting = ReadValid("""
            { "title": "Nurse", "jobLocation": "Chicago, IL", "applicationContact": { "email": "jobs@acme.test" },
              "hiringOrganization": { "name": "Acme", "sameAs": ["https://www.linkedin.com/company/acme", "https://en.wikipedia.org/wiki/Acme", "https://acme.test"] } }
            """);

        posting.Company.Profile.Website.Should().Be("https://acme.test");
        (posting.Content.ApplyUrl, posting.Content.ApplyEmail).Should().Be((null, "jobs@acme.test"));
    }

    [Fact]
    public void Benefits_without_a_salary_and_working_hours_in_words_are_kept_as_sections_in_the_ads_order()
    {
        var content = ReadValid($$"""
            { {{Minimal}},
              "description": "About us.",
              "responsibilities": ["Triage patients", "Keep records"],
              "jobBenefits": "Free parking",
              "workHours": "Nights, 36 hours per week",
              "jobStartDate": "2027-01-15"
            }
            """).Content;

        content.HoursPerWeek.Should().Be(36m);
        content.Responsibilities.Should().Equal("Triage patients", "Keep records");
        content.Sections.Select(s => (s.Kind, s.Heading, s.Body)).Should().Equal(
            (SectionKind.Summary, "Summary", null),
            (SectionKind.Responsibilities, "Responsibilities", null),
            (SectionKind.Text, "Benefits", "Free parking"),
            (SectionKind.Text, "Working hours", "Nights, 36 hours per week"),
            (SectionKind.Text, "Start date", "2027-01-15"));
    }

    [Theory]
    [InlineData("\"40\"", 40.0, null)]
    [InlineData("37.5", 37.5, null)]
    [InlineData("\"37.5 hours per week\"", 37.5, null)]
    [InlineData("\"40h/week\"", 40.0, null)]
    [InlineData("\"8 hours a day, Monday to Friday\"", null, "8 hours a day, Monday to Friday")]
    public void Working_hours_fill_the_weekly_hours_and_anything_more_said_about_them_is_kept(string workHours, double? perWeek, string? section)
    {
        var content = ReadValid($$"""{ {{Minimal}}, "workHours": {{workHours}} }""").Content;

        content.HoursPerWeek.Should().Be((decimal?)perWeek);
        content.Sections.Where(s => s.Heading == "Working hours").Select(s => s.Body).Should().Equal(section is null ? [] : [section]);
    }

    [Fact]
    public void Responsibilities_written_as_a_list_become_the_list_with_its_lead_in()
    {
        var content = ReadValid($$"""{ {{Minimal}}, "responsibilities": "<p>You will:</p><ul><li>Lead the team</li><li>Own the budget</li></ul>" }""").Content;

        content.Responsibilities.Should().Equal("Lead the team", "Own the budget");
        content.CoreResponsibilities.Should().BeNull();
        content.Sections.Should().ContainSingle(s => s.Kind == SectionKind.Responsibilities).Which.Body.Should().Be("You will:");
    }

    [Theory]
    [InlineData("42", "entry: A JobPosting is an object, not a number.")]
    [InlineData("""{ "@type": "Organization", "name": "Acme" }""", "@type: \"Organization\" is not a JobPosting.")]
    [InlineData("""{ "hiringOrganization": "Acme", "jobLocation": "Chicago, IL" }""", "title: A posting needs a title.")]
    [InlineData("""{ "title": 12, "hiringOrganization": "Acme", "jobLocation": "Chicago, IL" }""", "title: Expected text, found a number.")]
    [InlineData("""{ "title": "Nurse", "jobLocation": "Chicago, IL" }""", "hiringOrganization: A posting needs the organization that hires, with its name.")]
    [InlineData("""{ "title": "Nurse", "hiringOrganization": "Acme" }""", "jobLocation: Give at least one location (or, for remote work, the countries applicants may live in).")]
    [InlineData("""{ "title": "Nurse", "hiringOrganization": "Acme", "jobLocation": "Chicago, IL", "datePosted": "2026-10-01", "validThrough": "2026-09-01" }""",
        "validThrough: The closing date must be after the posting date.")]
    [InlineData("""{ "title": "Nurse", "hiringOrganization": "Acme", "jobLocation": "Chicago, IL", "datePosted": "01/10/2026" }""",
        "datePosted: \"01/10/2026\" is not a date: use ISO 8601, such as 2026-11-23 or 2026-11-23T09:00:00Z.")]
    [InlineData("""{ "title": "Nurse", "hiringOrganization": "Acme", "jobLocation": "Chicago, IL", "jobLocationType": "SPACE_STATION" }""",
        "jobLocationType: \"SPACE_STATION\" is not a job location type: TELECOMMUTE marks remote work.")]
    [InlineData("""{ "title": "Nurse", "hiringOrganization": "Acme", "jobLocation": { "geo": { "latitude": 95, "longitude": 10 } } }""",
        "jobLocation.geo: Coordinates need a latitude between -90 and 90 and a longitude between -180 and 180.")]
    public void A_malformed_entry_is_refused_with_a_clear_reason(string json, string expected)
    {
        ReadErrors(json).Should().Contain(expected);
    }

    [Fact]
    public void Every_problem_of_an_entry_is_reported_at_once()
    {
        ReadErrors("""{ "title": "", "hiringOrganization": "Acme", "jobLocation": "Chicago, IL", "employmentType": "GIG", "baseSalary": { "currency": "USD", "value": { "value": 1 } } }""")
            .Select(e => e.Split(':')[0]).Should().Equal("title", "employmentType", "baseSalary.value.unitText");
    }

    [Fact]
    public void References_by_id_are_resolved_against_the_graph()
    {
        using var feed = JobPostingFeed.Parse(JsonDocument.Parse("""
            { "@graph": [
              { "@type": "Organization", "@id": "#acme", "name": "Acme Health", "url": "https://acme.test" },
              { "@type": "JobPosting", "title": "Nurse", "hiringOrganization": { "@id": "#acme" }, "jobLocation": "Chicago, IL" }
            ] }
            """));

        feed.Entries.Should().ContainSingle().Which.Number.Should().Be(2);
        var posting = JobPostingJsonLdReader.Read(feed.Entries[0].Node, feed.NodesById).Value;
        posting.Company.Should().Be(new FeedCompany("Acme Health", new JobBoard.Domain.Companies.CompanyProfile(Website: "https://acme.test")));
    }

    private static FeedPosting ReadValid(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = JobPostingJsonLdReader.Read(document.RootElement);
        result.Succeeded.Should().BeTrue(result.ToString());
        return result.Value;
    }

    private static List<string> ReadErrors(string json)
    {
        using var document = JsonDocument.Parse(json);
        Result result = JobPostingJsonLdReader.Read(document.RootElement);
        result.Succeeded.Should().BeFalse();
        return result.Errors.Select(e => $"{e.Field}: {e.Message}").ToList();
    }
}
