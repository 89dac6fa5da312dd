using System.Globalization;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;

namespace JobBoard.Web.Areas.Recruiter.Pages.Postings;

/// <summary>
/// The editor's form, as posted: every value as typed, so a form with errors comes back exactly as it was sent. Lists
/// are rows the recruiter adds, removes and moves with submit buttons (<see cref="ApplyRowCommand"/>), which work
/// without script. Choices (enums) arrive as names and are checked here, not trusted.
/// </summary>
public sealed class PostingForm
{
    public const int MaxPlaceTextLength = 200;

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? CoreResponsibilities { get; set; }

    public string? RequisitionReference { get; set; }

    public string? ApplyUrl { get; set; }

    public string? ApplyEmail { get; set; }

    /// <summary>Seekers apply on the board (a form with a CV, read in the recruiter's inbox) instead of at the link or address.</summary>
    public bool TakesApplicationsOnBoard { get; set; }

    public List<string?> Responsibilities { get; set; } = [];

    public List<RequirementRow> Requirements { get; set; } = [];

    public List<SectionRow> Sections { get; set; } = [];

    public List<string?> Locations { get; set; } = [];

    public string? SalaryCurrency { get; set; }

    public decimal? SalaryMin { get; set; }

    public decimal? SalaryMax { get; set; }

    public string? SalaryPeriod { get; set; }

    public bool CashIncentive { get; set; }

    public bool EquityEligible { get; set; }

    public string? Benefits { get; set; }

    public string? WorkMode { get; set; }

    /// <summary>"yes", "no" or empty (not said).</summary>
    public string? RelocationSupport { get; set; }

    public string? VisaSponsorship { get; set; }

    public string? EmploymentType { get; set; }

    public int? ExperienceYearsMin { get; set; }

    public int? ExperienceYearsMax { get; set; }

    public string? Seniority { get; set; }

    public decimal? HoursPerWeek { get; set; }

    public string? WorkingLanguage { get; set; }

    /// <summary>Two-letter codes separated by commas or spaces ("US, CA").</summary>
    public string? ApplicantCountries { get; set; }

    /// <summary>Category slugs from the taxonomy.</summary>
    public List<string> Categories { get; set; } = [];

    public List<string?> Skills { get; set; } = [];

    public DateOnly? DatePosted { get; set; }

    public DateOnly? ValidThrough { get; set; }

    /// <summary>The posting's version (xmin) when the form was filled in; a save of an older version is refused.</summary>
    public uint Version { get; set; }

    public static PostingForm From(PostingContent content, uint version) => new()
    {
        Title = content.Title,
        Summary = content.Summary,
        CoreResponsibilities = content.CoreResponsibilities,
        RequisitionReference = content.RequisitionReference,
        ApplyUrl = content.ApplyUrl,
        ApplyEmail = content.ApplyEmail,
        TakesApplicationsOnBoard = content.TakesApplicationsOnBoard,
        Responsibilities = [.. content.Responsibilities],
        Requirements = [.. content.Requirements.Select(RequirementRow.From)],
        Sections = [.. content.Sections.Select(SectionRow.From)],
        Locations = [.. content.Locations.Select(PlaceText)],
        SalaryCurrency = content.Compensation?.Currency,
        SalaryMin = content.Compensation?.Minimum,
        SalaryMax = content.Compensation?.Maximum,
        SalaryPeriod = content.Compensation?.Period.ToString(),
        CashIncentive = content.Compensation?.CashIncentive ?? false,
        EquityEligible = content.Compensation?.EquityEligible ?? false,
        Benefits = content.Compensation?.Benefits,
        WorkMode = content.WorkMode.ToString(),
        RelocationSupport = YesNo(content.RelocationSupport),
        VisaSponsorship = YesNo(content.VisaSponsorship),
        EmploymentType = content.EmploymentType?.ToString(),
        ExperienceYearsMin = content.ExperienceYearsMin,
        ExperienceYearsMax = content.ExperienceYearsMax,
        Seniority = content.Seniority?.ToString(),
        HoursPerWeek = content.HoursPerWeek,
        WorkingLanguage = content.WorkingLanguage,
        ApplicantCountries = string.Join(", ", content.ApplicantCountries),
        Categories = [.. content.Categories.Select(c => c.Slug)],
        Skills = [.. content.Skills.Select(s => s.Name)],
        DatePosted = content.DatePosted,
        ValidThrough = content.ValidThrough,
        Version = version,
    };

