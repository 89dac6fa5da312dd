namespace JobBoard.Domain.Postings;

public enum PostingStatus
{
    Draft,
    PendingReview,
    Published,
    Rejected,
    Closed,
    Expired,
}

public enum WorkMode
{
    OnSite,
    Hybrid,
    Remote,
    FieldBased,
}

/// <summary>The schema.org employmentType values.</summary>
public enum EmploymentType
{
    FullTime,
    PartTime,
    Contractor,
    Temporary,
    Intern,
    Volunteer,
    PerDiem,
    Other,
}

public enum Seniority
{
    Entry,
    Mid,
    Senior,
    Director,
    Executive,
}

public enum PayPeriod
{
    Hour,
    Day,
    Week,
    Month,
    Year,
}

public enum RequirementImportance
{
    Essential,
    Desirable,
}

/// <summary>
/// What a section of the ad holds. Structured kinds are placeholders that keep the ad's order and headings
/// while their content lives in the posting's structured fields (summary, lists, compensation, skills).
/// </summary>
public enum SectionKind
{
    Text,
    Summary,
    Responsibilities,
    EssentialRequirements,
    DesirableRequirements,
    Compensation,
    Skills,
    CompanyBoilerplate,
}

public static class PostingEnumNames
{
    /// <summary>schema.org employmentType ("FULL_TIME", ...).</summary>
    public static string ToSchemaOrg(this EmploymentType type) => type switch
    {
        EmploymentType.FullTime => "FULL_TIME",
        EmploymentType.PartTime => "PART_TIME",
        EmploymentType.Contractor => "CONTRACTOR",
        EmploymentType.Temporary => "TEMPORARY",
        EmploymentType.Intern => "INTERN",
        EmploymentType.Volunteer => "VOLUNTEER",
        EmploymentType.PerDiem => "PER_DIEM",
        _ => "OTHER",
    };

    public static EmploymentType? ParseEmploymentType(string? value)
    {
        var key = Normalize(value);
        return key switch
        {
            "fulltime" => EmploymentType.FullTime,
            "parttime" => EmploymentType.PartTime,
            "contractor" or "contract" => EmploymentType.Contractor,
            "temporary" or "temp" => EmploymentType.Temporary,
            "intern" or "internship" => EmploymentType.Intern,
            "volunteer" => EmploymentType.Volunteer,
            "perdiem" => EmploymentType.PerDiem,
            "other" => EmploymentType.Other,
            _ => null,
        };
    }

    public static string ToDisplay(this EmploymentType type) => type switch
    {
        EmploymentType.FullTime => "Full time",
        EmploymentType.PartTime => "Part time",
        EmploymentType.Contractor => "Contract",
        EmploymentType.Temporary => "Temporary",
        EmploymentType.Intern => "Internship",
        EmploymentType.Volunteer => "Volunteer",
        EmploymentType.PerDiem => "Per diem",
        _ => "Other",
    };

    public static string ToDisplay(this WorkMode mode) => mode switch
    {
        WorkMode.OnSite => "On site",
        WorkMode.Hybrid => "Hybrid",
        WorkMode.Remote => "Remote",
        _ => "Field based",
    };

    public static WorkMode? ParseWorkMode(string? value) => Normalize(value) switch
    {
        "onsite" => WorkMode.OnSite,
        "hybrid" => WorkMode.Hybrid,
        "remote" or "telecommute" => WorkMode.Remote,
        "field" or "fieldbased" => WorkMode.FieldBased,
        _ => null,
    };

    public static string ToDisplay(this Seniority seniority) => seniority switch
    {
        Seniority.Entry => "Entry level",
        Seniority.Mid => "Mid level",
        Seniority.Senior => "Senior",
        Seniority.Director => "Director",
        _ => "Executive",
    };

    public static string ToDisplay(this PayPeriod period) => period switch
    {
        PayPeriod.Hour => "hour",
        PayPeriod.Day => "day",
        PayPeriod.Week => "week",
        PayPeriod.Month => "month",
        _ => "year",
    };

    public static string ToDisplay(this PostingStatus status) => status switch
    {
        PostingStatus.PendingReview => "Pending review",
        _ => status.ToString(),
    };

    /// <summary>schema.org QuantitativeValue unitText.</summary>
    public static string ToSchemaOrg(this PayPeriod period) => period.ToString().ToUpperInvariant();

    private static string Normalize(string? value) =>
        new((value ?? string.Empty).Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
