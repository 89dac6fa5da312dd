using System.Text.Json;
using System.Text.Json.Serialization;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;

namespace JobBoard.Loader.DemoData;

/// <summary>
/// The demo board shipped as <c>demo-postings.json</c>: the seed ads word for word, and the postings their pages
/// recommend. Each posting mirrors <see cref="PostingContent"/>, naming its company, categories and skills by name and
/// its places as text ("Chicago, IL", "Bucharest, Romania") for the gazetteer to resolve.
/// </summary>
public sealed record DemoPostingFile
{
    public const string ResourceName = "JobBoard.Loader.DemoData.demo-postings.json";

    /// <summary>How long a demo posting without a closing date of its own is listed for at a time.</summary>
    public const int DaysOpen = 60;

    /// <summary>The fewest days a demo posting without a closing date of its own has left on the day it is loaded.</summary>
    public const int MinimumDaysLeft = 30;

    /// <summary>camelCase or any case, enums as their names ("FieldBased"); unknown members are refused so a typo is caught.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public IReadOnlyList<DemoCompany> Companies { get; init; } = [];

    public IReadOnlyList<DemoPosting> Postings { get; init; } = [];

    /// <summary>Reads the file embedded in the loader.</summary>
    public static DemoPostingFile Load()
    {
        using var stream = typeof(DemoPostingFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(DemoPostingFile).Assembly.GetName().Name}.");
        return Parse(stream);
    }

    public static DemoPostingFile Parse(Stream json) =>
        JsonSerializer.Deserialize<DemoPostingFile>(json, JsonOptions) ?? throw new InvalidDataException("The demo posting file is empty.");

    public static DemoPostingFile Parse(string json) =>
        JsonSerializer.Deserialize<DemoPostingFile>(json, JsonOptions) ?? throw new InvalidDataException("The demo posting file is empty.");

    /// <summary>
    /// The postings dated as if the newest had been posted on <paramref name="today"/>, each moved by the same number
    /// of days so their order and gaps stay the ad's. A posting keeps its own closing date, moved alike; one without is
    /// listed for <see cref="DaysOpen"/> days from its posting day and renewed for as many such periods as it takes to
    /// have at least <see cref="MinimumDaysLeft"/> days left on <paramref name="today"/>: the demo board opens with every
    /// such posting open, their closing dates spread as their posting days are.
    /// </summary>
    public IReadOnlyList<DemoPosting> PostingsAsOf(DateOnly today)
    {
        var newest = Postings.Max(p => p.DatePosted) ?? today;
        var shift = today.DayNumber - newest.DayNumber;
        return [.. Postings.Select(posting => posting.DatedFor(shift, today))];
    }