    /// <summary>How a place reads in the form: "Chicago, IL, United States", which the gazetteer resolves back to it.</summary>
    public static string PlaceText(PlaceInput place) =>
        string.Join(", ", new[] { place.City, place.RegionCode ?? place.Region, place.CountryName ?? place.CountryCode }
            .Where(part => !string.IsNullOrWhiteSpace(part)).Distinct());

    /// <summary>
    /// "add:Requirements", "remove:Requirements:2", "up:Sections:1", "down:Locations:0". Returns false for anything
    /// else (a hand-made value), which changes nothing.
    /// </summary>
    public bool ApplyRowCommand(string? command)
    {
        var parts = (command ?? string.Empty).Split(':');
        if (parts.Length is < 2 or > 3)
        {
            return false;
        }

        return parts[1] switch
        {
            nameof(Responsibilities) => Apply(Responsibilities, () => string.Empty),
            nameof(Requirements) => Apply(Requirements, () => new RequirementRow()),
            nameof(Sections) => Apply(Sections, () => new SectionRow()),
            nameof(Locations) => Apply(Locations, () => string.Empty),
            nameof(Skills) => Apply(Skills, () => string.Empty),
            _ => false,
        };

        bool Apply<T>(List<T> rows, Func<T> blank)
        {
            if (parts[0] == "add" && parts.Length == 2)
            {
                if (rows.Count >= PostingContent.MaxListLength)
                {
                    return false;
                }

                rows.Add(blank());
                return true;
            }

            if (parts.Length != 3 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= rows.Count)
            {
                return false;
            }

            var target = parts[0] switch { "up" => i - 1, "down" => i + 1, _ => i };
            if (parts[0] == "remove")
            {
                rows.RemoveAt(i);
                return true;
            }

            if (parts[0] is not ("up" or "down") || target < 0 || target >= rows.Count)
            {
                return false;
            }

            (rows[i], rows[target]) = (rows[target], rows[i]);
            return true;
        }
    }

    /// <summary>Every text of the form with the field it belongs to, for the checks all texts share.</summary>
    public IEnumerable<(string Field, string? Text)> Texts()
    {
        yield return (nameof(Title), Title);
        yield return (nameof(Summary), Summary);
        yield return (nameof(CoreResponsibilities), CoreResponsibilities);
        yield return (nameof(RequisitionReference), RequisitionReference);
        yield return (nameof(ApplyUrl), ApplyUrl);
        yield return (nameof(ApplyEmail), ApplyEmail);
        yield return (nameof(SalaryCurrency), SalaryCurrency);
        yield return (nameof(Benefits), Benefits);
        yield return (nameof(WorkingLanguage), WorkingLanguage);
        yield return (nameof(ApplicantCountries), ApplicantCountries);
        for (var i = 0; i < Responsibilities.Count; i++)
        {
            yield return ($"{nameof(Responsibilities)}[{i}]", Responsibilities[i]);
        }

        for (var i = 0; i < Requirements.Count; i++)
        {
            foreach (var (field, text) in Requirements[i].Texts())
            {
                yield return ($"{nameof(Requirements)}[{i}].{field}", text);
            }
        }

        for (var i = 0; i < Sections.Count; i++)
        {
            yield return ($"{nameof(Sections)}[{i}].{nameof(SectionRow.Heading)}", Sections[i].Heading);
            yield return ($"{nameof(Sections)}[{i}].{nameof(SectionRow.Body)}", Sections[i].Body);
        }

        for (var i = 0; i < Locations.Count; i++)
        {
            yield return ($"{nameof(Locations)}[{i}]", Locations[i]);
        }

        for (var i = 0; i < Skills.Count; i++)
        {
            yield return ($"{nameof(Skills)}[{i}]", Skills[i]);
        }
    }

