namespace JobBoard.Domain.Postings;

/// <summary>
/// One requirement of the ad, word for word, with what can be read from it as data. One bullet may carry several
/// facts ("reside within 100 miles ... travel 60-80% ... a valid driver's license"), so each is its own field.
/// </summary>
public sealed class Requirement
{
    private Requirement()
    {
        Text = string.Empty;
    }

    public RequirementImportance Importance { get; private set; }

    public string Text { get; private set; }

    public string? Education { get; private set; }

    public int? ExperienceYears { get; private set; }

    public string? ExperienceSubject { get; private set; }

    public string? Language { get; private set; }

    /// <summary>As the ad says it: "native-level", "good command".</summary>
    public string? LanguageProficiency { get; private set; }

    public string? Licence { get; private set; }

    public int? TravelPercentMin { get; private set; }

    public int? TravelPercentMax { get; private set; }

    public int? ResidenceRadiusMiles { get; private set; }

    public static Requirement Create(RequirementImportance importance, string text, RequirementFacts? facts = null)
    {
        var f = facts ?? RequirementFacts.None;
        return new Requirement
        {
            Importance = importance,
            Text = text.Trim(),
            Education = f.Education,
            ExperienceYears = f.ExperienceYears,
            ExperienceSubject = f.ExperienceSubject,
            Language = f.Language,
            LanguageProficiency = f.LanguageProficiency,
            Licence = f.Licence,
            TravelPercentMin = f.TravelPercentMin,
            TravelPercentMax = f.TravelPercentMax,
            ResidenceRadiusMiles = f.ResidenceRadiusMiles,
        };
    }

    public RequirementFacts Facts => new(
        Education, ExperienceYears, ExperienceSubject, Language, LanguageProficiency, Licence,
        TravelPercentMin, TravelPercentMax, ResidenceRadiusMiles);
}

/// <summary>The typed facts a requirement states; each is optional.</summary>
public sealed record RequirementFacts(
    string? Education = null,
    int? ExperienceYears = null,
    string? ExperienceSubject = null,
    string? Language = null,
    string? LanguageProficiency = null,
    string? Licence = null,
    int? TravelPercentMin = null,
    int? TravelPercentMax = null,
    int? ResidenceRadiusMiles = null)
{
    public static readonly RequirementFacts None = new();

    /// <summary>Short labels for what is typed ("Education", "10+ years", "Romanian (native-level)", "Travel 60–80%").</summary>
    public IEnumerable<string> Labels()
    {
        if (Education is not null)
        {
            yield return Education;
        }

        if (ExperienceYears is { } years)
        {
            yield return ExperienceSubject is null ? $"{years}+ years" : $"{years}+ years {ExperienceSubject}";
        }

        if (Language is not null)
        {
            yield return LanguageProficiency is null ? Language : $"{Language} ({LanguageProficiency})";
        }

        if (Licence is not null)
        {
            yield return Licence;
        }

        if (TravelPercentMin is not null || TravelPercentMax is not null)
        {
            yield return TravelPercentMin is { } lo && TravelPercentMax is { } hi && lo != hi
                ? $"Travel {lo}–{hi}%"
                : $"Travel {TravelPercentMax ?? TravelPercentMin}%";
        }

        if (ResidenceRadiusMiles is { } miles)
        {
            yield return $"Lives within {miles} miles";
        }
    }
}
