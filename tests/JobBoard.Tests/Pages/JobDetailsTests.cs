using System.Net;
using System.Text.Json;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Pages.Jobs;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Pages;

[Collection(WebTestsDefinition.Name)]
public sealed class JobDetailsTests(JobBoardApp app) : WebTest(app)
{
    private static PostingContent Rich() => Content("Key Account Manager") with
    {
        Summary = "First paragraph of the summary.\n\nSecond paragraph.",
        Sections =
        [
            PostingSection.Structured(SectionKind.Summary, "Summary"),
            PostingSection.Structured(SectionKind.Responsibilities, "Key Responsibilities:"),
            PostingSection.Structured(SectionKind.EssentialRequirements, "Essential Requirements"),
            PostingSection.Structured(SectionKind.DesirableRequirements, "Desirable Requirements"),
            PostingSection.Text("Driving is an Essential Function of this Role:", "Meaning it is fundamental to the purpose of this job."),
            PostingSection.Structured(SectionKind.Compensation, "Compensation Summary", "The salary for this position is expected to range between $176,400 and $327,600 per year."),
            PostingSection.Text("EEO Statement", "We do not discriminate."),
        ],
        Compensation = Compensation.Create("USD", 176_400m, 327_600m, PayPeriod.Year, cashIncentive: true, benefits: "A 401(k) with company match.").Value,
        DatePosted = new DateOnly(2025, 10, 27),
        HoursPerWeek = 40,
        WorkingLanguage = "English",
        VisaSponsorship = false,
        Categories = [Category.Create("Healthcare")],
        Skills = [Skill.Create("Patient Care")],
    };