    /// <summary>
    /// The content the form says, or the field errors that stop it. Places go through the gazetteer (a place already on
    /// the posting keeps its coordinates); categories must be in the taxonomy; a skill name not yet known becomes a
    /// new skill (<paramref name="skillNamed"/>), as skills are free-form tags.
    /// </summary>
    public (PostingContent? Content, List<(string Field, string Message)> Errors) ToContent(
        Domain.Companies.Company company,
        IReadOnlyList<Category> taxonomy,
        IReadOnlyList<PlaceInput> placesOnPosting,
        Func<string, Skill> skillNamed)
    {
        var errors = new List<(string Field, string Message)>();
        foreach (var (field, text) in Texts())
        {
            if (text is not null && Domain.Common.PlainText.HasControlCharacters(text))
            {
                errors.Add((field, "Remove the control characters (such as NUL) from this text."));
            }

            var limit = IsLongText(field) ? PostingContent.MaxTextLength : PostingContent.MaxShortTextLength;
            if (field != nameof(Title) && text is not null && text.Length > limit)
            {
                errors.Add((field, $"This text has at most {limit:N0} characters."));
            }
        }

        var workMode = Choice<WorkMode>(WorkMode, nameof(WorkMode), "work mode", errors) ?? Domain.Postings.WorkMode.OnSite;
        var employmentType = Choice<EmploymentType>(EmploymentType, nameof(EmploymentType), "job type", errors);
        var seniority = Choice<Seniority>(Seniority, nameof(Seniority), "seniority", errors);

        var requirements = new List<Requirement>();
        for (var i = 0; i < Requirements.Count; i++)
        {
            var row = Requirements[i];
            if (row.IsBlank)
            {
                continue;
            }

            var importance = Choice<RequirementImportance>(row.Importance, $"{nameof(Requirements)}[{i}].{nameof(RequirementRow.Importance)}", "importance", errors);
            if (string.IsNullOrWhiteSpace(row.Text))
            {
                errors.Add(($"{nameof(Requirements)}[{i}].{nameof(RequirementRow.Text)}", "Write the requirement as the ad says it."));
                continue;
            }

            requirements.Add(Requirement.Create(importance ?? RequirementImportance.Essential, row.Text, row.Facts()));
        }

        var sections = new List<PostingSection>();
        for (var i = 0; i < Sections.Count; i++)
        {
            var row = Sections[i];
            var kind = Choice<SectionKind>(row.Kind, $"{nameof(Sections)}[{i}].{nameof(SectionRow.Kind)}", "section kind", errors);
            switch (kind)
            {
                case null:
                    break;
                case SectionKind.Text when string.IsNullOrWhiteSpace(row.Heading) && string.IsNullOrWhiteSpace(row.Body):
                    break;
                case SectionKind.Text:
                    sections.Add(PostingSection.Text(row.Heading, row.Body));
                    break;
                case SectionKind.CompanyBoilerplate when company.FindSection(row.CompanySectionKey ?? string.Empty) is null:
                    errors.Add(($"{nameof(Sections)}[{i}].{nameof(SectionRow.CompanySectionKey)}", $"Choose one of {company.Name}'s shared sections."));
                    break;
                case SectionKind.CompanyBoilerplate:
                    sections.Add(PostingSection.Boilerplate(row.CompanySectionKey!));
                    break;
                default:
                    sections.Add(PostingSection.Structured(kind.Value, row.Heading, row.Body));
                    break;
            }
        }

        var locations = new List<PlaceInput>();
        for (var i = 0; i < Locations.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Locations[i]))
            {
                continue;
            }

