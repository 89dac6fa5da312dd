using System.Linq.Expressions;
using JobBoard.Domain.Postings;
using JobBoard.Web.Companies;

namespace JobBoard.Web.Listings;

/// <summary>A posting as lists show it: title, company, place, when, a salary if the ad gives one, and a snippet.</summary>
public sealed record JobCard(
    int Id,
    string Title,
    string Slug,
    string Company,
    string CompanySlug,
    IReadOnlyList<PostingLocation> Places,
    WorkMode WorkMode,
    EmploymentType? EmploymentType,
    DateOnly? DatePosted,
    Compensation? Compensation,
    string? Summary,
    string? CompanyLogoVersion)
{
    public static readonly Expression<Func<JobPosting, JobCard>> FromPosting = p => new JobCard(
        p.Id,
        p.Title,
        p.Slug,
        p.Company.Name,
        p.Company.Slug,
        p.Locations.OrderBy(l => l.Position).ToList(),
        p.WorkMode,
        p.EmploymentType,
        p.DatePosted,
        p.Compensation,
        p.Summary ?? p.CoreResponsibilities,
        p.Company.LogoVersion);

    /// <summary>For a search: the matched part of the text, already HTML-encoded with the matches in &lt;mark&gt;.</summary>
    public string? HighlightHtml { get; init; }

    public string Url => $"/jobs/{Id}/{Slug}";

    /// <summary>The company's uploaded logo, read from the company row the card already joins; null without one.</summary>
    public string? LogoUrl => CompanyLogoVersion is { } version ? LogoEndpoint.Address(CompanySlug, version) : null;

    /// <summary>For a radius search: the posting's place nearest the searched one, which the card shows first.</summary>
    public NearPlace? Near { get; init; }

    /// <summary>For a recommendation: the posting's place nearest the one being read, which its reasons speak of.</summary>
    public PostingLocation? NamedPlace { get; init; }

    /// <summary>For a recommendation: why it is on the list ("Same city: Boston · Healthcare"); null on other lists.</summary>
    public IReadOnlyList<string>? Reasons { get; init; }

    /// <summary>
    /// Whether the card has its own Save button. Not under a posting, whose page has one Save button, the posting's own,
    /// so "Save job" there is never ambiguous.
    /// </summary>
    public bool OffersSave { get; init; } = true;

    /// <summary>The place the card names: the one a radius search matched or a recommendation names, else the posting's main place.</summary>
    public PostingLocation? MainPlace => Near?.Place ?? NamedPlace ?? (Places.Count > 0 ? Places[0] : null);

    public int PlaceCount => Places.Count;
}

/// <summary>
/// A posting's place that a radius search matched, how far it is from the place searched around, and whether it is that
/// city itself (or one of its districts).
/// </summary>
public sealed record NearPlace(PostingLocation Place, double Distance, string Unit, string From, bool InCity)
{
    /// <summary>"22 km from Chicago"; null for the city searched (Brooklyn around New York City) or within a kilometre or mile.</summary>
    public string? Description => InCity || Math.Round(Distance) < 1 ? null : $"{Math.Round(Distance):0} {Unit} from {From}";
}