    public DemoCompany CompanyOf(DemoPosting posting) =>
        Companies.FirstOrDefault(c => string.Equals(c.Name, posting.Company, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidDataException($"Demo posting \"{posting.Title}\": no company named \"{posting.Company}\" in the file.");
}

/// <summary>An employer with its profile and the boilerplate sections its postings refer to by key.</summary>
public sealed record DemoCompany
{
    public required string Name { get; init; }

    public string? About { get; init; }

    public string? Website { get; init; }

    public int? EmployeeCount { get; init; }

    public string? Industry { get; init; }

    public string? Headquarters { get; init; }

    public IReadOnlyList<DemoCompanySection> Sections { get; init; } = [];

    public CompanyProfile Profile => new(About, Website, null, EmployeeCount, Industry, Headquarters);

    /// <summary>A new company with its shared sections; an invalid profile is a fault in the demo data.</summary>
    public Company ToCompany()
    {
        var created = Company.Create(Name, Profile);
        if (!created.Succeeded)
        {
            throw new InvalidDataException($"Demo company \"{Name}\": {created}");
        }

        var company = created.Value;
        foreach (var section in Sections)
        {
            company.SetSection(section.Key, section.Heading, section.Body);
        }

        return company;
    }
}

public sealed record DemoCompanySection(string Key, string Heading, string Body);

/// <summary>One posting; fields named and typed as on <see cref="PostingContent"/>.</summary>
public sealed record DemoPosting
{
    /// <summary>Where the text comes from (a seed file), for whoever edits this data.</summary>
    public string? Source { get; init; }

    public required string Company { get; init; }

    public required string Title { get; init; }

    public string? Summary { get; init; }

    public string? CoreResponsibilities { get; init; }

    public string? RequisitionReference { get; init; }

    public string? ApplyUrl { get; init; }

    public string? ApplyEmail { get; init; }

    public IReadOnlyList<string> Responsibilities { get; init; } = [];

    public IReadOnlyList<DemoRequirement> Requirements { get; init; } = [];

    public IReadOnlyList<DemoSection> Sections { get; init; } = [];

    public DemoCompensation? Compensation { get; init; }

    /// <summary>Place texts as ads write them; the first is the main place.</summary>
    public IReadOnlyList<string> Locations { get; init; } = [];

    /// <summary>As the ad states it; unstated, a LinkedIn tag in its text (<see cref="WorkModeTag"/>) decides, else on site.</summary>
    public WorkMode? WorkMode { get; init; }

    public bool? RelocationSupport { get; init; }

    public bool? VisaSponsorship { get; init; }

    public EmploymentType? EmploymentType { get; init; }

    public int? ExperienceYearsMin { get; init; }

    public int? ExperienceYearsMax { get; init; }

    public Seniority? Seniority { get; init; }

    public decimal? HoursPerWeek { get; init; }

    public string? WorkingLanguage { get; init; }

    public IReadOnlyList<string> ApplicantCountries { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Skills { get; init; } = [];

    public DateOnly? DatePosted { get; init; }

    public DateOnly? ValidThrough { get; init; }

    /// <summary>
    /// The posting as domain content. Places, categories and skills come from the caller (the gazetteer and the
    /// taxonomy); a place that does not resolve or a malformed salary is a fault in the data, named with the title.
    /// </summary>
    public PostingContent ToContent(Func<string, PlaceInput?> resolvePlace, Func<string, Category> category, Func<string, Skill> skill)
    {
        var places = new List<PlaceInput>(Locations.Count);
        foreach (var text in Locations)
        {
            places.Add(resolvePlace(text) ?? throw Fault($"no place matches \"{text}\""));
        }

        return new PostingContent
        {
            Title = Title,
            Summary = Summary,
            CoreResponsibilities = CoreResponsibilities,
            RequisitionReference = RequisitionReference,
            ApplyUrl = ApplyUrl,
            ApplyEmail = ApplyEmail,
            Responsibilities = Responsibilities,
            Requirements = [.. Requirements.Select(r => r.ToRequirement())],
            Sections = [.. Sections.Select(ToSection)],
            Compensation = Compensation is null ? null : ToCompensation(Compensation),
            Locations = places,
            WorkMode = WorkMode ?? WorkModeTag.In(AdText()) ?? Domain.Postings.WorkMode.OnSite,
            RelocationSupport = RelocationSupport,
            VisaSponsorship = VisaSponsorship,
            EmploymentType = EmploymentType,
            ExperienceYearsMin = ExperienceYearsMin,
            ExperienceYearsMax = ExperienceYearsMax,
            Seniority = Seniority,
            HoursPerWeek = HoursPerWeek,
            WorkingLanguage = WorkingLanguage,
            ApplicantCountries = ApplicantCountries,
            Categories = [.. Categories.Select(category)],
            Skills = [.. Skills.Select(skill)],
            DatePosted = DatePosted,
            ValidThrough = ValidThrough,
        };
    }

    /// <summary>This posting moved <paramref name="days"/> days, with a closing date (see <see cref="DemoPostingFile.PostingsAsOf"/>).</summary>
    public DemoPosting DatedFor(int days, DateOnly today)
    {
        var posted = DatePosted?.AddDays(days) ?? today;
        var daysToCover = today.AddDays(DemoPostingFile.MinimumDaysLeft).DayNumber - posted.DayNumber;
        var periods = Math.Max(1, (daysToCover + DemoPostingFile.DaysOpen - 1) / DemoPostingFile.DaysOpen);
        return this with { DatePosted = posted, ValidThrough = ValidThrough?.AddDays(days) ?? posted.AddDays(periods * DemoPostingFile.DaysOpen) };
    }

    private IEnumerable<string?> AdText() =>
        [Summary, CoreResponsibilities, .. Responsibilities, .. Requirements.Select(r => r.Text), .. Sections.Select(s => s.Body)];

    private PostingSection ToSection(DemoSection section) => section.Kind switch
    {
        SectionKind.Text => PostingSection.Text(section.Heading, section.Body),
        SectionKind.CompanyBoilerplate => PostingSection.Boilerplate(
            section.CompanySectionKey ?? throw Fault("a company boilerplate section has no companySectionKey")),
        _ => PostingSection.Structured(section.Kind, section.Heading, section.Body),
    };

    private Compensation ToCompensation(DemoCompensation pay)
    {
        var created = Domain.Postings.Compensation.Create(
            pay.Currency, pay.Minimum, pay.Maximum, pay.Period, pay.CashIncentive, pay.EquityEligible, pay.Benefits);
        return created.Succeeded ? created.Value : throw Fault($"compensation: {created}");
    }

    private InvalidDataException Fault(string problem) => new($"Demo posting \"{Title}\": {problem}.");
}

/// <summary>A requirement word for word with its typed facts, flat as on <see cref="Requirement"/>.</summary>
public sealed record DemoRequirement
{
    public required RequirementImportance Importance { get; init; }

    public required string Text { get; init; }

    public string? Education { get; init; }

    public int? ExperienceYears { get; init; }

    public string? ExperienceSubject { get; init; }

    public string? Language { get; init; }

    public string? LanguageProficiency { get; init; }

    public string? Licence { get; init; }

    public int? TravelPercentMin { get; init; }

    public int? TravelPercentMax { get; init; }

    public int? ResidenceRadiusMiles { get; init; }

    public Requirement ToRequirement() => Requirement.Create(Importance, Text, new RequirementFacts(
        Education, ExperienceYears, ExperienceSubject, Language, LanguageProficiency, Licence,
        TravelPercentMin, TravelPercentMax, ResidenceRadiusMiles));
}

/// <summary>
/// A section in the ad's order: Text carries heading and body; structured kinds carry the heading (and an optional
/// lead-in body) while their content comes from the posting's fields; CompanyBoilerplate names a company section.
/// </summary>
public sealed record DemoSection
{
    public SectionKind Kind { get; init; }

    public string? Heading { get; init; }

    public string? Body { get; init; }

    public string? CompanySectionKey { get; init; }
}

public sealed record DemoCompensation
{
    public required string Currency { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public required PayPeriod Period { get; init; }

    public bool CashIncentive { get; init; }

    public bool EquityEligible { get; init; }

    /// <summary>Shown after the compensation section's body, so it is not repeated there.</summary>
    public string? Benefits { get; init; }
}