            var (place, problem) = ResolvePlace(Locations[i]!.Trim(), placesOnPosting);
            if (place is null)
            {
                errors.Add(($"{nameof(Locations)}[{i}]", problem!));
            }
            else if (!locations.Contains(place))
            {
                locations.Add(place);
            }
        }

        Compensation? pay = null;
        var saysPay = !string.IsNullOrWhiteSpace(SalaryCurrency) || SalaryMin is not null || SalaryMax is not null || !string.IsNullOrWhiteSpace(Benefits);
        if (saysPay)
        {
            var period = Choice<PayPeriod>(SalaryPeriod, nameof(SalaryPeriod), "pay period", errors) ?? PayPeriod.Year;
            var created = Compensation.Create(SalaryCurrency, SalaryMin, SalaryMax, period, CashIncentive, EquityEligible, Benefits);
            if (created.Succeeded)
            {
                pay = created.Value;
            }
            else
            {
                errors.AddRange(created.Errors.Select(e => (PayField(e.Field), e.Message)));
            }
        }

        var categories = new List<Category>();
        foreach (var slug in Categories.Distinct())
        {
            if (taxonomy.FirstOrDefault(c => c.Slug == slug) is { } category)
            {
                categories.Add(category);
            }
            else
            {
                errors.Add((nameof(Categories), "Choose categories from the list."));
            }
        }

        var skills = new List<Skill>();
        for (var i = 0; i < Skills.Count; i++)
        {
            var name = Skills[i]?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (name.Length > Skill.MaxNameLength || !name.Any(char.IsLetterOrDigit))
            {
                errors.Add(($"{nameof(Skills)}[{i}]", $"A skill is a short name (at most {Skill.MaxNameLength} characters)."));
                continue;
            }

            skills.Add(skillNamed(name));
        }

        var countries = (ApplicantCountries ?? string.Empty)
            .Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

        var content = new PostingContent
        {
            Title = Title ?? string.Empty,
            Summary = Summary,
            CoreResponsibilities = CoreResponsibilities,
            RequisitionReference = RequisitionReference,
            ApplyUrl = ApplyUrl,
            ApplyEmail = ApplyEmail,
            TakesApplicationsOnBoard = TakesApplicationsOnBoard,
            Responsibilities = [.. Responsibilities.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!)],
            Requirements = requirements,
            Sections = sections,
            Compensation = pay,
            Locations = locations,
            WorkMode = workMode,
            RelocationSupport = ParseYesNo(RelocationSupport),
            VisaSponsorship = ParseYesNo(VisaSponsorship),
            EmploymentType = employmentType,
            ExperienceYearsMin = ExperienceYearsMin,
            ExperienceYearsMax = ExperienceYearsMax,
            Seniority = seniority,
            HoursPerWeek = HoursPerWeek,
            WorkingLanguage = WorkingLanguage,
            ApplicantCountries = countries,
            Categories = categories,
            Skills = skills,
            DatePosted = DatePosted,
            ValidThrough = ValidThrough,
        };

        // The domain's own rules; a locations error found above is not said twice.
        foreach (var error in content.Validate())
        {
            if (!(error.Field == nameof(PostingContent.Locations) && errors.Any(e => e.Field.StartsWith(nameof(Locations), StringComparison.Ordinal))))
            {
                errors.Add((error.Field, error.Message));
            }
        }

        errors = errors.DistinctBy(e => e.Field).ToList();
        return (errors.Count == 0 ? content : null, errors);
    }

    private static bool IsLongText(string field) =>
        field is nameof(Summary) or nameof(CoreResponsibilities) or nameof(Benefits)
        || field.StartsWith(nameof(Responsibilities), StringComparison.Ordinal)
        || field.EndsWith($".{nameof(RequirementRow.Text)}", StringComparison.Ordinal)
        || field.EndsWith($".{nameof(SectionRow.Body)}", StringComparison.Ordinal);

    private static (PlaceInput? Place, string? Problem) ResolvePlace(string text, IReadOnlyList<PlaceInput> placesOnPosting)
    {
        if (text.Length > MaxPlaceTextLength)
        {
            return (null, $"A place name has at most {MaxPlaceTextLength} characters.");
        }

        if (placesOnPosting.FirstOrDefault(p => PlaceText(p) == text) is { } kept)
        {
            return (kept, null);
        }

        if (Gazetteer.Default.Match(text) is { IsExact: true } match)
        {
            return (PlaceInput.From(match.Place), null);
        }

        // A misspelt end ("Chicagoo") still has a known beginning: the prefix is shortened until places start with it.
        var name = text.Split(',')[0].Trim();
        var suggestions = new List<string>();
        for (var length = name.Length; length >= 3 && suggestions.Count == 0; length--)
        {
            suggestions = [.. Gazetteer.Default.Suggest(name[..length], 5).Select(p => PlaceText(PlaceInput.From(p))).Distinct()];
        }

        return (null, suggestions.Count > 0
            ? $"\"{text}\" is not a city we know. Did you mean: {string.Join("; ", suggestions)}?"
            : $"\"{text}\" is not a city we know. Write it as \"City, Region, Country\".");
    }

    private static T? Choice<T>(string? value, string field, string what, List<(string Field, string Message)> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Names only: Enum.TryParse would take "7" or "1,2" as well.
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors.Add((field, $"Choose {("aeiou".Contains(what[0], StringComparison.OrdinalIgnoreCase) ? "an" : "a")} {what} from the list."));
            return null;
        }

        return Enum.Parse<T>(name);
    }

    private static string PayField(string field) => field switch
    {
        nameof(Compensation.Currency) => nameof(SalaryCurrency),
        nameof(Compensation.Period) => nameof(SalaryPeriod),
        _ => nameof(SalaryMin),
    };

    private static string? YesNo(bool? value) => value switch { true => "yes", false => "no", _ => null };

    private static bool? ParseYesNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };
}

