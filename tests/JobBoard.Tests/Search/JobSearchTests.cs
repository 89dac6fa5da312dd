using System.Net;
using System.Text.Json;
using JobBoard.Data;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.Html;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Search;

/// <summary>Search through the JSON API and the /jobs page, on real PostgreSQL full-text, earthdistance and pg_trgm.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class JobSearchTests(JobBoardApp app) : WebTest(app)
{
    // One degree of latitude is 111.2 km on the earth earthdistance assumes (radius 6,378,168 m).
    private const double KmPerDegree = 6_378.168 * Math.PI / 180;

    private static PostingContent Job(string title, string? summary = null) => Content(title) with
    {
        Summary = summary ?? $"{title} wanted.",
        Requirements = [],
        Responsibilities = [],
    };

    private static PlaceInput North(PlaceInput origin, double km, string name) =>
        origin with { City = name, Latitude = origin.Latitude + (km / KmPerDegree) };

    [Fact]
    public async Task English_stemming_finds_nursing_for_nurse()
    {
        await app.InsertAsync(
            Published(Company(), Job("Certified Nursing Assistant")),
            Published(Company("Other"), Job("Forklift Driver")));

        (await TitlesAsync("q=nurse")).Should().Equal("Certified Nursing Assistant");
    }

    [Fact]
    public async Task Quoted_phrases_or_and_minus_work_as_people_type_them()
    {
        await app.InsertAsync(
            Published(Company(), Job("Senior Account Manager")),
            Published(Company("B"), Job("Manager, Key Accounts")),
            Published(Company("C"), Job("Paediatric Nurse")),
            Published(Company("D"), Job("Theatre Nurse")),
            Published(Company("E"), Job("Pharmacist")));

        (await TitlesAsync("q=%22account+manager%22")).Should().Equal("Senior Account Manager");
        (await TitlesAsync("q=account+manager")).Should().BeEquivalentTo("Senior Account Manager", "Manager, Key Accounts");
        (await TitlesAsync("q=nurse+or+pharmacist")).Should().BeEquivalentTo("Paediatric Nurse", "Theatre Nurse", "Pharmacist");
        (await TitlesAsync("q=nurse+-paediatric")).Should().Equal("Theatre Nurse");
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_match_in_the_text()
    {
        await app.InsertAsync(
            Published(Company(), Job("Care Assistant", "Support the oncology nurse team on the ward.")),
            Published(Company("B"), Job("Oncology Nurse", "Work on a busy ward.")));

        (await TitlesAsync("q=oncology")).Should().Equal("Oncology Nurse", "Care Assistant");
    }

    [Fact]
    public async Task Accents_are_folded_in_the_words_and_in_the_place()
    {
        var timisoara = new PlaceInput("Timișoara", "Timiș", null, "RO", "Romania", 45.75372, 21.22571);
        await app.InsertAsync(
            Published(Company(), Job("Inginer Software", "Echipă nouă în Timișoara.") with { Locations = [timisoara] }),
            Published(Company("B"), Job("Contabil", "Birou în București.") with { Locations = [Bucharest] }));

        (await TitlesAsync("q=timisoara")).Should().Equal("Inginer Software");
        (await TitlesAsync("q=echipa")).Should().Equal("Inginer Software");
        (await TitlesAsync("location=Timisoara")).Should().Equal("Inginer Software");
        (await TitlesAsync("location=Bucuresti")).Should().Equal("Contabil");
    }

    [Fact]
    public async Task A_place_40_km_away_is_within_50_km_and_one_130_km_away_is_not()
    {
        await app.InsertAsync(
            Published(Company(), Job("Downtown Nurse")),
            Published(Company("B"), Job("Suburban Nurse") with { Locations = [North(Chicago, 40, "Forty North")] }),
            Published(Company("C"), Job("Faraway Nurse") with { Locations = [North(Chicago, 130, "Far North")] }));

        (await TitlesAsync("location=Chicago%2C+IL&radius=50")).Should().BeEquivalentTo("Downtown Nurse", "Suburban Nurse");
        (await TitlesAsync("location=Chicago%2C+IL&radius=30")).Should().BeEquivalentTo("Downtown Nurse");
        (await TitlesAsync("location=Chicago%2C+IL&radius=30&unit=mi")).Should().BeEquivalentTo(["Downtown Nurse", "Suburban Nurse"], "30 miles is 48 km");
        (await TitlesAsync("location=Chicago%2C+IL&radius=150")).Should().HaveCount(3);
        (await TitlesAsync("location=Chicago%2C+IL&radius=120&q=nurse")).Should().BeEquivalentTo("Downtown Nurse", "Suburban Nurse");
        (await TitlesAsync("location=Chicago%2C+IL&radius=140&q=nurse")).Should().HaveCount(3);
        (await TitlesAsync("location=Chicago%2C+IL&radius=400")).Should().HaveCount(3, "a circle too wide for the fine cells is searched in the coarse ones");
        (await TitlesAsync("location=Chicago%2C+IL&radius=125")).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_multi_place_posting_is_found_near_any_of_its_places()
    {
        await app.InsertAsync(Published(Company(), Job("Field Director") with { WorkMode = WorkMode.FieldBased, Locations = [Bucharest, Chicago] }));

        (await TitlesAsync("location=Chicago&radius=10")).Should().Equal("Field Director");
        (await TitlesAsync("location=Bucharest&radius=10")).Should().Equal("Field Director");
    }

    private static PlaceInput At(string text) => PlaceInput.From(Gazetteer.Default.Resolve(text) ?? throw new InvalidOperationException(text));

    [Fact]
    public async Task A_citys_districts_are_the_city_whatever_the_radius()
    {
        await app.InsertAsync(
            Published(Company(), Job("Nurse in Bucharest") with { Locations = [At("Bucharest, Romania")] }),
            Published(Company("B"), Job("Nurse in Sector 2") with { Locations = [At("Sector 2, Bucharest")] }),
            Published(Company("C"), Job("Nurse in Sector 1") with { Locations = [At("Sector 1, Bucharest")] }),
            Published(Company("D"), Job("Nurse in Ploiesti") with { Locations = [At("Ploiesti, Romania")] }),
            Published(Company("E"), Job("Nurse in Brooklyn") with { Locations = [At("Brooklyn, NY")] }),
            Published(Company("F"), Job("Nurse in Staten Island") with { Locations = [At("Staten Island, NY")] }),
            Published(Company("G"), Job("Nurse in Manhattan") with { Locations = [At("New York, NY")] }));

        string[] bucharest = ["Nurse in Bucharest", "Nurse in Sector 2", "Nurse in Sector 1"];
        (await TitlesAsync("location=Bucharest&radius=1")).Should().BeEquivalentTo(bucharest);
        (await TitlesAsync("location=Sector+2%2C+Bucharest&radius=1")).Should().BeEquivalentTo(bucharest);
        (await TitlesAsync("location=Sector+1&radius=1&q=nurse")).Should().BeEquivalentTo(bucharest);
        (await TitlesAsync("location=Bucharest&radius=60")).Should().HaveCount(4, "a wider circle reaches Ploiești too");
        (await TitlesAsync("location=Brooklyn&radius=2")).Should().BeEquivalentTo("Nurse in Brooklyn", "Nurse in Staten Island", "Nurse in Manhattan");
        (await TitlesAsync("location=New+York&radius=2")).Should().BeEquivalentTo("Nurse in Brooklyn", "Nurse in Staten Island", "Nurse in Manhattan");
        (await TitlesAsync("location=Ploiesti&radius=1")).Should().Equal("Nurse in Ploiesti");
    }

    [Fact]
    public async Task A_neighbouring_town_is_found_only_within_the_radius_however_far_the_citys_districts_reach()
    {
        await app.InsertAsync(
            Published(Company(), Job("Nurse in Manhattan") with { Locations = [At("New York, NY")] }),
            Published(Company("B"), Job("Nurse in Brooklyn") with { Locations = [At("Brooklyn, NY")] }),
            Published(Company("C"), Job("Nurse in Staten Island") with { Locations = [At("Staten Island, NY")] }),
            Published(Company("D"), Job("Nurse in Hoboken") with { Locations = [At("Hoboken, NJ")] }),
            Published(Company("E"), Job("Nurse in Jersey City") with { Locations = [At("Jersey City, NJ")] }),
            Published(Company("F"), Job("Nurse in Newark") with { Locations = [At("Newark, NJ")] }),
            Published(Company("G"), Job("Nurse in Bucharest") with { Locations = [At("Bucharest, Romania")] }),
            Published(Company("H"), Job("Nurse in Sector 4") with { Locations = [At("Sector 4, Bucharest")] }),
            Published(Company("I"), Job("Nurse in Voluntari") with { Locations = [At("Voluntari, Romania")] }),
            Published(Company("J"), Job("Nurse in Chicago") with { Locations = [At("Chicago, IL")] }),
            Published(Company("K"), Job("Nurse in Oak Park") with { Locations = [At("Oak Park, IL")] }),
            Published(Company("L"), Job("Nurse in Newark and Brooklyn") with { WorkMode = WorkMode.FieldBased, Locations = [At("Newark, NJ"), At("Brooklyn, NY")] }));
        string[] newYorkCity = ["Nurse in Manhattan", "Nurse in Brooklyn", "Nurse in Staten Island", "Nurse in Newark and Brooklyn"];
        Kilometres("New York, NY", "Hoboken, NJ").Should().BeInRange(3, 5);
        Kilometres("New York, NY", "Jersey City, NJ").Should().BeInRange(5.5, 10);
        Kilometres("New York, NY", "Newark, NJ").Should().BeInRange(12, 19);
        Kilometres("Bucharest, Romania", "Voluntari, Romania").Should().BeInRange(5, 10);
        Kilometres("Chicago, IL", "Oak Park, IL").Should().BeInRange(10, 20);

        // Both the index-only path (no words) and the full-text path (words) decide the same, and count what they list.
        foreach (var words in new[] { string.Empty, "&q=nurse" })
        {
            await ShouldFindAsync($"location=New+York&radius=1{words}", newYorkCity);
            await ShouldFindAsync($"location=Brooklyn&radius=1{words}", newYorkCity);
            await ShouldFindAsync($"location=New+York&radius=5{words}", [.. newYorkCity, "Nurse in Hoboken"]);
            await ShouldFindAsync($"location=New+York&radius=20{words}", [.. newYorkCity, "Nurse in Hoboken", "Nurse in Jersey City", "Nurse in Newark"]);
            await ShouldFindAsync($"location=Bucharest&radius=1{words}", ["Nurse in Bucharest", "Nurse in Sector 4"]);
            await ShouldFindAsync($"location=Bucharest&radius=10{words}", ["Nurse in Bucharest", "Nurse in Sector 4", "Nurse in Voluntari"]);
            await ShouldFindAsync($"location=Chicago&radius=1{words}", ["Nurse in Chicago"]);
            await ShouldFindAsync($"location=Chicago&radius=25{words}", ["Nurse in Chicago", "Nurse in Oak Park"]);
        }
    }

    [Fact]
    public async Task A_card_of_the_searched_citys_own_place_shows_no_distance()
    {
        await app.InsertAsync(
            Published(Company(), Job("Nurse in Sector 4") with { Locations = [At("Sector 4, Bucharest")] }),
            Published(Company("B"), Job("Nurse in Voluntari") with { Locations = [At("Voluntari, Romania")] }),
            Published(Company("C"), Job("Nurse in Brooklyn") with { Locations = [At("Brooklyn, NY")] }),
            Published(Company("D"), Job("Nurse in Newark and Staten Island") with { WorkMode = WorkMode.FieldBased, Locations = [At("Newark, NJ"), At("Staten Island, NY")] }),
            Published(Company("E"), Job("Nurse in Newark") with { Locations = [At("Newark, NJ")] }));

        (await CardPlacesAsync("/jobs?location=Bucharest&radius=10")).Should().BeEquivalentTo(new[]
        {
            ("Nurse in Sector 4", "Sector 4, Bucharest", (string?)null),
            ("Nurse in Voluntari", "Voluntari, Ilfov", $"{Math.Round(Kilometres("Bucharest, Romania", "Voluntari, Romania")):0} km from Bucharest"),
        });
        (await CardPlacesAsync("/jobs?location=Brooklyn&radius=20")).Should().BeEquivalentTo(new[]
        {
            ("Nurse in Brooklyn", "Brooklyn, NY", (string?)null),
            ("Nurse in Newark and Staten Island", "Staten Island, NY +1", null),
            ("Nurse in Newark", "Newark, NJ", $"{Math.Round(Kilometres("New York, NY", "Newark, NJ")):0} km from New York City"),
        });
    }

    private static double Kilometres(string from, string to) =>
        GeoDistance.Kilometres(Gazetteer.Default.Resolve(from)!, Gazetteer.Default.Resolve(to)!);

    /// <summary>The search lists exactly these postings, and its total and facet counts agree with the list.</summary>
    private async Task ShouldFindAsync(string query, string[] titles)
    {
        using var json = await ApiAsync(query);
        var root = json.RootElement;
        root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Should().BeEquivalentTo(titles, query);
        root.GetProperty("total").GetInt32().Should().Be(titles.Length, query);
        Counts(root.GetProperty("facets").GetProperty("mode")).Values.Sum().Should().Be(titles.Length, "the facets count what is listed: {0}", query);
    }

    [Fact]
    public async Task A_radius_searchs_cards_name_the_place_that_matched_and_its_distance()
    {
        var houston = new PlaceInput("Houston", "Texas", "TX", "US", "United States", 29.76328, -95.36327);
        var elkGrove = new PlaceInput("Elk Grove Village", "Illinois", "IL", "US", "United States", 42.00392, -87.97035);
        await app.InsertAsync(
            Published(Company(), Job("Field Director") with { WorkMode = WorkMode.FieldBased, Locations = [houston, elkGrove] }),
            Published(Company("B"), Job("Staff Nurse")));
        var kilometres = GeoDistance.Kilometres(Chicago.Latitude, Chicago.Longitude, elkGrove.Latitude, elkGrove.Longitude);

        var near = await CardPlacesAsync("/jobs?location=Chicago");
        var inMiles = await CardPlacesAsync("/jobs?location=Chicago&unit=mi");
        var anywhere = await CardPlacesAsync("/jobs");

        near.Should().BeEquivalentTo(new[]
        {
            ("Field Director", "Elk Grove Village, IL +1", $"{Math.Round(kilometres):0} km from Chicago"),
            ("Staff Nurse", "Chicago, IL", (string?)null),
        });
        inMiles.Should().Contain(("Field Director", "Elk Grove Village, IL +1", $"{Math.Round(kilometres / 1.609344):0} mi from Chicago"));
        anywhere.Should().Contain(("Field Director", "Houston, TX +1", null), "without a place searched the card names the posting's first place");
    }

    [Fact]
    public async Task Forty_repetitions_of_a_word_still_find_it()
    {
        await app.InsertAsync(Published(Company(), Job("Registered Nurse")));

        (await TitlesAsync("q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("nurse ", 40))))).Should().Equal("Registered Nurse");
    }

    [Fact]
    public async Task A_minimum_salary_compares_postings_in_the_currency_of_the_place_searched_unless_another_is_picked()
    {
        await app.InsertAsync(
            Published(Company(), Job("Key Account Manager") with
            {
                Locations = [Bucharest],
                Compensation = Compensation.Create("RON", 150_000m, 180_000m, PayPeriod.Year).Value,
            }),
            Published(Company("B"), Job("Staff Nurse") with { Compensation = Compensation.Create("USD", 150_000m, 180_000m, PayPeriod.Year).Value }));

        (await TitlesAsync("location=Bucharest&salaryMin=100000")).Should().Equal("Key Account Manager");
        (await TitlesAsync("location=Romania&salaryMin=100000&sort=salary")).Should().Equal("Key Account Manager");
        (await TitlesAsync("location=Bucharest&salaryMin=100000&currency=USD")).Should().BeEmpty();
        (await TitlesAsync("location=Chicago&salaryMin=100000")).Should().Equal("Staff Nurse");
        (await TitlesAsync("salaryMin=100000")).Should().Equal(["Staff Nurse"], "without a place the currency is USD");

        var (_, page) = await app.GetPageAsync("/jobs?location=Bucharest&salaryMin=100000");
        page.QuerySelector("h1")!.Text().Should().Contain("paying at least 100,000 RON a year");
        var currency = page.QuerySelector("select#currency")!;
        currency.QuerySelectorAll("option").Select(o => (o.GetAttribute("value"), o.TextContent)).Should().Equal(
            ("", "RON (local)"), ("RON", "RON"), ("USD", "USD"));
        currency.QuerySelector("option[selected]").Should().BeNull("the currency follows the place until one is picked");
        page.QuerySelector("input#currency").Should().BeNull("the currency is picked from a list, not typed");
        var (_, picked) = await app.GetPageAsync("/jobs?location=Bucharest&salaryMin=100000&currency=EUR");
        picked.QuerySelector("select#currency option[selected]")!.GetAttribute("value").Should().Be("EUR");
    }

    [Fact]
    public async Task The_search_form_leaves_out_the_fields_left_empty()
    {
        var (response, _) = await app.GetPageAsync("/jobs?q=nurse&location=&radius=&sort=&salaryMin=&currency=&posted=&mode=remote&mode=");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/jobs?q=nurse&mode=remote");
    }

    [Fact]
    public async Task A_posting_with_several_places_in_the_radius_is_counted_once()
    {
        var evanston = North(Chicago, 19, "Evanston");
        await app.InsertAsync(
            Published(Company(), Job("Field Director") with { WorkMode = WorkMode.FieldBased, Locations = [Chicago, evanston, Bucharest] }),
            Published(Company("B"), Job("Field Nurse") with { WorkMode = WorkMode.FieldBased, Locations = [evanston] }));

        foreach (var query in new[] { "location=Chicago&radius=50", "location=Illinois", "location=United+States&mode=field", "q=field&location=Chicago&radius=50" })
        {
            using var json = await ApiAsync(query);
            json.RootElement.GetProperty("total").GetInt32().Should().Be(2, query);
            json.RootElement.GetProperty("totalIsExact").GetBoolean().Should().BeTrue(query);
            json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString())
                .Should().BeEquivalentTo(["Field Director", "Field Nurse"], query);
            Counts(json.RootElement.GetProperty("facets").GetProperty("mode")).Should().BeEquivalentTo(new Dictionary<string, int> { ["field"] = 2 }, query);
        }
    }

    [Fact]
    public async Task Counting_stops_at_the_limit_and_says_the_total_is_a_lower_bound()
    {
        var company = Company();
        await app.InsertAsync([.. Enumerable.Range(1, 5).Select(i => Published(company, Job($"Nurse {i}") with
        {
            WorkMode = i % 2 == 0 ? WorkMode.Remote : WorkMode.OnSite,
            ApplicantCountries = i % 2 == 0 ? ["US"] : [],
        }))]);
        foreach (var query in new[] { "q=nurse", string.Empty, "q=nurse&location=United+States&mode=onsite&mode=remote", "location=Chicago&radius=50" })
        {
            var result = await SearchWithAsync(query, new() { ["Search:CountLimit"] = "3" });

            result.Total.Should().Be(3, query);
            result.TotalIsExact.Should().BeFalse(query);
            result.Facets.WorkModes.Sum(m => m.Count).Should().Be(3, "facets count the matches counted: {0}", query);
        }

        using var all = await ApiAsync("q=nurse");
        all.RootElement.GetProperty("total").GetInt32().Should().Be(5);
        all.RootElement.GetProperty("totalIsExact").GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData("q=nurse")]
    [InlineData("q=nurse&sort=date&page=2")]
    [InlineData("q=nurse&sort=salary")]
    [InlineData("q=nurse&location=Chicago&radius=50&mode=onsite")]
    [InlineData("q=nurse&type=part-time&page=3")]
    public async Task Reading_the_matches_once_or_again_for_the_page_finds_the_same_count_facets_and_page(string query)
    {
        // Eleven ads, more than the count limit of 3, a day apart but not in the order they were saved, paid differently,
        // on site or remote, some part-time.
        var company = Company();
        await app.InsertAsync([.. Enumerable.Range(1, 11).Select(i => Published(company, Job($"Nurse {i:00}", i % 3 == 0 ? "Nurse, nurse, nurse." : null) with
        {
            DatePosted = Today.AddDays(-(i * 5 % 11)),
            WorkMode = i % 4 == 0 ? WorkMode.Remote : WorkMode.OnSite,
            ApplicantCountries = i % 4 == 0 ? ["US"] : [],
            EmploymentType = i % 2 == 0 ? EmploymentType.PartTime : EmploymentType.FullTime,
            Compensation = Compensation.Create("USD", 50_000m + (i * 7_000 % 30_000), 90_000m + (i * 7_000 % 30_000), PayPeriod.Year).Value,
        }))]);

        var once = await SearchWithAsync(query, new() { ["Search:CountLimit"] = "3", ["Search:ReadOnceLimit"] = "1000" });
        var twice = await SearchWithAsync(query, new() { ["Search:CountLimit"] = "3", ["Search:ReadOnceLimit"] = "0" });

        once.Hits.Should().NotBeEmpty(query);
        once.Hits.Select(h => h.Title).Should().Equal(twice.Hits.Select(h => h.Title), "the page is the same however the matches were read: {0}", query);
        (once.Total, once.TotalIsExact).Should().Be((twice.Total, twice.TotalIsExact), query);
        once.Facets.Should().BeEquivalentTo(twice.Facets, query);
    }

    [Fact]
    public async Task A_region_or_country_searches_the_whole_of_it()
    {
        var springfield = new PlaceInput("Springfield", "Illinois", "IL", "US", "United States", 39.80172, -89.64371);
        await app.InsertAsync(
            Published(Company(), Job("Capital Nurse") with { Locations = [springfield] }),
            Published(Company("B"), Job("Chicago Nurse")),
            Published(Company("C"), Job("Bucharest Nurse") with { Locations = [Bucharest] }));

        (await TitlesAsync("location=Illinois")).Should().BeEquivalentTo("Capital Nurse", "Chicago Nurse");
        (await TitlesAsync("location=Romania")).Should().Equal("Bucharest Nurse");
    }

    [Fact]
    public async Task Filters_combine_mode_type_level_category_visa_posted_and_salary()
    {
        var healthcare = Category.Create("Healthcare");
        var sales = Category.Create("Sales");
        var today = Today;
        // A senior remote nurse's ad with visa sponsorship and $40–50 an hour. Built afresh for each posting: a posting
        // owns its compensation, so two postings cannot share one.
        PostingContent SeniorNurse(string title, int daysAgo, PlaceInput place) => Job(title) with
        {
            WorkMode = WorkMode.Remote,
            Seniority = Seniority.Senior,
            Categories = [healthcare],
            VisaSponsorship = true,
            DatePosted = today.AddDays(-daysAgo),
            Compensation = Compensation.Create("USD", 40m, 50m, PayPeriod.Hour).Value,
            Locations = [place],
        };
        await app.InsertAsync(
            Published(Company(), SeniorNurse("Remote Senior Nurse", 2, Chicago)),
            Published(Company("B"), Job("Remote Sales Rep") with
            {
                WorkMode = WorkMode.Remote,
                EmploymentType = EmploymentType.PartTime,
                Categories = [sales],
                DatePosted = today.AddDays(-20),
                Compensation = Compensation.Create("EUR", 90_000m, 120_000m, PayPeriod.Year).Value,
            }),
            Published(Company("C"), Job("Onsite Nurse") with { Categories = [healthcare], DatePosted = today.AddDays(-1) }),
            Published(Company("D"), SeniorNurse("Far Senior Nurse", 3, Bucharest)));

        // Each filter alone, within a radius (read from the places index) and within a radius with words (read from
        // the GIN index): the same postings, save the one 7,500 km away.
        var expectations = new (string Query, string[] Titles)[]
        {
            ("mode=remote", ["Remote Senior Nurse", "Far Senior Nurse", "Remote Sales Rep"]),
            ("mode=remote&type=part-time", ["Remote Sales Rep"]),
            ("mode=remote&mode=onsite&category=healthcare", ["Remote Senior Nurse", "Far Senior Nurse", "Onsite Nurse"]),
            ("level=senior", ["Remote Senior Nurse", "Far Senior Nurse"]),
            ("visa=true", ["Remote Senior Nurse", "Far Senior Nurse"]),
            ("posted=7", ["Remote Senior Nurse", "Far Senior Nurse", "Onsite Nurse"]),
            ("salaryMin=100000", ["Remote Senior Nurse", "Far Senior Nurse"]),
            ("salaryMin=110000", []),
            ("salaryMin=100000&currency=EUR", ["Remote Sales Rep"]),
            ("category=sales&mode=onsite", []),
            ("category=sales&category=nonexistent", ["Remote Sales Rep"]),
            ("category=nonexistent", []),
        };
        foreach (var (query, titles) in expectations)
        {
            (await TitlesAsync(query)).Should().BeEquivalentTo(titles, query);
            var near = titles.Where(t => t != "Far Senior Nurse").ToArray();
            (await TitlesAsync($"{query}&location=Chicago&radius=50")).Should().BeEquivalentTo(near, "{0} within 50 km", query);
            (await TitlesAsync($"{query}&location=Chicago&radius=50&q=wanted")).Should().BeEquivalentTo(near, "{0} within 50 km, with words", query);
        }

        (await TitlesAsync("salaryMin=100000")).Should().Contain(["Remote Senior Nurse"], "$50 an hour is $104,000 a year");
        (await TitlesAsync("location=Chicago&radius=50")).Should().Equal(["Onsite Nurse", "Remote Senior Nurse", "Remote Sales Rep"], "newest first");
        foreach (var sort in new[] { "sort=date", "sort=salary", "sort=salary&currency=EUR" })
        {
            var withWords = await TitlesAsync($"{sort}&location=Chicago&radius=50&q=wanted");
            (await TitlesAsync($"{sort}&location=Chicago&radius=50")).Should().Equal(withWords, sort);
            withWords[0].Should().Be(sort.EndsWith("EUR", StringComparison.Ordinal) ? "Remote Sales Rep" : sort == "sort=date" ? "Onsite Nurse" : "Remote Senior Nurse", sort);
        }
    }

    [Fact]
    public async Task Facets_count_the_current_matches_by_category_mode_type_and_level()
    {
        var healthcare = Category.Create("Healthcare");
        var sales = Category.Create("Sales");
        await app.InsertAsync(
            Published(Company(), Job("Nurse One") with { Categories = [healthcare], Seniority = Seniority.Mid }),
            Published(Company("B"), Job("Nurse Two") with { Categories = [healthcare, sales], WorkMode = WorkMode.Hybrid, Seniority = Seniority.Mid }),
            Published(Company("C"), Job("Sales Lead") with { Categories = [sales], EmploymentType = EmploymentType.Contractor }));

        using var nurses = await ApiAsync("q=nurse");
        var facets = nurses.RootElement.GetProperty("facets");

        nurses.RootElement.GetProperty("total").GetInt32().Should().Be(2);
        Counts(facets.GetProperty("category")).Should().BeEquivalentTo(new Dictionary<string, int> { ["healthcare"] = 2, ["sales"] = 1 });
        Counts(facets.GetProperty("mode")).Should().BeEquivalentTo(new Dictionary<string, int> { ["onsite"] = 1, ["hybrid"] = 1 });
        Counts(facets.GetProperty("type")).Should().BeEquivalentTo(new Dictionary<string, int> { ["full-time"] = 2 });
        Counts(facets.GetProperty("level")).Should().BeEquivalentTo(new Dictionary<string, int> { ["mid"] = 2 });

        var (_, page) = await app.GetPageAsync("/jobs?q=nurse");
        page.QuerySelector("[data-testid=facet-category]")!.Text().Should().Contain("Healthcare (2)").And.Contain("Sales (1)");
        var box = page.QuerySelector("[data-testid=facet-category] input[type=checkbox]")!;
        (box.GetAttribute("name"), box.GetAttribute("value"), box.GetAttribute("form")).Should().Be(("category", "healthcare", "search"));
    }

    [Fact]
    public async Task Pages_are_stable_every_posting_once_newest_first()
    {
        var company = Company();
        var postings = Enumerable.Range(1, 45).Select(i => Published(company, Job($"Nurse {i:00}") with { DatePosted = new DateOnly(2026, 11, 1 + (i % 3)) })).ToArray();
        await app.InsertAsync(postings);

        var seen = new List<int>();
        string? next = "/api/v1/jobs?q=nurse&sort=date&limit=20";
        while (next is not null)
        {
            using var json = await ApiAsync(next[(next.IndexOf('?', StringComparison.Ordinal) + 1)..]);
            seen.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            next = json.RootElement.GetProperty("next").GetString();
        }

        seen.Should().HaveCount(45).And.OnlyHaveUniqueItems();
        var dates = postings.ToDictionary(p => p.Id, p => p.DatePosted);
        seen.Select(id => dates[id]).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page_and_says_so()
    {
        var company = Company();
        await app.InsertAsync([.. Enumerable.Range(1, 25).Select(i => Published(company, Job($"Nurse {i:00}")))]);

        var (_, page) = await app.GetPageAsync("/jobs?q=nurse&page=16");
        using var json = await ApiAsync("q=nurse&page=16");

        page.QuerySelector(".pagination")!.Text().Should().Contain("Page 2 of 2");
        page.QuerySelector("a[rel=prev]")!.GetAttribute("href").Should().Be("/jobs?q=nurse");
        page.QuerySelectorAll("[data-testid=job-card]").Should().HaveCount(5);
        const string Told = "The page asked for is past the end of these results: they end on page 2, shown here.";
        page.QuerySelector("[data-testid=problems]")!.Text().Should().Contain(Told);
        json.RootElement.GetProperty("items").GetArrayLength().Should().Be(5);
        json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).Should().Contain(Told);
    }

    [Fact]
    public async Task Expired_closed_draft_and_rejected_postings_never_appear()
    {
        var company = Company();
        var expired = Published(company, Job("Expired Nurse") with { DatePosted = new DateOnly(2025, 1, 1), ValidThrough = new DateOnly(2025, 2, 1) }, at: new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var closed = Published(company, Job("Closed Nurse"));
        closed.Close("recruiter", Now).Succeeded.Should().BeTrue();
        var rejected = Draft(company, Job("Rejected Nurse"));
        rejected.Submit("recruiter", Now);
        rejected.Reject("admin", "Not a real job", Now);
        await app.InsertAsync(expired, closed, rejected, Draft(company, Job("Draft Nurse")), Published(company, Job("Open Nurse")));

        (await TitlesAsync("q=nurse")).Should().Equal("Open Nurse");
        (await TitlesAsync(string.Empty)).Should().Equal("Open Nurse");
    }

    [Fact]
    public async Task An_edit_or_a_close_shows_in_search_at_once()
    {
        var posting = Published(Company(), Job("Staff Nurse"));
        await app.InsertAsync(posting);

        await app.ExecuteDbContextAsync(async db =>
        {
            var stored = await db.Postings.FindAsync(posting.Id);
            stored!.Edit(Job("Charge Nurse"), Now).Succeeded.Should().BeTrue();
            await db.SaveChangesAsync();
        });
        (await TitlesAsync("q=charge")).Should().Equal("Charge Nurse");

        await app.ExecuteDbContextAsync(async db =>
        {
            var stored = await db.Postings.FindAsync(posting.Id);
            stored!.Close("recruiter", Now).Succeeded.Should().BeTrue();
            await db.SaveChangesAsync();
        });
        (await TitlesAsync("q=charge")).Should().BeEmpty();
    }

    [Fact]
    public async Task The_page_highlights_what_matched_and_encodes_the_ads_text()
    {
        await app.InsertAsync(Published(Company(), Job("Oncology Nurse", "Join our <b>oncology</b> ward & help patients.")));

        var (_, page) = await app.GetPageAsync("/jobs?q=oncology");

        var highlight = page.QuerySelector("[data-testid=highlight]")!;
        highlight.QuerySelectorAll("mark").Select(m => m.TextContent).Should().Contain("oncology");
        highlight.QuerySelector("b").Should().BeNull("the ad's text is never markup");
        highlight.TextContent.Should().Contain("& help patients");
    }

    [Fact]
    public async Task No_results_suggest_titles_and_places_that_exist_despite_typos()
    {
        await app.InsertAsync(Published(Company(), Job("Registered Nurse")));

        var (_, typo) = await app.GetPageAsync("/jobs?q=nurce");
        var (_, place) = await app.GetPageAsync("/jobs?location=Chicagoo");

        typo.QuerySelector("[data-testid=no-results]")!.Text().Should().Contain("Did you mean: Registered Nurse");
        place.QuerySelector("[data-testid=problems]")!.Text().Should().Contain("We don't know a place called \"Chicagoo\"");
        place.QuerySelector("[data-testid=no-results]")!.Text().Should().Contain("Places with jobs: Chicago, IL");
    }

    [Fact]
    public async Task Bad_parameters_are_explained_and_left_out()
    {
        await app.InsertAsync(Published(Company(), Job("Registered Nurse")));

        using var json = await ApiAsync("mode=underwater&radius=-5&sort=loudest&page=x");
        var (_, page) = await app.GetPageAsync("/jobs?mode=underwater&salaryMin=lots");

        json.RootElement.GetProperty("total").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).Should().Contain(
            "\"underwater\" is not a work mode; use onsite, hybrid, remote or field.",
            "The radius \"-5\" is not a positive number.",
            "Results sort by relevance, date or salary, not \"loudest\".");
        page.QuerySelector("[data-testid=problems]")!.Text().Should().Contain("The minimum salary \"lots\" is not an amount.");
        page.QuerySelectorAll("[data-testid=job-card]").Should().HaveCount(1);
    }

    [Fact]
    public async Task The_API_returns_items_with_locations_salary_and_a_next_link()
    {
        var company = Company("Novartis");
        await app.InsertAsync(Enumerable.Range(1, 60).Select(i => Published(company, Job($"Nurse {i}") with
        {
            Locations = [Chicago, Bucharest],
            Compensation = Compensation.Create("USD", 176_400m, 327_600m, PayPeriod.Year).Value,
        })).ToArray());

        using var json = await ApiAsync("q=nurse&limit=50");

        var root = json.RootElement;
        root.GetProperty("total").GetInt32().Should().Be(60);
        root.GetProperty("items").GetArrayLength().Should().Be(50);
        var item = root.GetProperty("items")[0];
        item.GetProperty("company").GetString().Should().Be("Novartis");
        item.GetProperty("workMode").GetString().Should().Be("onsite");
        item.GetProperty("employmentType").GetString().Should().Be("FULL_TIME");
        item.GetProperty("url").GetString().Should().MatchRegex(@"^http://localhost/jobs/\d+/nurse-\d+$");
        item.GetProperty("locations").EnumerateArray().Select(l => $"{l.GetProperty("city").GetString()}|{l.GetProperty("region").GetString()}|{l.GetProperty("country").GetString()}")
            .Should().Equal("Chicago|Illinois|US", "Bucharest|București|RO");
        item.GetProperty("salary").GetProperty("min").GetDecimal().Should().Be(176_400m);
        item.GetProperty("salary").GetProperty("period").GetString().Should().Be("YEAR");
        root.GetProperty("next").GetString().Should().Be("http://localhost/api/v1/jobs?q=nurse&page=2&limit=50");

        var id = item.GetProperty("id").GetInt32();
        using var jsonLd = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri($"/api/v1/jobs/{id}", UriKind.Relative)));
        jsonLd.RootElement.GetProperty("@type").GetString().Should().Be("JobPosting");
        jsonLd.RootElement.GetProperty("baseSalary").GetProperty("value").GetProperty("unitText").GetString().Should().Be("YEAR");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_jobs_endpoints()
    {
        using var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative)));

        var paths = json.RootElement.GetProperty("paths");
        paths.TryGetProperty("/api/v1/jobs", out var search).Should().BeTrue();
        paths.TryGetProperty("/api/v1/jobs/{id}", out _).Should().BeTrue();
        var parameters = search.GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        parameters.Select(p => p.GetProperty("name").GetString()).Should().Contain(["q", "location", "radius", "mode", "salaryMin", "limit"]);
        var mode = parameters.Single(p => p.GetProperty("name").GetString() == "mode");
        mode.GetProperty("in").GetString().Should().Be("query");
        mode.GetProperty("schema").GetProperty("items").GetProperty("enum").EnumerateArray().Select(v => v.GetString())
            .Should().Equal("onsite", "hybrid", "remote", "field");
        paths.GetProperty("/api/v1/jobs/{id}").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").TryGetProperty("application/ld+json", out _).Should().BeTrue();
    }

    private async Task<List<(string Title, string Place, string? Distance)>> CardPlacesAsync(string url)
    {
        var (_, page) = await app.GetPageAsync(url);
        return [.. page.QuerySelectorAll("[data-testid=job-card]").Select(card => (
            card.QuerySelector("h3")!.Text(),
            Fold(card.QuerySelector("[data-testid=place]")!.Text().TrimStart('·', ' ') + " " + (card.QuerySelector("[data-testid=more-places]")?.Text() ?? string.Empty)),
            card.QuerySelector("[data-testid=distance]")?.Text().TrimStart('·', ' ')))];
    }

    /// <summary>A search run by a <see cref="JobSearch"/> of its own, with these settings.</summary>
    private async Task<JobSearchResult> SearchWithAsync(string query, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobBoardDbContext>();
        var search = new JobSearch(db, app.Clock, new BoardDirectories(db, app.Clock, new MemoryCache(new MemoryCacheOptions())), configuration);
        return await search.SearchAsync(JobSearchRequestParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(query))), CancellationToken.None);
    }

    private async Task<List<string>> TitlesAsync(string query)
    {
        using var json = await ApiAsync(query);
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
    }

    private async Task<JsonDocument> ApiAsync(string query)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/jobs?{query}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, int> Counts(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
}
