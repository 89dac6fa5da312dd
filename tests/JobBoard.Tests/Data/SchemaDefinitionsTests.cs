using JobBoard.Data;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Data;

/// <summary>
/// The migrations make the model's tables, and the files in <c>Sql/</c> everything else, applied again whenever one
/// changes: a new database and an upgraded one end the same. Each test has a database of its own.
/// </summary>
public sealed class SchemaDefinitionsTests
{
    /// <summary>The migrations the baseline replaced, as a database made before the squash lists them.</summary>
    private static readonly string[] PreBaselineMigrations =
    [
        "20261123104223_InitialSchema", "20261123120709_SearchIndex", "20261123123706_RecommendationSignals",
        "20261123145247_SearchPlaces", "20261123150322_SearchFilterKeys", "20261123170000_RecommendationCandidates",
        "20261123200000_SearchPlaceCells", "20261206010000_SearchRowsInBulk", "20261206033451_PostingTextLz4",
        "20261206233840_SearchSuggestionsKept", "20261207005424_PlaceCellsKnowTheirCity",
    ];

    /// <summary>What a schema consists of, one line per column, constraint, index, view, function and trigger.</summary>
    internal const string SchemaQuery = """
        SELECT format('column %s.%s %s %s %s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid))
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v') AND a.attnum > 0 AND NOT a.attisdropped
        UNION ALL SELECT 'persistence ' || relname || ' ' || relpersistence::text FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
        UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        UNION ALL SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'
        UNION ALL SELECT 'function ' || pg_get_functiondef(p.oid) FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        UNION ALL SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
        ORDER BY 1
        """;

    [Fact]
    public async Task The_model_has_no_changes_the_migrations_lack()
    {
        await using var db = Context(await NewDatabaseAsync());

        db.Database.HasPendingModelChanges().Should().BeFalse("`dotnet ef migrations add` would have nothing to add");
    }

