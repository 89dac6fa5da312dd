using JobBoard.Data.Accounts;
using JobBoard.Domain.Applications;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Moderation;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Seekers;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Listings;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobBoard.Tests.Accounts;

/// <summary>
/// A seeker with a row of every personal kind the board keeps (saved job, recent view, alerts of their own and as a
/// guest, an application with its CV, an Apply click, a report), each named after them so that one person's rows are
/// told from another's; and the SQL that finds any row left pointing at a person, read from the catalog so that a
/// table added later is searched too.
/// </summary>
public sealed record PersonalRows(BoardUser User, JobPosting Posting, string Tag)
{
    /// <summary>A valid PDF of a few hundred bytes.</summary>
    public static byte[] Pdf(string text) => System.Text.Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% {text}\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>The board's company and posting, once per test, that every seeker's rows point at.</summary>
    public static async Task<JobPosting> PostingAsync(JobBoardApp app, Company? company = null)
    {
        company ??= TestPostings.Company("Acme Health");
        var posting = TestPostings.Published(company, TestPostings.Content("Registered Nurse") with { ApplyUrl = null, TakesApplicationsOnBoard = true });
        await app.InsertAsync(company, posting);
        return posting;
    }

    /// <summary>
    /// A seeker <paramref name="email"/> with one row of each kind on <paramref name="posting"/>; their guest alert was
    /// made with the address in capitals, as people type it.
    /// </summary>
    public static async Task<PersonalRows> SeedAsync(JobBoardApp app, string email, JobPosting posting, string? password = TestAccounts.Password)
    {
        var tag = email.Split('@')[0];
        var user = await app.CreateUserAsync(email, BoardRoles.Seeker, password: password);
        var now = TestPostings.Now;
        var alert = JobAlert.ForSeeker(user.Id, email, $"Nurses for {tag}", "q=nurse&location=Chicago", AlertFrequency.Daily, now).Value;
        var guestAlert = JobAlert.ForGuest(email.ToUpperInvariant(), $"Guest alert of {tag}", "q=sales", AlertFrequency.Weekly, now).Value;
        guestAlert.Confirm(now);
        var cv = CvFile.Check($"{tag}-cv.pdf", CvFile.PdfContentType, Pdf($"CV of {tag}")).Value;
        var application = JobApplication.Submit(posting.Id, user.Id, $"Name of {tag}", email, "+1 312 555 0100", $"Note from {tag}", cv, now).Value;
        await app.InsertAsync(
            SavedJob.Create(user.Id, posting.Id, now),
            alert,
            guestAlert,
            application,
            ApplyClick.Record(posting.Id, user.Id, $"/jobs?q={tag}", now),
            PostingReport.File(posting.Id, ReportReason.Other, $"Report by {tag}", user.Id, now).Value);
        await app.InsertAsync(ApplicationCv.For(application, cv), AlertDelivery.Create(alert.Id, posting.Id, now), AlertDelivery.Create(guestAlert.Id, posting.Id, now));

        // A view and a click counted as the app counts them: the daily totals and the recent view.
        var activity = app.Services.GetRequiredService<PostingActivity>();
        activity.CountView(posting.Id, user.Id);
        activity.CountApplyClick(posting.Id);
        await activity.FlushAsync(CancellationToken.None);
        return new PersonalRows(user, posting, tag);
    }

    /// <summary>
    /// Every place a person is still named: each column called user_id or ending in _user_id that holds their id, each
    /// column with "email" in its name that holds their address (any case), and any other text column that contains it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReferencesAsync(JobBoardApp app, int userId, string email)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public'
              AND (c.column_name = 'user_id' OR c.column_name LIKE '%\_user\_id' OR c.data_type IN ('text', 'character varying'))
            ORDER BY 1, 2
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        columns.Should().Contain(c => c.Table == "job_alerts" && c.Column == "email", "the catalog query finds the address columns");
        columns.Should().Contain(c => c.Table == "posting_reports" && c.Column == "reporter_user_id", "the catalog query finds the user columns");
        var found = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            var isUser = column == "user_id" || column.EndsWith("_user_id", StringComparison.Ordinal);
            var condition = isUser && type is "integer" or "bigint"
                ? $"\"{column}\" = @id"
                : column.Contains("email", StringComparison.Ordinal)
                    ? $"lower(\"{column}\"::text) = lower(@email)"
                    : $"strpos(lower(\"{column}\"::text), lower(@email)) > 0";
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE {condition}", connection);
            count.Parameters.AddWithValue("id", userId);
            count.Parameters.AddWithValue("email", email);
            if ((long)(await count.ExecuteScalarAsync())! > 0)
            {
                found.Add($"{table}.{column}");
            }
        }

        await using var user = new NpgsqlCommand("SELECT count(*) FROM users WHERE id = @id", connection);
        user.Parameters.AddWithValue("id", userId);
        if ((long)(await user.ExecuteScalarAsync())! > 0)
        {
            found.Add("users.id");
        }

        return found;
    }

    /// <summary>The number of rows in every table of the board, to prove that nothing changed.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountsAsync(JobBoardApp app)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
