using System.Net;
using System.Text.Json;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.Html;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Search;

/// <summary>The search form says what the search in effect is, and a currency the world does not use is bad input.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class SearchFormTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task An_unknown_currency_is_named_in_the_problems_and_the_salary_is_compared_in_the_places_currency()
    {
        await app.InsertAsync(Published(Company(), Content("Key Account Manager") with
        {
            Locations = [Bucharest],
            Compensation = Compensation.Create("RON", 150_000m, 180_000m, PayPeriod.Year).Value,
        }));
        const string Problem = "\"XYZ\" is not a currency code such as USD, EUR or RON, so it is left out.";

        using var json = await ApiAsync("location=Bucharest&salaryMin=50000&currency=XYZ");
        var (_, page) = await app.GetPageAsync("/jobs?location=Bucharest&salaryMin=50000&currency=XYZ");

        json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).Should().Equal(Problem);
        json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Should().Equal("Key Account Manager");
        page.QuerySelector("[data-testid=problems]")!.Text().Should().Be(Problem);
        page.QuerySelector("h1")!.Text().Should().EndWith("paying at least 50,000 RON a year");
        page.QuerySelectorAll("select#currency option").Select(o => o.GetAttribute("value")).Should().NotContain("XYZ");
        page.QuerySelectorAll("[data-testid=job-card]").Should().HaveCount(1);
    }

    [Fact]
    public async Task A_currency_in_lower_case_is_that_currency()
    {
        await app.InsertAsync(Published(Company(), Content("Key Account Manager") with
        {
            Locations = [Bucharest],
            Compensation = Compensation.Create("RON", 150_000m, 180_000m, PayPeriod.Year).Value,
        }));

        using var json = await ApiAsync("salaryMin=50000&currency=ron");
        var (_, page) = await app.GetPageAsync("/jobs?salaryMin=50000&currency=ron");

        json.RootElement.GetProperty("problems").GetArrayLength().Should().Be(0);
        json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Should().Equal("Key Account Manager");
        page.QuerySelector("h1")!.Text().Should().EndWith("paying at least 50,000 RON a year");
        page.QuerySelector("select#currency option[selected]")!.GetAttribute("value").Should().Be("RON");
    }

    [Theory]
    [InlineData("location=Chicago&radius=7", "7", "7 km|10 km|25 km|40 km (default)|50 km|100 km|200 km")]
    [InlineData("location=Chicago&radius=12.5", "12.5", "10 km|12.5 km|25 km|40 km (default)|50 km|100 km|200 km")]
    [InlineData("location=Chicago&radius=100", "100", "10 km|25 km|40 km (default)|50 km|100 km|200 km")]
    [InlineData("location=Chicago&radius=40", "", "10 km|25 km|40 km (default)|50 km|100 km|200 km")]
    [InlineData("location=Chicago", "", "10 km|25 km|40 km (default)|50 km|100 km|200 km")]
    [InlineData("location=Chicago&radius=7&unit=mi", "7", "7 mi|10 mi|25 mi (default)|40 mi|50 mi|100 mi|200 mi")]
    [InlineData("location=Chicago&unit=mi", "", "10 mi|25 mi (default)|40 mi|50 mi|100 mi|200 mi")]
    [InlineData("location=Chicago&radius=9000", "500", "10 km|25 km|40 km (default)|50 km|100 km|200 km|500 km")]
    public async Task The_radius_list_shows_the_radius_in_effect_and_each_distance_once(string query, string selected, string entries)
    {
        var (_, page) = await app.GetPageAsync("/jobs?" + query);

        var options = page.QuerySelectorAll("select#radius option");
        string.Join('|', options.Select(o => o.Text())).Should().Be(entries);
        options.Where(o => o.HasAttribute("selected")).Select(o => o.GetAttribute("value")).Should().Equal([selected], "the next search from the form keeps this radius");
        options.Where(o => o.GetAttribute("value") == string.Empty).Select(o => o.Text()).Should().ContainSingle().Which.Should().EndWith("(default)");
    }

    [Theory]
    [InlineData("", "10 km|25 km|40 km|50 km|100 km|200 km")]
    [InlineData("unit=mi", "10 mi|25 mi|40 mi|50 mi|100 mi|200 mi")]
    public async Task Without_a_place_no_radius_is_called_the_default(string query, string entries)
    {
        var (_, page) = await app.GetPageAsync("/jobs?" + query);

        var options = page.QuerySelectorAll("select#radius option");
        string.Join('|', options.Select(o => o.Text())).Should().Be(entries, "there is no place for a radius to be around");
        options.Where(o => o.HasAttribute("selected")).Select(o => o.GetAttribute("value")).Should().Equal([""], "the default is still the one sent");
    }

    private async Task<JsonDocument> ApiAsync(string query)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/jobs?{query}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
