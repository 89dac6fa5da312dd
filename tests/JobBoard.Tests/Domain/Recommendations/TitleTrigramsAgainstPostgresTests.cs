using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Recommendations;
using JobBoard.Loader.DemoData;
using JobBoard.Tests.Infrastructure;
using Npgsql;

namespace JobBoard.Tests.Domain.Recommendations;

/// <summary>
/// <see cref="TitleTrigrams"/> is a C# copy of pg_trgm's <c>similarity()</c>, kept because computing it per candidate
/// in PostgreSQL took 7–9% of the recommendations' database time (docs/benchmarks.md). Its values must be the
/// extension's own: every pair of the demo board's titles, and awkward text, is compared with what the database returns.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class TitleTrigramsAgainstPostgresTests(JobBoardApp app)
{
    private static readonly string[] Awkward =
    [
        "", " -- ", "a", "Ab", "C++ / C#", "R&D 2nd-shift", "2nd shift R and D", "Asistent Manager Vânzări", "asistent manager vanzari",
        "Director, Field Sales", "Senior Key Account Manager (m/f)", "Straßenbahnfahrer*in", "Ingénieur d'études", "Nurse", "nurse nurse nurse",
        "Über-Fahrer 24/7", "ÉLECTRICIEN", "x1 y22 z333", "Sales   Assistant\t(Part-time)", "Żaneta's café",
    ];

    [Fact]
    public async Task Similarity_is_what_pg_trgm_returns_for_every_pair_of_demo_titles_and_awkward_text()
    {
        var places = Gazetteer.Default.Largest(50, ["US", "GB", "DE", "FR", "RO"]).Select(PlaceInput.From).ToList();
        var titles = SyntheticBoard.Generate(places, new DateOnly(2026, 12, 1), 400).Select(p => p.Content.Title)
            .Distinct(StringComparer.Ordinal).Take(80).Concat(Awkward).ToArray();

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT a, b, similarity(a, b) FROM unnest(@titles) a, unnest(@titles) b", connection)
        {
            Parameters = { new NpgsqlParameter<string[]>("titles", titles) },
        };
        var compared = 0;
        var differences = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (a, b, expected) = (reader.GetString(0), reader.GetString(1), reader.GetFloat(2));
            var actual = TitleTrigrams.Of(a).SimilarityTo(TitleTrigrams.Of(b));
            if (Math.Abs(actual - expected) > 1e-6)
            {
                differences.Add($"\"{a}\" ~ \"{b}\": pg_trgm {expected}, TitleTrigrams {actual}");
            }

            compared++;
        }

        compared.Should().Be(titles.Length * titles.Length);
        titles.Length.Should().BeGreaterThan(60, "the demo board has dozens of distinct titles");
        differences.Should().BeEmpty();
    }
}
