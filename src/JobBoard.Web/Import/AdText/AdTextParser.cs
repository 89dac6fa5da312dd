using System.Text.RegularExpressions;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Import.AdText;

/// <summary>
/// Reads the plain text of a job ad, as a recruiter copies it off a job site or their own page, into a draft
/// posting: the title, company and places at its head; its sections by their headings (summary, responsibilities,
/// essential and desirable requirements, compensation, skills, categories, a job site's "Job Information" block, and
/// any other section kept as heading and body); "Label: value" lines; salary, work mode (<c>#LI-Hybrid</c>), visa and
/// relocation statements. The job site's own text (buttons, its list of other postings) is left out and listed;
/// anything else that fits nowhere comes back as a leftover, and scraping debris as a warning naming its line.
/// </summary>
public static partial class AdTextParser
{
    /// <summary>Longer than any real ad (the seeds are under 15,000 characters); the page refuses more.</summary>
    public const int MaxLength = 100_000;

    public static AdTextDraft Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Reading(AdLine.Split(text)).Read();
    }

    /// <summary>A heading in an ad: a line of its own, short, not a sentence, that names a section or looks like a title.</summary>
    internal static bool LooksLikeHeading(AdLine line, AdHeadingKind? kind)
    {
        var text = line.Text;
        if (line.IsBullet || text.Length > 90 || line.WordCount > 12 || text.StartsWith('#'))
        {
            return false;
        }

        if (line.IsMarkedHeading)
        {
            return true;
        }

        var end = text[^1];
        if (end is '.' or ',' or ';' or '!')
        {
            return false;
        }

        if (kind is not null && line.WordCount <= 8)
        {
            return true;
        }

        if (end == '?' && line.WordCount <= 6)
        {
            return true;
        }

        return line.WordCount <= 8 && (IsTitleCased(text) || IsAllCaps(text));
    }

    /// <summary>Most words of four letters or more start with a capital, the first word too; "(notes in brackets)" aside.</summary>
    internal static bool IsTitleCased(string text)
    {
        var words = Words().Matches(Parenthesized().Replace(text, " ")).Select(m => m.Value).ToList();
        if (words.Count == 0 || !char.IsUpper(words[0][0]))
        {
            return false;
        }

        var long_ = words.Where(w => w.Length >= 4).ToList();
        return long_.Count == 0 || long_.Count(w => char.IsUpper(w[0])) * 10 >= long_.Count * 6;
    }

    private static bool IsAllCaps(string text) => text.Count(char.IsLetter) >= 2 && !text.Any(char.IsLower);

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'’-]*")]
    private static partial Regex Words();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesized();
}
