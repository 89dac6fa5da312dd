using System.Globalization;
using System.Net;
using System.Text.Json;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Recommendations;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Recommendations;

/// <summary>
/// A labelled evaluation set on real geography: for a Boston healthcare-sales posting and a Bucharest one, every
/// other posting carries a graded relevance (3 = what a reader of the subject wants next, 0 = not related or not open
/// to the reader: remote work closed to the subject's country). A field posting with places in Houston and Boston is
/// as good as a Boston one for the Boston subject. The
/// recommendations API is scored with NDCG@10 and precision@10 (relevant = grade ≥ 2); docs/recommendations.md
/// reports the figures this test prints.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class RecommendationQualityTests(JobBoardApp app, ITestOutputHelper output) : WebTest(app)
{
    private readonly Dictionary<string, JobPosting> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Category> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Company> _companies = new(StringComparer.Ordinal);

    /// <summary>Title → grade, for the Boston subject.</summary>
    private static readonly Dictionary<string, int> BostonGrades = new(StringComparer.Ordinal)
    {
        ["Oncology Sales Specialist (Boston)"] = 3,
        ["Field Medical Sales Rep (Houston + Boston)"] = 3,
        ["Medical Device Sales Rep (Cambridge)"] = 3,
        ["Pharmaceutical Sales Rep (Quincy)"] = 3,
        ["Healthcare Account Manager (Worcester)"] = 2,
        ["Hospital Sales Consultant (Providence)"] = 2,
        ["Remote Medical Sales Manager (US)"] = 2,
        ["Registered Nurse (Boston)"] = 2,
        ["Clinical Sales Liaison (Hartford)"] = 1,
        ["Pharma Sales Representative (New York)"] = 1,
        ["Software Engineer (Boston)"] = 1,
        ["Remote Medical Sales Manager (Germany only)"] = 0,
        ["Remote Oncology Account Lead (Canada only)"] = 0,
        ["Medical Sales Representative (Madrid)"] = 0,
        ["Store Assistant (Chicago)"] = 0,
        ["Key Account Manager Oncology (Bucharest)"] = 0,
        ["Pharma Sales Representative (Ploiesti)"] = 0,
        ["Medical Representative (Cluj-Napoca)"] = 0,
        ["Remote Healthcare Sales Lead (EU)"] = 0,
        ["Java Developer (Bucharest)"] = 0,
    };

    private static readonly Dictionary<string, int> BucharestGrades = new(StringComparer.Ordinal)
    {
        ["Key Account Manager Oncology (Bucharest)"] = 3,
        ["Pharma Sales Representative (Ploiesti)"] = 2,
        ["Remote Healthcare Sales Lead (EU)"] = 2,
        ["Medical Representative (Cluj-Napoca)"] = 1,
        ["Java Developer (Bucharest)"] = 1,
        ["Medical Sales Representative (Madrid)"] = 0,
        ["Remote Medical Sales Manager (US)"] = 0,
        ["Remote Oncology Account Lead (Canada only)"] = 0,
        ["Oncology Sales Specialist (Boston)"] = 0,
        ["Field Medical Sales Rep (Houston + Boston)"] = 0,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var today = Today;

        Add("Medical Sales Representative (Boston subject)", "Boston, MA", ["Healthcare", "Sales"]);
        Add("Oncology Sales Specialist (Boston)", "Boston, MA", ["Healthcare", "Sales"]);
        Add("Field Medical Sales Rep (Houston + Boston)", "Houston, TX + Boston, MA", ["Healthcare", "Sales"]);
        Add("Medical Device Sales Rep (Cambridge)", "Cambridge, MA", ["Healthcare", "Sales"]);
        Add("Pharmaceutical Sales Rep (Quincy)", "Quincy, MA", ["Healthcare", "Sales"]);
        Add("Healthcare Account Manager (Worcester)", "Worcester, MA", ["Healthcare", "Sales"]);
        Add("Hospital Sales Consultant (Providence)", "Providence, RI", ["Healthcare", "Sales"]);
        Add("Clinical Sales Liaison (Hartford)", "Hartford, CT", ["Healthcare", "Sales"]);
        Add("Pharma Sales Representative (New York)", "New York, NY", ["Healthcare", "Sales"]);
        Add("Registered Nurse (Boston)", "Boston, MA", ["Healthcare"]);
        Add("Software Engineer (Boston)", "Boston, MA", ["Information Technology"]);
        Add("Remote Medical Sales Manager (US)", null, ["Healthcare", "Sales"], remoteFor: ["US"]);
        Add("Remote Medical Sales Manager (Germany only)", "Boston, MA", ["Healthcare", "Sales"], remoteFor: ["DE"]);
        Add("Remote Oncology Account Lead (Canada only)", null, ["Healthcare", "Sales"], remoteFor: ["CA"]);
        Add("Medical Sales Representative (Madrid)", "Madrid, Spain", ["Healthcare", "Sales"]);
        for (var i = 1; i <= 12; i++)
        {
            Add($"Store Assistant {i} (Chicago)", "Chicago, IL", ["Retail"]);
        }

        Add("Key Account Manager Oncology (Bucharest subject)", "Bucharest, Romania", ["Healthcare", "Sales"]);
        Add("Key Account Manager Oncology (Bucharest)", "Bucharest, Romania", ["Healthcare", "Sales"]);
        Add("Pharma Sales Representative (Ploiesti)", "Ploiesti, Romania", ["Healthcare", "Sales"]);
        Add("Medical Representative (Cluj-Napoca)", "Cluj-Napoca, Romania", ["Healthcare", "Sales"]);
        Add("Remote Healthcare Sales Lead (EU)", null, ["Healthcare", "Sales"], remoteFor: ["RO", "DE", "FR", "ES"]);
        Add("Java Developer (Bucharest)", "Bucharest, Romania", ["Information Technology"]);

        // Postings the public must never be recommended, however close and alike.
        var company = CompanyNamed("Hidden Health");
        var draft = Draft(company, Ad("Draft Oncology Sales (Boston)", "Boston, MA", ["Healthcare", "Sales"]));
        var closed = Published(company, Ad("Closed Oncology Sales (Boston)", "Boston, MA", ["Healthcare", "Sales"]));
        closed.Close("recruiter", Now);
        var expired = Published(
            company,
            Ad("Expired Oncology Sales (Boston)", "Boston, MA", ["Healthcare", "Sales"]) with { DatePosted = today.AddDays(-60), ValidThrough = today.AddDays(-1) },
            at: new DateTimeOffset(today.AddDays(-59).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var rejected = Draft(company, Ad("Rejected Oncology Sales (Boston)", "Boston, MA", ["Healthcare", "Sales"]));
        rejected.Submit("recruiter", Now);
        rejected.Reject("admin", "Duplicate", Now);

        await app.InsertAsync([.. _postings.Values, draft, closed, expired, rejected]);
    }

    [Theory]
    [InlineData("Medical Sales Representative (Boston subject)")]
    [InlineData("Key Account Manager Oncology (Bucharest subject)")]
    public async Task NDCG_at_10_is_at_least_0_9(string subject)
    {
        var grades = subject.Contains("Boston", StringComparison.Ordinal) ? BostonGrades : BucharestGrades;
        var titles = await RecommendedTitlesAsync(subject, 10);

        var gains = titles.Select(title => (double)grades.GetValueOrDefault(title.StartsWith("Store Assistant", StringComparison.Ordinal) ? "Store Assistant (Chicago)" : title)).ToList();
        var ideal = grades.Values.OrderByDescending(g => g).Take(10).Select(g => (double)g).ToList();
        var ndcg = Dcg(gains) / Dcg(ideal);
        var precision = gains.Count(g => g >= 2) / 10.0;

        output.WriteLine($"{subject}: NDCG@10 = {ndcg.ToString("0.000", CultureInfo.InvariantCulture)}, precision@10 = {precision.ToString("0.0", CultureInfo.InvariantCulture)}");
        for (var i = 0; i < titles.Count; i++)
        {
            output.WriteLine($"  {i + 1,2}. [{gains[i]}] {titles[i]}");
        }

        ndcg.Should().BeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public async Task Never_the_posting_itself_nor_drafts_closed_expired_or_rejected_postings()
    {
        var titles = await RecommendedTitlesAsync("Medical Sales Representative (Boston subject)", 50);

        titles.Should().NotContain("Medical Sales Representative (Boston subject)");
        titles.Should().NotContain(t => t.StartsWith("Draft", StringComparison.Ordinal) || t.StartsWith("Closed", StringComparison.Ordinal)
            || t.StartsWith("Expired", StringComparison.Ordinal) || t.StartsWith("Rejected", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Medical Sales Representative (Boston subject)", "Remote Medical Sales Manager (US)", "US")]
    [InlineData("Key Account Manager Oncology (Bucharest subject)", "Remote Healthcare Sales Lead (EU)", "RO")]
    public async Task A_remote_posting_closed_to_the_subjects_country_never_appears(string subject, string openRemote, string country)
    {
        using var json = await RecommendationsAsync(subject, 50);

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("title").GetString()).Should().NotContain(
            ["Remote Medical Sales Manager (Germany only)", "Remote Oncology Account Lead (Canada only)"], "they do not take applicants from here")
            .And.Contain(openRemote);
        items.Single(i => i.GetProperty("title").GetString() == openRemote).GetProperty("reasons").EnumerateArray().Select(r => r.GetString())
            .Should().Contain($"Remote — open to {country} applicants");
        if (country == "RO")
        {
            items.Select(i => i.GetProperty("title").GetString()).Should().NotContain("Remote Medical Sales Manager (US)");
        }
    }

    [Fact]
    public async Task A_multi_place_posting_is_shown_at_its_place_that_matched()
    {
        using var json = await RecommendationsAsync("Medical Sales Representative (Boston subject)", 10);

        var field = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == "Field Medical Sales Rep (Houston + Boston)");
        field.GetProperty("reasons")[0].GetString().Should().Be("Same city: Boston");
        field.GetProperty("place").GetProperty("city").GetString().Should().Be("Boston");
        field.GetProperty("locations")[0].GetProperty("city").GetString().Should().Be("Houston", "the card lists all its places, first one first");

        var subject = _postings["Medical Sales Representative (Boston subject)"];
        var (_, page) = await app.GetPageAsync($"/jobs/{subject.Id}/{subject.Slug}");
        var card = page.QuerySelectorAll("[data-testid=recommended-job]").Single(j => j.QuerySelector("h3")!.Text() == "Field Medical Sales Rep (Houston + Boston)");
        card.QuerySelector("[data-testid=place]")!.Text().Should().Be("Boston, MA");
    }

    [Fact]
    public async Task The_details_page_lists_recommended_jobs_like_the_seed_with_reasons()
    {
        var subject = _postings["Medical Sales Representative (Boston subject)"];

        var (_, page) = await app.GetPageAsync($"/jobs/{subject.Id}/{subject.Slug}");

        var jobs = page.QuerySelectorAll("[data-testid=recommended-job]");
        jobs.Should().HaveCount(10);
        jobs.Take(4).Select(j => j.QuerySelector("h3")!.Text()).Should().BeEquivalentTo(
            "Oncology Sales Specialist (Boston)", "Field Medical Sales Rep (Houston + Boston)", "Medical Device Sales Rep (Cambridge)", "Pharmaceutical Sales Rep (Quincy)");
        var boston = jobs.Single(j => j.QuerySelector("h3")!.Text() == "Oncology Sales Specialist (Boston)");
        boston.Text().Should().Contain("Boston Medical").And.Contain("Boston, MA").And.Contain("View details").And.Contain("Posted");
        boston.QuerySelector("p")!.Text().Should().EndWith("…");
        boston.QuerySelector("p")!.Text().Length.Should().BeLessThanOrEqualTo(202);
        boston.QuerySelector("[data-testid=reasons]")!.Text().Should().Be("Same city: Boston · Healthcare · Sales · Shares skills: Account Management");
        jobs.Single(j => j.QuerySelector("h3")!.Text() == "Healthcare Account Manager (Worcester)")
            .QuerySelector("[data-testid=reasons]")!.Text().Should().MatchRegex(@"^\d+ km from Boston · Healthcare · Sales");
    }

    [Fact]
    public async Task A_closed_postings_page_still_recommends_open_ones()
    {
        var closedId = await app.ExecuteDbContextAsync(db => Task.FromResult(db.Postings.Single(p => p.Title == "Closed Oncology Sales (Boston)").Id));

        using var json = await RecommendationsAsync(closedId, 10);

        json.RootElement.GetProperty("items").GetArrayLength().Should().Be(10);
    }

    [Fact]
    public async Task A_remote_posting_with_neither_place_nor_category_is_shown_remote_work_open_to_its_country()
    {
        var posting = Published(CompanyNamed("Anywhere Inc"), Ad("Remote Support Agent", null, []) with { WorkMode = WorkMode.Remote, ApplicantCountries = ["US"] });
        await app.InsertAsync(posting);

        using var json = await RecommendationsAsync(posting.Id, 10);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("title").GetString()).Should().Contain("Remote Medical Sales Manager (US)")
            .And.NotContain("Remote Healthcare Sales Lead (EU)", "it does not take applicants from the US");
        var (response, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=recommended]")!.TextContent.Should().Contain("Remote Medical Sales Manager (US)");
    }

    [Fact]
    public async Task Unknown_or_unpublished_postings_have_no_recommendations()
    {
        var draftId = await app.ExecuteDbContextAsync(db => Task.FromResult(db.Postings.Single(p => p.Title == "Draft Oncology Sales (Boston)").Id));

        (await app.CreateClient().GetAsync(new Uri($"/api/v1/jobs/{draftId}/recommendations", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await app.CreateClient().GetAsync(new Uri("/api/v1/jobs/999999/recommendations", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cached_lists_stay_within_the_cache_size_and_the_lists_that_do_not_fit_are_still_served()
    {
        var subject = _postings["Medical Sales Representative (Boston subject)"].Id;

        for (var limit = 1; limit <= RecommendedJobs.MaxLimit; limit++)
        {
            using var json = await RecommendationsAsync(subject, limit);
            json.RootElement.GetProperty("items").GetArrayLength().Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(limit);
        }

        ((MemoryCache)app.Services.GetRequiredService<IMemoryCache>()).Count.Should().BeLessThanOrEqualTo(40, "Caching:Entries is 40 in the tests");
        (await app.CreateClient().GetAsync(new Uri("/jobs?q=sales", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static double Dcg(IReadOnlyList<double> gains) =>
        gains.Select((gain, i) => (Math.Pow(2, gain) - 1) / Math.Log2(i + 2)).Sum();

    private async Task<List<string>> RecommendedTitlesAsync(string subject, int limit)
    {
        using var json = await RecommendationsAsync(_postings[subject].Id, limit);
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
    }

    private Task<JsonDocument> RecommendationsAsync(string subject, int limit) => RecommendationsAsync(_postings[subject].Id, limit);

    private async Task<JsonDocument> RecommendationsAsync(int id, int limit)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/jobs/{id}/recommendations?limit={limit}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private void Add(string title, string? place, string[] categories, string[]? remoteFor = null)
    {
        var city = title[(title.IndexOf('(', StringComparison.Ordinal) + 1)..].TrimEnd(')').Replace(" subject", string.Empty, StringComparison.Ordinal).Split(" + ")[^1];
        var content = Ad(title, place, categories) with
        {
            WorkMode = remoteFor is null ? WorkMode.OnSite : WorkMode.Remote,
            ApplicantCountries = remoteFor ?? [],
        };
        _postings[title] = Published(CompanyNamed($"{city} {(categories[0] == "Healthcare" ? "Medical" : categories[0])}"), content);
    }

    private PostingContent Ad(string title, string? place, string[] categories) => Content(title) with
    {
        Summary = $"{title}: join a growing team and build lasting relationships with the people we serve every day, with training, a clear path to grow and a manager who backs you. Apply today to hear more.",
        Locations = place is null ? [] : [.. place.Split(" + ").Select(p => PlaceInput.From(Gazetteer.Default.Resolve(p) ?? throw new InvalidOperationException($"No place {p}")))],
        Categories = [.. categories.Select(CategoryNamed)],
        Skills = categories.Contains("Sales") ? [SkillNamed("Account Management")] : [],
    };

    private readonly Dictionary<string, Skill> _skills = new(StringComparer.Ordinal);

    private Skill SkillNamed(string name) => _skills.TryGetValue(name, out var skill) ? skill : _skills[name] = Skill.Create(name);

    private Category CategoryNamed(string name) => _categories.TryGetValue(name, out var category) ? category : _categories[name] = Category.Create(name);

    private Company CompanyNamed(string name) => _companies.TryGetValue(name, out var company) ? company : _companies[name] = Company(name);
}
