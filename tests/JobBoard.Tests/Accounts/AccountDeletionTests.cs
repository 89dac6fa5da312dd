using System.Net;
using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Moderation;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Tests.Accounts;

[Collection(WebTestsDefinition.Name)]
public sealed class AccountDeletionTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Deleting_an_account_leaves_no_row_naming_the_seeker_keeps_the_anonymous_counts_and_leaves_others_alone()
    {
        var posting = await PersonalRows.PostingAsync(app);
        var dana = await PersonalRows.SeedAsync(app, "dana@example.test", posting);
        var quinn = await PersonalRows.SeedAsync(app, "quinn@example.test", posting, password: null);
        var quinnBefore = await PersonalRows.ReferencesAsync(app, quinn.User.Id, "quinn@example.test");
        var client = await app.SignedInClientAsync(dana.User);
        var otherSession = await app.SignedInClientAsync(dana.User);

        var deleted = await DeleteAsync(client);

        deleted.ShouldRedirectTo("/Account/Deleted");
        (await PersonalRows.ReferencesAsync(app, dana.User.Id, "dana@example.test")).Should().BeEmpty();
        (await PersonalRows.ReferencesAsync(app, quinn.User.Id, "quinn@example.test")).Should().Equal(quinnBefore);
        quinnBefore.Should().Contain(["saved_jobs.user_id", "recent_views.user_id", "job_alerts.user_id", "job_alerts.email", "job_applications.user_id",
            "job_applications.email", "apply_clicks.user_id", "posting_reports.reporter_user_id", "user_roles.user_id", "users.email", "users.id"]);
        await app.ExecuteDbContextAsync(async db =>
        {
            (await db.PostingDailyStats.SingleAsync()).Should().BeEquivalentTo(new { PostingId = posting.Id, Views = 2, ApplyClicks = 2 });
            (await db.ApplyClicks.Select(c => c.UserId).ToListAsync()).Should().BeEquivalentTo([null, (int?)quinn.User.Id]);
            (await db.PostingReports.Select(r => r.ReporterUserId).ToListAsync()).Should().BeEquivalentTo([null, (int?)quinn.User.Id]);
            (await db.JobAlerts.CountAsync()).Should().Be(2, "quinn's own and guest alerts stay");
            (await db.ApplicationCvs.CountAsync()).Should().Be(1);
            var audit = await db.AuditEntries.SingleAsync();
            audit.Should().BeEquivalentTo(new { Actor = AccountDeletion.DeletedActor, Action = "deleted their account", SubjectType = "user" });
            audit.SubjectId.Should().Be(dana.User.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

        var confirmation = await client.GetDocumentAsync("/Account/Deleted");
        confirmation.QuerySelector("[data-testid=account-deleted] h1")!.Text().Should().Be("Your account is deleted");
        (await client.GetAsync(new Uri("/Account", UriKind.Relative))).Headers.Location!.AbsolutePath.Should().Be("/Account/SignIn", "this browser is signed out");
        (await otherSession.GetAsync(new Uri("/Account", UriKind.Relative))).Headers.Location!.AbsolutePath.Should().Be("/Account/SignIn", "so is every other session");
        var signIn = await (await app.GuestClient().SignInAsync("dana@example.test")).DocumentAsync();
        signIn.QuerySelector("[data-testid=sign-in-problem]")!.Text().Should().Be("Wrong e-mail address or password.");
        (await app.Mail.WaitForAsync("dana@example.test")).Select(m => m.Subject).Should().Equal("Your JobBoard account is deleted");
    }

    [Fact]
    public async Task A_wrong_password_or_a_missing_confirmation_deletes_nothing()
    {
        var posting = await PersonalRows.PostingAsync(app);
        var dana = await PersonalRows.SeedAsync(app, "dana@example.test", posting);
        var client = await app.SignedInClientAsync(dana.User);
        var before = await PersonalRows.CountsAsync(app);

        var wrongPassword = await (await DeleteAsync(client, password: "not-the-password")).DocumentAsync();
        var noConfirmation = await (await DeleteAsync(client, confirmation: "")).DocumentAsync();
        var lowerCase = await (await DeleteAsync(client, confirmation: "delete")).DocumentAsync();

        wrongPassword.FieldMessage("Form.Password").Should().Be("This is not your password.");
        noConfirmation.FieldMessage("Form.Confirmation").Should().Be("Type DELETE in capitals to confirm.");
        lowerCase.FieldMessage("Form.Confirmation").Should().Be("Type DELETE in capitals to confirm.");
        (await PersonalRows.CountsAsync(app)).Should().Equal(before);
        (await app.ExecuteDbContextAsync(db => db.Users.SingleAsync())).AccessFailedCount.Should().Be(1, "a wrong password counts towards the lockout");
        (await client.GetAsync(new Uri("/Account", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "still signed in");
        app.Mail.Messages().Should().BeEmpty();
    }

    [Fact]
    public async Task The_last_admin_cannot_delete_their_account_and_one_of_two_can_leaving_their_actions_on_record_without_their_address()
    {
        var ada = await app.CreateUserAsync("ada@jobboard.test", BoardRoles.Admin);
        await app.InsertAsync(AuditEntry.Record(TestPostings.Now, "ada@jobboard.test", "verified company", "company", "1"));
        var client = await app.SignedInClientAsync(ada);

        var page = await client.GetDocumentAsync("/Account/Delete");
        // The page offers no form; a POST sent anyway (from a tab opened earlier) is refused as well. The sign-out
        // page's form lends it a valid antiforgery token.
        var signOutForm = (await client.GetDocumentAsync("/Account/SignOut")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        var refused = await (await client.PostFormAsync(signOutForm, "/Account/Delete", Fields())).DocumentAsync();

        page.QuerySelector("[data-testid=delete-refused]")!.Text().Should().StartWith("You are the board's only admin.");
        page.QuerySelector("[data-testid=delete-form]").Should().BeNull();
        refused.QuerySelector("[data-testid=delete-refused]")!.Text().Should().StartWith("You are the board's only admin.");
        (await app.ExecuteDbContextAsync(db => db.Users.CountAsync())).Should().Be(1);

        await app.CreateUserAsync("bo@jobboard.test", BoardRoles.Admin, password: null);
        (await DeleteAsync(client)).ShouldRedirectTo("/Account/Deleted");

        (await PersonalRows.ReferencesAsync(app, ada.Id, "ada@jobboard.test")).Should().BeEmpty();
        var actions = await app.ExecuteDbContextAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Actor, a.Action }).ToListAsync());
        actions.Should().Equal(new { Actor = "deleted account", Action = "verified company" }, new { Actor = "deleted account", Action = "deleted their account" });
    }

    [Fact]
    public async Task The_only_recruiter_of_a_company_with_a_live_posting_is_told_to_close_it_first_and_the_company_outlives_them()
    {
        var company = TestPostings.Company("Acme Health");
        var posting = TestPostings.Published(company, TestPostings.Content("Registered Nurse"));
        await app.InsertAsync(company, posting);
        var recruiter = await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, company);
        var client = await app.SignedInClientAsync(recruiter);
        var before = await PersonalRows.CountsAsync(app);

        var page = await client.GetDocumentAsync("/Account/Delete");

        page.QuerySelector("[data-testid=delete-refused]")!.Text().Should().Be(
            "You are the only recruiter of Acme Health, and one of its job postings is open or waiting for review. " +
            "Close it, or approve another recruiter to look after it, before you delete your account.");
        (await PersonalRows.CountsAsync(app)).Should().Equal(before);

        await app.ExecuteDbContextAsync(async db =>
        {
            (await db.Postings.SingleAsync()).Close("recruiter@acme.test", TestPostings.Now).Succeeded.Should().BeTrue();
            await db.SaveChangesAsync();
        });
        (await DeleteAsync(client)).ShouldRedirectTo("/Account/Deleted");

        (await PersonalRows.ReferencesAsync(app, recruiter.Id, "recruiter@acme.test")).Should().BeEmpty();
        await app.ExecuteDbContextAsync(async db =>
        {
            (await db.Companies.SingleAsync()).Name.Should().Be("Acme Health");
            (await db.Postings.SingleAsync()).Status.Should().Be(PostingStatus.Closed);
            (await db.PostingStatusChanges.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.Actor).ToListAsync())
                .Should().Equal("deleted account", "deleted account", "admin@jobboard.test", "deleted account");
            (await db.CompanyMembers.CountAsync()).Should().Be(0);
        });
    }

    [Fact]
    public async Task A_recruiter_with_a_colleague_may_leave_while_the_company_s_postings_are_live()
    {
        var company = TestPostings.Company("Acme Health");
        var posting = TestPostings.Published(company, TestPostings.Content("Registered Nurse"));
        await app.InsertAsync(company, posting);
        var owner = await app.CreateUserAsync("owner@acme.test", BoardRoles.Recruiter, company);
        var colleague = await app.CreateUserAsync("colleague@acme.test", BoardRoles.Recruiter, company, owner: false, password: null);
        await app.ExecuteDbContextAsync(async db =>
        {
            db.CompanyMembers.Single(m => m.UserId == colleague.Id).Approve("owner@acme.test", TestPostings.Now);
            await db.SaveChangesAsync();
        });

        (await DeleteAsync(await app.SignedInClientAsync(owner))).ShouldRedirectTo("/Account/Deleted");

        (await PersonalRows.ReferencesAsync(app, owner.Id, "owner@acme.test")).Should().BeEmpty();
        var member = await app.ExecuteDbContextAsync(db => db.CompanyMembers.SingleAsync());
        member.Should().BeEquivalentTo(new { UserId = colleague.Id, DecidedBy = AccountDeletion.DeletedActor });
        (await app.ExecuteDbContextAsync(db => db.Postings.SingleAsync())).Status.Should().Be(PostingStatus.Published);
    }

    private static Dictionary<string, string> Fields(string password = TestAccounts.Password, string confirmation = "DELETE") => new()
    {
        ["Form.Password"] = password,
        ["Form.Confirmation"] = confirmation,
    };

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string password = TestAccounts.Password, string confirmation = "DELETE") =>
        client.SubmitFormAsync("/Account/Delete", Fields(password, confirmation), "form[data-testid=delete-form]");
}
