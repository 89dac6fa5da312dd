using System.Globalization;
using JobBoard.Domain.Postings;

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
}
