using System.Text.RegularExpressions;

namespace JobBoard.Domain.Postings;

/// <summary>The levels of education Google for Jobs accepts as a JobPosting's credentialCategory.</summary>
public enum EducationLevel
{
    HighSchool,
    AssociateDegree,
    BachelorDegree,
    ProfessionalCertificate,
    PostgraduateDegree,
}

public static partial class EducationLevels
{
    /// <summary>
    /// The level a requirement's education names, in the ad's words ("Bachelor's degree", "High school diploma or
    /// equivalent", "Master's or PhD"); the level named first is the one asked for ("Bachelor’s degree required, advanced
    /// degree a plus" asks for a bachelor's). A bare "degree" is a bachelor's. Null when no level is named.
    /// </summary>
    public static EducationLevel? Read(string? education)
    {
        if (string.IsNullOrWhiteSpace(education))
        {
            return null;
        }

        return Levels
            .Select(level => (level.Level, Match: level.Words.Match(education)))
            .Where(found => found.Match.Success)
            .OrderBy(found => found.Match.Index)
            .Select(found => (EducationLevel?)found.Level)
            .FirstOrDefault();
    }

    /// <summary>The credentialCategory value Google accepts ("bachelor degree").</summary>
    public static string ToSchemaOrg(this EducationLevel level) => level switch
    {
        EducationLevel.HighSchool => "high school",
        EducationLevel.AssociateDegree => "associate degree",
        EducationLevel.BachelorDegree => "bachelor degree",
        EducationLevel.ProfessionalCertificate => "professional certificate",
        _ => "postgraduate degree",
    };

    /// <summary>The level from a credentialCategory value Google accepts, in any case; null for any other value.</summary>
    public static EducationLevel? FromSchemaOrg(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var level in Enum.GetValues<EducationLevel>())
        {
            if (string.Equals(level.ToSchemaOrg(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }

        return null;
    }

    /// <summary>How a requirement names the level when nothing more specific is known ("Bachelor's degree").</summary>
    public static string Label(this EducationLevel level) => level switch
    {
        EducationLevel.HighSchool => "High school diploma",
        EducationLevel.AssociateDegree => "Associate degree",
        EducationLevel.BachelorDegree => "Bachelor's degree",
        EducationLevel.ProfessionalCertificate => "Professional certificate",
        _ => "Postgraduate degree",
    };

    private static readonly (EducationLevel Level, Regex Words)[] Levels =
    [
        (EducationLevel.HighSchool, HighSchoolWords()),
        (EducationLevel.AssociateDegree, AssociateWords()),
        (EducationLevel.PostgraduateDegree, PostgraduateWords()),
        (EducationLevel.BachelorDegree, BachelorWords()),
        (EducationLevel.ProfessionalCertificate, CertificateWords()),
    ];

    [GeneratedRegex(@"\bhigh[- ]?school\b|\bsecondary (school|education)\b|\bGED\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HighSchoolWords();

    [GeneratedRegex(@"\bassociate[’'`]?s?\s+(degree|of\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AssociateWords();

    [GeneratedRegex(@"\bmaster[’'`]?s?\b|\bM\.?B\.?A\b|\bM\.?Sc\b|\bPh\.?\s?D\b|\bdoctor(ate|al)\b|\bpost-?graduate\b|\bgraduate degree|\badvanced degree", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostgraduateWords();

    [GeneratedRegex(@"\bbachelor|\bundergraduate\b|\bB\.?Sc\b|\bB\.?[AS]\.?(?=\s|$|,)|\b(university |college )?degree\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BachelorWords();

    [GeneratedRegex(@"\bcertificat(e|ion)\b|\bdiploma\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CertificateWords();
}
