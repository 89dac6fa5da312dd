using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Import.AdText;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Tests.Import;

/// <summary>The recruiter's import page: pasted text or a JSON-LD file becomes a draft of the recruiter's own company.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class AdTextImportPageTests(JobBoardApp app) : WebTest(app)
{
    private const string ImportUrl = "/Recruiter/Postings/Import";

    [Fact]
    public async Task Pasting_the_Chicago_seed_makes_a_draft_of_the_recruiters_company_and_opens_the_editor()
    {
        var (client, company) = await RecruiterAsync(NovartisWithSharedSections());

        var response = await PasteAsync(client, SeedAds.Text(SeedAds.Chicago));

        var posting = await SinglePostingAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be($"/Recruiter/Postings/Edit/{posting.Id}");
        posting.CompanyId.Should().Be(company.Id);
        posting.Status.Should().Be(PostingStatus.Draft);
        posting.StatusHistory.Should().ContainSingle().Which.Actor.Should().Be("recruiter@novartis.test");
        posting.Title.Should().Be("Director lead");
        posting.Responsibilities.Should().HaveCount(9);
        posting.Requirements.Should().HaveCount(11);
        posting.Compensation!.Maximum.Should().Be(327_600m);
        posting.Locations.OrderBy(l => l.Position).Select(l => l.City).Should().Equal("Chicago", "New York City", "Nashville", "Charlotte", "Atlanta", "Miami");
        posting.WorkMode.Should().Be(WorkMode.FieldBased);
        posting.ApplyUrl.Should().Be("https://www.novartis.com", "an ad without an apply link sends applicants to the company's site");

        posting.Sections.Where(s => s.Kind == SectionKind.CompanyBoilerplate).Select(s => s.CompanySectionKey)
            .Should().Equal(["why-novartis", "eeo-statement"], "a section the company shares word for word is referred to, not copied");
        var review = posting.Sections[^1];
        review.Heading.Should().Be(AdTextDraft.ReviewHeading);
        review.Body.Should().Contain("Line 52: \"…").And.Contain("[email protected]").And.Contain("write the address in")
            .And.Contain("Line 78").And.Contain("line 83 \"Recommended Jobs\"").And.Contain("posted on 2025-10-27");
    }

    [Fact]
    public async Task The_Bucharest_seed_takes_the_categories_and_skills_the_board_has_and_lists_the_others()
    {
        var (client, _) = await RecruiterAsync(Novartis());
        await app.InsertAsync(Category.Create("Healthcare"), Category.Create("Sales"), Skill.Create("Account Management"), Skill.Create("CRM"));

        await PasteAsync(client, SeedAds.Text(SeedAds.Bucharest));

        var posting = await SinglePostingAsync();
        posting.Categories.OrderBy(c => c.Position).Select(c => c.Category.Name).Should().Equal("Healthcare", "Sales");
        posting.Skills.Select(s => s.Skill.Name).Should().Equal("Account Management");
        posting.WorkMode.Should().Be(WorkMode.Hybrid);
        posting.Locations.Should().ContainSingle().Which.City.Should().Be("Bucharest");
        (posting.EmploymentType, posting.HoursPerWeek, posting.WorkingLanguage).Should().Be((EmploymentType.FullTime, 40m, "English"));
        posting.Compensation.Should().BeNull();
        posting.Sections[0].Should().Match<PostingSection>(s => s.Heading == "About The Company" && s.Body!.StartsWith("Novartis is an innovative medicines company"),
            "the ad's company text differs from the company's profile, so it is kept in the ad's place");
        var review = posting.Sections[^1].Body;
        review.Should().Contain("Categories the board does not have (choose the nearest in the editor): Management & Leadership.")
            .And.Contain("Skills the board does not have yet").And.Contain("Crm (Customer Relationship Management)")
            .And.Contain("says On site, but \"#LI-Hybrid\" says Hybrid");
    }

    [Fact]
    public async Task The_draft_is_always_the_signed_in_recruiters_company_whatever_the_ad_or_the_form_says()
    {
        var novartis = Novartis();
        await app.InsertAsync(novartis);
        var (client, acme) = await RecruiterAsync(TestPostings.Company("Acme Pharma"), "recruiter@acme.test");

        await PasteAsync(client, SeedAds.Text(SeedAds.Bucharest), ("CompanyId", novartis.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var posting = await SinglePostingAsync();
        posting.CompanyId.Should().Be(acme.Id);
        posting.Sections[^1].Body.Should().Contain("The ad is Novartis's; this draft is Acme Pharma's.");
        var novartisDrafts = await app.ExecuteDbContextAsync(db => db.Postings.CountAsync(p => p.CompanyId == novartis.Id));
        novartisDrafts.Should().Be(0);
    }

    [Fact]
    public async Task Only_a_recruiter_with_an_approved_membership_may_import()
    {
        var company = TestPostings.Company();
        await app.InsertAsync(company);
        var seeker = await app.CreateUserAsync("seeker@mail.test", BoardRoles.Seeker);
        var waiting = await app.CreateUserAsync("waiting@acme.test", BoardRoles.Recruiter, company, owner: false);

        var guest = await app.GuestClient().GetAsync(new Uri(ImportUrl, UriKind.Relative));
        var asSeeker = await (await app.SignedInClientAsync(seeker)).GetAsync(new Uri(ImportUrl, UriKind.Relative));
        var asWaiting = await (await app.SignedInClientAsync(waiting)).GetAsync(new Uri(ImportUrl, UriKind.Relative));

        guest.Headers.Location!.PathAndQuery.Should().StartWith("/Account/SignIn?ReturnUrl=");
        asSeeker.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied");
        asWaiting.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied", "a join request not yet approved gives no company to import into");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        var (client, _) = await RecruiterAsync(TestPostings.Company());

        var response = await client.PostAsync(new Uri(ImportUrl, UriKind.Relative),
            new FormUrlEncodedContent([new("Text", "Nurse\nAcme\nChicago, IL")]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PostingCountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("", "Paste the text of an ad")]
    [InlineData("\n\n   \n", "Paste the text of an ad")]
    [InlineData("Nurse\u0001\nAcme\nChicago, IL", "control characters")]
    [InlineData("- Care for patients\n- Keep records", "No title was found")]
    [InlineData("Ranger\nParks Service\n\nSummary\nLook after the trails and welcome visitors to the park through the summer.", "names no place the board knows")]
    public async Task Text_that_makes_no_draft_is_refused_with_a_message_and_kept(string text, string message)
    {
        var (client, _) = await RecruiterAsync(TestPostings.Company());

        var response = await PasteAsync(client, text);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var page = await ParseAsync(response);
        page.QuerySelector("[data-valmsg-for=Text]")!.TextContent.Should().Contain(message);
        page.QuerySelector<IHtmlTextAreaElement>("textarea[name=Text]")!.Value.ReplaceLineEndings("\n").Should().Be(text, "what was typed is kept");
        (await PostingCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Text_longer_than_any_ad_is_refused()
    {
        var (client, _) = await RecruiterAsync(TestPostings.Company());

        var response = await PasteAsync(client, "Nurse\nAcme\nChicago, IL\n\n" + new string('x', AdTextParser.MaxLength));

        (await ParseAsync(response)).QuerySelector("[data-valmsg-for=Text]")!.TextContent.Should().Contain("at most 100,000");
        (await PostingCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_JobPosting_json_ld_file_makes_a_draft()
    {
        var (client, company) = await RecruiterAsync(TestPostings.Company());

        var response = await client.UploadJsonLdAsync("nurse.jsonld", """
            {
              "@context": "https://schema.org/",
              "@type": "JobPosting",
              "title": "Registered Nurse",
              "description": "<p>Care for patients in our <b>busy</b> clinic.</p>",
              "hiringOrganization": { "@type": "Organization", "name": "Acme Health" },
              "jobLocation": { "@type": "Place", "address": { "addressLocality": "Peoria", "addressRegion": "IL", "addressCountry": "US" } },
              "baseSalary": { "@type": "MonetaryAmount", "currency": "USD", "value": { "@type": "QuantitativeValue", "minValue": 38, "maxValue": 45, "unitText": "HOUR" } },
              "employmentType": "PART_TIME",
              "url": "https://acme.test/jobs/nurse"
            }
            """);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var posting = await SinglePostingAsync();
        posting.CompanyId.Should().Be(company.Id);
        (posting.Title, posting.Summary, posting.EmploymentType).Should().Be(("Registered Nurse", "Care for patients in our busy clinic.", EmploymentType.PartTime));
        (posting.Compensation!.Minimum, posting.Compensation.Maximum, posting.Compensation.Period).Should().Be((38m, 45m, PayPeriod.Hour));
        posting.Locations.Should().ContainSingle().Which.City.Should().Be("Peoria");
        posting.ApplyUrl.Should().Be("https://acme.test/jobs/nurse");
    }

    [Theory]
    [InlineData("broken.json", "{ \"title\": \"Nurse\", ", "not valid JSON (line 1")]
    [InlineData("list.json", "[{ \"@type\": \"JobPosting\", \"title\": \"A\" }, { \"@type\": \"JobPosting\", \"title\": \"B\" }]", "holds 2 JobPostings")]
    [InlineData("person.json", "{ \"@type\": \"Person\", \"name\": \"Ada\" }", "\"Person\" is not a JobPosting")]
    [InlineData("bare.json", "{ \"@type\": \"JobPosting\", \"title\": \"Nurse\" }", "hiringOrganization")]
    [InlineData("ad.txt", "{}", "Choose a .json or .jsonld file")]
    [InlineData("empty.json", "", "The file is empty")]
    public async Task A_file_that_makes_no_draft_is_refused_with_a_clear_message(string name, string json, string message)
    {
        var (client, _) = await RecruiterAsync(TestPostings.Company());

        var response = await client.UploadJsonLdAsync(name, json);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ParseAsync(response)).QuerySelector("[data-valmsg-for=JsonLd]")!.TextContent.Should().Contain(message);
        (await PostingCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_refused()
    {
        var (client, _) = await RecruiterAsync(TestPostings.Company());

        var response = await client.UploadJsonLdAsync("huge.json", "{\"title\": \"" + new string('x', 600 * 1024) + "\"}");

        (await ParseAsync(response)).QuerySelector("[data-valmsg-for=JsonLd]")!.TextContent.Should().Contain("larger than 512 KB");
        (await PostingCountAsync()).Should().Be(0);
    }

    private async Task<(HttpClient Client, Company Company)> RecruiterAsync(Company company, string email = "recruiter@novartis.test")
    {
        await app.InsertAsync(company);
        var user = await app.CreateUserAsync(email, BoardRoles.Recruiter, company);
        return (await app.SignedInClientAsync(user), company);
    }

    private static Company Novartis() =>
        Company.Create("Novartis", new CompanyProfile(About: "Novartis reimagines medicine.", Website: "https://www.novartis.com", EmployeeCount: 82502, Headquarters: "Basel, Switzerland")).Value;

    /// <summary>Novartis with two of the Chicago ad's sections as its shared sections, word for word.</summary>
    private static Company NovartisWithSharedSections()
    {
        var company = Novartis();
        var ad = AdTextParser.Parse(SeedAds.Text(SeedAds.Chicago)).Content.Sections;
        var why = ad.Single(s => s.Heading == "Why Novartis:");
        var eeo = ad.Single(s => s.Heading == "EEO Statement");
        company.SetSection("why-novartis", why.Heading!, why.Body!);
        company.SetSection("eeo-statement", eeo.Heading!, eeo.Body!);
        return company;
    }

    private static Task<HttpResponseMessage> PasteAsync(HttpClient client, string text, params (string Name, string Value)[] extra) =>
        client.SubmitFormAsync(ImportUrl, [new("Text", text), .. extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value))], "[data-testid=import-form]");

    private Task<JobPosting> SinglePostingAsync() =>
        app.ExecuteDbContextAsync(db => db.Postings
            .Include(p => p.Locations)
            .Include(p => p.Categories).ThenInclude(c => c.Category)
            .Include(p => p.Skills).ThenInclude(s => s.Skill)
            .Include(p => p.StatusHistory)
            .AsSplitQuery()
            .SingleAsync());

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    private Task<int> PostingCountAsync() => app.ExecuteDbContextAsync(db => db.Postings.CountAsync());
}
