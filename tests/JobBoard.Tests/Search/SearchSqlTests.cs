using JobBoard.Data;
using JobBoard.Domain.Places;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace JobBoard.Tests.Search;

/// <summary>The search's statement as it is built, before any database sees it.</summary>
public sealed class SearchSqlTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly CategoryDirectory Categories = new([new CategoryEntry(7, "healthcare", "Healthcare")]);

    private static readonly SearchKeys Keys = new(
        new Dictionary<(string Kind, string Value), int> { [("mode", "Remote")] = 1, [("country", "RO")] = 2, [("visa", "true")] = 3 },
        DateTimeOffset.UnixEpoch);

    private static (SearchSql Sql, JobSearchRequest Request, List<string> Problems) Build(string query, bool hasWords = false)
    {
        var request = JobSearchRequestParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));
        var problems = new List<string>();
        var location = ResolvedLocation.Of(request, problems);
        return (SearchSql.For(request, hasWords, location, Categories, Keys, Today, problems), request, problems);
    }

    [Theory]
    [InlineData("q=nurse", true, "s")]
    [InlineData("q=nurse&sort=date&mode=remote&visa=true", true, "s")]
    [InlineData("q=nurse&sort=salary&salaryMin=40000", true, "s")]
    [InlineData("location=Romania&category=healthcare", false, "s")]
    [InlineData("location=Chicago&radius=25", false, "p")]
    [InlineData("location=Chicago&radius=25&mode=remote&posted=7", false, "p")]
    public void Every_form_of_the_statement_keeps_to_postings_open_today(string query, bool hasWords, string alias)
    {
        var (sql, request, _) = Build(query, hasWords);

        using var command = sql.FindCommand(request, "USD", countLimit: 100);

        sql.UsesPlaceCells.Should().Be(alias == "p");
        command.CommandText.Should().Contain(PostingVisibility.OpenSearchRow(alias));
        command.Parameters[PostingVisibility.TodayParameter].Value.Should().Be(Today);
    }

    [Fact]
    public void A_radius_search_reads_the_place_cells_only_without_words()
    {
        Build("location=Chicago&radius=25").Sql.UsesPlaceCells.Should().BeTrue();
        Build("q=nurse&location=Chicago&radius=25", hasWords: true).Sql.UsesPlaceCells.Should().BeFalse();
        Build("q=nurse&location=Chicago&radius=25", hasWords: false).Sql.UsesPlaceCells.Should().BeTrue("words PostgreSQL finds nothing to search in are no words");
    }

    [Fact]
    public void Relevance_needs_words_to_rank_by_and_is_date_without_them()
    {
        var (withWords, request, _) = Build("q=nurse", hasWords: true);
        withWords.Sort(request).Should().Be(SearchSort.Relevance);
        using var ranked = withWords.FindCommand(request, "USD", 100);
        ranked.CommandText.Should().Contain("ts_rank(");

        var (stopWords, stopRequest, _) = Build("q=the", hasWords: false);
        stopWords.Sort(stopRequest).Should().Be(SearchSort.Date);
        using var dated = stopWords.FindCommand(stopRequest, "USD", 100);
        dated.CommandText.Should().NotContain("ts_rank(").And.NotContain("@q");
    }

    [Fact]
    public void A_category_that_does_not_exist_is_a_problem_and_narrows_the_search_to_nothing()
    {
        var (sql, request, problems) = Build("category=healthcare&category=underwater-basket-weaving");

        problems.Should().Equal("There is no category \"underwater-basket-weaving\".");
        using var command = sql.FindCommand(request, "USD", 100);
        command.Parameters["allOf"].Value.Should().BeEquivalentTo(new[] { SearchKeys.Category(7) });
        sql.MissedKey.Should().BeFalse();

        var (nothing, nothingRequest, _) = Build("category=underwater-basket-weaving");
        using var none = nothing.FindCommand(nothingRequest, "USD", 100);
        none.Parameters["allOf"].Value.Should().BeEquivalentTo(new[] { SearchKeys.Nothing });
        nothing.MissedKey.Should().BeTrue("the keys are read again in case the value is newer than they are");
    }

    [Theory]
    [InlineData(16_000, 900_000, 43_400)] // pharmacist on a million-posting board: read once, with a third to spare
    [InlineData(32_000, 900_000, 43_400)]
    [InlineData(34_000, 900_000, 0)] // more than the second read would cost: to the count limit, then the page
    [InlineData(16_000, 90_000, 0)] // the same search on a tenth of the board is a bigger share of it
    [InlineData(12_000, 90_000, 16_400)]
    [InlineData(50_000, 2_700_000, 72_700)]
    [InlineData(50_000, 30_000_000, 100_000)] // never more than the cap
    public void A_search_reads_its_matches_once_while_that_costs_less_than_reading_for_its_page_again(double expected, double postings, int readOnce)
    {
        SearchSql.ReadOnceUpTo(expected, postings, countLimit: 5_000, cap: 100_000).Should().BeCloseTo(readOnce, 100);
    }

    [Fact]
    public void Without_statistics_the_estimate_stands_for_the_board()
    {
        SearchSql.ReadOnceUpTo(expectedMatches: 40, searchablePostings: -1, countLimit: 3, cap: 1_000).Should().BeInRange(4, 1_000);
    }

    [Fact]
    public void A_filter_value_the_keys_do_not_have_asks_for_fresher_keys()
    {
        Build("mode=remote&location=Romania").Sql.MissedKey.Should().BeFalse();
        Build("mode=hybrid").Sql.MissedKey.Should().BeTrue();
        Build("location=Bulgaria").Sql.MissedKey.Should().BeTrue();
    }

    [Fact]
    public void The_salary_sort_compares_in_the_searched_places_currency()
    {
        var (sql, request, _) = Build("location=Romania&sort=salary");

        using var command = sql.FindCommand(request, CountryCurrency.For(request.Currency, ResolvedLocation.Of(request, [])), 100);

        command.Parameters["currency"].Value.Should().Be("RON");
        command.Parameters["limit"].Value.Should().Be(JobSearchRequest.PageSize);
    }
}
