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

    public IReadOnlyList<CompanySection> Sections => _sections;

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

        var section = new CompanySection(key, heading, body);
        _sections.Add(section);
        return section;
    }

    public void Verify() => Verification = CompanyVerification.Verified;

    public void RejectVerification() => Verification = CompanyVerification.Rejected;

    public CompanySection? FindSection(string key) => _sections.FirstOrDefault(s => s.Key == key);

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
}

/// <summary>A section many postings of one company share, referred to by its key.</summary>
public sealed class CompanySection
{
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

    internal void Update(string heading, string body)
    {
        Heading = heading;
        Body = body;
    }
}
