using System.Net;
using System.Text.Json;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Loader.DemoData;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace JobBoard.Tests.Recommendations;

/// <summary>
/// The recommendations under the two seed ads on the demo board as <c>./jobboard.sh run</c> loads it: they read like
/// the lists on the pages the seeds were taken from, Chicago-area jobs under the Chicago ad and nothing a Romanian
/// reader could not apply for under the Bucharest one.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class DemoBoardRecommendationTests(JobBoardApp app, ITestOutputHelper output) : WebTest(app)
{
    private const double ChicagoLatitude = 41.85003;
    private const double ChicagoLongitude = -87.65005;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<DemoDataLoader>(scope.ServiceProvider).LoadIfEmptyAsync(SyntheticBoard.DefaultCount, CancellationToken.None);
    }

    [Fact]
    public async Task The_Chicago_ads_top_ten_are_Chicago_area_jobs_those_sharing_its_categories_first()
    {
        var top = await RecommendedAsync(SeedAds.ChicagoTitle, 10);

        var inArea = top.Select(r => r.Places.Any(p => GeoDistance.Kilometres(ChicagoLatitude, ChicagoLongitude, p.Latitude, p.Longitude) <= 100)).ToList();
        inArea.Count(near => near).Should().BeGreaterThanOrEqualTo(8, "the list reads like the seed's own: Chicago-area jobs first");
        var sharing = top.Select(r => r.SharesCategory).ToList();
        var lastSharingInArea = Enumerable.Range(0, top.Count).LastOrDefault(i => inArea[i] && sharing[i], -1);
        Enumerable.Range(0, lastSharingInArea + 1).Where(i => inArea[i]).Should().OnlyContain(i => sharing[i], "Chicago-area jobs sharing a category come before those sharing none");
        top.Take(3).Should().OnlyContain(r => r.SharesCategory && r.Places.Any(p => p.City == "Chicago" || GeoDistance.Kilometres(ChicagoLatitude, ChicagoLongitude, p.Latitude, p.Longitude) <= 100));
    }

    [Fact]
    public async Task The_Chicago_ads_reasons_name_the_place_that_matched()
    {
        var top = await RecommendedAsync(SeedAds.ChicagoTitle, 50);

        var internalMedicine = top.Single(r => r.Title.StartsWith("Internal Medicine Opportunity", StringComparison.Ordinal));
        internalMedicine.Reasons.Should().Contain("Same city: Chicago");
        var vetTech = top.Single(r => r.Title == "Veterinary Technician-ER/ICU");
        vetTech.Reasons.Should().Contain(reason => reason.EndsWith(" km from Chicago", StringComparison.Ordinal));
        top.SelectMany(r => r.Reasons).Should().NotContain("Same city", "a same-city reason names the city");
    }

    [Fact]
    public async Task A_broad_category_alone_ranks_below_Chicago_jobs_sharing_Healthcare_or_Sales()
    {
        var top = await RecommendedAsync(SeedAds.ChicagoTitle, 50);

        var specific = top.Where(r => r.Near(ChicagoLatitude, ChicagoLongitude, 100) && r.Categories.Intersect(["Healthcare", "Sales"]).Any()).ToList();
        var broadOnly = top.Where(r => r.Categories.Contains("Management & Leadership") && !r.Categories.Intersect(["Healthcare", "Sales"]).Any()).ToList();
        specific.Should().NotBeEmpty();
        foreach (var weak in broadOnly)
        {
            top.IndexOf(weak).Should().BeGreaterThan(top.IndexOf(specific[^1]), $"{weak.Title} shares only Management & Leadership");
        }
    }

    [Fact]
    public async Task The_Bucharest_ads_jobs_abroad_come_after_every_Romanian_job_sharing_a_category_and_other_continents_last()
    {
        var top = await RecommendedAsync(SeedAds.BucharestTitle, 50);

        bool Abroad(Recommended r) => r.WorkMode != WorkMode.Remote && r.Places.Count > 0 && r.Places.All(p => p.CountryCode != "RO");
        bool OtherContinent(Recommended r) => Abroad(r) && r.Places.All(p => Gazetteer.Default.Continent(p.CountryCode) != "EU");
        var firstAbroad = top.FindIndex(Abroad);
        firstAbroad.Should().BeGreaterThan(top.FindLastIndex(r => r.SharesCategory && !Abroad(r)));
        var firstOtherContinent = top.FindIndex(OtherContinent);
        if (firstOtherContinent >= 0)
        {
            top.Skip(firstOtherContinent).All(OtherContinent).Should().BeTrue("another continent only fills the list");
        }
    }

    [Fact]
    public async Task The_Bucharest_ads_sectors_are_its_city()
    {
        var top = await RecommendedAsync(SeedAds.BucharestTitle, 10);

        var sectors = top.Where(r => r.WorkMode != WorkMode.Remote && r.Places.Any(p => p.City.StartsWith("Sector ", StringComparison.Ordinal))).ToList();
        sectors.Should().NotBeEmpty();
        sectors.Should().OnlyContain(r => r.Reasons.Contains("Same city: Bucharest"));
    }

    [Fact]
    public async Task The_Bucharest_ad_never_gets_a_remote_job_closed_to_Romania()
    {
        var top = await RecommendedAsync(SeedAds.BucharestTitle, 50);

        top.Should().NotBeEmpty();
        top.Select(r => r.Title).Should().NotContain("Business development manager - facilities", "it takes only US applicants");
        top.Where(r => r.WorkMode == WorkMode.Remote).Should().OnlyContain(r => r.ApplicantCountries.Count == 0 ? r.Places.Any(p => p.CountryCode == "RO") : r.ApplicantCountries.Contains("RO"));
    }

    private async Task<List<Recommended>> RecommendedAsync(string title, int limit)
    {
        var id = await app.ExecuteDbContextAsync(db => db.Postings.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
        var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/jobs/{id}/recommendations?limit={limit}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = json.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (Id: i.GetProperty("id").GetInt32(), Score: i.GetProperty("score").GetDouble(), Reasons: i.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList()))
            .ToList();
        var ids = items.Select(i => i.Id).ToList();
        var subjectCategories = await app.ExecuteDbContextAsync(db =>
            db.Postings.Where(p => p.Id == id).SelectMany(p => p.Categories.Select(c => c.Category.Name)).ToListAsync());
        var postings = await app.ExecuteDbContextAsync(db => db.Postings.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.WorkMode,
                p.ApplicantCountries,
                Places = p.Locations.OrderBy(l => l.Position).ToList(),
                Categories = p.Categories.Select(c => c.Category.Name).ToList(),
            })
            .ToDictionaryAsync(p => p.Id));
        var list = items.Select(i =>
        {
            var p = postings[i.Id];
            return new Recommended(p.Title, p.WorkMode, p.ApplicantCountries, p.Places, p.Categories, p.Categories.Intersect(subjectCategories).Any(), i.Reasons, i.Score);
        }).ToList();

        output.WriteLine($"{title}:");
        for (var i = 0; i < list.Count; i++)
        {
            var r = list[i];
            output.WriteLine($"  {i + 1,2}. {r.Score:0.000} {r.Title} — {string.Join(" / ", r.Places.Select(p => $"{p.City}, {p.CountryCode}"))} {r.WorkMode} [{string.Join(", ", r.Categories)}] :: {string.Join(" · ", r.Reasons)}");
        }

        return list;
    }

    private sealed record Recommended(
        string Title,
        WorkMode WorkMode,
        IReadOnlyList<string> ApplicantCountries,
        IReadOnlyList<PostingLocation> Places,
        IReadOnlyList<string> Categories,
        bool SharesCategory,
        IReadOnlyList<string> Reasons,
        double Score)
    {
        public bool Near(double latitude, double longitude, double km) =>
            Places.Any(p => GeoDistance.Kilometres(latitude, longitude, p.Latitude, p.Longitude) <= km);
    }
}
