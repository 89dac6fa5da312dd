using System.Text.RegularExpressions;

namespace JobBoard.Web.Import.AdText;

/// <summary>
/// What copying an ad off a web page leaves in its text: Cloudflare's "[email protected]" in place of an e-mail address
/// it hid, characters broken by a wrong encoding, HTML that was not rendered. The text is left as it is; the recruiter
/// is told which line to fix, and why.
/// </summary>
public static partial class ScrapingDebris
{
    /// <summary>What is wrong with the line, for the recruiter, and where in the line; null when nothing is.</summary>
    public static (string Problem, int At)? In(string line)
    {
        if (HiddenEmail().Match(line) is { Success: true } email)
        {
            return ($"\"{email.Value}\" is what the site you copied from shows in place of an e-mail address it hides: write the address in.", email.Index);
        }

        if (Mojibake().Match(line) is { Success: true } broken)
        {
            return ("Some characters are broken (the text was read in the wrong encoding): retype them.", broken.Index);
        }

        if (line.IndexOf('\uFFFD', StringComparison.Ordinal) is >= 0 and var replaced)
        {
            return ("Some characters are broken (the text was read in the wrong encoding): retype them.", replaced);
        }

        if (HtmlLeft().Match(line) is { Success: true } html)
        {
            return ($"\"{html.Value}\" is web page markup, not text: remove it or write what it stands for.", html.Index);
        }

        if (JavaScriptLink().Match(line) is { Success: true } script)
        {
            return ("A link of the page's script came along with the text: remove it.", script.Index);
        }

        return null;
    }

    /// <summary>Some forty characters either side of the debris, so the recruiter can find it in a long paragraph.</summary>
    public static string Excerpt(string line, int at)
    {
        const int Around = 40;
        var start = Math.Max(0, at - Around);
        var end = Math.Min(line.Length, at + Around);
        return (start > 0 ? "…" : string.Empty) + line[start..end].Trim() + (end < line.Length ? "…" : string.Empty);
    }

    [GeneratedRegex(@"\[\s*email(?:\s|&#160;|&nbsp;)*protected\s*\]|\bemail\s+protected\b", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenEmail();

    // UTF-8 read as Windows-1252: "â€™" for ’, "Ã©" for é, "Â " for a no-break space.
    [GeneratedRegex(@"â€[™œ\u009d“”˜¦¢]|Ã[\u0080-\u00BF©¨¤¶¼½³§±¡ª«¬®¯°²µ·¸¹º»¿]|Â[\u00a0 ]")]
    private static partial Regex Mojibake();

    [GeneratedRegex(@"</?(?:p|br|div|span|li|ul|ol|strong|b|i|em|a|h[1-6])\b[^>]*>|&(?:nbsp|amp|lt|gt|quot|#\d{2,5}|#x[0-9a-f]{2,4});", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLeft();

    [GeneratedRegex(@"javascript:\s*void", RegexOptions.IgnoreCase)]
    private static partial Regex JavaScriptLink();
}
