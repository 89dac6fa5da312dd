using System.Net;
using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Tests.Accounts;

[Collection(WebTestsDefinition.Name)]
public sealed class TeamTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task A_recruiter_asks_to_join_waits_outside_the_recruiter_area_and_enters_once_the_owner_approves()
    {
        var company = TestPostings.Company("Acme Health");
        await app.InsertAsync(company);
        var owner = await app.CreateUserAsync("owner@acme.test", BoardRoles.Recruiter, company);
        var guest = app.GuestClient();

        (await guest.RegisterAsync(AccountPages.Registration("joiner@acme.test", "Recruiter", "ACME HEALTH", "Join"))).ShouldRedirectTo("/Account/CheckInbox?for=confirm");
        await guest.GetAsync(new Uri(await app.LinkInMailAsync("joiner@acme.test", "Confirm"), UriKind.Relative));
        (await guest.SignInAsync("joiner@acme.test")).ShouldRedirectTo("/Recruiter");

        var refused = await guest.GetAsync(new Uri("/Recruiter/Team", UriKind.Relative));
        refused.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied");
        var denied = await guest.GetDocumentAsync(refused.Headers.Location.PathAndQuery);
        denied.QuerySelector("[data-testid=reason]")!.Text().Should().StartWith("Your request to join Acme Health is waiting for its owner's approval.");
        (await guest.GetDocumentAsync("/Account")).QuerySelector("[data-testid=membership]")!.Text()
            .Should().Contain("Your request to join this company is waiting for its owner's approval.");

        var ownerClient = await app.SignedInClientAsync(owner);
        var team = await ownerClient.GetDocumentAsync("/Recruiter/Team");
        team.QuerySelector("[data-testid=join-request]")!.Text().Should().Contain("joiner@acme.test");
        var approved = await ownerClient.SubmitFormAsync("/Recruiter/Team", formSelector: "[data-testid=join-request] form[action*=Approve]");

        approved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await ownerClient.GetDocumentAsync(approved.Headers.Location!.OriginalString);
        after.QuerySelector("[data-testid=team-message]")!.Text().Should().Be("Dana Reyes has joined Acme Health.");
        after.QuerySelectorAll("[data-testid=members] li").Select(li => li.Text()).Should().Equal("owner owner@acme.test Owner", "Dana Reyes joiner@acme.test");
        (await app.LinkInMailAsync("joiner@acme.test", "You have joined Acme Health")).Should().Be("/Recruiter");
        var member = await app.ExecuteDbContextAsync(db => db.CompanyMembers.SingleAsync(m => !m.IsOwner));
        member.Status.Should().Be(MembershipStatus.Approved);
        member.DecidedBy.Should().Be("owner@acme.test");
        (await guest.GetAsync(new Uri("/Recruiter/Team", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "the approved recruiter enters");
    }

    [Fact]
    public async Task Only_the_owner_decides_and_only_on_their_own_company_s_requests()
    {
        var acme = TestPostings.Company("Acme Health");
        var globex = TestPostings.Company("Globex");
        await app.InsertAsync(acme, globex);
        var owner = await app.CreateUserAsync("owner@acme.test", BoardRoles.Recruiter, acme);
        var colleague = await app.CreateUserAsync("colleague@acme.test", BoardRoles.Recruiter, acme, owner: false);
        await app.ExecuteDbContextAsync(async db =>
        {
            var request = await db.CompanyMembers.SingleAsync(m => m.UserId == colleague.Id);
            request.Approve("owner@acme.test", TestPostings.Now);
            await db.SaveChangesAsync();
        });
        await app.CreateUserAsync("pending@acme.test", BoardRoles.Recruiter, acme, owner: false);
        var globexOwner = await app.CreateUserAsync("owner@globex.test", BoardRoles.Recruiter, globex);
        var pendingId = await app.ExecuteDbContextAsync(db => db.CompanyMembers.Where(m => m.Status == MembershipStatus.Pending).Select(m => m.Id).SingleAsync());

        var colleagueClient = await app.SignedInClientAsync(colleague);
        var colleagueView = await colleagueClient.GetDocumentAsync("/Recruiter/Team");
        var byColleague = await PostDecisionAsync(colleagueClient, "Approve", pendingId);
        var byOtherCompany = await PostDecisionAsync(await app.SignedInClientAsync(globexOwner), "Approve", pendingId);
        var declined = await PostDecisionAsync(await app.SignedInClientAsync(owner), "Decline", pendingId);

        colleagueView.QuerySelector("[data-testid=join-request]")!.Text().Should().Contain("pending@acme.test");
        colleagueView.QuerySelectorAll("[data-testid=join-request] form").Should().BeEmpty("only the owner decides");
        byColleague.StatusCode.Should().Be(HttpStatusCode.Redirect);
        byColleague.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied");
        byOtherCompany.StatusCode.Should().Be(HttpStatusCode.NotFound, "another company's request does not exist for them");
        declined.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.ExecuteDbContextAsync(db => db.CompanyMembers.SingleAsync(m => m.Id == pendingId))).Status.Should().Be(MembershipStatus.Declined);
        (await app.Mail.WaitForAsync("pending@acme.test")).Single().Subject.Should().Be("Your request to join Acme Health was declined");
    }

    [Fact]
    public async Task A_seeker_is_told_the_recruiter_area_is_for_recruiters()
    {
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);
        var client = await app.SignedInClientAsync(seeker);

        var refused = await client.GetAsync(new Uri("/Recruiter/Team", UriKind.Relative));
        var page = await client.GetDocumentAsync(refused.Headers.Location!.PathAndQuery);

        page.QuerySelector("[data-testid=reason]")!.Text().Should().Be("The recruiter area is for recruiters. Your account is a job seeker's.");
    }

    /// <summary>A decision posted with a valid antiforgery token (taken from the user's own account page) for any request id.</summary>
    private static async Task<HttpResponseMessage> PostDecisionAsync(HttpClient client, string handler, int memberId)
    {
        var page = await client.GetDocumentAsync("/Account");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        return await client.PostAsync(new Uri($"/Recruiter/Team?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(
            [new("memberId", memberId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("__RequestVerificationToken", token)]));
    }
}