/// <summary>One requirement row of the form: its text and the facts typed in beside it.</summary>
public sealed class RequirementRow
{
    public string? Importance { get; set; } = nameof(RequirementImportance.Essential);

    public string? Text { get; set; }

    public string? Education { get; set; }

    public int? ExperienceYears { get; set; }

    public string? ExperienceSubject { get; set; }

    public string? Language { get; set; }

    public string? LanguageProficiency { get; set; }

    public string? Licence { get; set; }

    public int? TravelPercentMin { get; set; }

    public int? TravelPercentMax { get; set; }

    public int? ResidenceRadiusMiles { get; set; }

    public bool IsBlank => Texts().All(t => string.IsNullOrWhiteSpace(t.Text))
                           && ExperienceYears is null && TravelPercentMin is null && TravelPercentMax is null && ResidenceRadiusMiles is null;

    public static RequirementRow From(Requirement requirement) => new()
    {
        Importance = requirement.Importance.ToString(),
        Text = requirement.Text,
        Education = requirement.Education,
        ExperienceYears = requirement.ExperienceYears,
        ExperienceSubject = requirement.ExperienceSubject,
        Language = requirement.Language,
        LanguageProficiency = requirement.LanguageProficiency,
        Licence = requirement.Licence,
        TravelPercentMin = requirement.TravelPercentMin,
        TravelPercentMax = requirement.TravelPercentMax,
        ResidenceRadiusMiles = requirement.ResidenceRadiusMiles,
    };

    public IEnumerable<(string Field, string? Text)> Texts()
    {
        yield return (nameof(Text), Text);
        yield return (nameof(Education), Education);
        yield return (nameof(ExperienceSubject), ExperienceSubject);
        yield return (nameof(Language), Language);
        yield return (nameof(LanguageProficiency), LanguageProficiency);
        yield return (nameof(Licence), Licence);
    }

    public RequirementFacts Facts() => new(
        Clean(Education), ExperienceYears, Clean(ExperienceSubject), Clean(Language), Clean(LanguageProficiency), Clean(Licence),
        TravelPercentMin, TravelPercentMax, ResidenceRadiusMiles);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One section row: a heading and body of its own, a company boilerplate section by key, or a placeholder.</summary>
public sealed class SectionRow
{
    public string? Kind { get; set; } = nameof(SectionKind.Text);

    public string? Heading { get; set; }

    public string? Body { get; set; }

    public string? CompanySectionKey { get; set; }

    public static SectionRow From(PostingSection section) => new()
    {
        Kind = section.Kind.ToString(),
        Heading = section.Heading,
        Body = section.Body,
        CompanySectionKey = section.CompanySectionKey,
    };
}
