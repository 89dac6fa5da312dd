using System.Globalization;
using System.Text.Encodings.Web;
using JobBoard.Domain.Postings;
using Microsoft.AspNetCore.Html;

namespace JobBoard.Web.Listings;

/// <summary>How posting facts read on a page: paragraphs, snippets, salaries, dates.</summary>
public static class Display
{
    private static readonly Dictionary<string, string> CurrencySymbols = new(StringComparer.Ordinal)
    {
        ["USD"] = "$",
        ["EUR"] = "€",
        ["GBP"] = "£",
        ["CAD"] = "CA$",
        ["AUD"] = "A$",
        ["JPY"] = "¥",
        ["INR"] = "₹",
        ["CHF"] = "CHF ",
    };

    /// <summary>Paragraphs are separated by blank lines; a single line break stays a line break inside one.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Replace("\r\n", "\n", StringComparison.Ordinal)
                .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => (IReadOnlyList<string>)p.Split('\n', StringSplitOptions.TrimEntries))
                .ToList();

    /// <summary>About <paramref name="length"/> characters of running text, cut at a word and ending in "…".</summary>
    public static string Snippet(string? text, int length = 200)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', length);
        return string.Concat(flat.AsSpan(0, cut > length / 2 ? cut : length).TrimEnd(",.;:-– ".ToCharArray()), "…");
    }

    public static string Money(decimal amount, string currency)
    {
        var digits = amount == decimal.Truncate(amount) ? "N0" : "N2";
        var number = amount.ToString(digits, CultureInfo.InvariantCulture);
        return CurrencySymbols.TryGetValue(currency, out var symbol) ? symbol + number : $"{number} {currency}";
    }

    /// <summary>"$176,400 – $327,600 per year", "From £30,000 per year", "Up to 45 RON per hour".</summary>
    public static string Salary(Compensation compensation)
    {
        var period = $"per {compensation.Period.ToDisplay()}";
        return (compensation.Minimum, compensation.Maximum) switch
        {
            ({ } min, { } max) when min == max => $"{Money(min, compensation.Currency)} {period}",
            ({ } min, { } max) => $"{Money(min, compensation.Currency)} – {Money(max, compensation.Currency)} {period}",
            ({ } min, null) => $"From {Money(min, compensation.Currency)} {period}",
            (null, { } max) => $"Up to {Money(max, compensation.Currency)} {period}",
            _ => string.Empty,
        };
    }

    public static string Date(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Experience(int? min, int? max, Seniority? seniority)
    {
        var years = (min, max) switch
        {
            ({ } lo, { } hi) when lo == hi => $"{lo} years",
            ({ } lo, { } hi) => $"{lo}–{hi} years",
            ({ } lo, null) => $"{lo}+ years",
            (null, { } hi) => $"Up to {hi} years",
            _ => null,
        };
        return string.Join(" · ", new[] { seniority?.ToDisplay(), years }.Where(s => s is not null));
    }

    public static string YesNo(bool value) => value ? "Yes" : "No";

    public static string Hours(decimal hours) => $"{hours.ToString("0.##", CultureInfo.InvariantCulture)} hours per week";

    /// <summary>"today", "yesterday", "5 days ago", "3 weeks ago", "2 months ago", "over a year ago"; a later date reads "in 3 days".</summary>
    public static string Ago(DateOnly date, DateOnly today)
    {
        var days = today.DayNumber - date.DayNumber;
        return days switch
        {
            < -1 => $"in {-days} days",
            -1 => "tomorrow",
            0 => "today",
            1 => "yesterday",
            < 14 => $"{days} days ago",
            < 60 => $"{days / 7} weeks ago",
            < 365 => $"{days / 30} months ago",
            < 730 => "over a year ago",
            _ => $"{days / 365} years ago",
        };
    }

    /// <summary>"closes today", "closes tomorrow", "closes in 3 days", "closes in 5 weeks", "closes in 4 months"; "closed 2 days ago" once past.</summary>
    public static string Closes(DateOnly validThrough, DateOnly today)
    {
        var days = validThrough.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => $"closed {Ago(validThrough, today)}",
            0 => "closes today",
            1 => "closes tomorrow",
            < 14 => $"closes in {days} days",
            < 60 => $"closes in {days / 7} weeks",
            < 365 => $"closes in {days / 30} months",
            _ => $"closes on {Date(validThrough)}",
        };
    }

    /// <summary>A date as relative text in a &lt;time&gt; whose title gives the exact date (shown on hover).</summary>
    public static IHtmlContent Time(DateOnly date, string text) => new HtmlString(
        $"<time datetime=\"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\" title=\"{Date(date)}\">{HtmlEncoder.Default.Encode(text)}</time>");

    /// <summary>An ISO 3166 country's English name ("PL" is "Poland"); a code the region data does not know stays as it is.</summary>
    public static string Country(string code)
    {
        try
        {
            return code.Length == 2 ? new RegionInfo(code).EnglishName : code;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    /// <summary>A company's initials for its mark when it has no logo: "Acme Health" is "AH", "Novartis" is "N".</summary>
    public static string Initials(string name)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.FirstOrDefault(char.IsLetterOrDigit))
            .Where(c => c != default)
            .Take(2)
            .Select(char.ToUpperInvariant)
            .ToArray();
        return words.Length == 0 ? "?" : new string(words);
    }
}
