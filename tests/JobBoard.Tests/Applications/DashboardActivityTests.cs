using System.Net;
using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Applications;

/// <summary>The recruiter dashboard's chart of views and apply clicks, and the editor's choice of applications on the board.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class DashboardActivityTests(JobBoardApp app) : WebTest(app)
{
    private const string Editor = "form[data-testid=editor]";

    private PostingActivity Activity => app.Services.GetRequiredService<PostingActivity>();

    [Fact]
    public async Task The_chart_draws_the_counted_views_and_apply_clicks_of_the_last_30_days_with_their_totals_in_words()
    {
        var acme = Company();
        var other = Company("Other Care");
        var nurse = Published(acme, Content("Registered Nurse"));
        var porter = Published(acme, Content("Hospital Porter"));
        var quiet = Published(acme, Content("Quiet Clerk"));
        var theirs = Published(other, Content("Their Nurse"));
        await app.InsertAsync(acme, other, nurse, porter, quiet, theirs);
        var recruiter = await app.SignedInClientAsync(await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme, password: null));

        // 40 days ago: outside the chart's 30 days.
        app.Clock.AdjustTime(Now.AddDays(-40));
        Count(nurse.Id, views: 50, clicks: 5);
        await Activity.FlushAsync(CancellationToken.None);
        app.Clock.AdjustTime(Now.AddDays(-2));
        Count(nurse.Id, views: 4, clicks: 1);
        Count(theirs.Id, views: 9, clicks: 9);
        await Activity.FlushAsync(CancellationToken.None);
        app.Clock.AdjustTime(Now);
        Count(nurse.Id, views: 8, clicks: 2);
        Count(porter.Id, views: 1, clicks: 0);
        // Clicks through the real route count as well.
        (await app.GuestClient().GetAsync(new Uri($"/jobs/{porter.Id}/apply", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await Activity.FlushAsync(CancellationToken.None);

        var page = await recruiter.GetDocumentAsync("/Recruiter");

        var charts = page.QuerySelectorAll("[data-testid=activity-chart]");
        charts.Select(c => c.QuerySelector("[data-testid=activity-summary]")!.Text()).Should().Equal(
            "Registered Nurse: 12 views and 3 apply clicks in the last 30 days, most views on 23 November.",
            "Hospital Porter: 1 view and 1 apply click in the last 30 days, most views on 23 November.");
        var nurseChart = charts[0];
        nurseChart.QuerySelector("svg")!.GetAttribute("role").Should().Be("img");
        nurseChart.QuerySelector("svg title")!.Text().Should().StartWith("Registered Nurse: 12 views");
        var views = Points(nurseChart, "views-line");
        views.Should().HaveCount(30);
        views[^1].Y.Should().Be(2, "the busiest day reaches the top");
        views[^3].Y.Should().Be(30, "half the views, half the height");
        views.Take(27).Should().OnlyContain(p => p.Y == 58, "no views on the other days");
        Points(nurseChart, "apply-clicks-line")[^1].Y.Should().Be(44, "2 clicks of a peak of 8 reach a quarter of the height");

        page.QuerySelector("[data-testid=activity-totals]")!.QuerySelectorAll("tbody tr").Select(r => string.Join(" ", r.Children.Select(cell => cell.Text())))
            .Should().Equal("Registered Nurse 12 3", "Hospital Porter 1 1");
        page.QuerySelector("[data-testid=activity]")!.Text().Should().NotContain("Their Nurse").And.NotContain("Quiet Clerk");
    }

    [Fact]
    public async Task Without_counts_the_dashboard_shows_no_chart()
    {
        var acme = Company();
        await app.InsertAsync(acme, Published(acme));
        var recruiter = await app.SignedInClientAsync(await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme, password: null));

        (await recruiter.GetDocumentAsync("/Recruiter")).QuerySelector("[data-testid=activity]").Should().BeNull();
    }

    [Fact]
    public async Task The_editor_takes_applications_on_the_board_when_ticked_and_keeps_the_choice_through_edits()
    {
        var acme = Company();
        await app.InsertAsync(acme);
        var recruiter = await app.SignedInClientAsync(await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme, password: null));

        var created = await recruiter.SubmitFormAsync("/Recruiter/Postings/New", new Dictionary<string, string>
        {
            ["Form.Title"] = "Oncology Nurse",
            ["Form.Summary"] = "Care for patients in our clinic.",
            ["Form.Locations[0]"] = "Chicago, IL, United States",
            ["Form.TakesApplicationsOnBoard"] = "true",
        }, Editor, new("command", "Submit"));

        created.StatusCode.Should().Be(HttpStatusCode.Redirect, "no apply link or address is needed when the board takes the applications");
        var edit = created.Headers.Location!.OriginalString;
        var stored = await StoredAsync();
        stored.Should().Match<JobPosting>(p => p.TakesApplicationsOnBoard && p.ApplyUrl == null && p.Status == PostingStatus.PendingReview);
        var box = (await recruiter.GetDocumentAsync(edit)).QuerySelector("#Form_TakesApplicationsOnBoard")!;
        box.HasAttribute("checked").Should().BeTrue();
        (await recruiter.GetDocumentAsync(edit)).QuerySelector("label[for=Form_TakesApplicationsOnBoard]")!.Text().Should().Be("Take applications on the board");

        (await recruiter.SubmitFormAsync(edit, new Dictionary<string, string> { ["Form.Summary"] = "Care for patients in our new clinic." }, Editor, new("command", "Save")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync()).TakesApplicationsOnBoard.Should().BeTrue("an edit that leaves the box alone keeps it");

        var unticked = await recruiter.SubmitFormAsync(edit, new Dictionary<string, string>
        {
            ["Form.TakesApplicationsOnBoard"] = "false",
            ["Form.ApplyUrl"] = "https://acme.test/apply",
        }, Editor, new("command", "Save"));
        unticked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync()).Should().Match<JobPosting>(p => !p.TakesApplicationsOnBoard && p.ApplyUrl == "https://acme.test/apply");
        (await recruiter.GetDocumentAsync(edit)).QuerySelector("#Form_TakesApplicationsOnBoard")!.HasAttribute("checked").Should().BeFalse();
    }

    private void Count(int postingId, int views, int clicks)
    {
        for (var i = 0; i < views; i++)
        {
            Activity.CountView(postingId, null);
        }

        for (var i = 0; i < clicks; i++)
        {
            Activity.CountApplyClick(postingId);
        }
    }

    private static List<(double X, double Y)> Points(IElement chart, string line) =>
        [.. chart.QuerySelector($"[data-testid={line}]")!.GetAttribute("points")!.Split(' ')
            .Select(p => p.Split(','))
            .Select(xy => (double.Parse(xy[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(xy[1], System.Globalization.CultureInfo.InvariantCulture)))];

    private Task<JobPosting> StoredAsync() => app.ExecuteDbContextAsync(db => db.Postings.AsNoTracking().SingleAsync());
}
