using System.Text.RegularExpressions;

namespace JobBoard.Domain.Postings;

/// <summary>
/// LinkedIn's work-mode hashtags, which recruiters write into an ad's text (<c>#LI-Hybrid</c>, <c>#LI-Remote</c>,
/// <c>#LI-Onsite</c>): an ad that states its work mode no other way states it with the tag.
/// </summary>
public static partial class WorkModeTag
{
    /// <summary>The work mode of the first tag in the texts, in the ad's reading order; null when none has one.</summary>
    public static WorkMode? In(IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            if (text is not null && Tag().Match(text) is { Success: true } tag)
            {
                return tag.Groups["mode"].Value.ToUpperInvariant() switch
                {
                    "HYBRID" => WorkMode.Hybrid,
                    "REMOTE" => WorkMode.Remote,
                    _ => WorkMode.OnSite,
                };
            }
        }

        return null;
    }

    // LinkedIn's other tags (#LI-DNI, a recruiter's initials such as #LI-AB1) say nothing about the work mode.
    [GeneratedRegex(@"#LI-(?<mode>Hybrid|Remote|On-?site)(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
