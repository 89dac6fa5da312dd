using System.Globalization;
using System.Text.Json.Nodes;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Import;
using Microsoft.EntityFrameworkCore;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Import;

/// <summary><c>./jobboard.sh import FILE</c> against the real database: what a feed leaves on the board.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class JobPostingFeedImportTests(JobBoardApp app) : WebTest(app)
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("jobboard-import-");

    public override Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_feed_becomes_published_postings_with_their_content_and_each_company_is_created_once()
    {
        var first = Posting("Registered Nurse", "RN-1");
        first["description"] = "<p>Join our <b>ward</b>.</p><ul><li>Day shifts</li><li>Free parking</li></ul><script>track()</script>";
        first["baseSalary"] = Salary("USD", 70_000, 85_000, "YEAR");
        first["employmentType"] = "Full-time";
        first["occupationalCategory"] = "Healthcare";
        first["skills"] = "Patient Care, Triage";
        var second = Posting("Night Nurse", "RN-2", company: "ACME health");
        second["occupationalCategory"] = new JsonArray("Healthcare");
        second["skills"] = new JsonArray("Triage");
        var third = Posting("Pharmacist", "PH-1", company: "Globex Pharma");

        var (exitCode, output, errors) = await ImportAsync(new JsonArray(first, second, third));

        exitCode.Should().Be(0);
        errors.Should().BeEmpty();
        output.Should().Be("Imported 3 postings (3 new, 0 updated, 0 expired); skipped 0 entries." + Environment.NewLine);
        var postings = await LoadPostingsAsync();
        postings.Select(p => (p.Title, p.Company.Name, p.Status)).Should().BeEquivalentTo(new[]
        {
            ("Registered Nurse", "Acme Health", PostingStatus.Published),
            ("Night Nurse", "Acme Health", PostingStatus.Published),
            ("Pharmacist", "Globex Pharma", PostingStatus.Published),
        });
        var nurse = postings.Single(p => p.RequisitionReference == "RN-1");
        nurse.Summary.Should().Be("Join our ward.\n\nDay shifts\nFree parking");
        nurse.Compensation!.Minimum.Should().Be(70_000m);
        nurse.Compensation.Maximum.Should().Be(85_000m);
        nurse.Compensation.Period.Should().Be(PayPeriod.Year);
        nurse.EmploymentType.Should().Be(EmploymentType.FullTime);
        nurse.Locations.Should().ContainSingle().Which.Should().Match<PostingLocation>(l => l.City == "Chicago" && l.RegionCode == "IL" && l.Latitude != 0);
        nurse.Categories.Select(c => c.Category.Name).Should().Equal("Healthcare");
        nurse.Skills.Select(s => s.Skill.Name).Should().Equal("Patient Care", "Triage");
        nurse.StatusHistory.Select(h => (h.From, h.To, h.Actor, h.Reason)).Should().Equal(
            (null, PostingStatus.Draft, "import", null),
            (PostingStatus.Draft, PostingStatus.Published, "import", "Imported from feed.json"));
        var (companies, categories, skills) = await app.ExecuteDbContextAsync(async db =>
            (await db.Companies.CountAsync(), await db.Categories.CountAsync(), await db.Skills.CountAsync()));
        (companies, categories, skills).Should().Be((2, 1, 2), "companies, categories and skills are shared by slug");
    }

    [Fact]
    public async Task Reimporting_a_reference_of_the_same_company_updates_that_posting()
    {
        await ImportAsync(new JsonArray(Posting("Registered Nurse", "RN-1"), Posting("Pharmacist", "RN-1", company: "Globex Pharma")));
        var before = await LoadPostingsAsync();

        var changed = Posting("Senior Registered Nurse", "RN-1");
        changed["skills"] = "Leadership";
        var (exitCode, output, errors) = await ImportAsync(new JsonArray(changed));

        exitCode.Should().Be(0);
        errors.Should().BeEmpty();
        output.Should().StartWith("Imported 1 posting (0 new, 1 updated, 0 expired)");
        var after = await LoadPostingsAsync();
        after.Should().HaveCount(2, "the same reference at another company is another posting");
        var updated = after.Single(p => p.Company.Name == "Acme Health");
        updated.Id.Should().Be(before.Single(p => p.Company.Name == "Acme Health").Id);
        updated.Title.Should().Be("Senior Registered Nurse");
        updated.Skills.Select(s => s.Skill.Name).Should().Equal("Leadership");
        updated.Status.Should().Be(PostingStatus.Published);
    }

    [Fact]
    public async Task Imported_titles_and_places_are_suggested_and_a_reimport_under_a_new_title_replaces_the_old_one()
    {
        var expired = Posting("Seasonal Nurse", "SN-1");
        expired["datePosted"] = "2020-01-02";
        expired["validThrough"] = "2020-01-31T23:59:59Z";
        await ImportAsync(new JsonArray(Posting("Registered Nurse", "RN-1"), expired));
        (await SuggestionsAsync()).Should().Equal("p Chicago, IL {1}", "t Registered Nurse {1}");

        await ImportAsync(new JsonArray(Posting("Charge Nurse", "RN-1")));

        (await SuggestionsAsync()).Should().Equal("p Chicago, IL {1}", "t Charge Nurse {1}");
    }

    [Fact]
    public async Task A_posting_past_its_closing_date_imports_as_expired_published_as_of_its_date()
    {
        var old = Posting("Seasonal Nurse", "SN-1");
        old["datePosted"] = "2020-01-02";
        old["validThrough"] = "2020-01-31T23:59:59Z";

        var (_, output, _) = await ImportAsync(new JsonArray(old, Posting("Registered Nurse", "RN-1")));

        output.Should().Be("Imported 2 postings (2 new, 0 updated, 1 expired); skipped 0 entries." + Environment.NewLine);
        var expired = (await LoadPostingsAsync()).Single(p => p.RequisitionReference == "SN-1");
        expired.Status.Should().Be(PostingStatus.Expired);
        expired.DatePosted.Should().Be(new DateOnly(2020, 1, 2));
        expired.ValidThrough.Should().Be(new DateOnly(2020, 1, 31));
        expired.StatusHistory.Select(h => (h.To, h.At.UtcDateTime.Date)).Should().Equal(
            (PostingStatus.Draft, new DateTime(2020, 1, 2)),
            (PostingStatus.Published, new DateTime(2020, 1, 2)),
            (PostingStatus.Expired, Now.UtcDateTime.Date));
    }

    [Fact]
    public async Task An_update_that_moves_the_closing_date_into_the_past_expires_the_posting_and_a_later_import_leaves_it_be()
    {
        await ImportAsync(new JsonArray(Posting("Registered Nurse", "RN-1")));
        var closed = Posting("Registered Nurse", "RN-1");
        closed["datePosted"] = Today.AddDays(-20).ToString("yyyy-MM-dd");
        closed["validThrough"] = Today.AddDays(-1).ToString("yyyy-MM-dd");

        var update = await ImportAsync(new JsonArray(closed));
        var again = await ImportAsync(new JsonArray(closed.DeepClone()));
        var reopened = Posting("Registered Nurse", "RN-1");
        reopened["validThrough"] = Today.AddDays(30).ToString("yyyy-MM-dd");
        var reopening = await ImportAsync(new JsonArray(reopened));

        update.Output.Should().StartWith("Imported 1 posting (0 new, 1 updated, 1 expired)");
        again.Errors.Should().BeEmpty();
        again.Output.Should().Be("Imported 0 postings (0 new, 0 updated, 0 expired); left 1 expired or closed posting as it was; skipped 0 entries." + Environment.NewLine);
        reopening.Errors.Should().Be("entry 1: the posting \"RN-1\" of Acme Health is expired and an import does not reopen it." + Environment.NewLine);
        reopening.Output.Should().EndWith("skipped 1 entry." + Environment.NewLine);
        (await LoadPostingsAsync()).Should().ContainSingle().Which.Status.Should().Be(PostingStatus.Expired);
    }

    [Fact]
    public async Task A_malformed_entry_is_reported_with_its_position_and_the_others_still_import()
    {
        var badSalary = Posting("Porter", "P-1");
        badSalary["baseSalary"] = Salary("USD", 90_000, 80_000, "YEAR");
        var nowhere = Posting("Lighthouse Keeper", "L-1");
        nowhere["jobLocation"] = new JsonObject { ["address"] = new JsonObject { ["addressLocality"] = "Qwxzyville" } };
        var feed = new JsonArray(Posting("Registered Nurse", "RN-1"), 42, new JsonObject { ["hiringOrganization"] = "Acme" }, badSalary, nowhere, Posting("Pharmacist", "PH-1"));

        var (exitCode, output, errors) = await ImportAsync(feed);

        exitCode.Should().Be(0);
        errors.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "entry 2: entry: A JobPosting is an object, not a number.",
            "entry 3: title: A posting needs a title.",
            "entry 4: baseSalary: The minimum salary cannot be above the maximum.",
            "entry 5: jobLocation: The place \"Qwxzyville\" is not a place the gazetteer knows; give its geo coordinates.");
        output.Should().Be("Imported 2 postings (2 new, 0 updated, 0 expired); skipped 4 entries." + Environment.NewLine);
        (await LoadPostingsAsync()).Select(p => p.Title).Should().BeEquivalentTo("Registered Nurse", "Pharmacist");
    }

    [Fact]
    public async Task Geo_coordinates_are_stored_as_given_and_without_them_the_gazetteer_places_Iasi()
    {
        var withGeo = Posting("Field Nurse", "F-1");
        withGeo["jobLocation"] = JsonNode.Parse("""
            { "@type": "Place", "address": { "addressLocality": "Elk Grove Village", "addressRegion": "IL", "addressCountry": "US" },
              "geo": { "@type": "GeoCoordinates", "latitude": 42.0039, "longitude": "-87.9703" } }
            """);
        var iasi = Posting("Asistent medical", "I-1");
        iasi["jobLocation"] = JsonNode.Parse("""{ "@type": "Place", "address": { "@type": "PostalAddress", "addressLocality": "Iasi", "addressCountry": "Romania" } }""");

        await ImportAsync(new JsonArray(withGeo, iasi));

        var postings = await LoadPostingsAsync();
        var elkGrove = postings.Single(p => p.RequisitionReference == "F-1").Locations.Single();
        (elkGrove.City, elkGrove.RegionCode, elkGrove.CountryCode, elkGrove.Latitude, elkGrove.Longitude)
            .Should().Be(("Elk Grove Village", "IL", "US", 42.0039, -87.9703));
        var inIasi = postings.Single(p => p.RequisitionReference == "I-1").Locations.Single();
        inIasi.CountryCode.Should().Be("RO");
        inIasi.Latitude.Should().BeApproximately(47.17, 0.05);
        inIasi.Longitude.Should().BeApproximately(27.6, 0.05);
    }

    [Fact]
    public async Task A_remote_posting_an_at_graph_feed_and_a_posting_with_no_apply_route_import()
    {
        var feed = JsonNode.Parse("""
            {
              "@context": "https://schema.org/",
              "@graph": [
                { "@type": "Organization", "@id": "#globex", "name": "Globex", "sameAs": "https://globex.test" },
                { "@type": "JobPosting", "title": "Support Engineer", "hiringOrganization": { "@id": "#globex" },
                  "jobLocationType": "TELECOMMUTE",
                  "applicantLocationRequirements": [{ "@type": "Country", "name": "US" }, { "@type": "State", "name": "Ontario" }] },
                { "@type": "JobPosting", "title": "Porter", "hiringOrganization": "Initech", "jobLocation": "Bucharest, Romania" }
              ]
            }
            """)!;

        var (_, output, errors) = await ImportAsync(feed);

        errors.Should().BeEmpty();
        output.Should().StartWith("Imported 2 postings (2 new");
        var postings = await LoadPostingsAsync();
        var remote = postings.Single(p => p.Title == "Support Engineer");
        (remote.WorkMode, remote.Company.Name, remote.Company.Website, remote.ApplyUrl).Should().Be((WorkMode.Remote, "Globex", "https://globex.test", "https://globex.test"));
        remote.ApplicantCountries.Should().Equal("US", "CA");
        remote.Locations.Should().BeEmpty();
        var porter = postings.Single(p => p.Title == "Porter");
        (porter.Status, porter.ApplyUrl, porter.ApplyEmail).Should().Be((PostingStatus.Published, null, null));
    }

    [Fact]
    public async Task An_existing_company_is_matched_by_slug_and_only_its_blanks_are_filled()
    {
        await app.InsertAsync(JobBoard.Domain.Companies.Company.Create("Acme Health, Inc.", new CompanyProfile(About: "Our own words.")).Value);
        var posting = Posting("Registered Nurse", "RN-1", company: "ACME Health Inc");
        posting["hiringOrganization"]!["sameAs"] = "https://acme.test";
        posting["hiringOrganization"]!["description"] = "The feed's words.";

        await ImportAsync(new JsonArray(posting));

        var company = await app.ExecuteDbContextAsync(db => db.Companies.SingleAsync());
        (company.Name, company.Website, company.About).Should().Be(("Acme Health, Inc.", "https://acme.test", "Our own words."));
    }

    [Fact]
    public async Task Skills_that_differ_only_by_a_symbol_stay_distinct_skills_with_their_names()
    {
        var first = Posting("Systems Programmer", "SP-1");
        first["skills"] = new JsonArray("C", "C#", "C++");
        var second = Posting("Game Developer", "GD-1");
        second["skills"] = new JsonArray("c++", "c#");

        var (exitCode, _, errors) = await ImportAsync(new JsonArray(first, second));

        exitCode.Should().Be(0);
        errors.Should().BeEmpty();
        var postings = await LoadPostingsAsync();
        postings.Single(p => p.Title == "Systems Programmer").Skills.Select(s => s.Skill.Name).Should().Equal("C", "C#", "C++");
        postings.Single(p => p.Title == "Game Developer").Skills.Select(s => s.Skill.Name).Should().Equal("C++", "C#");
        var skills = await app.ExecuteDbContextAsync(db => db.Skills.OrderBy(s => s.Id).Select(s => new { s.Name, s.Slug }).ToListAsync());
        skills.Should().BeEquivalentTo(
            new[] { new { Name = "C", Slug = "c" }, new { Name = "C#", Slug = "c-sharp" }, new { Name = "C++", Slug = "c-plus-plus" } },
            options => options.WithStrictOrdering(),
            "a differently cased name is the same skill, a different symbol another");
    }

    [Fact]
    public async Task An_ad_with_no_apply_route_of_its_own_links_to_the_website_the_board_knows_for_its_company()
    {
        var first = Posting("Registered Nurse", "RN-1");
        first["hiringOrganization"]!["sameAs"] = "https://acme.test";
        await ImportAsync(new JsonArray(first));

        await ImportAsync(new JsonArray(Posting("Night Nurse", "RN-2")));

        (await LoadPostingsAsync()).Single(p => p.Title == "Night Nurse").ApplyUrl.Should().Be("https://acme.test");
    }

    [Fact]
    public async Task A_feed_of_thousands_of_entries_is_imported_in_batches_and_a_later_duplicate_reference_updates_the_earlier()
    {
        var cities = new[] { "Chicago, IL", "Bucharest, Romania", "Austin, TX, US", "Iasi, Romania", "London, United Kingdom" };
        var feed = new JsonArray();
        for (var i = 1; i <= 1200; i++)
        {
            var posting = Posting($"Nurse {i}", $"N-{i}", company: $"Clinic {i % 40}");
            posting["jobLocation"] = cities[i % cities.Length];
            posting["skills"] = $"Skill {i % 25}, Triage";
            feed.Add(posting);
        }

        feed.Add(Posting("Head Nurse", "N-1", company: "Clinic 1"));

        var (exitCode, output, errors) = await ImportAsync(feed);

        exitCode.Should().Be(0);
        errors.Should().BeEmpty();
        output.Should().Be("Imported 1201 postings (1200 new, 1 updated, 0 expired); skipped 0 entries." + Environment.NewLine);
        var (postings, companies, skills, headNurse) = await app.ExecuteDbContextAsync(async db => (
            await db.Postings.CountAsync(),
            await db.Companies.CountAsync(),
            await db.Skills.CountAsync(),
            await db.Postings.Where(p => p.RequisitionReference == "N-1").Select(p => p.Title).SingleAsync()));
        (postings, companies, skills, headNurse).Should().Be((1200, 40, 26, "Head Nurse"));
    }

    [Fact]
    public async Task The_json_ld_of_our_own_details_page_imports_back_to_an_equivalent_posting()
    {
        var company = JobBoard.Domain.Companies.Company.Create("Northwind Clinics", new CompanyProfile(Website: "https://northwind.test", LogoUrl: "https://northwind.test/logo.png")).Value;
        var healthcare = Category.Create("Healthcare");
        var onSite = Published(company, Content("Clinical Nurse Lead") with
        {
            RequisitionReference = "NW-42",
            CoreResponsibilities = "Lead the nursing team of two clinics.",
            Locations = [Chicago, Bucharest],
            EmploymentType = EmploymentType.PartTime,
            Compensation = Compensation.Create("USD", 85_000m, 98_000.50m, PayPeriod.Year, cashIncentive: true, benefits: "Health insurance\nTuition support").Value,
            ExperienceYearsMin = 3,
            HoursPerWeek = 37.5m,
            WorkingLanguage = "English",
            DatePosted = Today.AddDays(-5),
            ValidThrough = Today.AddDays(30),
            Categories = [healthcare, Category.Create("Management & Leadership")],
            Skills = [Skill.Create("Triage"), Skill.Create("EMR")],
        }, Now);
        var remote = Published(company, Content("Remote Triage Nurse") with
        {
            RequisitionReference = "NW-43",
            WorkMode = WorkMode.Remote,
            Locations = [],
            ApplicantCountries = ["US", "CA"],
            Categories = [healthcare],
        }, Now);
        await app.InsertAsync(onSite, remote);
        var exported = new JsonArray();
        foreach (var posting in new[] { onSite, remote })
        {
            exported.Add(await JsonLdOfAsync(posting));
        }

        await app.ResetAsync();
        var (_, output, errors) = await ImportAsync(exported);

        errors.Should().BeEmpty();
        output.Should().StartWith("Imported 2 postings (2 new");
        var imported = await LoadPostingsAsync();
        foreach (var original in exported.Select(node => node!.AsObject()))
        {
            var copy = imported.Single(p => p.RequisitionReference == original["identifier"]!["value"]!.GetValue<string>());
            var again = await JsonLdOfAsync(copy);
            // The description is the whole ad as HTML, which comes back as the summary's text; the URL is the page's own.
            foreach (var document in new[] { original, again })
            {
                document.Remove("description");
                document.Remove("url");
            }

            JsonNode.DeepEquals(again, original).Should().BeTrue($"the JSON-LD of the imported posting is the original's:\n{again}\n{original}");
        }

        var lead = imported.Single(p => p.RequisitionReference == "NW-42");
        lead.Summary.Should().ContainAll("Care for patients", "Keep records", "Bachelor's degree in nursing", "Oncology experience");
        lead.Locations.Select(l => (l.City, l.CountryCode, l.Latitude, l.Longitude)).Should().Equal(
            (Chicago.City, "US", Chicago.Latitude, Chicago.Longitude), (Bucharest.City, "RO", Bucharest.Latitude, Bucharest.Longitude));
    }

    [Fact]
    public async Task The_sample_feed_imports_whole()
    {
        var sample = Path.Combine(Repository.Root, "docs", "samples", "jobs-feed.json");

        var (exitCode, output, errors) = await RunAsync(sample);

        exitCode.Should().Be(0);
        errors.Should().BeEmpty();
        var postings = await LoadPostingsAsync();
        postings.Should().HaveCountGreaterThanOrEqualTo(10);
        // The sample's closing dates pass one by one as time goes on: those past now import expired.
        var expired = postings.Count(p => p.ValidThrough < Today);
        expired.Should().BeGreaterThanOrEqualTo(1);
        output.Should().Be($"Imported {postings.Count} postings ({postings.Count} new, 0 updated, {expired} expired); skipped 0 entries." + Environment.NewLine);
        postings.Select(p => p.Locations.Count > 0 ? p.Locations[0].CountryCode : null).OfType<string>().Distinct().Should().HaveCountGreaterThanOrEqualTo(4);
        postings.Should().Contain(p => p.WorkMode == WorkMode.Remote && p.ApplicantCountries.Count > 0);
        postings.Where(p => p.Status == PostingStatus.Expired).Should().HaveCount(expired);
        postings.Should().OnlyContain(p => p.Locations.All(l => l.Latitude != 0 && l.Longitude != 0));
    }

    [Fact]
    public async Task A_missing_file_or_one_that_is_not_json_exits_with_1_and_a_plain_message()
    {
        var missing = Path.Combine(_folder.FullName, "missing.json");
        var notJson = Path.Combine(_folder.FullName, "feed.txt");
        await File.WriteAllTextAsync(notJson, "title: Nurse");

        var whenMissing = await RunAsync(missing);
        var whenNotJson = await RunAsync(notJson);

        whenMissing.Should().Be((1, string.Empty, $"{missing}: no such file." + Environment.NewLine));
        whenNotJson.ExitCode.Should().Be(1);
        whenNotJson.Errors.Should().StartWith($"{notJson} is not JSON: ").And.NotContain(" at ");
        whenNotJson.Output.Should().BeEmpty();
    }

    private static JsonObject Posting(string title, string reference, string company = "Acme Health") => new()
    {
        ["@context"] = "https://schema.org/",
        ["@type"] = "JobPosting",
        ["title"] = title,
        ["description"] = $"<p>{title} wanted.</p>",
        ["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["name"] = company, ["value"] = reference },
        ["hiringOrganization"] = new JsonObject { ["@type"] = "Organization", ["name"] = company },
        ["jobLocation"] = new JsonObject
        {
            ["@type"] = "Place",
            ["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = "Chicago", ["addressRegion"] = "IL", ["addressCountry"] = "US" },
        },
    };

    [Fact]
    public async Task An_ad_from_last_week_reads_as_published_then_but_is_stamped_as_written_now_so_job_alerts_see_it()
    {
        var lastWeek = Posting("Registered Nurse", "RN-1");
        lastWeek["datePosted"] = Today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await ImportAsync(new JsonArray(lastWeek));

        var posting = (await LoadPostingsAsync()).Single();
        posting.DatePosted.Should().Be(Today.AddDays(-7));
        posting.PublishedAt.Should().Be(new DateTimeOffset(Today.AddDays(-7).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        posting.UpdatedAt.Should().Be(app.Clock.GetUtcNow());
    }

    private static JsonObject Salary(string currency, decimal minimum, decimal maximum, string unit) => new()
    {
        ["@type"] = "MonetaryAmount",
        ["currency"] = currency,
        ["value"] = new JsonObject { ["@type"] = "QuantitativeValue", ["minValue"] = minimum, ["maxValue"] = maximum, ["unitText"] = unit },
    };

    private Task<List<string>> SuggestionsAsync() => app.ExecuteDbContextAsync(db => db.Database
        .SqlQuery<string>($"SELECT kind || ' ' || term || ' ' || postings::text AS \"Value\" FROM search_suggestions ORDER BY kind, term")
        .ToListAsync());

    private async Task<(int ExitCode, string Output, string Errors)> ImportAsync(JsonNode feed)
    {
        var path = Path.Combine(_folder.FullName, "feed.json");
        await File.WriteAllTextAsync(path, feed.ToJsonString());
        return await RunAsync(path);
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(string path)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await JobPostingFeedCommand.RunAsync(app.Services, [path], output, errors, CancellationToken.None);
        return (exitCode, output.ToString(), errors.ToString());
    }

    private Task<List<JobPosting>> LoadPostingsAsync() => app.ExecuteDbContextAsync(db => db.Postings
        .AsSplitQuery()
        .Include(p => p.Company)
        .Include(p => p.Locations.OrderBy(l => l.Position))
        .Include(p => p.Categories.OrderBy(c => c.Position)).ThenInclude(c => c.Category)
        .Include(p => p.Skills.OrderBy(s => s.Position)).ThenInclude(s => s.Skill)
        .Include(p => p.StatusHistory.OrderBy(h => h.Id))
        .OrderBy(p => p.Id)
        .ToListAsync());

    private async Task<JsonObject> JsonLdOfAsync(JobPosting posting)
    {
        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");
        return JsonNode.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent)!.AsObject();
    }
}
