using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Domain.Postings;

public sealed class RevisionAndPayTransparencyTests
{
    private const string Recruiter = "recruiter@acme.test";

    [Fact]
    public void A_typo_fix_soon_after_publication_stays_published()
    {
        var posting = Published(Company());

        posting.Revise(Content("Registred Nurse") with { Summary = Content().Summary }, Recruiter, Now.AddMinutes(JobPosting.TypoFixMinutes))
            .Succeeded.Should().BeTrue();

        posting.Status.Should().Be(PostingStatus.Published);
        posting.Title.Should().Be("Registred Nurse");
        posting.StatusHistory[^1].Reason.Should().Be("Typo fixed without review");
    }

    [Fact]
    public void The_same_typo_fix_after_the_window_goes_back_to_review()
    {
        var posting = Published(Company());

        posting.Revise(Content("Registred Nurse") with { Summary = Content().Summary }, Recruiter, Now.AddMinutes(JobPosting.TypoFixMinutes + 1));

        posting.Status.Should().Be(PostingStatus.PendingReview);
    }

    [Fact]
    public void A_text_change_beyond_a_typo_goes_back_to_review()
    {
        var posting = Published(Company());

        posting.Revise(Content() with { Summary = "Registered Nurse wanted for a quiet inpatient ward." }, Recruiter, Now.AddMinutes(1));

        posting.Status.Should().Be(PostingStatus.PendingReview);
        posting.StatusHistory[^1].Reason.Should().Be("Edited after publication");
    }

    [Fact]
    public void A_change_of_anything_but_text_goes_back_to_review_even_at_once()
    {
        var posting = Published(Company());

        posting.Revise(Content() with { Locations = [Bucharest] }, Recruiter, Now);

        posting.Status.Should().Be(PostingStatus.PendingReview);
    }

    [Fact]
    public void Saving_unchanged_content_changes_nothing()
    {
        var posting = Published(Company());
        var history = posting.StatusHistory.Count;

        posting.Revise(posting.ToContent(), Recruiter, Now.AddDays(3)).Succeeded.Should().BeTrue();

        (posting.Status, posting.StatusHistory.Count).Should().Be((PostingStatus.Published, history));
    }

    [Fact]
    public void Editing_a_rejected_posting_makes_it_a_draft_again()
    {
        var posting = Draft(Company());
        posting.Submit(Recruiter, Now);
        posting.Reject("admin@jobboard.test", "No salary.", Now);

        posting.Revise(Content("Registered Nurse (days)"), Recruiter, Now).Succeeded.Should().BeTrue();

        posting.Status.Should().Be(PostingStatus.Draft);
    }

    [Theory]
    [InlineData("Nurse", "Nurse", 0)]
    [InlineData("Registred", "Registered", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_characters_changed(string a, string b, int distance) =>
        PostingChanges.EditDistance(a, b, 10).Should().Be(distance);

    [Fact]
    public void A_duplicate_is_an_undated_draft_with_its_own_copies_of_the_content()
    {
        var original = Published(Company(), Content() with { DatePosted = Today, ValidThrough = Today.AddDays(30) });

        var copy = original.Duplicate(Recruiter, Now).Value;

        (copy.Status, copy.Title, copy.DatePosted, copy.ValidThrough).Should().Be((PostingStatus.Draft, original.Title, (DateOnly?)null, (DateOnly?)null));
        copy.Requirements.Select(r => r.Text).Should().Equal(original.Requirements.Select(r => r.Text));
        copy.Requirements[0].Should().NotBeSameAs(original.Requirements[0]);
    }

    [Fact]
    public void A_posting_in_Illinois_without_a_range_misses_the_Illinois_law()
    {
        var posting = Draft(Company());

        PayTransparency.MissingRangeFor(posting, Today).Select(l => l.Key).Should().Equal("illinois");
    }

    [Fact]
    public void A_range_satisfies_the_law_and_an_open_ended_figure_does_not()
    {
        var ranged = Draft(Company(), Content() with { Compensation = Compensation.Create("USD", 60_000, 80_000, PayPeriod.Year).Value });
        var from = Draft(Company(), Content() with { Compensation = Compensation.Create("USD", 60_000, null, PayPeriod.Year).Value });

        PayTransparency.MissingRangeFor(ranged, Today).Should().BeEmpty();
        PayTransparency.MissingRangeFor(from, Today).Should().ContainSingle();
    }

    [Fact]
    public void A_law_applies_only_from_its_effective_date_and_above_its_employer_size()
    {
        var posting = Draft(Company());
        var small = Draft(JobBoard.Domain.Companies.Company.Create("Corner Shop", new CompanyProfile(EmployeeCount: 5)).Value);

        PayTransparency.RequiredFor(posting, new DateOnly(2024, 12, 31)).Should().BeEmpty("Illinois' law took effect on 1 January 2025");
        PayTransparency.RequiredFor(small, Today).Should().BeEmpty("Illinois exempts employers under 15");
    }

    [Fact]
    public void A_remote_posting_open_to_us_residents_falls_under_every_us_law_in_force()
    {
        var remote = Draft(Company(), Content() with { Locations = [], WorkMode = WorkMode.Remote, ApplicantCountries = ["US"] });

        PayTransparency.RequiredFor(remote, Today).Select(l => l.Key).Should().Contain(["colorado", "california", "new-york", "illinois"])
            .And.NotContain(["british-columbia", "ontario"]);
    }

    [Fact]
    public void Every_law_has_a_source_and_a_date()
    {
        PayTransparency.Laws.Should().HaveCountGreaterThan(10);
        PayTransparency.Laws.Should().OnlyContain(l => l.Source.Scheme == "https" && l.Effective.Year >= 2021);
    }
}