    [Fact]
    public async Task Shows_every_section_in_the_ads_order()
    {
        var posting = Published(Company(), Rich());
        await app.InsertAsync(posting);

        var (response, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var headings = page.QuerySelectorAll("article.ad section h2").Select(h => h.Text()).ToList();
        headings.Should().Equal("Summary", "Key Responsibilities:", "Essential Requirements", "Desirable Requirements", "Compensation Summary", "EEO Statement", "About Acme Health");
        var text = page.QuerySelector("article.ad")!.Text();
        text.Should().ContainAll(
            "First paragraph of the summary.", "Second paragraph.", "Care for patients", "Bachelor's degree in nursing", "Oncology experience",
            "Driving is an Essential Function of this Role: Meaning it is fundamental to the purpose of this job.",
            "$176,400 – $327,600 per year", "The salary for this position is expected to range between $176,400 and $327,600 per year.",
            "A 401(k) with company match.", "We do not discriminate.");
        text.IndexOf("Oncology experience", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("Driving is", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shows_the_job_information_block()
    {
        var posting = Published(Company(), Rich());
        await app.InsertAsync(posting);

        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        var info = page.QuerySelector("[data-testid=job-information]")!.Text();
        info.Should().ContainAll("Salary $176,400 – $327,600 per year + cash incentive", "Job type Full time", "Work mode On site",
            "Location Chicago, IL", "Company size 1,200 employees", "Visa sponsorship No", "Language English", "Working hours 40 hours per week");
        page.QuerySelector("[data-testid=categories]")!.Text().Should().Be("Healthcare");
        page.QuerySelector("[data-testid=apply]")!.GetAttribute("href").Should().Be($"/jobs/{posting.Id}/apply");
    }

    [Fact]
    public async Task Carries_a_schema_org_JobPosting()
    {
        var posting = Published(Company(), Rich());
        await app.InsertAsync(posting);

        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        var script = page.QuerySelector("script[type='application/ld+json']");
        script.Should().NotBeNull();
        using var json = JsonDocument.Parse(script!.TextContent);
        var root = json.RootElement;
        root.GetProperty("@type").GetString().Should().Be("JobPosting");
        root.GetProperty("title").GetString().Should().Be("Key Account Manager");
        root.GetProperty("datePosted").GetString().Should().Be("2025-10-27");
        root.GetProperty("hiringOrganization").GetProperty("name").GetString().Should().Be("Acme Health");
        root.GetProperty("employmentType").GetString().Should().Be("FULL_TIME");
        var salary = root.GetProperty("baseSalary");
        salary.GetProperty("currency").GetString().Should().Be("USD");
        salary.GetProperty("value").GetProperty("minValue").GetDecimal().Should().Be(176_400m);
        salary.GetProperty("value").GetProperty("maxValue").GetDecimal().Should().Be(327_600m);
        salary.GetProperty("value").GetProperty("unitText").GetString().Should().Be("YEAR");
        var address = root.GetProperty("jobLocation")[0].GetProperty("address");
        address.GetProperty("addressLocality").GetString().Should().Be("Chicago");
        address.GetProperty("addressCountry").GetString().Should().Be("US");
        root.GetProperty("description").GetString().Should().Contain("<h2>Essential Requirements</h2>").And.Contain("<li>Care for patients</li>");
        root.GetProperty("skills")[0].GetString().Should().Be("Patient Care");
        root.GetProperty("occupationalCategory")[0].GetString().Should().Be("Healthcare");
        root.GetProperty("educationRequirements").GetProperty("credentialCategory").GetString().Should().Be("bachelor degree", "one of the values Google accepts");
    }

    [Fact]
    public async Task The_JSON_LD_title_drops_a_suffix_that_repeats_the_place_and_the_page_keeps_it()
    {
        var posting = Published(Company(), Rich() with { Title = "Key Account Manager -Oncology | Chicago, IL" });
        await app.InsertAsync(posting);

        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        json.RootElement.GetProperty("title").GetString().Should().Be("Key Account Manager -Oncology");
        page.QuerySelector("h1")!.Text().Should().Be("Key Account Manager -Oncology | Chicago, IL");
    }

    [Fact]
    public async Task A_remote_posting_is_a_telecommute_with_applicant_countries()
    {
        var posting = Published(Company(), Content() with { WorkMode = WorkMode.Remote, ApplicantCountries = ["US"], Locations = [] });
        await app.InsertAsync(posting);

        var (_, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        json.RootElement.GetProperty("jobLocationType").GetString().Should().Be("TELECOMMUTE");
        json.RootElement.GetProperty("applicantLocationRequirements")[0].GetProperty("name").GetString().Should().Be("US");
        json.RootElement.TryGetProperty("baseSalary", out _).Should().BeFalse("no salary is invented");
    }

    [Fact]
    public async Task The_short_address_redirects_to_the_canonical_one()
    {
        var posting = Published(Company(), Rich());
        await app.InsertAsync(posting);

        var (shortResponse, _) = await app.GetPageAsync($"/jobs/{posting.Id}");
        var (wrongSlugResponse, _) = await app.GetPageAsync($"/jobs/{posting.Id}/old-title");

        shortResponse.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        shortResponse.Headers.Location!.ToString().Should().Be($"/jobs/{posting.Id}/key-account-manager");
        wrongSlugResponse.Headers.Location!.ToString().Should().Be($"/jobs/{posting.Id}/key-account-manager");
    }

    [Fact]
    public async Task Drafts_are_not_found_and_the_page_says_so_kindly()
    {
        var draft = Draft(Company());
        await app.InsertAsync(draft);

        var (response, page) = await app.GetPageAsync($"/jobs/{draft.Id}/{draft.Slug}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.QuerySelector("[data-testid=error] h1")!.Text().Should().Be("Page not found");
        page.Body!.TextContent.Should().NotContain(draft.Title);
    }

    [Fact]
    public async Task A_closed_posting_stays_reachable_but_takes_no_applications_and_is_not_indexed()
    {
        var posting = Published(Company(), Rich());
        posting.Close("recruiter@acme.test", Now);
        await app.InsertAsync(posting);

        var (response, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[role=status]")!.Text().Should().Be("This job is no longer accepting applications.");
        page.QuerySelector("meta[name=robots]")!.GetAttribute("content").Should().Be("noindex");
        page.QuerySelector("script[type='application/ld+json']").Should().BeNull();
        page.QuerySelector("[data-testid=apply]").Should().BeNull();
    }

    [Fact]
    public async Task Text_from_a_recruiter_is_encoded_never_run()
    {
        var posting = Published(Company(), Content("<script>alert('x')</script> Nurse") with { Summary = "<img src=x onerror=alert(1)>" });
        await app.InsertAsync(posting);

        var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri($"/jobs/{posting.Id}/{posting.Slug}", UriKind.Relative));

        html.Should().NotContain("<script>alert").And.NotContain("<img src=x");
        html.Should().Contain("&lt;script&gt;alert(");
    }

    [Fact]
    public async Task An_unknown_address_gets_the_friendly_not_found_page()
    {
        var (response, page) = await app.GetPageAsync("/no/such/page");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.Text().Should().Be("Page not found");
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var (response, _) = await app.GetPageAsync("/");

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'");
    }

    [Fact]
    public async Task A_posting_page_is_served_from_memory_until_its_cache_entry_goes()
    {
        var posting = Published(Company(), Rich());
        await app.InsertAsync(posting);
        var address = $"/jobs/{posting.Id}/{posting.Slug}";
        (await app.GetPageAsync(address)).Document.QuerySelector("h1")!.Text().Should().Be("Key Account Manager");

        await app.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync($"UPDATE job_postings SET title = 'Renamed Role' WHERE id = {posting.Id}"));
        var (cached, cachedPage) = await app.GetPageAsync(address);

        cachedPage.QuerySelector("h1")!.Text().Should().Be("Key Account Manager", "the page is answered from the output cache");
        cached.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        cached.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'");

        await app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(DetailsModel.CacheTag, CancellationToken.None);
        (await app.GetPageAsync(address)).Document.QuerySelector("h1")!.Text().Should().Be("Renamed Role");
    }

    [Fact]
    public async Task A_missing_page_is_not_cached_so_a_posting_published_later_shows()
    {
        var posting = Draft(Company(), Rich());
        await app.InsertAsync(posting);
        var address = $"/jobs/{posting.Id}/{posting.Slug}";
        (await app.GetPageAsync(address)).Response.StatusCode.Should().Be(HttpStatusCode.NotFound);

        await app.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync($"UPDATE job_postings SET status = 'Published', date_posted = '2026-11-20' WHERE id = {posting.Id}"));

        (await app.GetPageAsync(address)).Response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
