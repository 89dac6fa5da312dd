using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Loader.BulkLoad;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobBoard.Tests.BulkLoad;

/// <summary>
/// The bulk loader builds search documents itself (<see cref="SearchDocumentBuilder"/>); each must equal, position for
/// position, the one <c>posting_search_source</c> computes when EF saves the same posting, also for text the synthetic
/// board never has: stop words at the ends of texts and elements, hyphenated words, numbers, hosts, accents, XML tags,
/// a word repeated past tsvector's 255 positions, and text long enough to reach its last position, 16,383.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class SearchDocumentBuilderTests(JobBoardApp app) : WebTest(app)
{
    public static TheoryData<string> Postings => new() { "punctuation", "repeats", "long" };

    [Theory]
    [MemberData(nameof(Postings))]
    public async Task The_document_built_for_the_bulk_load_is_the_one_the_view_computes(string kind)
    {
        var posting = TestPostings.Published(TestPostings.Company("Harbor & Pine, Inc."), Content(kind));
        await app.InsertAsync(posting);
        var saved = await app.ExecuteDbContextAsync(db => db.Postings.AsNoTracking()
            .Include(p => p.Company)
            .Include(p => p.Categories).ThenInclude(c => c.Category)
            .Include(p => p.Skills).ThenInclude(s => s.Skill)
            .SingleAsync(p => p.Id == posting.Id));

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var lexicon = new SearchLexicon();
        var builder = new SearchDocumentBuilder(lexicon);
        builder.Build(saved).Should().BeNull("the lexicon knows no chunk yet");
        builder.Unknown.Should().NotBeEmpty();
        await lexicon.LearnAsync(connection, builder.Unknown, CancellationToken.None);
        var document = builder.Build(saved);

        document.Should().NotBeNull();

        // Through binary COPY, as the loader sends it: tsvectorrecv refuses lexemes or positions out of order.
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE built (document tsvector NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var copy = await BinaryCopy.BeginAsync(connection, "COPY built (document) FROM STDIN (FORMAT BINARY)", CancellationToken.None))
        {
            copy.Row(1).Binary(document);
            await copy.CompleteAsync(CancellationToken.None);
        }

        await using var compare = new NpgsqlCommand(
            """
            SELECT b.document = s.document, b.document::text, s.document::text, (SELECT max(p) FROM unnest(s.document) w, unnest(w.positions) p)
            FROM built b, posting_search s WHERE s.posting_id = @id
            """,
            connection);
        compare.Parameters.AddWithValue("id", posting.Id);
        await using var reader = await compare.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        reader.GetBoolean(0).Should().BeTrue($"the built document should be the view's:\n{reader.GetString(1)}\nnot\n{reader.GetString(2)}");
        if (kind == "long")
        {
            reader.GetInt16(3).Should().Be(16_383, "the text is long enough to reach tsvector's last position");
        }
    }

    private static PostingContent Content(string kind)
    {
        var content = TestPostings.Content("Senior C# / .NET Developer (full-time) in Zürich and the");
        var tail = kind switch
        {
            "repeats" => string.Join(' ', Enumerable.Repeat("care for the patients,", 300)),
            "long" => string.Join(' ', Enumerable.Range(0, 1_700).Select(i => $"word{i % 700} of")),
            _ => "See <a href=\"https://example.com/jobs?id=1\">our jobs</a> or e-mail jobs@example.com; pay $120,000–$150,000 (3.5% bonus).",
        };
        return content with
        {
            Summary = $"The and of. Build Node.js, C++ and .NET services for Iași and Timișoara — day-to-day. {tail} the",
            CoreResponsibilities = "of the",
            Responsibilities = ["Own the day-to-day roadmap", "the of and", tail, "Mentor engineers in the", tail, tail],
            Requirements =
            [
                Requirement.Create(RequirementImportance.Essential, "the and"),
                Requirement.Create(RequirementImportance.Essential, "5+ years of C#/.NET"),
                Requirement.Create(RequirementImportance.Desirable, tail),
            ],
            Sections =
            [
                PostingSection.Structured(SectionKind.Summary, "About the role"),
                PostingSection.Text("Benefits", "Line one\nLine two\ttabbed and the"),
                PostingSection.Text("More", tail),
                PostingSection.Text("Empty-ish", "of"),
            ],
            Compensation = Compensation.Create("USD", 120_000, 150_000, PayPeriod.Year, benefits: "Health, dental & 401(k) — the").Value,
            Categories = [Category.Create("Sales & Business Development"), Category.Create("Software Engineering")],
            Skills = [Skill.Create("C#"), Skill.Create("C++"), Skill.Create(".NET"), Skill.Create("Node.js")],
        };
    }
}
