using JobBoard.Web.Companies;

namespace JobBoard.Web.Listings;

/// <summary>
/// A company's mark beside its name (Pages/Shared/_CompanyMark): its uploaded logo, else its initials on a tile.
/// <paramref name="Large"/> is the 72 px mark of a page header; lists use the 48 px one.
/// </summary>
public sealed record CompanyMark(string Name, string Slug, string? LogoVersion, bool Large = false)
{
    public string? LogoUrl => LogoVersion is { } version ? LogoEndpoint.Address(Slug, version) : null;

    public string Initials => Display.Initials(Name);

    public int Size => Large ? 72 : 48;

    public string CssClass => Large ? "company-mark company-mark-lg" : "company-mark";

    public static CompanyMark Of(JobCard card) => new(card.Company, card.CompanySlug, card.CompanyLogoVersion);

    public static CompanyMark Of(Domain.Companies.Company company, bool large = false) => new(company.Name, company.Slug, company.LogoVersion, large);
}
