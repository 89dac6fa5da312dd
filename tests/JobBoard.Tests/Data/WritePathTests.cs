using System.Net;
using System.Text.Json;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Data;

/// <summary>
/// DESIGN.md §5a: a posting and every row derived from it commit or roll back together, whoever writes it. These tests
/// write with plain SQL, as psql or an import would, and read what a visitor reads: search, facets, recommendations.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class WritePathTests(JobBoardApp app) : WebTest(app)
{
    private static readonly string[] DerivedTables = ["posting_search", "posting_search_places", "posting_category_places", "posting_category_lists", "search_suggestions"];

    [Fact]
    public async Task A_title_changed_by_an_SQL_update_is_found_by_its_new_words_at_once()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);

        await ExecuteAsync($"UPDATE job_postings SET title = 'Night Porter' WHERE id = {posting.Id}");

        (await TitlesAsync("q=porter")).Should().Equal("Night Porter");
        var (_, page) = await app.GetPageAsync("/jobs?q=porter");
        page.QuerySelectorAll("[data-testid=job-card] h3").Select(h => h.Text()).Should().Equal("Night Porter");
        (await DifferencesFromViewsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_posting_closed_by_an_SQL_update_leaves_search_and_recommendations()
    {
        var company = Company();
        var (kept, closed, other) = (Published(company, Content("Staff Nurse")), Published(company, Content("Charge Nurse")), Published(company, Content("Ward Nurse")));
        await app.InsertAsync(kept, closed, other);
        (await RecommendedTitlesAsync(kept.Id)).Should().Contain("Charge Nurse");

        await ExecuteAsync($"UPDATE job_postings SET status = 'Closed' WHERE id = {closed.Id}");

        (await TitlesAsync("q=nurse")).Should().BeEquivalentTo("Staff Nurse", "Ward Nurse");
        // Recommendations are cached for a minute: those of a posting not asked for before show the database's rows.
        (await RecommendedTitlesAsync(other.Id)).Should().Equal("Staff Nurse");
        (await ScalarAsync<long>($"SELECT count(*) FROM posting_search_places WHERE posting_id = {closed.Id}")).Should().Be(0);
        (await DifferencesFromViewsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_transaction_rolled_back_leaves_the_derived_rows_as_they_were()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var before = await DerivedRowsAsync();

        await using (var connection = await OpenAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, $"UPDATE job_postings SET title = 'Night Porter' WHERE id = {posting.Id}");
            // Within the transaction the refresh has not run yet: it runs at commit, once.
            await transaction.RollbackAsync();
        }

        (await TitlesAsync("q=porter")).Should().BeEmpty();
        (await TitlesAsync("q=nurse")).Should().Equal("Registered Nurse");
        (await DerivedRowsAsync()).Should().Equal(before);

        await ExecuteAsync($"BEGIN; UPDATE job_postings SET title = 'Night Porter' WHERE id = {posting.Id}; COMMIT;");
        (await TitlesAsync("q=porter")).Should().Equal(["Night Porter"], "the same write committed lands with its derived rows");
    }

    [Fact]
    public async Task A_statement_that_breaks_a_constraint_takes_the_whole_write_back_with_its_derived_rows()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var before = await DerivedRowsAsync();

        // One command, one implicit transaction: the title changes, then a category that does not exist is refused.
        var writing = () => ExecuteAsync($"""
            UPDATE job_postings SET title = 'Night Porter' WHERE id = {posting.Id};
            INSERT INTO posting_categories (posting_id, category_id, position) VALUES ({posting.Id}, 999, 0);
            """);

        await writing.Should().ThrowAsync<PostgresException>().Where(e => e.SqlState == PostgresErrorCodes.ForeignKeyViolation);
        (await TitlesAsync("q=porter")).Should().BeEmpty();
        (await DerivedRowsAsync()).Should().Equal(before);

        await ExecuteAsync($"UPDATE job_postings SET title = 'Night Porter' WHERE id = {posting.Id}");
        (await TitlesAsync("q=porter")).Should().Equal(["Night Porter"], "the same write without the broken statement lands");
    }

    [Fact]
    public async Task A_write_whose_search_row_cannot_be_made_fails_at_commit_and_nothing_of_it_lands()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var before = await DerivedRowsAsync();

        // 40,000 distinct words make a text vector over PostgreSQL's 1 MB limit: the refresh at commit fails.
        var writing = () => ExecuteAsync($"""
            UPDATE job_postings SET title = 'Night Porter',
                summary = (SELECT string_agg(md5(i::text), ' ') FROM generate_series(1, 40000) i) WHERE id = {posting.Id}
            """);

        await writing.Should().ThrowAsync<PostgresException>().Where(e => e.MessageText.Contains("too long for tsvector"));
        (await ScalarAsync<string>($"SELECT title FROM job_postings WHERE id = {posting.Id}")).Should().Be("Registered Nurse");
        (await TitlesAsync("q=nurse")).Should().Equal("Registered Nurse");
        (await DerivedRowsAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task A_category_renamed_with_SQL_is_searched_by_its_new_name_and_labels_the_facet()
    {
        var healthcare = Category.Create("Healthcare");
        await app.InsertAsync(Published(Company(), Content("Registered Nurse") with { Categories = [healthcare] }));
        (await TitlesAsync("q=medicine")).Should().BeEmpty();

        await ExecuteAsync($"UPDATE categories SET name = 'Medicine' WHERE id = {healthcare.Id}");

        (await TitlesAsync("q=medicine")).Should().Equal("Registered Nurse");
        // The app reads category names once a minute; a minute later the facet is labelled with the new one.
        (app.Services.GetRequiredService<IMemoryCache>() as MemoryCache)?.Clear();
        var (_, page) = await app.GetPageAsync("/jobs?q=nurse");
        page.QuerySelector("[data-testid=facet-category]")!.Text().Should().Contain("Medicine (1)").And.NotContain("Healthcare");
        (await DifferencesFromViewsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_skill_renamed_with_SQL_is_searched_by_its_new_name_and_no_longer_by_the_old()
    {
        var skill = Skill.Create("Venepuncture");
        await app.InsertAsync(Published(Company(), Content("Registered Nurse") with { Skills = [skill] }));
        (await TitlesAsync("q=venepuncture")).Should().Equal("Registered Nurse");

        await ExecuteAsync($"UPDATE skills SET name = 'Phlebotomy' WHERE id = {skill.Id}");

        (await TitlesAsync("q=phlebotomy")).Should().Equal("Registered Nurse");
        (await TitlesAsync("q=venepuncture")).Should().BeEmpty();
        (await DifferencesFromViewsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_company_renamed_with_SQL_is_searched_by_its_new_name_and_shown_with_it()
    {
        var company = Company("Acme Health");
        await app.InsertAsync(Published(company, Content("Registered Nurse")), Published(Company("Other Clinic"), Content("Staff Nurse")));

        await ExecuteAsync($"UPDATE companies SET name = 'Zenith Care', about = 'Renamed' WHERE id = {company.Id}");

        using var json = await ApiAsync("q=zenith");
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("title").GetString()).Should().Equal("Registered Nurse");
        items.Single().GetProperty("company").GetString().Should().Be("Zenith Care");
        (await TitlesAsync("q=acme")).Should().BeEmpty();
        (await DifferencesFromViewsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_posting_deleted_with_SQL_leaves_no_derived_row_behind()
    {
        var company = Company();
        var (deleted, kept) = (Published(company, Content("Night Porter") with { Categories = [Category.Create("Hospitality")] }), Published(company, Content("Registered Nurse")));
        await app.InsertAsync(deleted, kept);

        await ExecuteAsync($"DELETE FROM job_postings WHERE id = {deleted.Id}");

        (await TitlesAsync("q=porter")).Should().BeEmpty();
        foreach (var table in DerivedTables.Where(t => t != "search_suggestions"))
        {
            (await ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE posting_id = {deleted.Id}")).Should().Be(0, table);
        }

        (await ScalarAsync<long>("SELECT count(*) FROM search_suggestions WHERE term = 'Night Porter'")).Should().Be(0);
        (await DifferencesFromViewsAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("work_mode = 'banana'")]
    [InlineData("employment_type = 'BOGUS'")]
    [InlineData("seniority = 'godlike'")]
    [InlineData("salary_period = 'FORTNIGHT'")]
    [InlineData("status = 'Weird'")]
    [InlineData("requirements = '[1, 2]'")]
    [InlineData("requirements = '[{\"Importance\": \"Vital\", \"Text\": \"x\"}]'")]
    [InlineData("sections = '{\"x\": 1}'")]
    [InlineData("sections = '[{\"Kind\": \"Text\", \"Body\": 5}]'")]
    public async Task A_value_the_app_cannot_read_is_refused_by_the_database_and_the_posting_still_shows(string assignment)
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);

        var write = () => ExecuteAsync($"UPDATE job_postings SET {assignment} WHERE id = {posting.Id}");

        (await write.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.CheckViolation);
        (await TitlesAsync("q=nurse")).Should().Equal("Registered Nurse");
        (await app.CreateClient().GetAsync($"/jobs/{posting.Id}")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Postings_truncated_with_SQL_take_every_derived_row_and_suggestion_with_them()
    {
        var company = Company();
        await app.InsertAsync(Published(company, Content("Night Porter")), Published(company, Content("Registered Nurse")));

        await ExecuteAsync("TRUNCATE job_postings CASCADE");

        (await TitlesAsync("q=nurse")).Should().BeEmpty();
        foreach (var table in DerivedTables)
        {
            (await ScalarAsync<long>($"SELECT count(*) FROM {table}")).Should().Be(0, table);
        }
    }

    [Fact]
    public async Task An_SQL_update_of_many_postings_refreshes_every_one_of_them()
    {
        var company = Company();
        await app.InsertAsync([.. Enumerable.Range(1, 30).Select(i => Published(company, Content($"Nurse {i}")))]);

        await ExecuteAsync("UPDATE job_postings SET title = title || ' Nights', work_mode = 'Remote'");

        (await TitlesAsync("q=nights&limit=50")).Should().HaveCount(30).And.OnlyContain(t => t.EndsWith(" Nights", StringComparison.Ordinal));
        using var json = await ApiAsync("q=nurse");
        json.RootElement.GetProperty("facets").GetProperty("mode").EnumerateObject().Select(m => (m.Name, m.Value.GetInt32()))
            .Should().Equal(("remote", 30));
        (await DifferencesFromViewsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_posting_saved_and_edited_through_EF_with_its_places_categories_and_skills_is_searchable()
    {
        var posting = Published(Company(), Content("Registered Nurse") with { Categories = [Category.Create("Healthcare")], Skills = [Skill.Create("Triage")] });
        await app.InsertAsync(posting);
        (await TitlesAsync("q=triage")).Should().Equal("Registered Nurse");

        await app.ExecuteDbContextAsync(async db =>
        {
            var stored = await db.Postings.Include(p => p.Locations).Include(p => p.Categories).Include(p => p.Skills)
                .SingleAsync(p => p.Id == posting.Id);
            stored.Edit(Content("Charge Nurse") with { Locations = [Bucharest] }, Now).Succeeded.Should().BeTrue();
            await db.SaveChangesAsync();
        });

        (await TitlesAsync("q=charge")).Should().Equal("Charge Nurse");
        (await TitlesAsync("q=triage")).Should().BeEmpty("the edit dropped the skill");
        (await ScalarAsync<string>($"SELECT string_agg(place_name, '; ') FROM posting_search_places WHERE posting_id = {posting.Id}")).Should().Be("Bucharest, Romania");
        (await ScalarAsync<long>("SELECT count(*) FROM posting_search_stale")).Should().Be(0, "the queue is drained at every commit");
        (await DifferencesFromViewsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_bulk_load_connection_leaves_the_derived_rows_to_the_loader()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);
        var before = await DerivedRowsAsync();

        await ExecuteAsync($"SET jobboard.bulk_load = 'on'; UPDATE job_postings SET title = 'Night Porter' WHERE id = {posting.Id}");

        (await DerivedRowsAsync()).Should().Equal(before, "the bulk loader writes the derived rows itself");
        (await ScalarAsync<long>("SELECT count(*) FROM posting_search_stale")).Should().Be(0);
    }

    private async Task<List<string>> TitlesAsync(string query)
    {
        using var json = await ApiAsync(query);
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
    }

    private async Task<List<string>> RecommendedTitlesAsync(int id)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/jobs/{id}/recommendations", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
    }

    private async Task<JsonDocument> ApiAsync(string query)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/jobs?{query}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Rows of every derived table that differ from what its view computes now, in either direction.</summary>
    private Task<long> DifferencesFromViewsAsync() => ScalarAsync<long>(string.Join(" + ", DerivedTables.Select(table => $"""
        (SELECT count(*) FROM ((TABLE {table} EXCEPT ALL TABLE {table}_source) UNION ALL (TABLE {table}_source EXCEPT ALL TABLE {table})) d)
        """)).Insert(0, "SELECT "));

    /// <summary>Every derived row, as text, in a fixed order.</summary>
    private async Task<List<string>> DerivedRowsAsync()
    {
        var rows = new List<string>();
        await using var connection = await OpenAsync();
        foreach (var table in DerivedTables)
        {
            await using var command = new NpgsqlCommand($"SELECT '{table} ' || t::text FROM {table} t ORDER BY 1", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        rows.Should().NotBeEmpty();
        return rows;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
