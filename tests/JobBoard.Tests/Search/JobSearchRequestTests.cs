using JobBoard.Domain.Postings;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace JobBoard.Tests.Search;

/// <summary>The list of query parameters the API's description is made from, against what a search reads and writes.</summary>
public sealed class JobSearchRequestTests
{
    private static JobSearchRequest Parse(string query) =>
        JobSearchRequest.From(new QueryCollection(QueryHelpers.ParseQuery(query)), JobSearchRequest.MaxLimit);

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

    private static IReadOnlyList<string> Values(string name) => JobSearchRequest.Parameters.Single(p => p.Name == name).Values!;
}
