using System.Text.RegularExpressions;

namespace JobBoard.Web.Import.AdText;

/// <summary>
/// One non-blank line of a pasted ad: its number (from 1, as the recruiter counts), its text without surrounding
/// space or markdown emphasis, and whether it is a list item (• - * 1.) or a markdown heading (## ...).
/// </summary>
public sealed partial record AdLine(int Number, string Text, bool IsBullet, bool IsMarkedHeading)
{
    /// <summary>The text's lines, blank ones left out, numbered as in the text.</summary>
    public static List<AdLine> Split(string text)
    {
        var lines = new List<AdLine>();
        var raw = WithoutLoneSurrogates(text).ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            var line = Invisible().Replace(raw[i], string.Empty).Replace('\u00a0', ' ').Replace('\t', ' ').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var bullet = Bullet().Match(line);
            var heading = MarkdownHeading().Match(line);
            var content = bullet.Success ? bullet.Groups["text"].Value : heading.Success ? heading.Groups["text"].Value : line;
            content = Emphasis().Replace(content, "${text}").Trim();
            if (content.Length > 0)
            {
                lines.Add(new AdLine(i + 1, content, bullet.Success, heading.Success || WholeLineBold().IsMatch(line)));
            }
        }

        return lines;
    }

    /// <summary>Half of a character (text cut inside an emoji) as the replacement character, which debris reports.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    public int WordCount => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The line as it read in the ad, for a note: list items keep a bullet.</summary>
    public string Display => IsBullet ? "• " + Text : Text;

    [GeneratedRegex(@"[\u200b\u200c\u200d\u2060\ufeff]")]
    private static partial Regex Invisible();

    [GeneratedRegex(@"^(?:[•●▪◦‣∙○■□➢➤►▶✓✔✅·](?:\s*)|[-–—*+]\s+|\d{1,2}[.)]\s+)(?<text>.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.*?)\s*#*$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?:\*\*|__)[^*_]+(?:\*\*|__):?$")]
    private static partial Regex WholeLineBold();

    [GeneratedRegex(@"\*\*(?<text>[^*]+)\*\*|__(?<text>[^_]+)__")]
    private static partial Regex Emphasis();
}
