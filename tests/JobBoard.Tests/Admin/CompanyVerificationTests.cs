using System.Net;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static JobBoard.Tests.Admin.AdminBoard;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Admin;

[Collection(WebTestsDefinition.Name)]
public sealed class CompanyVerificationTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task A_pending_company_is_listed_with_its_owner_and_verifying_it_is_audited_and_mailed()
    {
        var company = await app.CompanyWithRecruiterAsync(verified: false);
        await app.InsertAsync(Company("Verified Co"));
        var admin = await app.AdminClientAsync();

        var page = await admin.GetDocumentAsync("/Admin/Companies");
        var response = await admin.SubmitFormAsync("/Admin/Companies", formSelector: "[data-testid=verify]");

        page.QuerySelectorAll("[data-testid=pending-company]").Should().ContainSingle()
            .Which.QuerySelector("[data-testid=owner]")!.Text().Should().Be(RecruiterEmail);
        response.ShouldRedirectTo("/Admin/Companies");
        (await app.FindAsync<Company>(company.Id))!.Verification.Should().Be(CompanyVerification.Verified);
        var audit = await app.ExecuteDbContextAsync(db => db.AuditEntries.SingleAsync());
        (audit.Actor, audit.Action, audit.SubjectType, audit.SubjectId).Should().Be((AdminEmail, "verified company", "company", company.Id.ToString()));
        (await app.Mail.WaitForAsync(RecruiterEmail)).Should().ContainSingle().Which.Subject.Should().Be("Acme Health is verified");
        (await admin.GetDocumentAsync("/Admin/Companies")).QuerySelector("[data-testid=no-companies]").Should().NotBeNull();
    }

    [Fact]
    public async Task Rejecting_a_company_keeps_the_note_in_the_audit_log_and_a_control_character_is_refused()
    {
        var company = await app.CompanyWithRecruiterAsync(verified: false);
        var admin = await app.AdminClientAsync();

        var refused = await admin.SubmitFormAsync("/Admin/Companies", [Field("Note", "bad\u0002note")], "[data-testid=reject]");
        var rejected = await admin.SubmitFormAsync("/Admin/Companies", [Field("Note", "No such company at that address.")], "[data-testid=reject]");

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.ParseAsync()).QuerySelector("[data-testid=errors]")!.Text().Should().Contain("control characters");
        rejected.ShouldRedirectTo("/Admin/Companies");
        (await app.FindAsync<Company>(company.Id))!.Verification.Should().Be(CompanyVerification.Rejected);
        (await app.ExecuteDbContextAsync(db => db.AuditEntries.SingleAsync())).Reason.Should().Be("No such company at that address.");
    }

    [Theory]
    [InlineData(true, MembershipStatus.Approved, "approved join request")]
    [InlineData(false, MembershipStatus.Declined, "declined join request")]
    public async Task An_admin_decides_a_request_to_join_any_company(bool approve, MembershipStatus expected, string action)
    {
        var company = await app.CompanyWithRecruiterAsync();
        var joiner = await app.CreateUserAsync("joiner@acme.test", BoardRoles.Recruiter, company, owner: false);
        var admin = await app.AdminClientAsync();

        (await admin.GetDocumentAsync("/Admin")).QuerySelector("[data-testid=join-requests] .display-6")!.Text().Should().Be("1");
        var response = await admin.SubmitFormAsync("/Admin/Companies", formSelector: approve ? "[data-testid=approve-member]" : "[data-testid=decline-member]");

        response.ShouldRedirectTo("/Admin/Companies");
        var member = await app.ExecuteDbContextAsync(db => db.CompanyMembers.SingleAsync(m => m.UserId == joiner.Id));
        (member.Status, member.DecidedBy).Should().Be((expected, AdminEmail));
        var audit = await app.ExecuteDbContextAsync(db => db.AuditEntries.SingleAsync());
        (audit.Action, audit.SubjectType, audit.SubjectId, audit.Reason).Should().Be((action, "user", joiner.Id.ToString(), "Acme Health"));
        (await app.Mail.WaitForAsync("joiner@acme.test")).Should().ContainSingle();
    }
}
