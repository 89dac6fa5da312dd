using JobBoard.Domain.Common;

namespace JobBoard.Domain.Companies;

/// <summary>
/// Whether an admin has checked that a company is who it says it is. Companies from feeds and the loader are taken as
/// verified; one a recruiter registers waits, and its postings cannot be published until it is verified.
/// </summary>
public enum CompanyVerification
{
    Pending,
    Verified,
    Rejected,
}

/// <summary>An employer with its profile and the boilerplate sections its postings share.</summary>
public sealed class Company
{
    public const int MaxNameLength = 200;

    public const int MaxAboutLength = 20_000;

    public const int MaxShortTextLength = 200;

    public const int MaxWebsiteLength = 500;

    /// <summary>A company's shared sections are a handful of statements, not a second posting body.</summary>
    public const int MaxSections = 30;

    private readonly List<CompanySection> _sections = [];

    private Company(string name, string slug)
    {
        Name = name;
        Slug = slug;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public string? About { get; private set; }

    public string? Website { get; private set; }

    public string? LogoUrl { get; private set; }

    /// <summary>Number of employees, as the ads state it (Novartis: 82502).</summary>
    public int? EmployeeCount { get; private set; }

    public string? Industry { get; private set; }

    public string? Headquarters { get; private set; }

    /// <summary>In the order the recruiter arranged them.</summary>
    public IReadOnlyList<CompanySection> Sections => _sections.OrderBy(s => s.Position).ToList();

    /// <summary>
    /// The version of the logo uploaded to the board (<see cref="CompanyLogo.Version"/>), kept on the company so the
    /// lists that already read it can address the image without reading the logo table; null without one.
    /// </summary>
    public string? LogoVersion { get; private set; }

    public CompanyVerification Verification { get; private set; } = CompanyVerification.Verified;

    /// <summary>A company a recruiter registers on the board: pending until an admin verifies it.</summary>
    public static Result<Company> Register(string name, CompanyProfile profile)
    {
        var created = Create(name, profile);
        if (created.Succeeded)
        {
            created.Value.Verification = CompanyVerification.Pending;
        }

        return created;
    }

    public static Result<Company> Create(string name, CompanyProfile profile)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new DomainError(nameof(Name), "A company needs a name."));
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            errors.Add(new DomainError(nameof(Name), $"A company name has at most {MaxNameLength} characters."));
        }

        errors.AddRange(profile.Validate());
        if (errors.Count > 0)
        {
            return Result<Company>.Failure(errors);
        }

        var company = new Company(name.Trim(), Common.Slug.From(name));
        company.Apply(profile);
        return Result<Company>.Success(company);
    }

    public Result UpdateProfile(CompanyProfile profile)
    {
        var errors = profile.Validate();
        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        Apply(profile);
        return Result.Success();
    }

    /// <summary>Adds or replaces a reusable section ("Why Novartis", EEO statement, ...) under a stable key.</summary>
    public CompanySection SetSection(string key, string heading, string body)
    {
        var existing = _sections.FirstOrDefault(s => s.Key == key);
        if (existing is not null)
        {
            existing.Update(heading, body);
            return existing;
        }

        var section = new CompanySection(key, heading, body) { Position = NextPosition() };
        _sections.Add(section);
        return section;
    }

    /// <summary>A new shared section from a recruiter's form: its key must be new, and its text fit the limits.</summary>
    public Result<CompanySection> AddSection(string? key, string? heading, string? body)
    {
        var cleanKey = Common.Slug.From(key ?? string.Empty);
        var errors = CompanySection.Validate(heading, body);
        if (string.IsNullOrWhiteSpace(key) || cleanKey.Length == 0)
        {
            errors.Add(new DomainError(nameof(CompanySection.Key), "Give the section a key, such as why-us or eeo."));
        }
        else if (cleanKey.Length > CompanySection.MaxKeyLength)
        {
            errors.Add(new DomainError(nameof(CompanySection.Key), $"A key has at most {CompanySection.MaxKeyLength} characters."));
        }
        else if (FindSection(cleanKey) is not null)
        {
            errors.Add(new DomainError(nameof(CompanySection.Key), $"There is already a section with the key \"{cleanKey}\"."));
        }

        if (_sections.Count >= MaxSections)
        {
            errors.Add(new DomainError(nameof(Sections), $"A company has at most {MaxSections} shared sections."));
        }

        if (errors.Count > 0)
        {
            return Result<CompanySection>.Failure(errors);
        }

        return Result<CompanySection>.Success(SetSection(cleanKey, heading!.Trim(), body!.Trim()));
    }

    /// <summary>Changes a section's heading and body; its key stays, since postings refer to it.</summary>
    public Result EditSection(string key, string? heading, string? body)
    {
        var section = FindSection(key);
        if (section is null)
        {
            return Result.Failure(nameof(CompanySection.Key), $"There is no section \"{key}\".");
        }

        var errors = CompanySection.Validate(heading, body);
        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        section.Update(heading!.Trim(), body!.Trim());
        return Result.Success();
    }

    /// <summary>
    /// Removes a section no posting uses; <paramref name="postingsUsingIt"/> counts those that attach it (any status: a
    /// closed posting's page still shows it), and removal is refused while there are any.
    /// </summary>
    public Result RemoveSection(string key, int postingsUsingIt)
    {
        var section = FindSection(key);
        if (section is null)
        {
            return Result.Failure(nameof(CompanySection.Key), $"There is no section \"{key}\".");
        }

        if (postingsUsingIt > 0)
        {
            return Result.Failure(nameof(CompanySection.Key),
                $"\"{section.Heading}\" is attached to {postingsUsingIt} posting{(postingsUsingIt == 1 ? string.Empty : "s")}; remove it from them first.");
        }

        _sections.Remove(section);
        return Result.Success();
    }

    /// <summary>Moves a section one place up (<paramref name="by"/> = -1) or down (+1) in the company's order.</summary>
    public Result MoveSection(string key, int by)
    {
        var ordered = Sections.ToList();
        var index = ordered.FindIndex(s => s.Key == key);
        if (index < 0)
        {
            return Result.Failure(nameof(CompanySection.Key), $"There is no section \"{key}\".");
        }

        var target = index + Math.Sign(by);
        if (target < 0 || target >= ordered.Count)
        {
            return Result.Success();
        }

        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }

        return Result.Success();
    }

    /// <summary>The board now serves <paramref name="logo"/> for this company.</summary>
    public void UseUploadedLogo(CompanyLogo logo) => LogoVersion = logo.Version;

    public void RemoveUploadedLogo() => LogoVersion = null;

    public void Verify() => Verification = CompanyVerification.Verified;

    public void RejectVerification() => Verification = CompanyVerification.Rejected;

    public CompanySection? FindSection(string key) => _sections.FirstOrDefault(s => s.Key == key);

    private int NextPosition() => _sections.Count == 0 ? 0 : _sections.Max(s => s.Position) + 1;

    private void Apply(CompanyProfile profile)
    {
        About = profile.About?.Trim();
        Website = profile.Website?.Trim();
        LogoUrl = profile.LogoUrl?.Trim();
        EmployeeCount = profile.EmployeeCount;
        Industry = profile.Industry?.Trim();
        Headquarters = profile.Headquarters?.Trim();
    }
}

