using System.Net;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Admin.AdminBoard;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Admin;

[Collection(WebTestsDefinition.Name)]
public sealed class UserAdminTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Users_are_found_by_email_with_their_role_and_state()
    {
        await app.CreateUserAsync("ann.seeker@example.test", BoardRoles.Seeker);
        await app.CreateUserAsync("bob@example.test", BoardRoles.Seeker);
        var admin = await app.AdminClientAsync();

        var page = await admin.GetDocumentAsync("/Admin/Users?q=ANN");

        var row = page.QuerySelectorAll("[data-testid=user]").Should().ContainSingle().Subject;
        row.QuerySelector("a")!.Text().Should().Be("ann.seeker@example.test");
        row.QuerySelector("[data-testid=role]")!.Text().Should().Be("Seeker");
        row.QuerySelector("[data-testid=state]")!.Text().Should().Be("active");
    }

    [Fact]
    public async Task Locking_indefinitely_locks_the_account_renews_its_security_stamp_and_is_audited()
    {
        var seeker = await app.CreateUserAsync("seeker@example.test", BoardRoles.Seeker);
        var admin = await app.AdminClientAsync();

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{seeker.Id}", [Field("Reason", "Spamming reports.")], "[data-testid=lock]");

        response.ShouldRedirectTo($"/Admin/Users/Edit/{seeker.Id}");
        var saved = await app.FindAsync<BoardUser>(seeker.Id);
        saved!.LockoutEnd.Should().Be(DateTimeOffset.MaxValue);
        saved.SecurityStamp.Should().NotBe(seeker.SecurityStamp);
        var audit = await app.ExecuteDbContextAsync(db => db.AuditEntries.SingleAsync());
        (audit.Action, audit.SubjectId, audit.Reason).Should().Be(("locked user indefinitely", seeker.Id.ToString(), "Spamming reports."));
        (await admin.GetDocumentAsync("/Admin/Users")).QuerySelectorAll("[data-testid=state]").Select(s => s.Text()).Should().Contain("locked indefinitely");
    }

    [Fact]
    public async Task Locking_until_a_day_lasts_through_that_day_and_unlocking_ends_it()
    {
        var seeker = await app.CreateUserAsync("seeker@example.test", BoardRoles.Seeker);
        var admin = await app.AdminClientAsync();

        await admin.SubmitFormAsync($"/Admin/Users/Edit/{seeker.Id}", [Field("LockUntil", "2026-12-01")], "[data-testid=lock]");
        var locked = await app.FindAsync<BoardUser>(seeker.Id);
        var unlocked = await admin.SubmitFormAsync($"/Admin/Users/Edit/{seeker.Id}", formSelector: "[data-testid=unlock]");

        locked!.LockoutEnd.Should().Be(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        unlocked.ShouldRedirectTo($"/Admin/Users/Edit/{seeker.Id}");
        (await app.FindAsync<BoardUser>(seeker.Id))!.LockoutEnd.Should().BeNull();
        (await app.ExecuteDbContextAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()))
            .Should().Equal("locked user until 2026-12-01", "unlocked user");
    }

    [Theory]
    [InlineData("2026-11-01", "LockUntil", "Choose today or a later day")]
    [InlineData("not-a-date", "LockUntil", "not valid")]
    public async Task A_lock_with_a_bad_date_is_refused_by_the_field(string until, string field, string message)
    {
        var seeker = await app.CreateUserAsync("seeker@example.test", BoardRoles.Seeker);

        var response = await (await app.AdminClientAsync()).SubmitFormAsync($"/Admin/Users/Edit/{seeker.Id}", [Field(field, until)], "[data-testid=lock]");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=lock] .text-danger")!.Text().Should().Contain(message);
        (await app.FindAsync<BoardUser>(seeker.Id))!.LockoutEnd.Should().BeNull();
    }

    [Fact]
    public async Task Changing_a_role_moves_the_user_to_the_new_role_only()
    {
        var seeker = await app.CreateUserAsync("seeker@example.test", BoardRoles.Seeker);

        var response = await (await app.AdminClientAsync()).SubmitFormAsync($"/Admin/Users/Edit/{seeker.Id}", [Field("NewRole", BoardRoles.Recruiter)], "[data-testid=change-role]");

        response.ShouldRedirectTo($"/Admin/Users/Edit/{seeker.Id}");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BoardUser>>();
        (await users.GetRolesAsync((await users.FindByIdAsync(seeker.Id.ToString()))!)).Should().Equal(BoardRoles.Recruiter);
        (await app.ExecuteDbContextAsync(db => db.AuditEntries.SingleAsync())).Action.Should().Be("changed role from Seeker to Recruiter");
    }

    [Fact]
    public async Task An_unknown_role_is_refused_with_a_message()
    {
        var seeker = await app.CreateUserAsync("seeker@example.test", BoardRoles.Seeker);

        var response = await (await app.AdminClientAsync()).SubmitFormAsync($"/Admin/Users/Edit/{seeker.Id}", [Field("NewRole", "Overlord")], "[data-testid=change-role]");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=change-role] .text-danger")!.Text().Should().Be("Choose one of the board's roles.");
        (await app.ExecuteDbContextAsync(db => db.AuditEntries.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task An_admin_can_neither_lock_nor_demote_themselves()
    {
        var me = await app.CreateUserAsync(AdminEmail, BoardRoles.Admin);
        var admin = await app.SignedInClientAsync(me);

        var lockResponse = await admin.SubmitFormAsync($"/Admin/Users/Edit/{me.Id}", formSelector: "[data-testid=lock]");
        var demote = await admin.SubmitFormAsync($"/Admin/Users/Edit/{me.Id}", [Field("NewRole", BoardRoles.Seeker)], "[data-testid=change-role]");

        (await lockResponse.ParseAsync()).QuerySelector("[data-testid=errors]")!.Text().Should().Contain("You cannot lock your own account");
        (await demote.ParseAsync()).QuerySelector("[data-testid=errors]")!.Text().Should().Contain("You cannot change the role of your own account");
        var saved = await app.FindAsync<BoardUser>(me.Id);
        saved!.LockoutEnd.Should().BeNull();
        (await admin.GetDocumentAsync("/Admin")).QuerySelector("h1")!.Text().Should().Be("Admin", "still an admin");
    }
}
