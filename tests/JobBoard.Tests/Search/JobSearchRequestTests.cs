using JobBoard.Domain.Postings;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace JobBoard.Tests.Search;

/// <summary>The list of query parameters the API's description is made from, against what a search reads and writes.</summary>
public sealed class JobSearchRequestTests
{
    private static JobSearchRequest Parse(string query) =>
        JobSearchRequestParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)), JobSearchRequest.MaxLimit);

    [Fact]
    public void Every_parameter_a_search_writes_into_its_url_is_listed_and_every_listed_one_is_written()
    {
        var request = Parse(
            "q=nurse&location=Chicago%2C+IL&radius=30&unit=mi&mode=remote&type=full-time&category=healthcare&level=senior" +
            "&salaryMin=50000&currency=EUR&posted=7&visa=true&sort=salary&page=2");

        request.Problems.Should().BeEmpty();
        var written = QueryHelpers.ParseQuery(request.ToQueryString(request.Page)).Keys;
        JobSearchRequest.Parameters.Select(p => p.Name).Should().BeEquivalentTo(written);
    }

    [Fact]
    public void Every_listed_value_is_understood()
    {
        foreach (var parameter in JobSearchRequest.Parameters.Where(p => p.Values is not null))
        {
            foreach (var value in parameter.Values!)
            {
                Parse($"{parameter.Name}={value}").Problems.Should().BeEmpty($"{parameter.Name}={value} is listed in the API's description");
            }
        }
    }

    [Fact]
    public void The_listed_values_are_every_work_mode_employment_type_and_level()
    {
        Parse($"mode={string.Join(',', Values("mode"))}").Modes.Should().BeEquivalentTo(Enum.GetValues<WorkMode>());
        Parse($"type={string.Join(',', Values("type"))}").Types.Should().BeEquivalentTo(Enum.GetValues<EmploymentType>());
        Parse($"level={string.Join(',', Values("level"))}").Levels.Should().BeEquivalentTo(Enum.GetValues<Seniority>());
        Parse($"sort={Values("sort")[2]}").Sort.Should().Be(SearchSort.Salary);
        Parse($"unit={Values("unit")[1]}").Unit.Should().Be(DistanceUnit.Mi);
    }

    [Fact]
    public void Repeatable_parameters_are_the_ones_that_take_several_values()
    {
        JobSearchRequest.Parameters.Where(p => p.Repeatable).Select(p => p.Name).Should().Equal("mode", "type", "category", "level");
        var request = Parse("mode=remote&mode=hybrid&category=sales,healthcare");
        request.Modes.Should().Equal(WorkMode.Remote, WorkMode.Hybrid);
        request.Categories.Should().Equal("sales", "healthcare");
    }

    [Fact]
    public void Words_past_200_characters_are_cut_before_the_word_that_crosses_the_limit()
    {
        var request = Parse("q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("nurse ", 40))));

        request.Q.Should().HaveLength(197).And.EndWith(" nurse");
        request.Q!.Split(' ').Should().OnlyContain(word => word == "nurse");
        request.Problems.Should().Equal("Only the words within the first 200 characters are searched for.");
    }

    [Fact]
    public void A_single_word_longer_than_200_characters_is_left_out_whole()
    {
        var request = Parse("q=" + new string('x', 250));

        request.Q.Should().BeNull();
        request.Problems.Should().Equal("The search words run past 200 characters without a space, so they are left out.");
    }

    [Theory]
    [InlineData("salaryMin=100000000", "The minimum salary \"100000000\" is too large; at most 99,999,999 a year.")]
    [InlineData("salaryMin=99999999999999999999999999999999999", "The minimum salary \"99999999999999999999999999999999999\" is too large; at most 99,999,999 a year.")]
    [InlineData("salaryMin=1e40", "The minimum salary \"1e40\" is too large; at most 99,999,999 a year.")]
    [InlineData("salaryMin=lots", "The minimum salary \"lots\" is not an amount.")]
    [InlineData("salaryMin=-5", "The minimum salary \"-5\" is not an amount.")]
    [InlineData("salaryMin=1e2", "The minimum salary \"1e2\" is not an amount.")]
    [InlineData("posted=99999", "\"posted\" is at most 3650 days; \"99999\" is too large.")]
    [InlineData("posted=99999999999", "\"posted\" is at most 3650 days; \"99999999999\" is too large.")]
    [InlineData("posted=soon", "\"posted\" is a number of days; \"soon\" is not.")]
    [InlineData("radius=1e400", "The radius is at most 500 km.")]
    public void An_amount_too_large_says_too_large_and_one_that_is_no_amount_says_so(string query, string problem) =>
        Parse(query).Problems.Should().Equal(problem);

    [Fact]
    public void A_wrong_value_is_answered_with_the_values_the_links_use()
    {
        Parse("type=banana").Problems.Should().Equal(
            "\"banana\" is not a job type; use full-time, part-time, contractor, temporary, intern, volunteer, per-diem or other.");
        Parse("mode=underwater").Problems.Should().Equal("\"underwater\" is not a work mode; use onsite, hybrid, remote or field.");
    }

    [Fact]
    public void A_page_number_too_large_for_a_number_shows_the_last_page_like_any_page_past_the_end()
    {
        var request = Parse("page=99999999999999");

        request.Problems.Should().BeEmpty();
        request.Page.Should().Be(JobSearchRequest.MaxResults / JobSearchRequest.PageSize);
    }

    [Fact]
    public void Without_a_currency_asked_for_the_search_follows_the_place_and_writes_no_currency_into_its_url()
    {
        var request = Parse("location=Bucharest&salaryMin=5000");

        request.Currency.Should().BeNull();
        request.ToQueryString().Should().Be("?location=Bucharest&salaryMin=5000");
        Parse("location=Bucharest&salaryMin=5000&currency=eur").ToQueryString().Should().Be("?location=Bucharest&salaryMin=5000&currency=EUR");
    }

    [Theory]
    [InlineData("RO", "RON")]
    [InlineData("US", "USD")]
    [InlineData("DE", "EUR")]
    [InlineData("GB", "GBP")]
    [InlineData("ZZ", null)]
    public void A_countrys_currency_comes_from_the_region_data(string country, string? currency) =>
        CountryCurrency.Of(country).Should().Be(currency);

    private static IReadOnlyList<string> Values(string name) => JobSearchRequest.Parameters.Single(p => p.Name == name).Values!;
}
