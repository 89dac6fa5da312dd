using JobBoard.Domain.Postings;
using JobBoard.Domain.Seekers;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Alerts;

/// <summary>
/// The alert sender against real PostgreSQL and the real SMTP catcher: what it mails, once, and when. The clock is the
/// test's: alerts are made at <see cref="TestPostings.Now"/>, postings change later, and each run is called directly.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class AlertSenderTests(JobBoardApp app) : WebTest(app)
{
    private const string Seeker = "dana@example.test";

    /// <summary>An ad that says only its title (the test content's requirements mention nursing).</summary>
    private static PostingContent Job(string title) => Content(title) with { Requirements = [], Responsibilities = [] };

    private AlertSender Sender => app.Services.GetRequiredService<AlertSender>();

    [Fact]
    public async Task An_alert_mails_a_newly_published_matching_posting_exactly_once_whatever_runs_and_edits_follow()
    {
        var company = Company();
        await app.InsertAsync(company);
        var alert = await AlertAsync("q=nurse&location=Chicago%2C+IL", AlertFrequency.Instant);
        var posting = Published(company, Job("Registered Nurse") with { Compensation = Compensation.Create("USD", 80_000, 95_000, PayPeriod.Year).Value }, at: Now.AddMinutes(1));
        await InsertAsync(company, posting);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        var mail = (await app.Mail.WaitForAsync(Seeker)).Should().ContainSingle().Subject;
        mail.Subject.Should().Be("1 new job: Nurses near Chicago");
        Text(mail).Should().Contain("Registered Nurse\nAcme Health · Chicago, IL · On site · $80,000 – $95,000 per year\n")
            .And.Contain($"http://localhost/jobs/{posting.Id}/registered-nurse")
            .And.Contain("See every job of this search: http://localhost/jobs?q=nurse&location=Chicago%2C+IL")
            .And.Contain("Manage your alerts: http://localhost/alerts");
        mail.HtmlBody.Should().Contain($"href=\"http://localhost/jobs/{posting.Id}/registered-nurse\"");

        // Another run, then an edit of the posting (it is a candidate again): the alert has mailed it, so never again.
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(0);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await EditAsync(posting.Id, Job("Registered Nurse") with { Summary = "Now with a sign-on bonus." });
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(0);
        app.Mail.Messages().Should().ContainSingle();

        var stored = await app.FindAsync<JobAlert>(alert.Id);
        stored!.LastSentAt.Should().Be(Now.AddMinutes(2));
        (await app.ExecuteDbContextAsync(db => db.AlertDeliveries.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Two_instances_sending_at_once_mail_each_posting_once()
    {
        var company = Company();
        await app.InsertAsync(company);
        for (var i = 0; i < 3; i++)
        {
            await AlertAsync("q=nurse", AlertFrequency.Instant, $"seeker{i}@example.test");
        }

        await InsertAsync(company, Published(company, Job("Registered Nurse"), at: Now.AddMinutes(1)), Published(company, Job("Charge Nurse"), at: Now.AddMinutes(1)));
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Sender.SendDueAsync(CancellationToken.None))));

        runs.Sum().Should().Be(3, "each alert is mailed by one of the runs");
        for (var i = 0; i < 3; i++)
        {
            var mail = (await app.Mail.WaitForAsync($"seeker{i}@example.test")).Should().ContainSingle().Subject;
            mail.Subject.Should().StartWith("2 new jobs");
        }

        (await app.ExecuteDbContextAsync(db => db.AlertDeliveries.CountAsync())).Should().Be(6);
    }

    [Fact]
    public async Task Every_alert_mail_has_an_unsubscribe_link_and_the_one_click_List_Unsubscribe_headers()
    {
        var company = Company();
        await app.InsertAsync(company);
        var alert = await AlertAsync("q=nurse", AlertFrequency.Instant);
        await InsertAsync(company, Published(company, Job("Registered Nurse"), at: Now.AddMinutes(1)));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Sender.SendDueAsync(CancellationToken.None);

        var mail = (await app.Mail.WaitForAsync(Seeker)).Single();
        var unsubscribe = Unsubscribe(mail);
        unsubscribe.Should().StartWith("http://localhost/alerts/unsubscribe?token=");
        mail.Headers["List-Unsubscribe"].Should().Be($"<{unsubscribe}>");
        mail.Headers["List-Unsubscribe-Post"].Should().Be("List-Unsubscribe=One-Click");
        mail.HtmlBody.Should().Contain("Unsubscribe from this alert");
        var tokens = app.Services.GetRequiredService<AlertTokens>();
        tokens.ReadUnsubscribe(Uri.UnescapeDataString(unsubscribe.Split("token=")[1])).Should().Be(alert.Id);
    }

    [Fact]
    public async Task Postings_that_do_not_match_or_are_not_published_are_not_mailed()
    {
        var company = Company();
        await app.InsertAsync(company);
        await AlertAsync("q=nurse&location=Chicago%2C+IL", AlertFrequency.Instant);
        var later = Now.AddMinutes(1);
        var draft = JobPosting.CreateDraft(company, Job("Registered Nurse"), "recruiter@acme.test", later).Value;
        var pending = JobPosting.CreateDraft(company, Job("Charge Nurse"), "recruiter@acme.test", later).Value;
        pending.Submit("recruiter@acme.test", later).Succeeded.Should().BeTrue();
        await InsertAsync(
            company,
            draft,
            pending,
            Published(company, Job("Accountant"), at: later),
            Published(company, Job("Registered Nurse") with { Locations = [Bucharest] }, at: later));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(0);
        app.Mail.Messages().Should().BeEmpty();
    }

    [Fact]
    public async Task A_posting_edited_into_a_match_is_mailed_and_one_published_before_the_alert_is_not()
    {
        var company = Company();
        var before = Published(company, Job("Night Nurse"), at: Now.AddMinutes(-1));
        await app.InsertAsync(company, before);
        await AlertAsync("q=nurse", AlertFrequency.Instant);
        var posting = Published(company, Job("Ward Clerk"), at: Now.AddMinutes(1));
        await InsertAsync(company, posting);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(0, "the clerk is no nurse, and the night nurse was there before the alert");

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await EditAsync(posting.Id, Job("Ward Nurse"));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        var mail = (await app.Mail.WaitForAsync(Seeker)).Should().ContainSingle().Subject;
        Text(mail).Should().Contain("Ward Nurse").And.NotContain("Night Nurse");
    }

    [Fact]
    public async Task A_radius_search_without_words_matches_on_the_places_rows_too()
    {
        var company = Company();
        await app.InsertAsync(company);
        await AlertAsync("location=Chicago%2C+IL&radius=25", AlertFrequency.Instant);
        await InsertAsync(
            company,
            Published(company, Job("Pharmacist"), at: Now.AddMinutes(1)),
            Published(company, Job("Pharmacist in Bucharest") with { Locations = [Bucharest] }, at: Now.AddMinutes(1)));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        var mail = (await app.Mail.WaitForAsync(Seeker)).Single();
        mail.Subject.Should().StartWith("1 new job:");
        Text(mail).Should().Contain("Pharmacist\n").And.NotContain("Bucharest");
    }

    [Fact]
    public async Task Daily_and_weekly_alerts_wait_for_their_time_and_then_mail_everything_new_in_one_digest()
    {
        var company = Company();
        await app.InsertAsync(company);
        var daily = await AlertAsync("q=nurse", AlertFrequency.Daily, "daily@example.test");
        var weekly = await AlertAsync("q=nurse", AlertFrequency.Weekly, "weekly@example.test");
        await InsertAsync(
            company,
            Published(company, Job("Registered Nurse"), at: Now.AddHours(1)),
            Published(company, Job("Charge Nurse"), at: Now.AddHours(2)));

        app.Clock.Advance(TimeSpan.FromHours(23));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(0, "a day has not passed");

        app.Clock.Advance(TimeSpan.FromHours(1));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        var digest = (await app.Mail.WaitForAsync("daily@example.test")).Should().ContainSingle().Subject;
        digest.Subject.Should().Be("2 new jobs: Nurses near Chicago");
        Text(digest).Should().Contain("Charge Nurse").And.Contain("Registered Nurse");
        Text(digest).IndexOf("Charge Nurse", StringComparison.Ordinal).Should().BeLessThan(Text(digest).IndexOf("Registered Nurse", StringComparison.Ordinal));
        app.Mail.Messages().Should().NotContain(m => m.To.ToString().Contains("weekly", StringComparison.Ordinal));

        app.Clock.Advance(TimeSpan.FromDays(5));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(0, "the daily alert has nothing new and a week has not passed");
        app.Clock.Advance(TimeSpan.FromDays(1));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        (await app.Mail.WaitForAsync("weekly@example.test")).Should().ContainSingle().Which.Subject.Should().Be("2 new jobs: Nurses near Chicago");
        (await app.FindAsync<JobAlert>(daily.Id))!.LastSentAt.Should().Be(Now.AddDays(1));
        (await app.FindAsync<JobAlert>(weekly.Id))!.LastSentAt.Should().Be(Now.AddDays(7));
    }

    [Fact]
    public async Task A_digest_the_mail_server_refuses_is_mailed_by_the_next_run()
    {
        var company = Company();
        await app.InsertAsync(company);
        await AlertAsync("q=nurse", AlertFrequency.Instant);
        await InsertAsync(company, Published(company, Job("Registered Nurse"), at: Now.AddMinutes(1)));
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        await using (var broken = app.WithWebHostBuilder(builder => builder.UseSetting("Smtp:Port", "1").UseSetting("Database:Migrate", "false")))
        {
            // The broken host has its own services, on the same database and clock.
            (await broken.Services.GetRequiredService<AlertSender>().SendDueAsync(CancellationToken.None)).Should().Be(0);
        }

        (await app.ExecuteDbContextAsync(db => db.AlertDeliveries.CountAsync())).Should().Be(0, "the deliveries were taken back");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        (await app.Mail.WaitForAsync(Seeker)).Should().ContainSingle().Which.TextBody!.ReplaceLineEndings("\n").Should().Contain("Registered Nurse");
    }

    [Fact]
    public async Task A_guests_alert_mails_nothing_until_it_is_confirmed_and_lapses_unconfirmed_after_a_week()
    {
        var company = Company();
        await app.InsertAsync(company);
        var guest = JobAlert.ForGuest("guest@example.test", "Nurses", "q=nurse", AlertFrequency.Instant, Now).Value;
        var forgotten = JobAlert.ForGuest("forgot@example.test", "Nurses", "q=nurse", AlertFrequency.Instant, Now).Value;
        await app.InsertAsync(guest, forgotten);
        await InsertAsync(company, Published(company, Job("Registered Nurse"), at: Now.AddMinutes(1)));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(0);

        await app.ExecuteDbContextAsync(async db =>
        {
            (await db.JobAlerts.SingleAsync(a => a.Id == guest.Id)).Confirm(app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await InsertAsync(company, Published(company, Job("Charge Nurse"), at: app.Clock.GetUtcNow()));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        var mail = (await app.Mail.WaitForAsync("guest@example.test")).Should().ContainSingle().Subject;
        Text(mail).Should().Contain("Charge Nurse").And.NotContain("Registered Nurse", "it was published before the confirmation")
            .And.NotContain("Manage your alerts", "a guest has no alerts page");

        app.Clock.Advance(AlertTokens.ConfirmationLifetime);
        await Sender.SendDueAsync(CancellationToken.None);
        (await app.FindAsync<JobAlert>(forgotten.Id)).Should().BeNull();
        (await app.FindAsync<JobAlert>(guest.Id)).Should().NotBeNull();
    }

    private async Task<JobAlert> AlertAsync(string query, AlertFrequency frequency, string email = Seeker)
    {
        var user = await app.CreateUserAsync(email, JobBoard.Data.Accounts.BoardRoles.Seeker, password: null);
        var alert = JobAlert.ForSeeker(user.Id, email, "Nurses near Chicago", query, frequency, Now).Value;
        await app.InsertAsync(alert);
        return alert;
    }

    /// <summary>Postings of a company already stored.</summary>
    private Task InsertAsync(JobBoard.Domain.Companies.Company company, params JobPosting[] postings) => app.ExecuteDbContextAsync(async db =>
    {
        db.Attach(company);
        db.AddRange(postings);
        await db.SaveChangesAsync();
    });

    private Task EditAsync(int postingId, PostingContent content) => app.ExecuteDbContextAsync(async db =>
    {
        var stored = await db.Postings.SingleAsync(p => p.Id == postingId);
        stored.Edit(content, app.Clock.GetUtcNow()).Succeeded.Should().BeTrue();
        await db.SaveChangesAsync();
    });

    private static string Text(MimeMessage mail) => mail.TextBody!.ReplaceLineEndings("\n");

    private static string Unsubscribe(MimeMessage mail) =>
        Text(mail).Split('\n').Single(line => line.StartsWith("Unsubscribe from this alert: ", StringComparison.Ordinal))["Unsubscribe from this alert: ".Length..];
}
