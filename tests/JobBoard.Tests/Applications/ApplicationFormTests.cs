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

/// <summary>The on-board application form: what it stores, what it refuses, and who hears of it.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class ApplicationFormTests(JobBoardApp app) : WebTest(app)
{
    private Company _company = null!;
    private JobPosting _posting = null!;
    private BoardUser _seeker = null!;
    private HttpClient _client = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _company = Company();
        _posting = Published(_company, Content() with { ApplyUrl = null, TakesApplicationsOnBoard = true });
        await app.InsertAsync(_company, _posting);
        await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, _company, password: null);
        await app.CreateUserAsync("joiner@acme.test", BoardRoles.Recruiter, _company, owner: false, password: null);
        _seeker = await app.CreateUserAsync("jane@example.com", BoardRoles.Seeker, password: null);
        _client = await app.SignedInClientAsync(_seeker);
    }

    [Fact]
    public async Task A_seeker_applies_with_a_PDF_the_application_and_CV_are_stored_and_the_companys_recruiters_are_told()
    {
        var form = await _client.GetDocumentAsync(ApplicationForms.FormUrl(_posting.Id));
        form.QuerySelector("#Name")!.GetAttribute("value").Should().Be("jane", "the form starts with the account's name");
        form.QuerySelector("#Email")!.GetAttribute("value").Should().Be("jane@example.com");
        var pdf = Pdf();

        var response = await _client.ApplyAsync(_posting.Id, ("Jane Doe CV.pdf", PdfType, pdf), new Dictionary<string, string>
        {
            ["Name"] = "Jane Doe",
            ["Phone"] = "+1 312 555 0100",
            ["Note"] = "Ten years on an oncology ward.\n\nAvailable from January.",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.OriginalString.Should().Be("/applications");
        var (application, cv) = await StoredAsync();
        application.Should().Match<JobApplication>(a => a.PostingId == _posting.Id && a.UserId == _seeker.Id && a.Name == "Jane Doe"
            && a.Email == "jane@example.com" && a.Phone == "+1 312 555 0100" && a.CoverNote == "Ten years on an oncology ward.\n\nAvailable from January."
            && a.CvFileName == "Jane Doe CV.pdf" && a.CvKind == CvKind.Pdf && a.Status == ApplicationStatus.New && a.SubmittedAt == Now);
        cv!.Content.Should().Equal(pdf);

        var list = await _client.GetDocumentAsync("/applications");
        list.QuerySelector("[data-testid=outcome]")!.Text().Should().Be("Your application for “Registered Nurse” was sent to Acme Health.");
        list.QuerySelector("[data-testid=application]")!.Text().Should().Be("Registered Nurse Acme Health 23 November 2026 New");

        var notice = (await app.Mail.WaitForAsync("recruiter@acme.test")).Should().ContainSingle().Subject;
        notice.Subject.Should().Be("New application: Registered Nurse");
        notice.TextBody.Should().Contain("Jane Doe applied for “Registered Nurse”").And.Contain($"/Recruiter/Applications/Details/{application.Id}");
        app.Mail.Messages().Where(m => m.To.ToString().Contains("joiner@acme.test", StringComparison.Ordinal)).Should().BeEmpty(
            "only approved recruiters hear of applications");
    }

    [Fact]
    public async Task A_Word_document_is_accepted_too()
    {
        var response = await _client.ApplyAsync(_posting.Id, ("cv.docx", DocxType, Docx()));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await StoredAsync()).Application.CvKind.Should().Be(CvKind.Docx);
    }

    public static TheoryData<string, string, string> NotCvs => new()
    {
        { "html", "cv.pdf", PdfType },
        { "exe", "cv.pdf", PdfType },
        { "png", "photo.pdf", PdfType },
        { "png", "photo.png", "image/png" },
        { "zip", "cv.docx", DocxType },
        { "pdf", "cv.html", "text/html" },
    };

    [Theory]
    [MemberData(nameof(NotCvs))]
    public async Task A_file_that_is_not_a_PDF_or_DOCX_is_refused_whatever_its_name_or_declared_type_and_nothing_is_stored(
        string kind, string name, string type)
    {
        var bytes = kind switch { "html" => HtmlPage(), "exe" => Exe(), "png" => Png(), "zip" => ZipWithoutDocument(), _ => Pdf() };

        var response = await _client.ApplyAsync(_posting.Id, (name, type, bytes), new Dictionary<string, string> { ["Note"] = "Please read my CV." });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=cv-error]")!.Text().Should().Be("Only PDF and Word (.docx) files are accepted, and this file is neither.");
        page.QuerySelector("#Note")!.TextContent.Trim().Should().Be("Please read my CV.", "what was typed is kept");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task A_CV_over_5_MB_or_none_at_all_is_refused_with_a_message_and_nothing_is_stored()
    {
        var oversize = await _client.ApplyAsync(_posting.Id, ("big.pdf", PdfType, OversizePdf()));
        var missing = await _client.ApplyAsync(_posting.Id, cv: null);

        (await ErrorAsync(oversize, "cv-error")).Should().Be("A CV may be at most 5 MB.");
        (await ErrorAsync(missing, "cv-error")).Should().Be("Attach your CV as a PDF or Word (.docx) file.");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Every_bad_field_gets_its_message_at_once_and_nothing_is_stored()
    {
        var response = await _client.ApplyAsync(_posting.Id, ("cv.pdf", PdfType, HtmlPage()), new Dictionary<string, string>
        {
            ["Name"] = " ",
            ["Email"] = "not an address",
        });

        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=Name]")!.Text().Should().Be("Give your name.");
        page.QuerySelector("[data-valmsg-for=Email]")!.Text().Should().Be("Give an e-mail address the company can reply to.");
        page.QuerySelector("[data-testid=cv-error]")!.Text().Should().NotBeEmpty();
        await NothingStoredAsync();
    }

    [Fact]
    public async Task One_application_per_seeker_and_posting_a_second_attempt_shows_the_first()
    {
        (await _client.ApplyAsync(_posting.Id, ("first.pdf", PdfType, Pdf()))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var form = await _client.GetDocumentAsync(ApplicationForms.FormUrl(_posting.Id));

        form.QuerySelector("[data-testid=application-form]").Should().BeNull();
        form.QuerySelector("[data-testid=existing-application]")!.Text().Should().Be(
            "You applied for this job on 23 November 2026 with first.pdf. Its status: New. See all your applications");

        // A form kept open in another tab is posted anyway.
        var token = await AntiforgeryTokenAsync();
        using var again = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Jane"), "Name" },
            { new StringContent("jane@example.com"), "Email" },
            { new ByteArrayContent(Pdf()) { Headers = { ContentType = new(PdfType) } }, "Cv", "second.pdf" },
        };
        var second = await _client.PostAsync(new Uri(ApplicationForms.FormUrl(_posting.Id), UriKind.Relative), again);
        (await Html.ParseAsync(await second.Content.ReadAsStringAsync())).QuerySelector("[data-testid=existing-application]").Should().NotBeNull();
        (await app.ExecuteDbContextAsync(db => db.JobApplications.Select(a => a.CvFileName).ToListAsync())).Should().Equal("first.pdf");
    }

    [Fact]
    public async Task A_posting_without_on_board_applications_or_no_longer_open_has_no_form()
    {
        var linked = Published(Company("Beta Care"), Content("Linked Nurse"));
        var closed = Published(Company("Gamma Clinic"), Content("Closed Nurse") with { ApplyUrl = null, TakesApplicationsOnBoard = true });
        closed.Close("recruiter@gamma.test", Now).Succeeded.Should().BeTrue();
        var draft = Draft(Company("Delta Health"), Content("Draft Nurse") with { TakesApplicationsOnBoard = true });
        await app.InsertAsync(linked, closed, draft);

        foreach (var posting in new[] { linked, closed })
        {
            var response = await _client.GetAsync(new Uri(ApplicationForms.FormUrl(posting.Id), UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.Should().Be($"/jobs/{posting.Id}/{posting.Slug}");
        }

        (await _client.GetAsync(new Uri(ApplicationForms.FormUrl(draft.Id), UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await NothingStoredAsync();
    }

    [Fact]
    public async Task A_seeker_with_no_applications_is_told_how_to_make_one()
    {
        var page = await _client.GetDocumentAsync("/applications");

        page.QuerySelector("[data-testid=no-applications]").Should().NotBeNull();
        page.QuerySelector("[data-testid=account-nav] a[href='/applications']")!.Text().Should().Be("My applications");
    }

    private async Task<string> AntiforgeryTokenAsync()
    {
        // The seeker's own applications page carries the nav's sign-out form, and with it a token for this user.
        var page = await _client.GetDocumentAsync("/applications");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string testId)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await Html.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector($"[data-testid={testId}]")!.Text();
    }

    private Task<(JobApplication Application, ApplicationCv? Cv)> StoredAsync() => app.ExecuteDbContextAsync(async db =>
    {
        var application = await db.JobApplications.AsNoTracking().SingleAsync();
        return (application, await db.ApplicationCvs.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicationId == application.Id));
    });

    private async Task NothingStoredAsync()
    {
        (await app.ExecuteDbContextAsync(db => db.JobApplications.CountAsync())).Should().Be(0);
        (await app.ExecuteDbContextAsync(db => db.ApplicationCvs.CountAsync())).Should().Be(0);
        app.Mail.Messages().Should().BeEmpty();
    }
}