    [Fact]
    public async Task A_new_database_gets_every_definition_and_a_start_with_unchanged_files_applies_nothing()
    {
        var connectionString = await NewDatabaseAsync();
        await using var db = Context(connectionString);

        (await SchemaDefinitions.UpgradeAsync(db, CancellationToken.None)).Should().Be(new SchemaUpgrade(false, true, true));
        var schema = await TestSql.ListAsync(connectionString, SchemaQuery);

        (await SchemaDefinitions.UpgradeAsync(db, CancellationToken.None)).Should().Be(new SchemaUpgrade(false, false, false));
        (await TestSql.ListAsync(connectionString, SchemaQuery)).Should().Equal(schema);
        (await TestSql.ListAsync(connectionString, "SELECT file FROM schema_definitions ORDER BY file")).Should().BeEquivalentTo(SchemaDefinitions.Files);
        schema.Should().Contain(d => d.StartsWith("view posting_search_source ", StringComparison.Ordinal))
            .And.Contain(d => d.Contains("CONSTRAINT TRIGGER posting_search_refresh_at_commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_upkeep_file_is_applied_again_without_rebuilding_and_what_it_no_longer_defines_goes()
    {
        var connectionString = await NewDatabaseAsync();
        await using var db = Context(connectionString);
        await SchemaDefinitions.UpgradeAsync(db, CancellationToken.None);
        var schema = await TestSql.ListAsync(connectionString, SchemaQuery);
        await db.AddAsync(Published(Company(), Content("Registered Nurse")));
        await db.SaveChangesAsync();

        // As if the file had been edited since: a function it used to define, and its old checksum.
        await TestSql.ExecuteAsync(connectionString, """
            CREATE FUNCTION posting_search_retired() RETURNS integer LANGUAGE sql AS 'SELECT 1';
            CREATE VIEW posting_search_retired_view AS SELECT posting_search_retired();
            UPDATE schema_definitions SET checksum = 'edited' WHERE file = 'SearchUpkeep.sql';
            """);

        (await SchemaDefinitions.UpgradeAsync(db, CancellationToken.None)).Should().Be(new SchemaUpgrade(false, true, false));
        (await TestSql.ListAsync(connectionString, SchemaQuery)).Should().Equal(schema);
        (await TestSql.ListAsync(connectionString, "SELECT title FROM posting_search_places")).Should().Equal("Registered Nurse");
    }

    [Fact]
    public async Task A_changed_source_file_remakes_the_derived_rows_from_the_views()
    {
        var connectionString = await NewDatabaseAsync();
        await using var db = Context(connectionString);
        await SchemaDefinitions.UpgradeAsync(db, CancellationToken.None);
        await db.AddRangeAsync(Published(Company(), Content("Registered Nurse")), Published(Company("Other"), Content("Night Porter") with { Locations = [Bucharest] }));
        await db.SaveChangesAsync();
        var counts = await DerivedRowCountsAsync(connectionString);

        // Rows as an older view made them, which the triggers would not touch until their postings change.
        await TestSql.ExecuteAsync(connectionString, """
            SET jobboard.bulk_load = 'on';
            UPDATE posting_search SET document = to_tsvector('simple', 'old');
            DELETE FROM posting_search_places WHERE title = 'Night Porter';
            UPDATE schema_definitions SET checksum = 'edited' WHERE file = 'SearchSources.sql';
            """);

        (await SchemaDefinitions.UpgradeAsync(db, CancellationToken.None)).Should().Be(new SchemaUpgrade(false, true, true));
        (await DerivedRowCountsAsync(connectionString)).Should().Equal(counts);
        (await TestSql.ListAsync(connectionString, DifferencesFromViews)).Should().Equal("0");
        (await TestSql.ListAsync(connectionString, "SELECT term FROM search_suggestions WHERE kind = 't' ORDER BY term")).Should().Equal("Night Porter", "Registered Nurse");
    }

    [Fact]
    public async Task A_database_made_by_the_squashed_migrations_is_taken_over_and_ends_as_a_new_one()
    {
        var reference = await NewDatabaseAsync();
        await using (var db = Context(reference))
        {
            await SchemaDefinitions.UpgradeAsync(db, CancellationToken.None);
        }

        var old = await NewDatabaseAsync();
        await TestSql.ExecuteAsync(old, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema-before-baseline.sql")));
        await TestSql.ExecuteAsync(old, $$"""
            SET search_path = public;
            INSERT INTO "__EFMigrationsHistory" SELECT unnest(ARRAY['{{string.Join("', '", PreBaselineMigrations)}}']), '10.0.15';
            INSERT INTO companies (name, slug) VALUES ('Acme Health', 'acme-health');
            INSERT INTO job_postings (company_id, title, slug, responsibilities, work_mode, applicant_countries, status, created_at, updated_at)
            VALUES (1, 'Registered Nurse', 'registered-nurse', '{}', 'OnSite', '{}', 'Published', now(), now());
            """);

        await using (var db = Context(old))
        {
            (await SchemaDefinitions.UpgradeAsync(db, CancellationToken.None)).Should().Be(new SchemaUpgrade(true, true, true));
            (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(db.Database.GetMigrations());
        }

        (await TestSql.ListAsync(old, SchemaQuery)).Should().Equal(await TestSql.ListAsync(reference, SchemaQuery));
        (await TestSql.ListAsync(old, "SELECT title FROM posting_search_places")).Should().Equal("Registered Nurse");
    }

    [Fact]
    public async Task A_database_stopped_half_way_through_the_squashed_migrations_is_told_what_to_do()
    {
        var connectionString = await NewDatabaseAsync();
        await TestSql.ExecuteAsync(connectionString, $"""
            CREATE TABLE "__EFMigrationsHistory" (migration_id varchar(150) PRIMARY KEY, product_version varchar(32) NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('{PreBaselineMigrations[0]}', '10.0.15'), ('{PreBaselineMigrations[1]}', '10.0.15');
            """);
        await using var db = Context(connectionString);

        var upgrading = () => SchemaDefinitions.UpgradeAsync(db, CancellationToken.None);

        (await upgrading.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should()
            .Contain("20261123104223_InitialSchema, 20261123120709_SearchIndex").And.Contain("start it once with a build from before then, or delete it");
        (await TestSql.ListAsync(connectionString, "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'")).Should().Equal("__EFMigrationsHistory");
    }

    private static async Task<string> NewDatabaseAsync() => await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("jobboard_schema");

    private static JobBoardDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<JobBoardDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);

    internal static readonly string[] DerivedTables = ["posting_search", "posting_search_places", "posting_category_places", "posting_category_lists", "search_suggestions"];

    /// <summary>How many rows of every derived table differ from what its view computes, in either direction.</summary>
    internal static readonly string DifferencesFromViews = "SELECT (" + string.Join(" + ", DerivedTables.Select(table =>
        $"(SELECT count(*) FROM ((TABLE {table} EXCEPT ALL TABLE {table}_source) UNION ALL (TABLE {table}_source EXCEPT ALL TABLE {table})) d)")) + ")::text";

    private static Task<List<string>> DerivedRowCountsAsync(string connectionString) => TestSql.ListAsync(connectionString,
        string.Join(" UNION ALL ", DerivedTables.Select(table => $"SELECT '{table} ' || count(*) FROM {table}")));
}
