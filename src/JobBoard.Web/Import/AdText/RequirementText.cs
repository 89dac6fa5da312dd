using System.Globalization;
using System.Text.RegularExpressions;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Import.AdText;

/// <summary>
/// The typed facts one requirement of an ad states (<see cref="RequirementFacts"/>): the education it names, years of
/// experience and in what, a language and how well, a driving licence, a share of travel, living within some miles.
/// The requirement's text stays word for word; these are read beside it.
/// </summary>
public static partial class RequirementText
{
    private static readonly Lazy<HashSet<string>> LanguageNames = new(() =>
        CultureInfo.GetCultures(CultureTypes.NeutralCultures)
            .Where(c => c.Name.Length is 2 or 3)
            .Select(c => c.EnglishName)
            .Where(name => name.Length > 2 && name.All(char.IsLetter))
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>Facts are read from the requirement's first <see cref="MaxReadLength"/> characters; no requirement is longer.</summary>
    public const int MaxReadLength = 1_000;

    public static RequirementFacts Facts(string requirement)
    {
        var text = requirement.Length > MaxReadLength ? requirement[..MaxReadLength] : requirement;
        var (years, subject) = Experience(text);
        var (language, proficiency) = Language(text);
        var (travelMin, travelMax) = Travel(text);
        return new RequirementFacts(
            Education: Education(text),
            ExperienceYears: years,
            ExperienceSubject: subject,
            Language: language,
            LanguageProficiency: proficiency,
            Licence: Licence(text),
            TravelPercentMin: travelMin,
            TravelPercentMax: travelMax,
            ResidenceRadiusMiles: Residence(text));
    }

    /// <summary>
    /// Whether an item of a requirements list says it is only wanted ("advanced degree a plus", "(desirable)",
    /// "Ideally, ..."); one that also says it is required stays essential.
    /// </summary>
    public static bool SaysDesirable(string text) => DesirableWords().IsMatch(text) && !RequiredWords().IsMatch(text);

    private static string? Education(string text) =>
        EducationLevels.Read(DegreeOf().Replace(text, string.Empty)) is { } level && EducationContext().IsMatch(text) ? level.Label() : null;

    private static (int? Years, string? Subject) Experience(string text)
    {
        var match = YearsOfExperience().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["years"].Value, CultureInfo.InvariantCulture, out var years) || years > 60)
        {
            return (null, null);
        }

        // "experience in X" names the subject; "years of X experience (preferred)" names it before the word.
        var subject = Subject(match.Groups["subject"].Value);
        if (subject.Length <= 2)
        {
            subject = Subject(match.Groups["before"].Value);
        }

