using JobBoard.Domain.Common;
using JobBoard.Domain.Taxonomy;

namespace JobBoard.Domain.Postings;

/// <summary>Everything a recruiter (or an import) says about a posting; validated as a whole before it is applied.</summary>
public sealed record PostingContent
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 20_000;
    public const int MaxListLength = 100;
    public const int MaxShortTextLength = 500;

    public required string Title { get; init; }

    public string? Summary { get; init; }

    /// <summary>A few lines on the core of the role, as the "Job Information" block of some ads has it.</summary>
    public string? CoreResponsibilities { get; init; }

    public string? RequisitionReference { get; init; }

    public string? ApplyUrl { get; init; }

    public string? ApplyEmail { get; init; }

    /// <summary>Seekers apply on the board (a form with a CV, read in the recruiter's inbox) instead of at the apply link or address.</summary>
    public bool TakesApplicationsOnBoard { get; init; }

    public IReadOnlyList<string> Responsibilities { get; init; } = [];

    public IReadOnlyList<Requirement> Requirements { get; init; } = [];

    public IReadOnlyList<PostingSection> Sections { get; init; } = [];

    public Compensation? Compensation { get; init; }

    public IReadOnlyList<PlaceInput> Locations { get; init; } = [];

    public WorkMode WorkMode { get; init; }

    public bool? RelocationSupport { get; init; }

    public bool? VisaSponsorship { get; init; }

    public EmploymentType? EmploymentType { get; init; }

    public int? ExperienceYearsMin { get; init; }

    public int? ExperienceYearsMax { get; init; }

    public Seniority? Seniority { get; init; }

    public decimal? HoursPerWeek { get; init; }

    public string? WorkingLanguage { get; init; }

    /// <summary>For remote work: the countries (ISO 3166-1 alpha-2) whose residents may apply.</summary>
    public IReadOnlyList<string> ApplicantCountries { get; init; } = [];

    public IReadOnlyList<Category> Categories { get; init; } = [];

    public IReadOnlyList<Skill> Skills { get; init; } = [];

    public DateOnly? DatePosted { get; init; }

    public DateOnly? ValidThrough { get; init; }

    public IReadOnlyList<DomainError> Validate()
    {
        var errors = new List<DomainError>();
        void Fail(string field, string message) => errors.Add(new DomainError(field, message));

        if (string.IsNullOrWhiteSpace(Title))
        {
            Fail(nameof(Title), "A posting needs a title.");
        }
        else if (Title.Trim().Length > MaxTitleLength)
        {
            Fail(nameof(Title), $"The title has at most {MaxTitleLength} characters.");
        }

        foreach (var (field, text) in new[] { (nameof(Summary), Summary), (nameof(CoreResponsibilities), CoreResponsibilities) })
        {
            if (text is { Length: > MaxTextLength })
            {
                Fail(field, $"This text has at most {MaxTextLength:N0} characters.");
            }
        }

        foreach (var (field, text) in new[]
                 {
                     (nameof(RequisitionReference), RequisitionReference), (nameof(WorkingLanguage), WorkingLanguage),
                     (nameof(ApplyUrl), ApplyUrl), (nameof(ApplyEmail), ApplyEmail),
                 })
        {
            if (text is { Length: > MaxShortTextLength })
            {
                Fail(field, $"This field has at most {MaxShortTextLength} characters.");
            }
        }

        if (!string.IsNullOrWhiteSpace(ApplyUrl) && !WebAddress.IsValid(ApplyUrl))
        {
            Fail(nameof(ApplyUrl), "The apply link must be an http or https address.");
        }

        if (!string.IsNullOrWhiteSpace(ApplyEmail) && !WebAddress.IsValidEmail(ApplyEmail))
        {
            Fail(nameof(ApplyEmail), "The apply e-mail is not a valid address.");
        }

        CheckList(nameof(Responsibilities), Responsibilities.Count, Responsibilities.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > MaxTextLength));
        CheckList(nameof(Requirements), Requirements.Count, Requirements.Any(r => r.Text.Length == 0 || r.Text.Length > MaxTextLength));
        CheckList(nameof(Sections), Sections.Count, Sections.Any(s => s.Body is { Length: > MaxTextLength } || s.Heading is { Length: > MaxShortTextLength }));
        CheckList(nameof(Locations), Locations.Count, Locations.Any(l => string.IsNullOrWhiteSpace(l.City) || !IsCoordinate(l.Latitude, 90) || !IsCoordinate(l.Longitude, 180)));
        CheckList(nameof(Categories), Categories.Count, false);
        CheckList(nameof(Skills), Skills.Count, false);

        if (Requirements.Any(r => r.TravelPercentMin is < 0 or > 100 || r.TravelPercentMax is < 0 or > 100
                                  || r.TravelPercentMin > r.TravelPercentMax || r.ExperienceYears is < 0 or > 60 || r.ResidenceRadiusMiles is < 0))
        {
            Fail(nameof(Requirements), "A requirement has an impossible figure (travel outside 0–100%, negative years or miles).");
        }

        if (!Enum.IsDefined(WorkMode))
        {
            Fail(nameof(WorkMode), "Unknown work mode.");
        }

        if (EmploymentType is { } type && !Enum.IsDefined(type))
        {
            Fail(nameof(EmploymentType), "Unknown employment type.");
        }

        if (Seniority is { } seniority && !Enum.IsDefined(seniority))
        {
            Fail(nameof(Seniority), "Unknown seniority.");
        }

        if (Locations.Count == 0 && !(WorkMode == WorkMode.Remote && ApplicantCountries.Count > 0))
        {
            Fail(nameof(Locations), "Give at least one location (or, for remote work, the countries applicants may live in).");
        }

        if (ApplicantCountries.Any(c => c.Length != 2 || !c.All(char.IsAsciiLetter)))
        {
            Fail(nameof(ApplicantCountries), "Applicant countries are two-letter ISO codes such as US or RO.");
        }

        if (ExperienceYearsMin is < 0 or > 60 || ExperienceYearsMax is < 0 or > 60)
        {
            Fail(nameof(ExperienceYearsMin), "Years of experience must be between 0 and 60.");
        }
        else if (ExperienceYearsMin > ExperienceYearsMax)
        {
            Fail(nameof(ExperienceYearsMin), "The minimum years of experience cannot be above the maximum.");
        }

        if (HoursPerWeek is <= 0 or > 168)
        {
            Fail(nameof(HoursPerWeek), "Working hours per week must be between 1 and 168.");
        }

        if (DatePosted is { } posted && ValidThrough is { } through && through <= posted)
        {
            Fail(nameof(ValidThrough), "The closing date must be after the posting date.");
        }

        return errors;

        void CheckList(string field, int count, bool hasBadItem)
        {
            if (count > MaxListLength)
            {
                Fail(field, $"At most {MaxListLength} entries.");
            }

            if (hasBadItem)
            {
                Fail(field, "An entry is empty, too long or out of range.");
            }
        }
    }

    private static bool IsCoordinate(double value, double limit) => double.IsFinite(value) && Math.Abs(value) <= limit;
}
