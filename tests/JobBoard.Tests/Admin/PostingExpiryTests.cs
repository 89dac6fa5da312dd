using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Listings;
using JobBoard.Web.Moderation;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Admin.AdminBoard;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Admin;

[Collection(WebTestsDefinition.Name)]
public sealed class PostingExpiryTests(JobBoardApp app) : WebTest(app)
{
    private PostingExpiry Expiry => app.Services.GetRequiredService<PostingExpiry>();

    [Fact]
    public async Task Postings_past_their_closing_date_expire_and_their_recruiters_are_told_once()
    {
        var company = await app.CompanyWithRecruiterAsync();
        var due = Published(company, Content("Due nurse") with { ValidThrough = Today.AddDays(1) });
        var open = Published(company, Content("Open nurse") with { ValidThrough = Today.AddDays(30) });
        var undated = Published(company, Content("Undated nurse"));
        await app.InsertPostingsAsync(company, due, open, undated);

        (await Expiry.ExpireDueAsync(CancellationToken.None)).Should().Be(0, "the closing date is still ahead");
        app.Clock.Advance(TimeSpan.FromDays(2));
        var first = await Expiry.ExpireDueAsync(CancellationToken.None);
        var second = await Expiry.ExpireDueAsync(CancellationToken.None);

        (first, second).Should().Be((1, 0));
        var expired = await app.ReloadAsync(due.Id);
        expired.Status.Should().Be(PostingStatus.Expired);
        (expired.StatusHistory[^1].Actor, expired.StatusHistory[^1].Reason).Should().Be(("system", "Closing date passed"));
        (await app.ReloadAsync(open.Id)).Status.Should().Be(PostingStatus.Published);
        (await app.ReloadAsync(undated.Id)).Status.Should().Be(PostingStatus.Published);
        var mail = (await app.Mail.WaitForAsync(RecruiterEmail)).Should().ContainSingle().Subject;
        mail.Subject.Should().Be("Expired: Due nurse");
        mail.TextBody.Should().Contain(Today.AddDays(1).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task Two_instances_running_at_once_expire_each_posting_once_and_send_one_mail_for_it()
    {
        var company = await app.CompanyWithRecruiterAsync();
        var postings = Enumerable.Range(1, 12).Select(i => Published(company, Content($"Nurse {i}") with { ValidThrough = Today })).ToArray();
        await app.InsertPostingsAsync(company, postings);
        app.Clock.Advance(TimeSpan.FromDays(1));

        var counts = await Task.WhenAll(Expiry.ExpireDueAsync(CancellationToken.None), Expiry.ExpireDueAsync(CancellationToken.None));

        counts.Sum().Should().Be(12);
        await app.Mail.WaitForAsync(RecruiterEmail, atLeast: 12);
        app.Mail.Messages().Select(m => m.Subject).Should().OnlyHaveUniqueItems().And.HaveCount(12);
        foreach (var posting in postings)
        {
            var saved = await app.ReloadAsync(posting.Id);
            saved.Status.Should().Be(PostingStatus.Expired);
            saved.StatusHistory.Count(h => h.To == PostingStatus.Expired).Should().Be(1);
        }
    }

    [Fact]
    public async Task Expiring_forgets_the_cached_posting_pages_and_recommendations()
    {
        var posting = Published(Company(), Content() with { ValidThrough = Today });
        await app.InsertAsync(posting);
        var caches = app.Services.GetRequiredService<PostingCaches>();
        var before = caches.Token;
        app.Clock.Advance(TimeSpan.FromDays(1));

        await Expiry.ExpireDueAsync(CancellationToken.None);

        before.HasChanged.Should().BeTrue();
        var page = await app.GuestClient().GetDocumentAsync($"/jobs/{posting.Id}/{posting.Slug}");
        page.QuerySelector("[data-testid=apply]").Should().BeNull();
        page.QuerySelector("[data-testid=report-link]").Should().BeNull("an expired posting can no longer be reported");
    }

    [Fact]
    public async Task Nothing_due_forgets_nothing()
    {
        await app.InsertAsync(Published(Company(), Content() with { ValidThrough = Today }));
        var before = app.Services.GetRequiredService<PostingCaches>().Token;

        (await Expiry.ExpireDueAsync(CancellationToken.None)).Should().Be(0);

        before.HasChanged.Should().BeFalse();
    }
}
