using JobBoard.Domain.Applications;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Seekers;
using JobBoard.Loader.DemoData;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobBoard.Tests.Pages;

[Collection(WebTestsDefinition.Name)]
public sealed class DemoAccountsTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task The_demo_seeker_has_saved_jobs_a_confirmed_alert_and_an_application_with_a_PDF_to_a_posting_that_takes_them_and_a_second_run_adds_nothing()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await ActivatorUtilities.CreateInstance<DemoDataLoader>(scope.ServiceProvider).LoadIfEmptyAsync(0, CancellationToken.None)).Should().Be(12);
        }

        var first = await EnsureAccountsAsync();
        var second = await EnsureAccountsAsync();

        first.Should().Contain(l => l.Contains("seeker@jobboard.example", StringComparison.Ordinal) && l.EndsWith("Seeker, 2 saved jobs, 1 alert, 1 application", StringComparison.Ordinal));
        second.Should().Equal(first);
        await app.ExecuteDbContextAsync(async db =>
        {
            var seeker = await db.Users.SingleAsync(u => u.Email == "seeker@jobboard.example");
            var saved = await db.SavedJobs.Where(s => s.UserId == seeker.Id).Join(db.Postings, s => s.PostingId, p => p.Id, (s, p) => p.Title).ToListAsync();
            saved.Should().BeEquivalentTo("Director lead", "Telecommunications Sales Representative");
            (await db.RecentViews.CountAsync(v => v.UserId == seeker.Id)).Should().Be(2);
            var alert = await db.JobAlerts.SingleAsync();
            alert.Should().BeEquivalentTo(new { UserId = (int?)seeker.Id, Email = "seeker@jobboard.example", Name = "Sales in Chicago", Frequency = AlertFrequency.Daily });
            alert.IsConfirmed.Should().BeTrue();

            var application = await db.JobApplications.SingleAsync();
            var posting = await db.Postings.Include(p => p.Company).Include(p => p.Locations).SingleAsync(p => p.Id == application.PostingId);
            posting.Title.Should().Be(DemoSeeker.OnBoardTitle);
            posting.Company.Name.Should().Be("Novartis");
            posting.TakesApplicationsOnBoard.Should().BeTrue();
            posting.ApplyUrl.Should().BeNull();
            posting.Compensation.Should().BeNull("the demo invents no pay");
            posting.IsOpen(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime)).Should().BeTrue();
            posting.Locations.Select(l => l.City).Should().Equal("Chicago");
            (await db.Postings.CountAsync(p => p.TakesApplicationsOnBoard)).Should().Be(1);
            application.Should().BeEquivalentTo(new { UserId = seeker.Id, Name = "Sam Seeker", Email = "seeker@jobboard.example", Status = ApplicationStatus.New, CvFileName = DemoSeeker.CvFileName });
            var cv = await db.ApplicationCvs.SingleAsync(c => c.ApplicationId == application.Id);
            CvFile.Check(application.CvFileName, CvFile.PdfContentType, cv.Content).Succeeded.Should().BeTrue();
            cv.Content.Length.Should().Be(application.CvSize);
            System.Text.Encoding.ASCII.GetString(cv.Content).Should().Contain("(Sam Seeker) Tj").And.EndWith("%%EOF\n");
        });
    }

    private async Task<IReadOnlyList<string>> EnsureAccountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<DemoAccounts>(scope.ServiceProvider).EnsureAsync(CancellationToken.None);
    }
}
