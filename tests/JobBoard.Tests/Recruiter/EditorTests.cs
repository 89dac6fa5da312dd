using System.Net;
using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Recruiter;

/// <summary>The recruiter's posting editor, through its real pages and forms.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class EditorTests(JobBoardApp app) : WebTest(app)
{
    private const string NewPage = "/Recruiter/Postings/New";
    private const string Editor = "form[data-testid=editor]";
    private static readonly KeyValuePair<string, string> Save = new("command", "Save");

    private Company _company = null!;
    private HttpClient _client = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _company = Company();
        _company.SetSection("eeo", "Equal opportunity", "We hire without regard to race, religion or sex.");
        await app.InsertAsync(_company, Category.Create("Healthcare"), Category.Create("Sales"), Skill.Create("CRM"));
        var recruiter = await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, _company);
        _client = await app.SignedInClientAsync(recruiter);
    }

    private static Dictionary<string, string> Minimal(string title = "Oncology Nurse") => new()
    {
        ["Form.Title"] = title,
        ["Form.Summary"] = "Care for patients in our clinic.",
        ["Form.ApplyUrl"] = "https://acme.test/apply",
        ["Form.Locations[0]"] = "Chicago, IL, United States",
    };

    private async Task<int> CreateAsync(IDictionary<string, string> fields, string handler = "Save")
    {
        var response = await _client.SubmitFormAsync(NewPage, fields, Editor, new("command", handler));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<JobPosting> StoredAsync(int id) => app.ExecuteDbContextAsync(db => db.Postings
        .Include(p => p.Company).Include(p => p.Locations).Include(p => p.Categories).ThenInclude(c => c.Category)
        .Include(p => p.Skills).ThenInclude(s => s.Skill).Include(p => p.StatusHistory)
        .AsSplitQuery().SingleAsync(p => p.Id == id));

    private Task PublishAsync(int id) => app.ExecuteDbContextAsync(async db =>
    {
        var posting = await db.Postings.Include(p => p.Company).Include(p => p.StatusHistory).SingleAsync(p => p.Id == id);
        posting.Publish("admin@jobboard.test", Now).Succeeded.Should().BeTrue();
        await db.SaveChangesAsync();
    });

    private Task<int> CountPostingsAsync() => app.ExecuteDbContextAsync(db => db.Postings.CountAsync());

    [Fact]
    public async Task A_posting_made_with_every_field_reads_back_on_its_public_page_once_approved()
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Title", "Key Account Manager"),
            new("Form.Summary", "Grow our oncology business."),
            new("Form.CoreResponsibilities", "Own the key accounts of the region."),
            new("Form.RequisitionReference", "REQ-2026-17"),
            new("Form.ApplyUrl", "https://acme.test/apply/17"),
            new("Form.ApplyEmail", "jobs@acme.test"),
            new("Form.Responsibilities[0]", "Plan the territory"),
            new("Form.Requirements[0].Importance", "Essential"),
            new("Form.Requirements[0].Text", "Native-level Romanian"),
            new("Form.Requirements[0].Language", "Romanian"),
            new("Form.Requirements[0].LanguageProficiency", "native-level"),
            new("Form.Requirements[0].TravelPercentMin", "60"),
            new("Form.Requirements[0].TravelPercentMax", "80"),
            new("Form.Locations[0]", "Chicago, IL, United States"),
            new("Form.SalaryCurrency", "usd"),
            new("Form.SalaryMin", "176400"),
            new("Form.SalaryMax", "327600"),
            new("Form.SalaryPeriod", "Year"),
            new("Form.CashIncentive", "true"),
            new("Form.Benefits", "Health, dental, 401(k)."),
            new("Form.WorkMode", "FieldBased"),
            new("Form.RelocationSupport", "no"),
            new("Form.VisaSponsorship", "yes"),
            new("Form.EmploymentType", "FullTime"),
            new("Form.Seniority", "Senior"),
            new("Form.ExperienceYearsMin", "2"),
            new("Form.ExperienceYearsMax", "5"),
            new("Form.HoursPerWeek", "40"),
            new("Form.WorkingLanguage", "English"),
            new("Form.Categories", "healthcare"),
            new("Form.Categories", "sales"),
            new("Form.Skills[0]", "crm"),
            new("Form.DatePosted", "2026-11-20"),
            new("Form.ValidThrough", "2026-12-31"),
        };
        // Two more rows made with the row buttons, as a recruiter without script would.
        var withRows = await _client.SubmitFormAsync(NewPage, fields, Editor, new("row", "add:Requirements"));
        var page = await ParseAsync(withRows);
        var rowsAdded = await _client.PostFormAsync(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(Editor)!, NewPage, submitter: new("row", "add:Sections"));
        page = await ParseAsync(rowsAdded);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name='Form.Title']")!.Value.Should().Be("Key Account Manager", "a row button keeps every value");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(Editor)!;
        var saved = await _client.PostFormAsync(form, NewPage, new Dictionary<string, string>
        {
            ["Form.Requirements[1].Importance"] = "Desirable",
            ["Form.Requirements[1].Text"] = "A valid driver's licence",
            ["Form.Requirements[1].Licence"] = "Driver's licence",
            ["Form.Sections[0].Kind"] = "CompanyBoilerplate",
            ["Form.Sections[0].CompanySectionKey"] = "eeo",
        }, new("command", "Submit"));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        (await StoredAsync(id)).Status.Should().Be(PostingStatus.PendingReview);
        await PublishAsync(id);
        var stored = await StoredAsync(id);
        var (_, publicPage) = await app.GetPageAsync($"/jobs/{id}/{stored.Slug}");

        var text = publicPage.QuerySelector("main")!.Text();
        text.Should().Contain("Key Account Manager").And.Contain("Grow our oncology business.").And.Contain("Plan the territory")
            .And.Contain("Native-level Romanian").And.Contain("A valid driver's licence").And.Contain("We hire without regard to race")
            .And.Contain("REQ-2026-17").And.Contain("Chicago, IL").And.Contain("Field based").And.Contain("Senior")
            .And.Contain("English").And.Contain("Health, dental, 401(k).");
        publicPage.QuerySelector("[data-testid=salary]")!.Text().Should().Contain("176,400").And.Contain("327,600").And.Contain("cash incentive");
        publicPage.QuerySelector("[data-testid=categories]")!.Text().Should().Contain("Healthcare").And.Contain("Sales");
        publicPage.QuerySelector("[data-testid=skills]")!.Text().Should().Be("CRM", "a known skill is matched whatever its case");
        stored.Requirements[0].Facts.Should().Be(new RequirementFacts(Language: "Romanian", LanguageProficiency: "native-level", TravelPercentMin: 60, TravelPercentMax: 80));
        stored.Requirements[1].Importance.Should().Be(RequirementImportance.Desirable);
        stored.Compensation!.Currency.Should().Be("USD");
        stored.ApplyEmail.Should().Be("jobs@acme.test");
        (stored.ValidThrough, stored.DatePosted, stored.VisaSponsorship, stored.RelocationSupport, stored.HoursPerWeek)
            .Should().Be((new DateOnly(2026, 12, 31), new DateOnly(2026, 11, 20), true, false, 40m));
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Form.Title", "   ", "A posting needs a title." },
        { "Form.Summary", new string('a', 50_000), "at most 20,000 characters" },
        { "Form.RequisitionReference", new string('r', 50_000), "at most 500 characters" },
        { "Form.Summary", "Care\u0007for patients", "control characters" },
        { "Form.SalaryMin", "90000", "The minimum salary cannot be above the maximum." },
        { "Form.ValidThrough", "2026-11-01", "The closing date must be after the posting date." },
        { "Form.WorkMode", "Underwater", "Choose a work mode from the list." },
        { "Form.EmploymentType", "7", "Choose a job type from the list." },
        { "Form.ApplyUrl", "javascript:alert(1)", "The apply link must be an http or https address." },
        { "Form.ApplyEmail", "not-an-address", "The apply e-mail is not a valid address." },
        { "Form.Locations[0]", "Atlantisville, Nowhere", "is not a city we know" },
        { "Form.ExperienceYearsMin", "lots", "is not valid" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_at_its_field_keeps_what_was_typed_and_stores_nothing(string field, string value, string message)
    {
        var fields = Minimal();
        fields["Form.SalaryCurrency"] = "USD";
        fields["Form.SalaryMax"] = "80000";
        fields["Form.DatePosted"] = "2026-11-20";
        fields[field] = value;

        var response = await _client.SubmitFormAsync(NewPage, fields, Editor, Save);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await ParseAsync(response);
        var fieldMessage = page.QuerySelector($"[data-valmsg-for='{field}']");
        fieldMessage.Should().NotBeNull();
        fieldMessage!.Text().Should().Contain(message);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("[name='Form.Summary']")!.Value
            .Should().Be(field == "Form.Summary" ? value : "Care for patients in our clinic.");
        (await CountPostingsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_unknown_place_is_answered_with_places_the_gazetteer_knows()
    {
        var fields = Minimal();
        fields["Form.Locations[0]"] = "Chicagoo";

        var page = await ParseAsync(await _client.SubmitFormAsync(NewPage, fields, Editor, Save));

        page.QuerySelector("[data-valmsg-for='Form.Locations[0]']")!.Text().Should().Contain("Did you mean");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name='Form.Locations[0]']")!.Value.Should().Be("Chicagoo");
    }

    [Fact]
    public async Task Script_in_a_title_is_shown_as_text_in_the_preview()
    {
        var fields = Minimal("<script>alert('x')</script> Nurse");

        var response = await _client.SubmitFormAsync(NewPage, fields, Editor, new("command", "Preview"));

        var html = await response.Content.ReadAsStringAsync();
        html.Should().NotContain("<script>alert('x')</script>");
        var page = ParseAsync(html);
        page.QuerySelector("[data-testid=preview] h1")!.Text().Should().Be("<script>alert('x')</script> Nurse");
        (await CountPostingsAsync()).Should().Be(0, "a preview stores nothing");
    }

    [Fact]
    public async Task Rows_are_moved_and_removed_without_script_keeping_every_value()
    {
        var fields = Minimal();
        fields["Form.Responsibilities[0]"] = "First";
        var page = await ParseAsync(await _client.SubmitFormAsync(NewPage, fields, Editor, new("row", "add:Responsibilities")));
        page = await ParseAsync(await _client.PostFormAsync(Form(page), NewPage, new Dictionary<string, string> { ["Form.Responsibilities[1]"] = "Second" }, new("row", "add:Responsibilities")));
        page = await ParseAsync(await _client.PostFormAsync(Form(page), NewPage, new Dictionary<string, string> { ["Form.Responsibilities[2]"] = "Third" }, new("row", "up:Responsibilities:2")));

        Responsibilities(page).Should().Equal("First", "Third", "Second");
        page = await ParseAsync(await _client.PostFormAsync(Form(page), NewPage, submitter: new("row", "remove:Responsibilities:0")));
        Responsibilities(page).Should().Equal("Third", "Second");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name='Form.Title']")!.Value.Should().Be("Oncology Nurse");

        var saved = await _client.PostFormAsync(Form(page), NewPage, submitter: Save);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        (await StoredAsync(id)).Responsibilities.Should().Equal("Third", "Second");

        static AngleSharp.Html.Dom.IHtmlFormElement Form(IDocument page) => page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(Editor)!;
        static IEnumerable<string> Responsibilities(IDocument page) =>
            page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlTextAreaElement>("[name^='Form.Responsibilities[']").Select(t => t.Value);
    }

    [Fact]
    public async Task The_preview_is_the_public_page_markup()
    {
        var fields = Minimal();
        fields["Form.DatePosted"] = "2026-11-23";
        fields["Form.ValidThrough"] = "2026-12-31";
        fields["Form.Responsibilities[0]"] = "Care for patients";
        fields["Form.Requirements[0].Text"] = "A nursing licence";
        var id = await CreateAsync(fields, "Submit");
        await PublishAsync(id);

        var preview = await ParseAsync(await _client.SubmitFormAsync($"/Recruiter/Postings/Edit/{id}", null, Editor, new("command", "Preview")));
        var stored = await StoredAsync(id);
        var (_, publicPage) = await app.GetPageAsync($"/jobs/{id}/{stored.Slug}");

        var previewBody = preview.QuerySelector("[data-testid=preview] > .row")!.OuterHtml;
        previewBody.Should().Contain("Care for patients");
        // The public page adds only the seeker's Save button beside Apply; the preview has nothing to save.
        var publicBody = publicPage.QuerySelector("main .row.g-4")!;
        publicBody.QuerySelectorAll("[data-testid=save-job]").Should().ContainSingle();
        publicBody.QuerySelector("[data-testid=save-job]")!.Remove();
        static string Markup(string html) => System.Text.RegularExpressions.Regex.Replace(html, @"\s+", " ");
        Markup(previewBody).Should().Be(Markup(publicBody.OuterHtml));
    }

    [Fact]
    public async Task Submit_close_renew_and_duplicate_from_the_editor()
    {
        var id = await CreateAsync(Minimal(), "Submit");
        (await StoredAsync(id)).Status.Should().Be(PostingStatus.PendingReview);
        await PublishAsync(id);
        var edit = $"/Recruiter/Postings/Edit/{id}";

        var renewed = await _client.SubmitFormAsync(edit, new Dictionary<string, string> { ["RenewUntil"] = "2027-03-01" }, "form[data-testid=renew]");
        renewed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync(id)).ValidThrough.Should().Be(new DateOnly(2027, 3, 1));

        var copy = await _client.SubmitFormAsync(edit, null, "form[data-testid=duplicate]");
        var copyId = int.Parse(copy.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var duplicate = await StoredAsync(copyId);
        (duplicate.Status, duplicate.Title, duplicate.CompanyId, duplicate.ValidThrough).Should().Be((PostingStatus.Draft, "Oncology Nurse", _company.Id, (DateOnly?)null));
        copyId.Should().NotBe(id);

        var closed = await _client.SubmitFormAsync(edit, null, "form[data-testid=close]");
        closed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync(id)).Status.Should().Be(PostingStatus.Closed);
        var (_, publicPage) = await app.GetPageAsync($"/jobs/{id}/oncology-nurse");
        publicPage.QuerySelector("main")!.Text().Should().Contain("no longer accepting applications");
    }

    [Fact]
    public async Task A_stale_copy_is_refused_with_the_input_kept_and_nothing_lost()
    {
        var id = await CreateAsync(Minimal());
        var edit = $"/Recruiter/Postings/Edit/{id}";
        var second = await app.SignedInClientAsync(await app.CreateUserAsync("colleague@acme.test", BoardRoles.Recruiter, _company));
        var firstForm = (await _client.GetDocumentAsync(edit)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(Editor)!;
        var secondForm = (await second.GetDocumentAsync(edit)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(Editor)!;

        (await _client.PostFormAsync(firstForm, edit, new Dictionary<string, string> { ["Form.Title"] = "Charge Nurse" }, Save))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var refused = await second.PostFormAsync(secondForm, edit, new Dictionary<string, string> { ["Form.Title"] = "Head Nurse" }, Save);

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await ParseAsync(refused);
        page.QuerySelector("[data-testid=conflict]")!.Text().Should().Contain("someone else changed this posting").And.Contain("reload the current version");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name='Form.Title']")!.Value.Should().Be("Head Nurse");
        (await StoredAsync(id)).Title.Should().Be("Charge Nurse");
    }

    [Fact]
    public async Task Another_companys_posting_is_not_found_by_any_handler()
    {
        var other = Company("Globex");
        var theirs = Draft(other);
        await app.InsertAsync(other, theirs);
        var edit = $"/Recruiter/Postings/Edit/{theirs.Id}";
        var token = (await _client.GetDocumentAsync(NewPage)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name=__RequestVerificationToken]")!.Value;

        (await _client.GetAsync(new Uri(edit, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var (handler, command) in new[] { ("", ""), ("", "Preview"), ("", "Save"), ("", "Submit"), ("Close", ""), ("Renew", ""), ("Duplicate", "") })
        {
            var response = await _client.PostAsync(new Uri($"{edit}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["command"] = command,
                ["row"] = "add:Skills",
                ["Form.Title"] = "Mine now",
                ["RenewUntil"] = "2027-01-01",
                ["Form.Version"] = "0",
            }));
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"handler '{handler}', command '{command}'");
        }

        var stored = await app.ExecuteDbContextAsync(db => db.Postings.CountAsync(p => p.CompanyId == other.Id));
        stored.Should().Be(1, "no duplicate was made");
        (await StoredAsync(theirs.Id)).Title.Should().Be("Registered Nurse");
    }

    [Fact]
    public async Task A_posting_in_a_pay_transparency_state_without_a_range_is_flagged_in_the_editor()
    {
        var id = await CreateAsync(Minimal());

        var flagged = await _client.GetDocumentAsync($"/Recruiter/Postings/Edit/{id}");
        flagged.QuerySelector("[data-testid=pay-transparency]")!.Text().Should().Contain("Illinois");

        var fields = Minimal();
        fields["Form.Locations[0]"] = "Bucharest, Romania";
        var elsewhere = await CreateAsync(fields);
        (await _client.GetDocumentAsync($"/Recruiter/Postings/Edit/{elsewhere}")).QuerySelector("[data-testid=pay-transparency]").Should().BeNull();

        var ranged = Minimal();
        ranged["Form.SalaryCurrency"] = "USD";
        ranged["Form.SalaryMin"] = "70000";
        ranged["Form.SalaryMax"] = "90000";
        var withRange = await CreateAsync(ranged);
        (await _client.GetDocumentAsync($"/Recruiter/Postings/Edit/{withRange}")).QuerySelector("[data-testid=pay-transparency]").Should().BeNull();
    }

    [Fact]
    public async Task Editing_a_published_posting_sends_it_back_to_review_but_a_quick_typo_fix_shows_at_once()
    {
        var id = await CreateAsync(Minimal("Oncology Nurse"), "Submit");
        await PublishAsync(id);
        var edit = $"/Recruiter/Postings/Edit/{id}";
        (await app.GetPageAsync($"/jobs/{id}/oncology-nurse")).Document.QuerySelector("h1")!.Text().Should().Be("Oncology Nurse");

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await _client.SubmitFormAsync(edit, new Dictionary<string, string> { ["Form.Title"] = "Oncology Nurses" }, Editor, Save))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync(id)).Status.Should().Be(PostingStatus.Published);
        (await app.GetPageAsync($"/jobs/{id}/oncology-nurses")).Document.QuerySelector("h1")!.Text()
            .Should().Be("Oncology Nurses", "the cached page was forgotten");

        (await _client.SubmitFormAsync(edit, new Dictionary<string, string> { ["Form.Summary"] = "An entirely different job in our new clinic." }, Editor, Save))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync(id)).Status.Should().Be(PostingStatus.PendingReview);
        (await app.GetPageAsync($"/jobs/{id}/oncology-nurses")).Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_reviewers_reason_is_shown_at_the_top_of_the_editor()
    {
        var id = await CreateAsync(Minimal(), "Submit");
        await app.ExecuteDbContextAsync(async db =>
        {
            var posting = await db.Postings.Include(p => p.StatusHistory).SingleAsync(p => p.Id == id);
            posting.Reject("admin@jobboard.test", "The salary is missing.", Now).Succeeded.Should().BeTrue();
            await db.SaveChangesAsync();
        });

        var page = await _client.GetDocumentAsync($"/Recruiter/Postings/Edit/{id}");

        page.QuerySelector("[data-testid=rejection]")!.Text().Should().Contain("The salary is missing.");
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) => ParseAsync(await response.Content.ReadAsStringAsync());

    private static IDocument ParseAsync(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
}
