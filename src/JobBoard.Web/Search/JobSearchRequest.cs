using System.Globalization;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using Microsoft.AspNetCore.Http;

namespace JobBoard.Web.Search;

public enum SearchSort
{
    Relevance,
    Date,
    Salary,
}

public enum DistanceUnit
{
    Km,
    Mi,
}

/// <summary>
/// A search as its URL says it (<c>/jobs?q=&amp;location=&amp;radius=&amp;mode=…</c>), shared by the search page, the
/// JSON API and the RSS feed. <see cref="JobSearchRequestParser"/> reads it from a URL; what made no sense there is
/// left out and explained in <see cref="Problems"/>.
/// </summary>
public sealed record JobSearchRequest
{
    public const int PageSize = 20;
    public const int MaxLimit = 50;
    public const double DefaultRadiusKm = 40;
    public const double DefaultRadiusMi = 25;
    public const double MaxRadiusKm = 500;
    public const int MaxQueryLength = 200;
    public const decimal MaxSalary = 99_999_999;
    public const int MaxPostedDays = 3650;

    /// <summary>Only the first thousand results of a search are paged through; a narrower search finds the rest.</summary>
    public const int MaxResults = 1000;

    public static JobSearchRequest Empty { get; } = new();

    /// <summary>
    /// Every query parameter a search reads (<see cref="JobSearchRequestParser.Parse"/>) and writes (<see cref="ToQueryString"/>), as the API's
    /// OpenAPI description lists them; <c>limit</c> is the API's alone.
    /// </summary>
    public static IReadOnlyList<SearchParameter> Parameters { get; } =
    [
        new("q", SearchParameterKind.Text, $"Words to find, in web-search syntax: \"a phrase\", or, -exclude. Stemmed (nurse finds nursing), accents ignored; at most {MaxQueryLength} characters."),
        new("location", SearchParameterKind.Text, "A city, region or country (\"Chicago, IL\", \"Prahova\", \"Romania\"); places resolve through the gazetteer, and a city is searched within the radius."),
        new("radius", SearchParameterKind.Amount, $"Distance around the location, in the unit: {DefaultRadiusKm:0} km or {DefaultRadiusMi:0} mi by default, at most {MaxRadiusKm:0} km."),
        new("unit", SearchParameterKind.Text, "The radius's unit.", Values: ["km", "mi"]),
        new("mode", SearchParameterKind.Text, "Work mode; any of several.", Repeatable: true, Values: [.. Enum.GetValues<WorkMode>().Select(ModeSlug)]),
        new("type", SearchParameterKind.Text, "Employment type; any of several.", Repeatable: true, Values: [.. Enum.GetValues<EmploymentType>().Select(TypeSlug)]),
        new("category", SearchParameterKind.Text, "Category slug (as in the facets); any of several.", Repeatable: true),
        new("level", SearchParameterKind.Text, "Seniority; any of several.", Repeatable: true, Values: [.. Enum.GetValues<Seniority>().Select(l => l.ToString().ToLowerInvariant())]),
        new("salaryMin", SearchParameterKind.Amount, "Postings paying at least this a year (the top of their range), in the currency."),
        new("currency", SearchParameterKind.Text, "ISO 4217 code of salaryMin and of the salary sort. By default the currency of the searched place's country (RON for Bucharest), USD without a place. Postings paid in another currency do not match a salary filter."),
        new("posted", SearchParameterKind.WholeNumber, "Posted within this many days."),
        new("visa", SearchParameterKind.TrueOrFalse, "Only postings that sponsor visas."),
        new("sort", SearchParameterKind.Text, "relevance (with words, the default: relevance with a boost for recent postings), date (newest first, the default without words) or salary (the highest yearly pay in the currency first).", Values: ["relevance", "date", "salary"]),
        new("page", SearchParameterKind.WholeNumber, $"Page number, from 1; the first {MaxResults:N0} results can be paged through."),
    ];

    public string? Q { get; init; }

    public string? Location { get; init; }

    /// <summary>As the user gave it, in <see cref="Unit"/>; null means the default radius.</summary>
    public double? Radius { get; init; }

    public DistanceUnit Unit { get; init; } = DistanceUnit.Km;

    public IReadOnlyList<WorkMode> Modes { get; init; } = [];

