using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;

namespace JobBoard.Tests.Infrastructure;

/// <summary>Valid companies and postings with sensible defaults, for tests to vary one thing at a time.</summary>
public static class TestPostings
{
    /// <summary>The moment the app's clock stands at in every test (<see cref="JobBoardApp.Clock"/>).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The app's "today": what decides whether a posting is open, and what "posted N days ago" counts from.</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public static readonly PlaceInput Chicago = new("Chicago", "Illinois", "IL", "US", "United States", 41.85003, -87.65005);

    public static readonly PlaceInput Bucharest = new("Bucharest", "București", null, "RO", "Romania", 44.43225, 26.10626);

    public static Company Company(string name = "Acme Health") =>
        JobBoard.Domain.Companies.Company.Create(name, new CompanyProfile(About: $"{name} makes things better.", EmployeeCount: 1200)).Value;

    /// <summary>A valid posting with no categories or skills: those are shared rows, so a test that inserts several
    /// postings creates each category once and hands it in.</summary>
    public static PostingContent Content(string title = "Registered Nurse") => new()
    {
        Title = title,
        Summary = $"{title} wanted for a busy outpatient practice.",
        ApplyUrl = "https://example.com/apply",
        Locations = [Chicago],
        WorkMode = WorkMode.OnSite,
        EmploymentType = EmploymentType.FullTime,
        Responsibilities = ["Care for patients", "Keep records"],
        Requirements =
        [
            Requirement.Create(RequirementImportance.Essential, "Bachelor's degree in nursing", new RequirementFacts(Education: "Bachelor's degree")),
            Requirement.Create(RequirementImportance.Desirable, "Oncology experience"),
        ],
    };

    public static JobPosting Draft(Company company, PostingContent? content = null) =>
        JobPosting.CreateDraft(company, content ?? Content(), "recruiter@acme.test", Now).Value;

    /// <summary>
    /// A posting taken through review to published, as the public sees it, keeping the closing date its content states
    /// (none if none, as the loader and feeds publish ads; ReviewAndRenewalTests cover the default a reviewer's approval gives).
    /// </summary>
    public static JobPosting Published(Company company, PostingContent? content = null, DateTimeOffset? at = null)
    {
        var posting = Draft(company, content);
        posting.Submit("recruiter@acme.test", at ?? Now).Succeeded.Should().BeTrue();
        posting.Publish("admin@jobboard.test", at ?? Now, openDaysWithoutClosingDate: null).Succeeded.Should().BeTrue();
        return posting;
    }
}
