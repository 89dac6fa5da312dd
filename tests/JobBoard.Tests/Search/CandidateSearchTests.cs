using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Search;

/// <summary>
/// A search restricted to candidate postings (what an alert asks of its changed postings) finds exactly the candidates
/// the whole search finds, on either form of the statement: the search rows, and the places rows of a radius search
/// without words.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class CandidateSearchTests(JobBoardApp app) : WebTest(app)
{
    [Theory]
    [InlineData("q=nurse")]
    [InlineData("q=nurse&location=Chicago%2C+IL")]
    [InlineData("location=Chicago%2C+IL")]
    [InlineData("location=Chicago%2C+IL&mode=remote")]
    [InlineData("location=Romania")]
    [InlineData("mode=remote&q=-pharmacist")]
    [InlineData("location=Nowhereville")]
    public async Task A_search_restricted_to_candidates_finds_the_candidates_the_whole_search_finds(string query)
    {
        var company = Company();
        var postings = new[]
        {
            Published(company, Content("Registered Nurse")),
            Published(company, Content("Remote Nurse") with { WorkMode = WorkMode.Remote }),
            Published(company, Content("Nurse in Bucharest") with { Locations = [Bucharest] }),
            Published(company, Content("Pharmacist") with { WorkMode = WorkMode.Remote }),
            Published(company, Content("Pharmacist in Bucharest") with { Locations = [Bucharest] }),
            Published(company, Content("Porter")),
        };
        var draft = Draft(company, Content("Draft Nurse"));
        await app.InsertAsync([company, .. postings, draft]);
        var request = JobSearchRequestParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));

        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<JobSearch>();
        var all = (await search.SearchAsync(request, CancellationToken.None)).Hits.Select(h => h.Id).ToHashSet();
        int[] candidates = [postings[0].Id, postings[2].Id, postings[3].Id, postings[5].Id, draft.Id];

        var matched = await search.MatchAsync(request, candidates, CancellationToken.None);

        matched.Should().BeEquivalentTo(candidates.Where(all.Contains));
        matched.Should().NotContain(draft.Id);
        (await search.MatchAsync(request, [], CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Matches_come_newest_first()
    {
        var company = Company();
        var older = Published(company, Content("Night Nurse") with { DatePosted = Today.AddDays(-3) });
        var newer = Published(company, Content("Day Nurse") with { DatePosted = Today.AddDays(-1) });
        await app.InsertAsync(company, older, newer);

        await using var scope = app.Services.CreateAsyncScope();
        var matched = await scope.ServiceProvider.GetRequiredService<JobSearch>().MatchAsync(
            JobSearchRequestParser.Parse(new QueryCollection(QueryHelpers.ParseQuery("q=nurse"))), [older.Id, newer.Id], CancellationToken.None);

        matched.Should().Equal(newer.Id, older.Id);
    }
}
