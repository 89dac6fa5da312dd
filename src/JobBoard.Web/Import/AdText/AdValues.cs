using System.Globalization;
using System.Text.RegularExpressions;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Import.AdText;

/// <summary>Reads the values ads write after their labels ("full time", "2-5", "No", "December 11, 2025", "40 hours").</summary>
public static partial class AdValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "d MMMM, yyyy",
        "dd.MM.yyyy", "d.M.yyyy", "yyyy/MM/dd",
    ];

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static bool? YesNo(string value) => Words(value) switch
    {
        "yes" or "y" or "true" or "available" or "provided" or "offered" or "ja" or "possible" => true,
        "no" or "n" or "false" or "none" or "not available" or "not provided" or "not offered" or "nein" or "n/a" => false,
        _ => null,
    };

    /// <summary>"full time", "Full-time", "Permanent, full-time", "Vollzeit".</summary>
    public static EmploymentType? EmploymentTypeOf(string value)
    {
        if (PostingEnumNames.ParseEmploymentType(value) is { } exact)
        {
            return exact;
        }

        var match = EmploymentTypeWords().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var word = match.Value.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return word switch
        {
            "fulltime" or "vollzeit" => EmploymentType.FullTime,
            "parttime" or "teilzeit" => EmploymentType.PartTime,
            "contract" or "contractor" or "freelance" or "freiberuflich" => EmploymentType.Contractor,
            "temporary" or "temp" or "fixedterm" or "befristet" => EmploymentType.Temporary,
            "intern" or "internship" or "praktikum" => EmploymentType.Intern,
            "volunteer" => EmploymentType.Volunteer,
            "perdiem" => EmploymentType.PerDiem,
            _ => null,
        };
    }

    /// <summary>"On Site", "Hybrid", "Fully remote", "Field-based", "Remote (US)".</summary>
    public static WorkMode? WorkModeOf(string value)
    {
        if (PostingEnumNames.ParseWorkMode(value) is { } exact)
        {
            return exact;
        }

        var text = value.ToLowerInvariant();
        return text switch
        {
            _ when text.Contains("field", StringComparison.Ordinal) => WorkMode.FieldBased,
            _ when text.Contains("hybrid", StringComparison.Ordinal) || text.Contains("hybrides", StringComparison.Ordinal) => WorkMode.Hybrid,
            _ when text.Contains("remote", StringComparison.Ordinal) || text.Contains("work from home", StringComparison.Ordinal)
                   || text.Contains("homeoffice", StringComparison.Ordinal) || text.Contains("home office", StringComparison.Ordinal) => WorkMode.Remote,
            _ when text.Contains("on site", StringComparison.Ordinal) || text.Contains("on-site", StringComparison.Ordinal)
                   || text.Contains("onsite", StringComparison.Ordinal) || text.Contains("in office", StringComparison.Ordinal)
                   || text.Contains("in-office", StringComparison.Ordinal) || text.Contains("vor ort", StringComparison.Ordinal) => WorkMode.OnSite,
            _ => null,
        };
    }

    /// <summary>"2-5", "2–5 years", "5+ years", "at least 3 years": the years; or a level ("Senior", "Entry level").</summary>
    public static (int? Min, int? Max, Seniority? Level) ExperienceOf(string value)
    {
        if (YearsRange().Match(value) is { Success: true } range)
        {
            var min = int.Parse(range.Groups["min"].Value, CultureInfo.InvariantCulture);
            int? max = range.Groups["max"].Success ? int.Parse(range.Groups["max"].Value, CultureInfo.InvariantCulture) : null;
            if (min <= 60 && max is null or <= 60 && (max is null || min <= max))
            {
                return (min, max, null);
            }
        }

        return (null, null, AdVocabulary.Default.SeniorityOf(value) ?? SeniorityWord(value));
    }

    /// <summary>"40 hours", "37.5 hours per week", "40h", "40 Stunden".</summary>
    public static decimal? HoursOf(string value) =>
        (HoursOnly().Match(value) is { Success: true } whole ? whole : HoursPerWeekIn().Match(value)) is { Success: true } match
        && decimal.TryParse(match.Groups[1].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var hours)
        && hours is > 0 and <= 168
            ? hours
            : null;

    /// <summary>"82502", "82,502 employees"; a range of sizes ("1,001-5,000") is no one number and gives null.</summary>
    public static int? EmployeesOf(string value)
    {
        var match = EmployeeCount().Match(value.Trim());
        return match.Success && int.TryParse(match.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : null;
    }

    /// <summary>A date as ads write it: "2025-10-27", "December 11, 2025", "14th October 2025", "31.01.2027".</summary>
    public static DateOnly? DateOf(string value)
    {
        var text = Ordinal().Replace(value.Trim().TrimEnd('.'), "$1");
        foreach (var culture in new[] { CultureInfo.InvariantCulture, German })
        {
            if (DateOnly.TryParseExact(text, DateFormats, culture, DateTimeStyles.AllowWhiteSpaces, out var date))
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>A date inside a line ("Posted 2025-10-27", "Apply by 31 January 2027"), read from its first digit or month.</summary>
    public static DateOnly? DateIn(string text)
    {
        foreach (Match candidate in DateLike().Matches(text))
        {
            if (DateOf(candidate.Value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static Seniority? SeniorityWord(string value) => Words(value) switch
    {
        "entry" or "entry level" or "internship" => Seniority.Entry,
        "mid" or "mid level" or "associate" => Seniority.Mid,
        "mid-senior level" or "senior level" => Seniority.Senior,
        "director" => Seniority.Director,
        "executive" => Seniority.Executive,
        _ => null,
    };

    private static string Words(string value) => AdVocabulary.Key(value).TrimEnd('.', '!');

    [GeneratedRegex(@"\b(full[- ]?time|part[- ]?time|contractor|contract|freelance|temporary|temp|fixed[- ]term|internship|intern|volunteer|per diem|vollzeit|teilzeit|freiberuflich|befristet|praktikum)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmploymentTypeWords();

    [GeneratedRegex(@"(?:at least|minimum(?: of)?|min\.?|mindestens)?\s*(?<min>\d{1,2})\s*(?:\+|(?:-|–|—|to|bis)\s*(?<max>\d{1,2}))?\s*(?:\+\s*)?(?:years?|yrs?|jahre?)?", RegexOptions.IgnoreCase)]
    private static partial Regex YearsRange();

    [GeneratedRegex(@"^\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:hours?|hrs?|h|stunden|std\.?)?(?:\s*(?:per|a|/|pro|each)\s*(?:week|wk|woche))?\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HoursOnly();

    [GeneratedRegex(@"(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:hours?|hrs?|h|stunden)\s*(?:per|a|/|pro|each)\s*(?:week|wk|woche)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HoursPerWeekIn();

    [GeneratedRegex(@"^(\d{1,3}(?:[,.]\d{3})+|\d+)\+?(?:\s*(?:employees|people|staff|mitarbeiter(?:innen)?))?$", RegexOptions.IgnoreCase)]
    private static partial Regex EmployeeCount();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}/\d{2}/\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}")]
    private static partial Regex DateLike();
}
