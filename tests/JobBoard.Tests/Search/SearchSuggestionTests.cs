using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Search;

/// <summary>
/// "Did you mean" on the search page: titles and places of open postings, kept by the database in the transaction that
/// writes a posting's search rows, whoever writes them.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class SearchSuggestionTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task A_posting_saved_through_EF_is_suggested_at_once_and_after_an_edit_its_new_title_instead()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);

        (await SuggestedAsync("q=nurce", "title")).Should().Equal("Registered Nurse");

        await app.ExecuteDbContextAsync(async db =>
        {
            var stored = await db.Postings.FindAsync(posting.Id);
            stored!.Edit(Content("Charge Nurse"), Now).Succeeded.Should().BeTrue();
            await db.SaveChangesAsync();
        });

        (await SuggestedAsync("q=nurce", "title")).Should().Equal("Charge Nurse");
        (await SuggestedAsync("q=registred", "title")).Should().BeEmpty("no open posting is called Registered Nurse any more");
        (await DifferencesFromSourceAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_title_is_counted_down_as_its_postings_close_and_is_not_suggested_once_none_is_open()
    {
        var company = Company();
        var (first, second) = (Published(company, Content("Phlebotomist")), Published(company, Content("Phlebotomist")));
        await app.InsertAsync(first, second);
        (await OpenCountAsync('t', "Phlebotomist")).Should().Be(2);

        await CloseAsync(first.Id);
        (await OpenCountAsync('t', "Phlebotomist")).Should().Be(1);
        (await SuggestedAsync("q=phlebotomst", "title")).Should().Equal("Phlebotomist");

        await CloseAsync(second.Id);
        (await OpenCountAsync('t', "Phlebotomist")).Should().Be(0);
        (await SuggestedAsync("q=phlebotomst", "title")).Should().BeEmpty();
        (await ScalarAsync<long>("SELECT count(*) FROM search_suggestions WHERE kind = 't'")).Should().Be(0, "a term with no postings left goes");
    }

    [Fact]
    public async Task A_term_keeps_its_postings_counted_by_closing_date_in_date_order()
    {
        var company = Company();
        await app.InsertAsync(
            Published(company, Content("Phlebotomist") with { ValidThrough = Today.AddDays(20) }),
            Published(company, Content("Phlebotomist")),
            Published(company, Content("Phlebotomist") with { ValidThrough = Today.AddDays(10) }),
            Published(company, Content("Phlebotomist") with { ValidThrough = Today.AddDays(20) }));

        (await ScalarAsync<string>("SELECT open_until::text || ' ' || postings::text FROM search_suggestions WHERE kind = 't'"))
            .Should().Be($"{{{Today.AddDays(10):yyyy-MM-dd},{Today.AddDays(20):yyyy-MM-dd},infinity}} {{1,2,1}}");
    }

    [Fact]
    public async Task Saves_at_the_same_time_all_count()
    {
        // Each save on its own connection, all at once: the counts of one term are merged under its row's lock.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => app.InsertAsync(
            Published(Company($"Clinic {i}"), Content("Phlebotomist") with { ValidThrough = i % 3 == 0 ? null : Today.AddDays(i % 2 == 0 ? 10 : 20) }))));

        (await OpenCountAsync('t', "Phlebotomist")).Should().Be(12);
        (await OpenCountAsync('p', "Chicago, IL")).Should().Be(12);
        (await DifferencesFromSourceAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_title_whose_closing_date_has_passed_is_not_suggested_though_its_posting_was_never_expired()
    {
        var company = Company();
        await app.InsertAsync(
            Published(company, Content("Dental Hygienist") with { DatePosted = Today.AddDays(-40), ValidThrough = Today.AddDays(-1) }, Now.AddDays(-40)),
            Published(company, Content("Dental Receptionist") with { DatePosted = Today.AddDays(-40), ValidThrough = Today }, Now.AddDays(-40)));

        (await SuggestedAsync("q=dentl", "title")).Should().Equal("Dental Receptionist");
    }

    [Fact]
    public async Task A_mistyped_place_suggests_the_places_that_have_open_postings()
    {
        await app.InsertAsync(
            Published(Company(), Content("Registered Nurse")),
            Published(Company("Other"), Content("Key Account Manager") with { Locations = [Bucharest] }));

        (await SuggestedAsync("location=Chicgo", "place")).Should().Equal("Chicago, IL");
        (await ScalarAsync<string>("SELECT string_agg(term, '; ' ORDER BY term) FROM search_suggestions WHERE kind = 'p'"))
            .Should().Be("Bucharest, Romania; Chicago, IL");
    }

    [Fact]
    public async Task Titles_that_differ_only_in_case_are_one_suggestion_spelt_as_most_postings_spell_it()
    {
        var company = Company();
        await app.InsertAsync(
            Published(company, Content("Staff Nurse")),
            Published(company, Content("Staff Nurse")),
            Published(company, Content("STAFF NURSE")));

        (await SuggestedAsync("q=staf+nurce", "title")).Should().Equal("Staff Nurse");
    }

    [Fact]
    public async Task A_title_changed_with_SQL_outside_the_app_is_suggested_at_once()
    {
        var posting = Published(Company(), Content("Registered Nurse"));
        await app.InsertAsync(posting);

        await ExecuteAsync("UPDATE job_postings SET title = 'Night Porter' WHERE id = @id", posting.Id);

        (await SuggestedAsync("q=porterr", "title")).Should().Equal("Night Porter");
        (await OpenCountAsync('t', "Registered Nurse")).Should().Be(0);
        (await DifferencesFromSourceAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_posting_whose_search_rows_cannot_be_written_is_not_saved_either()
    {
        // Stands in for any failure of the derived rows: the posting and its search, place and suggestion rows commit together.
        await ExecuteAsync("""
            CREATE FUNCTION test_refuse_broken() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.title = 'Broken' THEN RAISE EXCEPTION 'refused'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_refuse_broken BEFORE INSERT ON posting_search_places FOR EACH ROW EXECUTE FUNCTION test_refuse_broken();
            """);
        try
        {
            var saving = () => app.InsertAsync(Published(Company(), Content("Broken")));

            await saving.Should().ThrowAsync<PostgresException>().Where(e => e.MessageText == "refused");
            (await ScalarAsync<long>("SELECT count(*) FROM job_postings")).Should().Be(0);
            (await ScalarAsync<long>("SELECT count(*) FROM companies")).Should().Be(0);
            (await ScalarAsync<long>("SELECT count(*) FROM search_suggestions")).Should().Be(0);
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER test_refuse_broken ON posting_search_places; DROP FUNCTION test_refuse_broken();");
        }
    }

    [Fact]
    public async Task After_saves_edits_and_closes_the_table_holds_exactly_what_its_view_computes()
    {
        var company = Company();
        var postings = new[]
        {
            Published(company, Content("Registered Nurse") with { Locations = [Chicago, Bucharest, Chicago with { Latitude = 41.9 }] }),
            Published(company, Content("Registered Nurse") with { ValidThrough = Today.AddDays(30) }),
            Published(company, Content("Pharmacist") with { Locations = [], WorkMode = WorkMode.Remote, ApplicantCountries = ["US"] }),
        };
        await app.InsertAsync(postings);
        await app.ExecuteDbContextAsync(async db =>
        {
            var stored = await db.Postings.Include(p => p.Locations).SingleAsync(p => p.Id == postings[1].Id);
            stored.Edit(Content("Registered Nurse") with { Locations = [Bucharest] }, Now).Succeeded.Should().BeTrue();
            await db.SaveChangesAsync();
        });
        await CloseAsync(postings[0].Id);

        (await DifferencesFromSourceAsync()).Should().Be(0);
        (await ScalarAsync<string>("SELECT string_agg(kind || ' ' || term || ' ' || postings::text, '; ' ORDER BY kind, term) FROM search_suggestions"))
            .Should().Be("p Bucharest, Romania {1}; t Pharmacist {1}; t Registered Nurse {1}");
    }

    private async Task<List<string>> SuggestedAsync(string query, string kind)
    {
        var (_, page) = await app.GetPageAsync($"/jobs?{query}");
        return [.. page.QuerySelectorAll($"[data-testid={kind}-suggestions] a").Select(a => a.TextContent.Trim())];
    }

    private async Task CloseAsync(int id) => await app.ExecuteDbContextAsync(async db =>
    {
        var stored = await db.Postings.FindAsync(id);
        stored!.Close("recruiter", Now).Succeeded.Should().BeTrue();
        await db.SaveChangesAsync();
    });

    private Task<long> OpenCountAsync(char kind, string term) => ScalarAsync<long>(
        $"SELECT coalesce(sum(n), 0) FROM search_suggestions, unnest(open_until, postings) u(until, n) WHERE kind = '{kind}' AND term = '{term}' AND until >= '{Today:yyyy-MM-dd}'");

    private Task<long> DifferencesFromSourceAsync() => ScalarAsync<long>("""
        SELECT count(*) FROM ((TABLE search_suggestions EXCEPT ALL TABLE search_suggestions_source)
                              UNION ALL (TABLE search_suggestions_source EXCEPT ALL TABLE search_suggestions)) differences
        """);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql, int? id = null)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is { } value)
        {
            command.Parameters.AddWithValue("id", value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
