using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Seekers;
using JobBoard.Tests.Accounts;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Alerts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Alerts;

/// <summary>Saving a search as an alert, confirming it from the mail, managing it on /alerts and unsubscribing without an account.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed partial class AlertPagesTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task A_guest_saves_a_search_and_the_alert_waits_for_the_link_mailed_to_confirm_it()
    {
        var client = app.GuestClient();
        var search = await client.GetDocumentAsync("/jobs?q=nurse&location=Chicago%2C+IL&mode=remote&sort=date&page=2");
        var save = search.QuerySelector("[data-testid=save-search]")!;
        save.Text().Should().Be("Save this search");
        var form = save.GetAttribute("href")!;
        form.Should().Be("/alerts/new?q=nurse&location=Chicago,%20IL&mode=remote", "an alert keeps the search, not its page or sort");

        var page = await client.GetDocumentAsync(form);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Name")!.Value
            .Should().Be("Jobs matching “nurse” within 40 km of Chicago, Illinois, United States — Remote", "the name starts as the search's heading");

        var saved = await client.SubmitFormAsync(form, new Dictionary<string, string> { ["Form.Email"] = "guest@example.test", ["Form.Frequency"] = "Weekly" });
        saved.ShouldRedirectTo("/alerts/new?q=nurse&location=Chicago,%20IL&mode=remote&sent=true");
        (await client.GetDocumentAsync(saved.Headers.Location!.OriginalString)).QuerySelector("[data-testid=alert-sent]")!.Text().Should().StartWith("Check your inbox.");

        var alert = await app.ExecuteDbContextAsync(db => db.JobAlerts.SingleAsync());
        alert.Should().Match<JobAlert>(a => !a.IsConfirmed && a.UserId == null && a.Email == "guest@example.test"
            && a.Query == "q=nurse&location=Chicago,%20IL&mode=remote" && a.Frequency == AlertFrequency.Weekly);

        var mail = (await app.Mail.WaitForAsync("guest@example.test")).Should().ContainSingle().Subject;
        mail.Subject.Should().Be("Confirm your JobBoard job alert", "the board repeats nothing a stranger typed to the address they gave");
        mail.TextBody.Should().NotContain("Jobs matching");
        mail.Headers["List-Unsubscribe-Post"].Should().Be("List-Unsubscribe=One-Click");
        mail.Headers["List-Unsubscribe"].Should().StartWith("<http://localhost/alerts/unsubscribe?token=");
        var confirm = ConfirmLink().Match(mail.TextBody!).Value;

        var confirmPage = await client.GetDocumentAsync(confirm);
        (await app.FindAsync<JobAlert>(alert.Id))!.IsConfirmed.Should().BeFalse("opening the link is not yet confirming it");
        confirmPage.QuerySelector("main form button")!.Text().Should().Be("Confirm the alert");

        app.Clock.Advance(TimeSpan.FromMinutes(3));
        (await app.GuestClient().SubmitFormAsync(confirm)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var confirmed = await app.FindAsync<JobAlert>(alert.Id);
        confirmed!.ConfirmedAt.Should().Be(Now.AddMinutes(3));
        (await client.GetDocumentAsync(confirm)).QuerySelector("[data-testid=alert-confirmed]")!.Text().Should().Contain("is on");
    }

    [Fact]
    public async Task The_guest_form_refuses_a_bad_address_or_name_and_stores_nothing()
    {
        var client = app.GuestClient();
        var refused = await client.SubmitFormAsync("/alerts/new?q=nurse",
            new Dictionary<string, string> { ["Form.Email"] = "not an address", ["Form.Name"] = " ", ["Form.Frequency"] = "Hourly" });

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await refused.DocumentAsync();
        page.FieldMessage("Form.Email").Should().Be("Give a valid e-mail address for the alerts.");
        page.FieldMessage("Form.Name").Should().Be("Give the alert a name.");
        page.FieldMessage("Form.Frequency").Should().Be("Choose how often: as they appear, daily or weekly.");
        (await app.ExecuteDbContextAsync(db => db.JobAlerts.CountAsync())).Should().Be(0);
        app.Mail.Messages().Should().BeEmpty();
    }

    [Fact]
    public async Task A_guest_is_answered_alike_whether_the_address_has_an_account_or_all_its_alerts()
    {
        await app.CreateUserAsync("member@example.test", BoardRoles.Seeker, password: null);
        for (var i = 0; i < JobAlert.MaxPerAddress; i++)
        {
            await app.InsertAsync(JobAlert.ForGuest("full@example.test", $"Alert {i}", "q=nurse", AlertFrequency.Daily, Now).Value);
        }

        var answers = new List<string>();
        foreach (var address in (string[])["member@example.test", "FULL@example.test", "nobody@example.test"])
        {
            var response = await app.GuestClient().SubmitFormAsync("/alerts/new?q=nurse", new Dictionary<string, string> { ["Form.Email"] = address });
            answers.Add($"{(int)response.StatusCode} {response.Headers.Location}");
        }

        answers.Distinct().Should().Equal("302 /alerts/new?q=nurse&sent=true");
        (await app.ExecuteDbContextAsync(db => db.JobAlerts.CountAsync(a => a.Email == "member@example.test" && a.UserId == null && a.ConfirmedAt == null)))
            .Should().Be(1, "an account's address is a guest's address here: confirmed by mail like any other");
        (await app.ExecuteDbContextAsync(db => db.JobAlerts.CountAsync(a => a.Email.StartsWith("FULL")))).Should().Be(0, "the address has all the alerts it may have");
        (await app.Mail.WaitForAsync("full@example.test")).Should().ContainSingle().Which.Subject.Should().Be("Your job alert was not saved");
    }

    [Fact]
    public async Task When_the_confirmation_cannot_be_mailed_the_guest_is_told_and_nothing_is_kept()
    {
        await using var broken = app.WithWebHostBuilder(builder => builder.UseSetting("Smtp:Port", "1").UseSetting("Database:Migrate", "false"));
        var client = broken.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler());

        var response = await client.SubmitFormAsync("/alerts/new?q=nurse", new Dictionary<string, string> { ["Form.Email"] = "guest@example.test" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.DocumentAsync()).QuerySelector(".validation-summary-errors")!.Text().Should().Contain("could not be sent just now");
        (await app.ExecuteDbContextAsync(db => db.JobAlerts.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task The_guest_form_is_rate_limited_while_the_page_stays_readable()
    {
        await using var limited = app.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimiting:AlertPostsPerHour", "4")
            .UseSetting("Database:Migrate", "false"));
        var client = limited.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.SubmitFormAsync("/alerts/new?q=nurse", new Dictionary<string, string> { ["Form.Email"] = $"guest{i}@example.test" })).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests);
        (await client.GetAsync(new Uri("/alerts/new?q=nurse", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_alerts_page_shows_only_messages_of_its_own_making_never_text_from_the_address()
    {
        var user = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var client = await app.SignedInClientAsync(user);

        var page = await client.GetDocumentAsync("/alerts?done=Security+notice%3A+re-enter+your+password+at+https%3A%2F%2Fevil.example&Done=x");

        page.QuerySelector("[data-testid=alerts-message]").Should().BeNull();
        page.Body!.TextContent.Should().NotContain("evil.example");
    }

    [Fact]
    public async Task A_seekers_alert_is_saved_at_once_to_their_address_and_managed_on_the_alerts_page()
    {
        var user = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var client = await app.SignedInClientAsync(user);
        (await client.GetDocumentAsync("/jobs")).QuerySelector("[data-testid=account-nav] a[href='/alerts']")!.Text().Should().Be("Alerts");
        (await client.GetDocumentAsync("/alerts/new?q=nurse")).QuerySelector("#Form_Email").Should().BeNull("a seeker's alerts go to their account's address");

        var saved = await client.SubmitFormAsync("/alerts/new?q=nurse", new Dictionary<string, string> { ["Form.Name"] = "Nursing", ["Form.Frequency"] = "Instant" });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var list = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        list.QuerySelector("[data-testid=alerts-message]")!.Text().Should().Be("Saved “Nursing”. New jobs for it will come to dana@example.test.");
        var row = list.QuerySelector("[data-testid=alert]")!;
        row.QuerySelector("[data-testid=alert-name]")!.Text().Should().Be("Nursing");
        row.QuerySelector("[data-testid=alert-matches]")!.GetAttribute("href").Should().Be("/jobs?q=nurse");
        app.Mail.Messages().Should().BeEmpty("a seeker confirmed their address with their account");
        var alert = await app.ExecuteDbContextAsync(db => db.JobAlerts.SingleAsync());
        alert.Should().Match<JobAlert>(a => a.IsConfirmed && a.UserId == user.Id && a.Email == "dana@example.test" && a.Frequency == AlertFrequency.Instant);

        var refused = await client.SubmitFormAsync("/alerts", new Dictionary<string, string> { ["Form.Name"] = "", ["Form.Frequency"] = "Weekly" });
        (await refused.DocumentAsync()).FieldMessage("Form.Name").Should().Be("Give the alert a name.");
        (await app.FindAsync<JobAlert>(alert.Id))!.Frequency.Should().Be(AlertFrequency.Instant, "nothing is stored on bad input");

        (await client.SubmitFormAsync("/alerts", new Dictionary<string, string> { ["Form.Name"] = "Nurses, weekly", ["Form.Frequency"] = "Weekly" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.FindAsync<JobAlert>(alert.Id)).Should().Match<JobAlert>(a => a.Name == "Nurses, weekly" && a.Frequency == AlertFrequency.Weekly);

        var other = await app.CreateUserAsync("other@example.test", BoardRoles.Seeker, password: null);
        var stranger = await app.SignedInClientAsync(other);
        (await stranger.GetDocumentAsync("/alerts")).QuerySelector("[data-testid=no-alerts]").Should().NotBeNull();

        var delete = (await client.GetDocumentAsync("/alerts")).QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("main form").Single(f => f.Action.Contains("handler=Delete", StringComparison.Ordinal));
        (await client.PostFormAsync(delete, "/alerts")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.FindAsync<JobAlert>(alert.Id)).Should().BeNull();
    }

    [Fact]
    public async Task Another_users_alert_cannot_be_changed_or_deleted()
    {
        var owner = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker, password: null);
        var alert = JobAlert.ForSeeker(owner.Id, "dana@example.test", "Nurses", "q=nurse", AlertFrequency.Daily, Now).Value;
        await app.InsertAsync(alert);
        var other = await app.CreateUserAsync("other@example.test", BoardRoles.Seeker, password: null);
        var stranger = await app.SignedInClientAsync(other);
        var form = (await stranger.GetDocumentAsync("/alerts")).QuerySelector("main form");
        form.Should().BeNull("the stranger has no alerts to show");

        var token = await AntiforgeryAsync(stranger);
        foreach (var handler in (string[])["Change", "Delete"])
        {
            var response = await stranger.PostAsync(new Uri($"/alerts?handler={handler}&id={alert.Id}", UriKind.Relative), new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Form.Name"] = "Mine now", ["Form.Frequency"] = "Daily" }));
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await app.FindAsync<JobAlert>(alert.Id))!.Name.Should().Be("Nurses");
    }

    [Fact]
    public async Task The_unsubscribe_link_asks_for_a_click_and_then_removes_the_alert_without_signing_in()
    {
        var alert = JobAlert.ForGuest("guest@example.test", "Nurses", "q=nurse", AlertFrequency.Daily, Now).Value;
        await app.InsertAsync(alert);
        var link = Unsubscribe(alert.Id);
        var client = app.GuestClient();

        var page = await client.GetDocumentAsync(link);
        page.QuerySelector("main p")!.Text().Should().Be("Stop mailing new jobs for “Nurses” to guest@example.test?");
        (await app.FindAsync<JobAlert>(alert.Id)).Should().NotBeNull("opening the link removes nothing: a mail scanner may open it");

        var response = await client.SubmitFormAsync(link);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.DocumentAsync()).QuerySelector("[data-testid=unsubscribed]")!.Text()
            .Should().Be("You are unsubscribed: the alert “Nurses” sends no more mail to guest@example.test.");
        (await app.FindAsync<JobAlert>(alert.Id)).Should().BeNull();
        (await client.GetDocumentAsync(link)).QuerySelector("[data-testid=unsubscribed]")!.Text().Should().Be("This alert was already removed: it sends no more mail.");
    }

    [Fact]
    public async Task A_mail_clients_one_click_unsubscribe_needs_no_session_or_antiforgery_token()
    {
        var alert = JobAlert.ForGuest("guest@example.test", "Nurses", "q=nurse", AlertFrequency.Daily, Now).Value;
        alert.Confirm(Now);
        await app.InsertAsync(alert);

        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsync(new Uri(Unsubscribe(alert.Id), UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.FindAsync<JobAlert>(alert.Id)).Should().BeNull();
    }

    [Fact]
    public async Task A_tampered_token_is_refused_with_a_clear_message_and_removes_nothing()
    {
        var alert = JobAlert.ForGuest("guest@example.test", "Nurses", "q=nurse", AlertFrequency.Daily, Now).Value;
        await app.InsertAsync(alert);
        var tokens = app.Services.GetRequiredService<AlertTokens>();
        var token = tokens.Unsubscribe(alert.Id);
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        var confirmation = tokens.Confirmation(alert.Id);
        var client = app.GuestClient();

        foreach (var url in (string[])[$"/alerts/unsubscribe?token={Uri.EscapeDataString(tampered)}", $"/alerts/unsubscribe?token={Uri.EscapeDataString(confirmation)}", "/alerts/unsubscribe"])
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.DocumentAsync()).QuerySelector("[data-testid=unsubscribe-invalid]")!.Text().Should().StartWith("This unsubscribe link is not valid");
            using var oneClick = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            (await oneClick.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" })))
                .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        var confirm = await client.GetAsync(new Uri($"/alerts/confirm?token={Uri.EscapeDataString(token)}", UriKind.Relative));
        confirm.StatusCode.Should().Be(HttpStatusCode.BadRequest, "an unsubscribe token does not confirm");
        (await confirm.DocumentAsync()).QuerySelector("[data-testid=alert-link-invalid]").Should().NotBeNull();
        (await app.FindAsync<JobAlert>(alert.Id)).Should().Match<JobAlert>(a => !a.IsConfirmed);
    }

    private string Unsubscribe(long alertId) =>
        $"/alerts/unsubscribe?token={Uri.EscapeDataString(app.Services.GetRequiredService<AlertTokens>().Unsubscribe(alertId))}";

    private static async Task<string> AntiforgeryAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/alerts/new?q=nurse");
        return page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
    }

    [GeneratedRegex(@"(?<=http://localhost)/alerts/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();
}