    public IReadOnlyList<EmploymentType> Types { get; init; } = [];

    /// <summary>Category slugs.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<Seniority> Levels { get; init; } = [];

    /// <summary>A yearly amount in <see cref="Currency"/>: postings paying at least this (the top of their range) a year.</summary>
    public decimal? SalaryMin { get; init; }

    /// <summary>The currency the user chose; null follows the searched place (<see cref="SearchCurrency"/>).</summary>
    public string? Currency { get; init; }

    /// <summary>Posted within this many days.</summary>
    public int? PostedWithinDays { get; init; }

    /// <summary>Only postings that sponsor visas.</summary>
    public bool VisaSponsorship { get; init; }

    public SearchSort? Sort { get; init; }

    public int Page { get; init; } = 1;

    /// <summary>Results per page: 20 on the site, up to <see cref="MaxLimit"/> through the API.</summary>
    public int Limit { get; init; } = PageSize;

    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Relevance when there are words to rank by, else newest first.</summary>
    public SearchSort EffectiveSort => Sort ?? (HasWords ? SearchSort.Relevance : SearchSort.Date);

    public bool HasWords => !string.IsNullOrWhiteSpace(Q);

    /// <summary>The radius searched, in <see cref="Unit"/>: the one asked for, else the unit's default.</summary>
    public double EffectiveRadius => Radius ?? DefaultRadius(Unit);

    public double RadiusKm => EffectiveRadius * (Unit == DistanceUnit.Mi ? GeoDistance.KilometresPerMile : 1);

    public static double DefaultRadius(DistanceUnit unit) => unit == DistanceUnit.Mi ? DefaultRadiusMi : DefaultRadiusKm;

    public int Offset => (Page - 1) * Limit;

    public bool HasFilters =>
        Modes.Count > 0 || Types.Count > 0 || Categories.Count > 0 || Levels.Count > 0 || SalaryMin is not null
        || PostedWithinDays is not null || VisaSponsorship || !string.IsNullOrWhiteSpace(Location);

    /// <summary>The URL query of this search, in a stable order, for links, paging and feeds.</summary>
    public string ToQueryString(int? page = null, SearchSort? sort = null, bool includeSort = true)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                pairs.Add(new(key, value));
            }
        }

        Add("q", Q);
        Add("location", Location);
        if (!string.IsNullOrWhiteSpace(Location))
        {
            Add("radius", Radius?.ToString(CultureInfo.InvariantCulture));
            Add("unit", Unit == DistanceUnit.Mi ? "mi" : null);
        }

        foreach (var mode in Modes)
        {
            Add("mode", ModeSlug(mode));
        }

        foreach (var type in Types)
        {
            Add("type", TypeSlug(type));
        }

        foreach (var category in Categories)
        {
            Add("category", category);
        }

        foreach (var level in Levels)
        {
            Add("level", level.ToString().ToLowerInvariant());
        }

        Add("salaryMin", SalaryMin?.ToString(CultureInfo.InvariantCulture));
        Add("currency", Currency);
        Add("posted", PostedWithinDays?.ToString(CultureInfo.InvariantCulture));
        Add("visa", VisaSponsorship ? "true" : null);
        if (includeSort)
        {
            Add("sort", (sort ?? Sort)?.ToString().ToLowerInvariant());
        }

        var pageNumber = page ?? Page;
        Add("page", pageNumber > 1 ? pageNumber.ToString(CultureInfo.InvariantCulture) : null);
        return QueryString.Create(pairs).ToUriComponent();
    }

    public static string ModeSlug(WorkMode mode) => mode switch
    {
        WorkMode.OnSite => "onsite",
        WorkMode.FieldBased => "field",
        _ => mode.ToString().ToLowerInvariant(),
    };

    public static string TypeSlug(EmploymentType type) => type.ToSchemaOrg().ToLowerInvariant().Replace('_', '-');
}

public enum SearchParameterKind
{
    Text,
    WholeNumber,
    Amount,
    TrueOrFalse,
}

/// <summary>A query parameter of a search; <see cref="Values"/> lists what it takes when that is a fixed set.</summary>
public sealed record SearchParameter(
    string Name, SearchParameterKind Kind, string Description, bool Repeatable = false, IReadOnlyList<string>? Values = null);
