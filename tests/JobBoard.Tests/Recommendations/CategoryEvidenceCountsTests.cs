using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Recommendations;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Recommendations;

/// <summary>The categories' evidence counted from the open postings once per posting, whatever its number of places.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class CategoryEvidenceCountsTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Each_open_posting_counts_once_with_or_without_places()
    {
        var (healthcare, sales, it) = (Category.Create("Healthcare"), Category.Create("Sales"), Category.Create("Information Technology"));
        await app.InsertAsync(
            Published(Company(), Content("Field Sales Nurse") with { Categories = [healthcare, sales], Locations = [Chicago, Bucharest] }),
            Published(Company("B"), Content("Nurse") with { Categories = [healthcare] }),
            Published(Company("C"), Content("Remote Sales Rep") with { Categories = [sales], Locations = [], WorkMode = WorkMode.Remote, ApplicantCountries = ["US"] }),
            Published(Company("D"), Content("Developer") with { Categories = [it] }),
            Draft(Company("E"), Content("Draft Nurse") with { Categories = [healthcare] }));

        var evidence = await app.Services.GetRequiredService<CategoryEvidenceCounts>().CurrentAsync(CancellationToken.None);

        evidence[healthcare.Id].Rarity.Should().BeApproximately(Math.Log(4.0 / 2), 1e-9, "two of the four open postings are in Healthcare");
        evidence[sales.Id].Rarity.Should().BeApproximately(Math.Log(4.0 / 2), 1e-9, "the two-place posting counts once");
        evidence[it.Id].Rarity.Should().BeApproximately(Math.Log(4.0 / 1), 1e-9);
        evidence.Values.Should().OnlyContain(e => !e.IsBroad, "no category here goes with five others");
    }
}
