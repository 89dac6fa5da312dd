using System.Globalization;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace JobBoard.Web.Search;

/// <summary>
/// Reads a search from its URL's query (<c>/jobs?q=&amp;location=&amp;radius=&amp;mode=…</c>), for the search page, the
/// JSON API and the RSS feed. Never throws: a value that makes no sense is left out and explained in
/// <see cref="JobSearchRequest.Problems"/>, so a mistyped link still shows jobs.
/// </summary>
public static class JobSearchRequestParser
{
    public static JobSearchRequest Parse(IQueryCollection query, int maxLimit = JobSearchRequest.PageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<string>();
        query = WithoutControlCharacters(query, problems);

        var q = Text(query, "q");
        if (q is { Length: > JobSearchRequest.MaxQueryLength })
        {
            q = WholeWords(q, JobSearchRequest.MaxQueryLength);
            problems.Add(q is null
                ? $"The search words run past {JobSearchRequest.MaxQueryLength} characters without a space, so they are left out."
                : $"Only the words within the first {JobSearchRequest.MaxQueryLength} characters are searched for.");
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
            var maxRadius = unit == DistanceUnit.Mi ? JobSearchRequest.MaxRadiusKm / GeoDistance.KilometresPerMile : JobSearchRequest.MaxRadiusKm;
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
            if (isDecimal && salary is >= 0 and <= JobSearchRequest.MaxSalary)
            {
                salaryMin = salary;
            }
            else if (isDecimal ? salary > JobSearchRequest.MaxSalary : IsNumberAbove(salaryText, (double)JobSearchRequest.MaxSalary))
            {
                problems.Add($"The minimum salary \"{salaryText}\" is too large; at most {JobSearchRequest.MaxSalary.ToString("N0", CultureInfo.InvariantCulture)} a year.");
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
                case NumberText.Whole when days is > 0 and <= JobSearchRequest.MaxPostedDays:
                    posted = days;
                    break;
                case NumberText.Whole when days > JobSearchRequest.MaxPostedDays:
                case NumberText.TooLarge:
                    problems.Add($"\"posted\" is at most {JobSearchRequest.MaxPostedDays} days; \"{postedText}\" is too large.");
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

        var limit = JobSearchRequest.PageSize;
        if (maxLimit > JobSearchRequest.PageSize && Text(query, "limit") is { } limitText)
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
                page = pageNumber == NumberText.TooLarge ? Math.Max(1, JobSearchRequest.MaxResults / limit) : Math.Min(requested, Math.Max(1, JobSearchRequest.MaxResults / limit));
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
            Modes = Values(query, "mode", PostingEnumNames.ParseWorkMode, "work mode", Choices("mode"), problems),
            Types = Values(query, "type", PostingEnumNames.ParseEmploymentType, "job type", Choices("type"), problems),
            Categories = [.. query["category"].SelectMany(Split).Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal)],
            Levels = Values(query, "level", ParseLevel, "level", Choices("level"), problems),
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

    /// <summary>"a, b or c": the values a parameter's problem names are the ones the API describes and the links use.</summary>
    private static string Choices(string parameter)
    {
        var values = JobSearchRequest.Parameters.Single(p => p.Name == parameter).Values!;
        return $"{string.Join(", ", values.Take(values.Count - 1))} or {values[^1]}";
    }
}
