using System.Net;
using JobBoard.Data;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Pages;

/// <summary>
/// Open to the public (published, closing date not past) is one rule, <see cref="PostingVisibility"/>: a posting
/// that closed yesterday, or was closed by its recruiter, is on no public list, whichever query makes it.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class OpenPostingsTests(JobBoardApp app) : WebTest(app)
{
    // The app's clock stands at TestPostings.Now in every test (JobBoardApp.ResetAsync).
    private static readonly DateOnly Today = TestPostings.Today;

    private static readonly DateTimeOffset FortyDaysAgo = new(Today.AddDays(-40).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private readonly string[] _gone = ["Expired Nurse", "Closed Nurse"];

    [Fact]
    public async Task A_posting_past_its_closing_date_or_closed_is_on_no_public_list()
    {
        var company = Company();
        var (subject, open, expired, closed) = await InsertAsync(company);

        var lists = new (string Path, string[] Shows)[]
        {
            ("/jobs?q=nurse", ["Subject Nurse", "Open Nurse"]),
            ("/jobs?q=nurse&sort=salary", ["Subject Nurse", "Open Nurse"]),
            ("/jobs", ["Subject Nurse", "Open Nurse"]),
            ("/jobs?location=Chicago&radius=25", ["Subject Nurse", "Open Nurse"]),
            ("/jobs?q=nurse&location=Chicago&radius=25", ["Subject Nurse", "Open Nurse"]),
            ("/jobs?q=nurse&location=Illinois", ["Subject Nurse", "Open Nurse"]),
            ("/jobs?q=nurce", ["Did you mean:", "Subject Nurse", "Open Nurse"]),
            ("/api/v1/jobs?q=nurse", ["Subject Nurse", "Open Nurse"]),
            ("/api/v1/jobs?location=Chicago&radius=25&limit=50", ["Subject Nurse", "Open Nurse"]),
            ("/feeds/jobs.rss?q=nurse", ["Subject Nurse", "Open Nurse"]),
            ("/feeds/jobs.rss", ["Subject Nurse", "Open Nurse"]),
            ($"/api/v1/jobs/{subject.Id}/recommendations", ["Open Nurse"]),
            ($"/jobs/{subject.Id}/{subject.Slug}", ["Open Nurse"]),
            ($"/companies/{company.Slug}", ["Subject Nurse", "Open Nurse"]),
            ("/sitemaps/jobs-1.xml", [$"/jobs/{subject.Id}/{subject.Slug}", $"/jobs/{open.Id}/{open.Slug}"]),
            ("/", ["2 open positions", "Subject Nurse", "Open Nurse"]),
        };
        foreach (var (path, shows) in lists)
        {
            var (status, body) = await GetAsync(path);

            status.Should().Be(HttpStatusCode.OK, path);
            body.Should().ContainAll(shows, path);
            body.Should().NotContainAny(_gone, path);
            body.Should().NotContainAny([$"/jobs/{expired.Id}/", $"/jobs/{closed.Id}/"], path);
        }

        foreach (var gone in new[] { expired, closed })
        {
            (await GetAsync($"/api/v1/jobs/{gone.Id}")).Status.Should().Be(HttpStatusCode.Gone, gone.Title);
        }
    }

    [Fact]
    public async Task The_rule_answers_alike_in_the_domain_in_EF_and_in_SQL_over_the_search_rows()
    {
        var (subject, open, _, _) = await InsertAsync(Company());
        await app.InsertAsync(Draft(Company("Drafts Inc")));

        var (domain, entity, sql) = await app.ExecuteDbContextAsync(async db =>
        {
            var all = await db.Postings.AsNoTracking().ToListAsync();
            var byEntity = await db.Postings.WhereOpen(Today).Select(p => p.Id).ToListAsync();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT posting_id FROM posting_search s WHERE {PostingVisibility.OpenSearchRow("s")}", connection);
            command.Parameters.AddWithValue(PostingVisibility.TodayParameter, Today);
            var bySql = new List<int>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    bySql.Add(reader.GetInt32(0));
                }
            }

            return (all.Where(p => p.IsOpen(Today)).Select(p => p.Id).ToList(), byEntity, bySql);
        });

        domain.Should().BeEquivalentTo([subject.Id, open.Id]);
        entity.Should().BeEquivalentTo(domain);
        sql.Should().BeEquivalentTo(domain);
    }

    /// <summary>Four nurses in Chicago: two open (one closing today), one whose closing date was yesterday, one closed.</summary>
    private async Task<(JobPosting Subject, JobPosting Open, JobPosting Expired, JobPosting Closed)> InsertAsync(Company company)
    {
        var subject = Published(company, Content("Subject Nurse"));
        var open = Published(company, Content("Open Nurse") with { DatePosted = Today.AddDays(-40), ValidThrough = Today }, FortyDaysAgo);
        var expired = Published(company, Content("Expired Nurse") with { DatePosted = Today.AddDays(-40), ValidThrough = Today.AddDays(-1) }, FortyDaysAgo);
        var closed = Published(company, Content("Closed Nurse"));
        closed.Close("recruiter@acme.test", Now).Succeeded.Should().BeTrue();
        await app.InsertAsync(subject, open, expired, closed);
        return (subject, open, expired, closed);
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