        return (years, subject.Length is > 2 and <= 80 ? subject : null);
    }

    private static string Subject(string text)
    {
        var subject = SubjectEnd().Split(text)[0].Trim().TrimEnd(',', '.', ';', ':').Trim();
        subject = NoSubject().Replace(subject, string.Empty).Trim();
        return LeadingArticle().Replace(subject, string.Empty);
    }

    private static (string? Language, string? Proficiency) Language(string text)
    {
        foreach (Match word in Word().Matches(text))
        {
            var name = LanguageNames.Value.Contains(word.Value) ? word.Value : AdVocabulary.Default.LanguageNamed(word.Value);
            if (name is null)
            {
                continue;
            }

            var proficiency = Proficiency().Match(text);
            if (proficiency.Success || LanguageContext().IsMatch(text) || name != word.Value)
            {
                return (name, proficiency.Success ? Proficient(proficiency.Value) : null);
            }
        }

        return (null, null);
    }

    private static string Proficient(string phrase) =>
        phrase.Length <= 2 ? phrase.ToUpperInvariant() : phrase.ToLowerInvariant().Replace('’', '\'');

    private static string? Licence(string text)
    {
        var match = DrivingLicence().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var british = match.Value.EndsWith("licence", StringComparison.OrdinalIgnoreCase);
        return match.Value.StartsWith("Führerschein", StringComparison.OrdinalIgnoreCase) ? "Driving licence"
            : match.Value.StartsWith("driving", StringComparison.OrdinalIgnoreCase) ? (british ? "Driving licence" : "Driving license")
            : british ? "Driver's licence" : "Driver's license";
    }

    private static (int? Min, int? Max) Travel(string text)
    {
        var match = TravelShare().Match(text);
        if (!match.Success)
        {
            return (null, null);
        }

        var low = int.Parse(match.Groups["low"].Value, CultureInfo.InvariantCulture);
        int? high = match.Groups["high"].Success ? int.Parse(match.Groups["high"].Value, CultureInfo.InvariantCulture) : null;
        if (low > 100 || high > 100 || low > high)
        {
            return (null, null);
        }

        return high is null && match.Groups["upto"].Success ? (null, low) : (low, high ?? low);
    }

    private static int? Residence(string text) =>
        WithinMiles().Match(text) is { Success: true } match && int.TryParse(match.Groups["miles"].Value, CultureInfo.InvariantCulture, out var miles)
            ? miles
            : null;

    // "a high degree of accuracy" names no education.
    [GeneratedRegex(@"\bdegree of\b", RegexOptions.IgnoreCase)]
    private static partial Regex DegreeOf();

    [GeneratedRegex(@"\b(degree|bachelor|master|diploma|ph\.?d|mba|graduate|high school|GED|certificat|qualification|studium|ausbildung|B\.?Sc|M\.?Sc|B\.?A\b|B\.?S\b)", RegexOptions.IgnoreCase)]
    private static partial Regex EducationContext();

    // "10+ years’ experience in X", "3–5 years of successful sales experience in X", "at least 2 years leading X",
    // "mindestens 5 Jahre Berufserfahrung in X".
    [GeneratedRegex(@"(?<years>\d{1,2})\s*(?:\+|(?:-|–|—|to)\s*\d{1,2}\+?)?\s*(?:years?|yrs?|jahre?)[’'`]?\s*(?:of\s+)?(?<before>[^.;:]{0,60}?)\s*(?:experience|erfahrung|berufserfahrung)\b(?:\s+(?:in der|in|with|of|as|im|mit)\b)?\s*(?<subject>[^.;:]{1,160})?", RegexOptions.IgnoreCase)]
    private static partial Regex YearsOfExperience();

    [GeneratedRegex(@"\s+(?:covering|which|who|where|that|including|such as|within|across|requiring|and successful|and/or other|with a|with an|to\b|for\b|in a\b|is\b|are\b|\()|,", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectEnd();

    [GeneratedRegex(@"^(?:is\s+)?(?:preferred|required|desired|desirable|essential|a plus|an advantage|mandatory)$", RegexOptions.IgnoreCase)]
    private static partial Regex NoSubject();

    [GeneratedRegex(@"^(?:the|a|an|der|die|das|successful|proven|relevant|solid|strong)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"\b\p{Lu}[\p{Ll}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(native[- ]level|native[- ]speaker|native|mother tongue|bilingual|business[- ]fluent|fluent|fluency|full professional proficiency|professional working proficiency|proficient|proficiency|excellent command|good command|strong command|working knowledge|good knowledge|basic knowledge|conversational|sehr gute|gute|verhandlungssicher|fließend|[ABC][12])\b", RegexOptions.IgnoreCase)]
    private static partial Regex Proficiency();

    [GeneratedRegex(@"\b(speak|spoken|written|language|languages|read and write|kenntnisse|sprache)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LanguageContext();

    [GeneratedRegex(@"\bdriver[’'`]?s[’'`]?\s+licen[cs]e|\bdriving\s+licen[cs]e|\bFührerschein", RegexOptions.IgnoreCase)]
    private static partial Regex DrivingLicence();

    [GeneratedRegex(@"(?<upto>up to\s+)?(?<low>\d{1,3})\s*%?\s*(?:(?:-|–|—|to)\s*(?<high>\d{1,3}))?\s*%\s*(?:of (?:the )?time\s*)?(?:travel|domestic travel|international travel|reisetätigkeit)|\btravel(?:ling|ing)?\b[^.%]{0,40}?(?<upto>up to\s+)?(?<low>\d{1,3})\s*%?\s*(?:(?:-|–|—|to)\s*(?<high>\d{1,3}))?\s*%", RegexOptions.IgnoreCase)]
    private static partial Regex TravelShare();

    [GeneratedRegex(@"\bwithin\b[^.]{0,80}?\b(?<miles>\d{1,4})\s*(?:miles?|mi)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WithinMiles();

    [GeneratedRegex(@"\b(?:a plus|is a plus|an advantage|is an advantage|nice to have|nice-to-have|desirable|preferred|preferably|would be a bonus|is a bonus|beneficial|von vorteil|wünschenswert)\b|^\s*ideally\b|\(desirable\)|\(preferred\)", RegexOptions.IgnoreCase)]
    private static partial Regex DesirableWords();

    [GeneratedRegex(@"\b(?:required|must|essential|mandatory|erforderlich)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RequiredWords();
}
