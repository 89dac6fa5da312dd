using System.Net;
using JobBoard.Data;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Loader.BulkLoad;
using JobBoard.Loader.DemoData;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobBoard.Tests.BulkLoad;

/// <summary><c>seed --synthetic N</c> on the real database: every table filled as the app itself would fill it.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class SyntheticBulkLoadTests(JobBoardApp app) : WebTest(app)
{
    private const int Count = 500;

    // Small batches, so that a load of 500 spreads over several batches and both COPY streams.
    private static readonly BulkLoadOptions Options = new() { Count = Count, Seed = 7, BatchSize = 64 };

    private const string SchemaQuery = """
        SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        ORDER BY 1
        """;

    private readonly DateTimeOffset _now = TestPostings.Now;
    private BulkLoadResult _result = null!;

    private DateOnly Today => DateOnly.FromDateTime(_now.UtcDateTime);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _result = await LoadAsync(Options);
    }

    [Fact]
    public async Task Every_table_gets_the_rows_the_load_reports()
    {
        _result.Postings.Should().Be(Count);
        (await ScalarAsync<long>("SELECT count(*) FROM job_postings")).Should().Be(Count);
        (await ScalarAsync<long>("SELECT count(*) FROM posting_locations")).Should().Be(_result.Locations).And.BeGreaterThanOrEqualTo(Count);
        (await ScalarAsync<long>("SELECT count(*) FROM posting_categories")).Should().Be(_result.Categories).And.BeGreaterThanOrEqualTo(Count);
        (await ScalarAsync<long>("SELECT count(*) FROM posting_skills")).Should().Be(_result.Skills).And.BeGreaterThan(Count);
        (await ScalarAsync<long>("SELECT count(*) FROM posting_status_changes")).Should().Be(_result.StatusChanges).And.BeGreaterThanOrEqualTo(3 * Count);
        (await ScalarAsync<long>("SELECT count(*) FROM posting_search")).Should().Be(_result.Published);
        (await ScalarAsync<long>("SELECT count(*) FROM companies")).Should().Be(SyntheticBoard.Companies.Count);
        (await ScalarAsync<long>("SELECT count(*) FROM search_suggestions")).Should().BePositive();
        (_result.FirstPostingId, _result.LastPostingId).Should().Be((1, Count));
    }

    [Fact]
    public async Task Long_postings_are_stored_compressed_with_lz4()
    {
        // Rows past a quarter of a page have their longest values compressed: with lz4 (migration PostingTextLz4), not pglz.
        var compressions = await ScalarAsync<string>(
            "SELECT string_agg(DISTINCT pg_column_compression(sections), ',') FROM job_postings WHERE pg_column_compression(sections) IS NOT NULL");
        compressions.Should().Be("lz4");
    }

    [Fact]
    public async Task Every_posting_is_placed_with_coordinates()
    {
        (await ScalarAsync<long>("SELECT count(*) FROM job_postings p WHERE NOT EXISTS (SELECT 1 FROM posting_locations l WHERE l.posting_id = p.id)"))
            .Should().Be(0);
        (await ScalarAsync<long>(
            "SELECT count(*) FROM posting_locations WHERE latitude = 0 OR longitude = 0 OR abs(latitude) > 90 OR abs(longitude) > 180 OR city = ''"))
            .Should().Be(0);
        (await ScalarAsync<long>("SELECT count(DISTINCT country_code) FROM posting_locations")).Should().BeGreaterThan(3);
    }

    [Fact]
    public async Task Each_published_posting_has_the_search_row_posting_search_source_computes_and_expired_ones_none()
    {
        (await ScalarAsync<long>("SELECT count(*) FROM job_postings WHERE status = 'Published'")).Should().Be(_result.Published);
        (await ScalarAsync<long>(
            """
            SELECT count(*) FROM posting_search s FULL JOIN posting_search_source v ON v.posting_id = s.posting_id
            WHERE s.posting_id IS NULL OR v.posting_id IS NULL OR length(s.document) = 0
               OR to_jsonb(s) - 'document' IS DISTINCT FROM to_jsonb(v) - 'document'
               OR s.document IS DISTINCT FROM v.document
            """)).Should().Be(0, "every search row is what the app's own view computes, document and all, and only published postings have one");
        (await ScalarAsync<long>(
            "SELECT count(*) FROM job_postings p JOIN posting_search s ON s.posting_id = p.id WHERE p.status <> 'Published'")).Should().Be(0);

        var postings = await app.ExecuteDbContextAsync(db => db.Postings.Select(p => new { p.Status, p.ValidThrough }).ToListAsync());
        postings.Should().OnlyContain(p => p.Status == PostingStatus.Published || p.Status == PostingStatus.Expired);
        postings.Where(p => p.Status == PostingStatus.Expired).Should().NotBeEmpty()
            .And.OnlyContain(p => p.ValidThrough < Today, "a posting expires only when its closing date has passed");
        postings.Where(p => p.Status == PostingStatus.Published).Should().OnlyContain(p => p.ValidThrough == null || p.ValidThrough >= Today);
    }

    [Theory]
    [InlineData("posting_search_places")]
    [InlineData("posting_category_places")]
    [InlineData("posting_category_lists")]
    [InlineData("search_suggestions")]
    public async Task Each_recommendation_table_holds_exactly_what_its_view_computes(string table)
    {
        (await ScalarAsync<long>($"SELECT count(*) FROM {table}")).Should().BePositive();
        (await ScalarAsync<long>(
            $"""
            SELECT count(*) FROM ((TABLE {table} EXCEPT ALL TABLE {table}_source) UNION ALL (TABLE {table}_source EXCEPT ALL TABLE {table})) differences
            """)).Should().Be(0, "the refresh writes what the app's own view computes, for the bulk load and EF saves alike");
    }

    [Fact]
    public async Task Remote_postings_are_listed_under_each_country_they_take_applicants_from()
    {
        (await ScalarAsync<long>(
            """
            SELECT count(*) FROM posting_search s, unnest(s.applicant_countries) a(country), unnest(s.category_ids) c(id)
            WHERE s.work_mode = 'Remote' AND NOT EXISTS (
                SELECT 1 FROM posting_category_lists l JOIN search_keys k ON k.id = l.remote_key
                WHERE l.posting_id = s.posting_id AND l.category_id = c.id AND k.kind = 'remote' AND k.value = a.country)
            """)).Should().Be(0);
        (await ScalarAsync<long>("SELECT count(*) FROM posting_category_lists WHERE remote_key <> 0")).Should().BePositive();
    }

    [Fact]
    public async Task The_postings_read_back_through_EF_are_the_generated_ones_with_the_domains_history()
    {
        var generated = Generate(Options);
        var postings = await app.ExecuteDbContextAsync(db => db.Postings.AsNoTracking()
            .Include(p => p.Company)
            .Include(p => p.Locations)
            .Include(p => p.Categories).ThenInclude(c => c.Category)
            .Include(p => p.Skills).ThenInclude(s => s.Skill)
            .Include(p => p.StatusHistory)
            .OrderBy(p => p.Id)
            .ToListAsync());

        postings.Should().HaveCount(generated.Count);
        for (var i = 0; i < postings.Count; i++)
        {
            var (posting, expected) = (postings[i], generated[i]);
            var content = expected.Content;
            posting.Company.Name.Should().Be(expected.Company.Name);
            posting.Title.Should().Be(content.Title);
            posting.Summary.Should().Be(content.Summary);
            posting.Responsibilities.Should().Equal(content.Responsibilities);
            posting.Requirements.Select(r => (r.Importance, r.Text, r.Facts)).Should()
                .Equal(content.Requirements.Select(r => (r.Importance, r.Text, r.Facts)));
            posting.Sections.Select(s => (s.Kind, s.Heading, s.Body, s.CompanySectionKey)).Should()
                .Equal(content.Sections.Select(s => (s.Kind, s.Heading, s.Body, s.CompanySectionKey)));
            posting.Locations.OrderBy(l => l.Position).Select(l => (l.City, l.CountryCode, l.Latitude, l.Longitude)).Should()
                .Equal(content.Locations.Select(l => (l.City, l.CountryCode.ToUpperInvariant(), l.Latitude, l.Longitude)));
            posting.Categories.OrderBy(c => c.Position).Select(c => c.Category.Name).Should().Equal(expected.CategoryNames);
            posting.Skills.OrderBy(s => s.Position).Select(s => s.Skill.Name).Should().Equal(expected.SkillNames);
            posting.Compensation?.Maximum.Should().Be(content.Compensation?.Maximum);
            (posting.DatePosted, posting.ValidThrough).Should().Be((content.DatePosted, content.ValidThrough));

            var expectedHistory = posting.Status == PostingStatus.Expired
                ? new PostingStatus?[] { null, PostingStatus.Draft, PostingStatus.PendingReview, PostingStatus.Published }
                : [null, PostingStatus.Draft, PostingStatus.PendingReview];
            posting.StatusHistory.OrderBy(h => h.Id).Select(h => h.From).Should().Equal(expectedHistory);
            posting.StatusHistory.Should().OnlyContain(h => h.Actor == SyntheticBoardBulkLoader.Actor || h.Actor == "system");
            posting.IsOpen(Today).Should().Be(posting.Status == PostingStatus.Published);
        }
    }

    [Fact]
    public async Task A_bulk_loaded_posting_is_stored_exactly_as_EF_stores_the_same_posting()
    {
        // The first postings of the same board saved the app's way, through EF, then compared column by column.
        const int Saved = 60;
        var generated = Generate(Options).Take(Saved).ToList();
        var efIds = await app.ExecuteDbContextAsync(async db =>
        {
            var references = await BoardReferences.FindOrCreateAsync(db, CancellationToken.None);
            var postings = generated.Select(g => DemoDataLoader.Publish(
                references.CompanyFor(g.Company), g.ToContent(references.CategoryNamed, references.SkillNamed), _now, SyntheticBoardBulkLoader.Actor)).ToList();
            db.Postings.AddRange(postings);
            await db.SaveChangesAsync();
            return postings.Select(p => p.Id).ToList();
        });
        efIds.Should().Equal(Enumerable.Range(Count + 1, Saved), "EF numbers its postings after the bulk-loaded ones");

        var differences = await ListAsync(
            """
            WITH pairs AS (SELECT id AS bulk, id + @offset AS ef FROM generate_series(1, @saved) id),
            compared AS (
                SELECT bulk, 'job_postings' AS what,
                       (SELECT to_jsonb(p) - 'id' FROM job_postings p WHERE p.id = bulk) AS a,
                       (SELECT to_jsonb(p) - 'id' FROM job_postings p WHERE p.id = ef) AS b FROM pairs
                UNION ALL
                SELECT bulk, 'posting_locations',
                       (SELECT jsonb_agg(to_jsonb(l) - 'id' - 'posting_id' ORDER BY l.position) FROM posting_locations l WHERE l.posting_id = bulk),
                       (SELECT jsonb_agg(to_jsonb(l) - 'id' - 'posting_id' ORDER BY l.position) FROM posting_locations l WHERE l.posting_id = ef) FROM pairs
                UNION ALL
                SELECT bulk, 'posting_categories',
                       (SELECT jsonb_agg(to_jsonb(c) - 'posting_id' ORDER BY c.position) FROM posting_categories c WHERE c.posting_id = bulk),
                       (SELECT jsonb_agg(to_jsonb(c) - 'posting_id' ORDER BY c.position) FROM posting_categories c WHERE c.posting_id = ef) FROM pairs
                UNION ALL
                SELECT bulk, 'posting_skills',
                       (SELECT jsonb_agg(to_jsonb(s) - 'posting_id' ORDER BY s.position) FROM posting_skills s WHERE s.posting_id = bulk),
                       (SELECT jsonb_agg(to_jsonb(s) - 'posting_id' ORDER BY s.position) FROM posting_skills s WHERE s.posting_id = ef) FROM pairs
                UNION ALL
                SELECT bulk, 'posting_status_changes',
                       (SELECT jsonb_agg(to_jsonb(h) - 'id' - 'posting_id' ORDER BY h.id) FROM posting_status_changes h WHERE h.posting_id = bulk),
                       (SELECT jsonb_agg(to_jsonb(h) - 'id' - 'posting_id' ORDER BY h.id) FROM posting_status_changes h WHERE h.posting_id = ef) FROM pairs
                UNION ALL
                SELECT bulk, 'posting_search',
                       (SELECT to_jsonb(s) - 'posting_id' FROM posting_search s WHERE s.posting_id = bulk),
                       (SELECT to_jsonb(s) - 'posting_id' FROM posting_search s WHERE s.posting_id = ef) FROM pairs)
            SELECT format('%s of posting %s: bulk %s, EF %s', what, bulk, a, b) FROM compared
            WHERE a IS DISTINCT FROM b OR (a IS NULL AND what <> 'posting_search')
            """,
            ("offset", Count),
            ("saved", Saved));

        differences.Should().BeEmpty();
    }

    [Fact]
    public async Task Loading_again_adds_as_many_postings_with_new_ids_and_the_app_numbers_after_them()
    {
        var second = await LoadAsync(Options with { Seed = 8 });

        (second.FirstPostingId, second.LastPostingId).Should().Be((Count + 1, 2 * Count));
        (await ScalarAsync<long>("SELECT count(*) FROM job_postings")).Should().Be(2 * Count);
        (await ScalarAsync<long>("SELECT count(*) FROM posting_locations")).Should().Be(_result.Locations + second.Locations);
        (await ScalarAsync<long>("SELECT count(*) FROM posting_status_changes")).Should().Be(_result.StatusChanges + second.StatusChanges);
        (await ScalarAsync<long>("SELECT count(*) FROM posting_search")).Should().Be(_result.Published + second.Published);
        (await ScalarAsync<long>("SELECT count(*) FROM companies")).Should().Be(SyntheticBoard.Companies.Count, "companies are found, not created twice");

        var posting = TestPostings.Published(TestPostings.Company());
        await app.InsertAsync(posting);
        posting.Id.Should().Be((2 * Count) + 1);
        posting.Locations.Single().Id.Should().Be((int)(_result.Locations + second.Locations + 1));
        posting.StatusHistory[0].Id.Should().Be(_result.StatusChanges + second.StatusChanges + 1);
    }

    [Fact]
    public async Task Loading_an_empty_board_leaves_the_indexes_and_constraints_as_the_migrations_made_them()
    {
        // The loader drops and rebuilds some indexes on an empty board; a database freshly migrated by the app is the reference.
        var server = await PostgresServer.SharedAsync();
        var reference = await server.CreateDatabaseAsync("jobboard_reference");
        var options = new DbContextOptionsBuilder<JobBoardDbContext>().UseNpgsql(reference).UseSnakeCaseNamingConvention().Options;
        await using (var db = new JobBoardDbContext(options))
        {
            await SchemaDefinitions.UpgradeAsync(db, CancellationToken.None);
        }

        var loaded = await ListAsync(app.ConnectionString, SchemaQuery, []);

        loaded.Should().Equal(await ListAsync(reference, SchemaQuery, []));
        loaded.Should().Contain(d => d.Contains("ix_posting_search_match", StringComparison.Ordinal))
            .And.Contain(d => d.Contains("ix_posting_search_places_earth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_details_page_of_a_bulk_loaded_posting_shows_its_sections()
    {
        var published = await app.ExecuteDbContextAsync(db => db.Postings.AsNoTracking()
            .Where(p => p.Status == PostingStatus.Published).OrderBy(p => p.Id).ToListAsync());
        var posting = published.First(p => p.Sections.Any(s => s.Kind == SectionKind.Text));

        var (response, page) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.Text().Should().Be(posting.Title);
        var headings = page.QuerySelectorAll("article.ad section h2").Select(h => h.Text()).ToList();
        headings.Should().ContainInOrder(posting.Sections.Where(s => s.Heading is not null).Select(s => s.Heading!));
        var text = page.QuerySelector("article.ad")!.Text();
        text.Should().Contain(posting.Summary!)
            .And.ContainAll(posting.Sections.Where(s => s.Kind == SectionKind.Text).Select(s => Html.Fold(s.Body!)))
            .And.ContainAll(posting.Requirements.Select(r => r.Text))
            .And.ContainAll(posting.Responsibilities);
    }

    private async Task<BulkLoadResult> LoadAsync(BulkLoadOptions options)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var loader = new SyntheticBoardBulkLoader(
            scope.ServiceProvider.GetRequiredService<JobBoardDbContext>(), app.Clock, NullLogger<SyntheticBoardBulkLoader>.Instance);
        return await loader.LoadAsync(options, new BulkLoadProgress(), CancellationToken.None);
    }

    private List<SyntheticPosting> Generate(BulkLoadOptions options)
    {
        var places = Gazetteer.Default.Largest(options.PlaceCount, DemoDataLoader.SyntheticCountries).Select(PlaceInput.From).ToList();
        return [.. SyntheticBoard.Generate(places, Today, options.Count, options.Seed)];
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private Task<List<string>> ListAsync(string sql, params (string Name, object Value)[] parameters) =>
        ListAsync(app.ConnectionString, sql, parameters);

    private static async Task<List<string>> ListAsync(string connectionString, string sql, (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
