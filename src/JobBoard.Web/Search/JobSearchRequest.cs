using System.Globalization;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

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
/// JSON API and the RSS feed. Parsing never throws: a value that makes no sense is left out and explained in
/// <see cref="Problems"/>, so a mistyped link still shows jobs.
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
    /// Every query parameter a search reads (<see cref="From"/>) and writes (<see cref="ToQueryString"/>), as the API's
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

    public static JobSearchRequest From(IQueryCollection query, int maxLimit = PageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<string>();
        query = WithoutControlCharacters(query, problems);

        var q = Text(query, "q");
        if (q is { Length: > MaxQueryLength })
        {
            q = WholeWords(q, MaxQueryLength);
            problems.Add(q is null
                ? $"The search words run past {MaxQueryLength} characters without a space, so they are left out."
                : $"Only the words within the first {MaxQueryLength} characters are searched for.");
        }

        var unit = DistanceUnit.Km;
        if (Text(query, "unit") is { } unitText)
        {
            if (unitText.Equals("mi", StringComparison.OrdinalIgnoreCase) || unitText.Equals("miles", StringComparison.OrdinalIgnoreCase))
            {
                unit = DistanceUnit.Mi;
            }
            else if (!unitText.Equals("km", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"\"{unitText}\" is not a distance unit; use km or mi.");
            }
        }

        double? radius = null;
        if (Text(query, "radius") is { } radiusText)
        {
            var maxRadius = unit == DistanceUnit.Mi ? MaxRadiusKm / GeoDistance.KilometresPerMile : MaxRadiusKm;
            // A figure too big for a double parses as infinity: too large, not "not a number".
            if (double.TryParse(radiusText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                radius = Math.Min(value, Math.Floor(maxRadius));
                if (value > maxRadius)
                {
                    problems.Add($"The radius is at most {Math.Floor(maxRadius):0} {unit.ToString().ToLowerInvariant()}.");
                }
            }
            else
            {
                problems.Add($"The radius \"{radiusText}\" is not a positive number.");
            }
        }

        decimal? salaryMin = null;
        if (Text(query, "salaryMin") is { } salaryText)
        {
            var isDecimal = decimal.TryParse(salaryText, NumberStyles.Number, CultureInfo.InvariantCulture, out var salary);
            if (isDecimal && salary is >= 0 and <= MaxSalary)
            {
                salaryMin = salary;
            }
            else if (isDecimal ? salary > MaxSalary : IsNumberAbove(salaryText, (double)MaxSalary))
            {
                problems.Add($"The minimum salary \"{salaryText}\" is too large; at most {MaxSalary.ToString("N0", CultureInfo.InvariantCulture)} a year.");
            }
            else
            {
                problems.Add($"The minimum salary \"{salaryText}\" is not an amount.");
            }
        }

        string? currency = null;
        if (Text(query, "currency") is { } currencyText)
        {
            if (CountryCurrency.IsCurrency(currencyText))
            {
                currency = currencyText.ToUpperInvariant();
            }
            else
            {
                problems.Add($"\"{currencyText}\" is not a currency code such as USD, EUR or RON, so it is left out.");
            }
        }

        int? posted = null;
        if (Text(query, "posted") is { } postedText)
        {
            switch (WholeNumber(postedText, out var days))
            {
                case NumberText.Whole when days is > 0 and <= MaxPostedDays:
                    posted = days;
                    break;
                case NumberText.Whole when days > MaxPostedDays:
                case NumberText.TooLarge:
                    problems.Add($"\"posted\" is at most {MaxPostedDays} days; \"{postedText}\" is too large.");
                    break;
                default:
                    problems.Add($"\"posted\" is a number of days; \"{postedText}\" is not.");
                    break;
            }
        }

        var visa = false;
        if (Text(query, "visa") is { } visaText)
        {
            visa = visaText is "true" or "1" or "yes" or "on";
            if (!visa && visaText is not ("false" or "0" or "no" or "off"))
            {
                problems.Add($"\"visa\" is true or false; \"{visaText}\" is neither.");
            }
        }

        SearchSort? sort = null;
        if (Text(query, "sort") is { } sortText)
        {
            if (Enum.TryParse<SearchSort>(sortText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !sortText.All(char.IsAsciiDigit))
            {
                sort = parsed;
            }
            else
            {
                problems.Add($"Results sort by relevance, date or salary, not \"{sortText}\".");
            }
        }

        var limit = PageSize;
        if (maxLimit > PageSize && Text(query, "limit") is { } limitText)
        {
            if (int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var requested) && requested > 0)
            {
                limit = Math.Min(requested, maxLimit);
            }
            else
            {
                problems.Add($"\"limit\" is a number from 1 to {maxLimit}.");
            }
        }

        var page = 1;
        if (Text(query, "page") is { } pageText)
        {
            // A page past the last one shows the last one, however far past it is.
            var pageNumber = WholeNumber(pageText, out var requested);
            if (pageNumber == NumberText.TooLarge || (pageNumber == NumberText.Whole && requested > 0))
            {
                page = pageNumber == NumberText.TooLarge ? Math.Max(1, MaxResults / limit) : Math.Min(requested, Math.Max(1, MaxResults / limit));
            }
            else
            {
                problems.Add($"\"page\" is a page number; \"{pageText}\" is not.");
            }
        }

        return new JobSearchRequest
        {
            Q = q,
            Location = Text(query, "location"),
            Radius = radius,
            Unit = unit,
            Modes = Values(query, "mode", PostingEnumNames.ParseWorkMode, "work mode", "onsite, hybrid, remote or field", problems),
            Types = Values(query, "type", PostingEnumNames.ParseEmploymentType, "job type", "full-time, part-time, contract, temporary, internship, volunteer, per-diem or other", problems),
            Categories = [.. query["category"].SelectMany(Split).Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal)],
            Levels = Values(query, "level", ParseLevel, "level", "entry, mid, senior, director or executive", problems),
            SalaryMin = salaryMin,
            Currency = currency,
            PostedWithinDays = posted,
            VisaSponsorship = visa,
            Sort = sort,
            Page = page,
            Limit = limit,
            Problems = problems,
        };
    }

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

    private static Seniority? ParseLevel(string? value) =>
        Enum.TryParse<Seniority>(value, ignoreCase: true, out var level) && Enum.IsDefined(level) && !value!.All(char.IsAsciiDigit) ? level : null;

    /// <summary>
    /// The query without the values that hold a control character (a NUL byte, an escape), each named in a problem:
    /// no search means one, PostgreSQL cannot store a NUL and XML cannot carry most of them. Tabs and line breaks are
    /// white space and stay.
    /// </summary>
    private static IQueryCollection WithoutControlCharacters(IQueryCollection query, List<string> problems)
    {
        if (!query.Any(p => p.Value.Any(v => FirstControlCharacter(v) >= 0)))
        {
            return query;
        }

        var kept = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in query)
        {
            var clean = new List<string?>();
            foreach (var value in values)
            {
                if (FirstControlCharacter(value) is var at and >= 0)
                {
                    var code = ((int)value![at]).ToString("X4", CultureInfo.InvariantCulture);
                    problems.Add($"\"{Printable(key)}\" contains a control character (U+{code}), so it is left out.");
                }
                else
                {
                    clean.Add(value);
                }
            }

            kept[key] = new StringValues([.. clean]);
        }

        return new QueryCollection(kept);
    }

    private static int FirstControlCharacter(string? value)
    {
        for (var i = 0; value is not null && i < value.Length; i++)
        {
            if (char.IsControl(value[i]) && value[i] is not ('\t' or '\n' or '\r'))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Printable(string key) => string.Concat(key.Where(c => !char.IsControl(c)));

    /// <summary>The longest run of whole words of <paramref name="text"/> within <paramref name="length"/> characters; null if the first word is longer.</summary>
    private static string? WholeWords(string text, int length)
    {
        for (var end = length; end > 0; end--)
        {
            if (char.IsWhiteSpace(text[end]))
            {
                return text[..end].TrimEnd();
            }
        }

        return null;
    }

    private enum NumberText
    {
        NotANumber,
        Whole,
        TooLarge,
    }

    /// <summary>A whole number of days or pages; digits beyond what an int holds are too large rather than not a number.</summary>
    private static NumberText WholeNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) ? NumberText.Whole
        : text.Length > 0 && text.All(char.IsAsciiDigit) ? NumberText.TooLarge
        : NumberText.NotANumber;

    /// <summary>A number above <paramref name="limit"/> however it is written, even past what a decimal holds ("1e40").</summary>
    private static bool IsNumberAbove(string text, double limit) =>
        double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number) && number > limit;

    private static string? Text(IQueryCollection query, string key) =>
        query[key].LastOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static IEnumerable<string> Split(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<T> Values<T>(
        IQueryCollection query, string key, Func<string, T?> parse, string what, string allowed, List<string> problems)
        where T : struct
    {
        var values = new List<T>();
        foreach (var text in query[key].SelectMany(Split))
        {
            if (parse(text) is { } value)
            {
                if (!values.Contains(value))
                {
                    values.Add(value);
                }
            }
            else
            {
                problems.Add($"\"{text}\" is not a {what}; use {allowed}.");
            }
        }

        return values;
    }
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
