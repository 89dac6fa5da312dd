using System.Net;
using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Applications;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static JobBoard.Tests.Infrastructure.CvSamples;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Applications;

/// <summary>The recruiter's inbox: only their company's applications, the CV only to them, and statuses the seeker sees.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class RecruiterInboxTests(JobBoardApp app) : WebTest(app)
{
    private JobPosting _nurse = null!;
    private JobPosting _porter = null!;
    private BoardUser _jane = null!;
    private HttpClient _recruiter = null!;
    private HttpClient _seeker = null!;
    private long _janeApplication;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var acme = Company();
        var other = Company("Other Care");
        _nurse = Published(acme, Content("Registered Nurse") with { ApplyUrl = null, TakesApplicationsOnBoard = true });
        _porter = Published(acme, Content("Hospital Porter") with { ApplyUrl = null, TakesApplicationsOnBoard = true });
        var elsewhere = Published(other, Content("Night Nurse") with { ApplyUrl = null, TakesApplicationsOnBoard = true });
        await app.InsertAsync(acme, other, _nurse, _porter, elsewhere);
        _recruiter = await app.SignedInClientAsync(await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme, password: null));
        await app.CreateUserAsync("recruiter@other.test", BoardRoles.Recruiter, other, password: null);

        _jane = await app.CreateUserAsync("jane@example.com", BoardRoles.Seeker, password: null);
        _seeker = await app.SignedInClientAsync(_jane);
        var note = new Dictionary<string, string> { ["Name"] = "Jane Doe", ["Note"] = "I <b>love</b> night shifts." };
        (await _seeker.ApplyAsync(_nurse.Id, ("Jane CV.pdf", PdfType, Pdf("Jane")), note)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var sam = await app.SignedInClientAsync(await app.CreateUserAsync("sam@example.com", BoardRoles.Seeker, password: null));
        app.Clock.Advance(TimeSpan.FromHours(1));
        (await sam.ApplyAsync(_porter.Id, ("sam.docx", DocxType, Docx("Sam")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await sam.ApplyAsync(elsewhere.Id, ("sam.docx", DocxType, Docx("Sam")))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        _janeApplication = await app.ExecuteDbContextAsync(db => db.JobApplications.Where(a => a.UserId == _jane.Id).Select(a => a.Id).SingleAsync());
    }

    [Fact]
    public async Task The_inbox_lists_the_companys_applications_newest_first_filtered_by_posting_and_status()
    {
        var all = await _recruiter.GetDocumentAsync("/Recruiter/Applications");
        Rows(all).Should().Equal("sam Hospital Porter", "Jane Doe Registered Nurse");

        Rows(await _recruiter.GetDocumentAsync($"/Recruiter/Applications?posting={_nurse.Id}")).Should().Equal("Jane Doe Registered Nurse");
        Rows(await _recruiter.GetDocumentAsync("/Recruiter/Applications?status=Shortlisted")).Should().BeEmpty();
        all.QuerySelector("[data-status=New]")!.Text().Should().Be("New 2");

        var dashboard = await _recruiter.GetDocumentAsync("/Recruiter");
        dashboard.QuerySelector("[data-testid=applications-link]")!.Text().Should().Be("Applications (2 new)");
    }

    [Fact]
    public async Task The_details_show_the_note_as_text_and_the_CV_downloads_as_an_attachment_of_its_checked_type()
    {
        var details = await _recruiter.GetDocumentAsync($"/Recruiter/Applications/Details/{_janeApplication}");
        details.QuerySelector("[data-testid=note]")!.Text().Should().Be("I <b>love</b> night shifts.");
        details.QuerySelector("[data-testid=note] b").Should().BeNull("the note is text, never markup");
        var link = details.QuerySelector("[data-testid=cv]")!;
        link.Text().Should().Be("Jane CV.pdf");

        var cv = await _recruiter.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));

        cv.StatusCode.Should().Be(HttpStatusCode.OK);
        cv.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        cv.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        cv.Content.Headers.ContentDisposition.FileNameStar.Should().Be("Jane CV.pdf");
        cv.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        (await cv.Content.ReadAsByteArrayAsync()).Should().Equal(Pdf("Jane"));
    }

    [Fact]
    public async Task The_CV_and_the_application_are_served_only_to_the_companys_approved_recruiters()
    {
        var cvUrl = $"/Recruiter/Applications/Details/{_janeApplication}?handler=Cv";
        var detailsUrl = $"/Recruiter/Applications/Details/{_janeApplication}";
        var otherRecruiter = await app.SignedInClientAsync(await app.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Email == "recruiter@other.test")));
        var pending = await app.SignedInClientAsync(await app.CreateUserAsync("joiner@acme.test", BoardRoles.Recruiter,
            await app.ExecuteDbContextAsync(db => db.Companies.SingleAsync(c => c.Name == "Acme Health")), owner: false, password: null));
        var admin = await app.SignedInClientAsync(await app.CreateUserAsync("admin@jobboard.test", BoardRoles.Admin, password: null));

        foreach (var url in new[] { cvUrl, detailsUrl })
        {
            (await _recruiter.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await otherRecruiter.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound, "another company's application does not exist for them");
            Denied(await pending.GetAsync(new Uri(url, UriKind.Relative)), "a recruiter not yet approved");
            Denied(await _seeker.GetAsync(new Uri(url, UriKind.Relative)), "the applicant themself");
            Denied(await admin.GetAsync(new Uri(url, UriKind.Relative)), "an admin");
            var guest = await app.GuestClient().GetAsync(new Uri(url, UriKind.Relative));
            guest.Headers.Location!.AbsolutePath.Should().Be("/Account/SignIn");
        }

        Rows(await otherRecruiter.GetDocumentAsync("/Recruiter/Applications")).Should().Equal("sam Night Nurse");
        (await otherRecruiter.GetAsync(new Uri($"/Recruiter/Applications?posting={_nurse.Id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        Rows(await otherRecruiter.GetDocumentAsync($"/Recruiter/Applications?posting={_nurse.Id}")).Should().Equal(["sam Night Nurse"],
            "a posting of another company is no filter at all");
    }

    [Fact]
    public async Task A_status_the_recruiter_sets_is_what_the_seeker_sees_on_their_applications()
    {
        var detailsUrl = $"/Recruiter/Applications/Details/{_janeApplication}";
        app.Clock.Advance(TimeSpan.FromDays(2));

        var response = await _recruiter.SubmitFormAsync(detailsUrl, new Dictionary<string, string> { ["status"] = "Shortlisted" }, "form[data-testid=status-form]");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var details = await _recruiter.GetDocumentAsync(detailsUrl);
        details.QuerySelector("[data-testid=outcome]")!.Text().Should().Be("Marked shortlisted; Jane Doe sees it on their applications page.");
        details.QuerySelector("[data-testid=status]")!.Text().Should().Be("Shortlisted");
        var mine = (await _seeker.GetDocumentAsync("/applications")).QuerySelector("[data-testid=application]")!;
        mine.QuerySelector("[data-testid=status]")!.Text().Should().Be("Shortlisted");
        mine.Text().Should().Contain("since 25 November 2026");
        Rows(await _recruiter.GetDocumentAsync("/Recruiter/Applications?status=Shortlisted")).Should().Equal("Jane Doe Registered Nurse");
        var mail = (await app.Mail.WaitForAsync("jane@example.com")).Should().ContainSingle().Subject;
        mail.Subject.Should().Be("Your application for Registered Nurse at Acme Health: shortlisted");
        mail.TextBody.Should().Contain("Acme Health has marked your application for \"Registered Nurse\" as shortlisted.")
            .And.Contain("/applications");
    }

    [Fact]
    public async Task A_posting_taken_offline_for_review_is_not_linked_from_the_seekers_applications()
    {
        await app.ExecuteDbContextAsync(db => db.Postings.Where(p => p.Id == _nurse.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, PostingStatus.PendingReview)));

        var mine = (await _seeker.GetDocumentAsync("/applications")).QuerySelector("[data-testid=application]")!;

        mine.QuerySelector("a").Should().BeNull("the posting's page answers 404 while its edit waits for review");
        mine.QuerySelector("td")!.Text().Should().Contain("Registered Nurse").And.Contain("not online while the company updates it");
    }

    [Fact]
    public async Task Only_a_decision_is_mailed_to_the_seeker_not_a_review()
    {
        var detailsUrl = $"/Recruiter/Applications/Details/{_janeApplication}";

        await _recruiter.SubmitFormAsync(detailsUrl, new Dictionary<string, string> { ["status"] = "Reviewed" }, "form[data-testid=status-form]");
        await _recruiter.SubmitFormAsync(detailsUrl, new Dictionary<string, string> { ["status"] = "Rejected" }, "form[data-testid=status-form]");
        await _recruiter.SubmitFormAsync(detailsUrl, new Dictionary<string, string> { ["status"] = "Rejected" }, "form[data-testid=status-form]");

        var mail = (await app.Mail.WaitForAsync("jane@example.com")).Should().ContainSingle("a review is not a decision, and a decision made twice is mailed once").Subject;
        mail.Subject.Should().EndWith(": rejected");
    }

    [Fact]
    public async Task An_unknown_status_or_another_companys_application_changes_nothing()
    {
        var detailsUrl = $"/Recruiter/Applications/Details/{_janeApplication}";
        (await _recruiter.SubmitFormAsync(detailsUrl, new Dictionary<string, string> { ["status"] = "Hired" }, "form[data-testid=status-form]"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _recruiter.GetDocumentAsync(detailsUrl)).QuerySelector("[data-testid=outcome]")!.Text().Should().Be("Choose a status from the list.");

        var samsElsewhere = await app.ExecuteDbContextAsync(db => db.JobApplications.Where(a => a.PostingId != _nurse.Id && a.PostingId != _porter.Id).Select(a => a.Id).SingleAsync());
        var detailsPage = await _recruiter.GetDocumentAsync(detailsUrl);
        var form = detailsPage.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[data-testid=status-form]")!;
        form.SetAttribute("action", $"/Recruiter/Applications/Details/{samsElsewhere}?handler=Status");
        (await _recruiter.PostFormAsync(form, detailsUrl, [new("status", "Rejected")])).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await app.ExecuteDbContextAsync(db => db.JobApplications.Select(a => a.Status).ToListAsync())).Should().AllBeEquivalentTo(ApplicationStatus.New);
    }

    private static void Denied(HttpResponseMessage response, string who)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, who);
        response.Headers.Location!.AbsolutePath.Should().Be("/Account/AccessDenied", who);
    }

    private static List<string> Rows(IDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=application]").Select(row => string.Join(" ", row.QuerySelectorAll("td").Take(2).Select(td => td.Text())))];
}
