using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Admin.AdminBoard;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Admin;

[Collection(WebTestsDefinition.Name)]
public sealed class AdminAccessTests(JobBoardApp app) : WebTest(app)
{
    public static TheoryData<string> Pages => new()
    {
        "/Admin", "/Admin/Queue", "/Admin/Queue/Review/1", "/Admin/Reports", "/Admin/Companies", "/Admin/Users", "/Admin/Users/Edit/1",
        "/Admin/Categories", "/Admin/Audit",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_admin_page_answers_an_admin_and_no_seeker_recruiter_or_guest(string url)
    {
        var company = await app.CompanyWithRecruiterAsync();
        await app.PendingAsync(company);
        var recruiter = await app.SignedInClientAsync((await app.ExecuteDbContextAsync(db => Task.FromResult(db.Users.Single(u => u.Email == RecruiterEmail))))!);
        var seeker = await app.SignedInClientAsync(await app.CreateUserAsync("seeker@example.test", BoardRoles.Seeker));
        var admin = await app.AdminClientAsync();

        (await admin.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var refused in new[] { recruiter, seeker })
        {
            var response = await refused.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            response.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied");
        }

        var guest = await app.GuestClient().GetAsync(new Uri(url, UriKind.Relative));
        guest.StatusCode.Should().Be(HttpStatusCode.Redirect);
        guest.Headers.Location!.AbsolutePath.Should().Be("/Account/SignIn");
    }

    [Fact]
    public async Task A_recruiter_posting_an_admin_decision_is_refused_and_nothing_changes()
    {
        var company = await app.CompanyWithRecruiterAsync();
        var posting = await app.PendingAsync(company);
        var recruiter = await app.SignedInClientAsync((await app.ExecuteDbContextAsync(db => Task.FromResult(db.Users.Single(u => u.Email == RecruiterEmail))))!);
        // The recruiter's own token, from a form they may read (the public report page).
        await app.InsertPostingsAsync(company, Published(company, Content("Open nurse")));
        var form = (await recruiter.GetDocumentAsync("/jobs/2/report")).QuerySelector<IHtmlFormElement>("[data-testid=report-form]")!;

        var response = await recruiter.PostFormAsync(form, "/jobs/2/report", [], default);
        var approve = await recruiter.PostAsync(new Uri($"/Admin/Queue/Review/{posting.Id}?handler=Approve", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", form.QuerySelector("[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the token works on a page the recruiter may use");
        approve.StatusCode.Should().Be(HttpStatusCode.Redirect);
        approve.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied");
        (await app.ReloadAsync(posting.Id)).Status.Should().Be(PostingStatus.PendingReview);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_even_for_an_admin()
    {
        var company = await app.CompanyWithRecruiterAsync();
        var posting = await app.PendingAsync(company);
        var admin = await app.AdminClientAsync();

        var response = await admin.PostAsync(new Uri($"/Admin/Queue/Review/{posting.Id}?handler=Approve", UriKind.Relative), new FormUrlEncodedContent([]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await app.ReloadAsync(posting.Id)).Status.Should().Be(PostingStatus.PendingReview);
    }
}