/// <summary>The editable profile of a company.</summary>
public sealed record CompanyProfile(
    string? About = null,
    string? Website = null,
    string? LogoUrl = null,
    int? EmployeeCount = null,
    string? Industry = null,
    string? Headquarters = null)
{
    public IReadOnlyList<DomainError> Validate()
    {
        var errors = new List<DomainError>();
        CheckText(errors, nameof(About), About, Company.MaxAboutLength, multiline: true);
        CheckText(errors, nameof(Website), Website, Company.MaxWebsiteLength, multiline: false);
        CheckText(errors, nameof(Industry), Industry, Company.MaxShortTextLength, multiline: false);
        CheckText(errors, nameof(Headquarters), Headquarters, Company.MaxShortTextLength, multiline: false);
        if (EmployeeCount is < 1)
        {
            errors.Add(new DomainError(nameof(EmployeeCount), "Company size must be at least one employee."));
        }

        if (Website is { Length: > 0 } && !WebAddress.IsValid(Website))
        {
            errors.Add(new DomainError(nameof(Website), "The website must be an http or https address."));
        }

        if (LogoUrl is { Length: > 0 } && !WebAddress.IsValid(LogoUrl))
        {
            errors.Add(new DomainError(nameof(LogoUrl), "The logo must be an http or https address."));
        }

        return errors;
    }

    /// <summary>Control characters (NUL above all, which PostgreSQL refuses) never reach the database.</summary>
    internal static void CheckText(List<DomainError> errors, string field, string? text, int maxLength, bool multiline)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > maxLength)
        {
            errors.Add(new DomainError(field, $"This field has at most {maxLength:N0} characters."));
        }
        else if (PlainText.HasControlCharacters(text, multiline))
        {
            errors.Add(new DomainError(field, "This field contains control characters; type or paste plain text."));
        }
    }
}

/// <summary>A section many postings of one company share, referred to by its key.</summary>
public sealed class CompanySection
{
    public const int MaxKeyLength = 100;

    public const int MaxHeadingLength = 500;

    internal CompanySection(string key, string heading, string body)
    {
        Key = key;
        Heading = heading;
        Body = body;
    }

    public int Id { get; private set; }

    public string Key { get; private set; }

    public string Heading { get; private set; }

    public string Body { get; private set; }

    /// <summary>Where the section stands in the company's list.</summary>
    public int Position { get; internal set; }

    internal static List<DomainError> Validate(string? heading, string? body)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(heading))
        {
            errors.Add(new DomainError(nameof(Heading), "Give the section a heading."));
        }
        else
        {
            CompanyProfile.CheckText(errors, nameof(Heading), heading.Trim(), MaxHeadingLength, multiline: false);
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            errors.Add(new DomainError(nameof(Body), "Give the section some text."));
        }
        else
        {
            CompanyProfile.CheckText(errors, nameof(Body), body.Trim(), Company.MaxAboutLength, multiline: true);
        }

        return errors;
    }

    internal void Update(string heading, string body)
    {
        Heading = heading;
        Body = body;
    }
}
