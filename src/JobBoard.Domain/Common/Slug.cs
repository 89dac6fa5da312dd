using System.Globalization;
using System.Text;

namespace JobBoard.Domain.Common;

/// <summary>
/// URL slugs: lower-case ASCII words joined by hyphens, accents folded ("Iași" → "iasi", "Account Management" →
/// "account-management"). The symbols that tell technologies apart are spelled out as words, so that skills and
/// companies matched by slug stay apart: a '#' or '+' right after a word is "sharp" or "plus" ("C#" → "c-sharp",
/// "F#" → "f-sharp", "C++" → "c-plus-plus") and a '.' that starts a word is "dot" (".NET" → "dot-net"). Any other
/// run of characters is one hyphen, as are those symbols elsewhere ("Node.js" → "node-js", "A + B" → "a-b").
/// </summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        var inWord = false;
        var previous = '\0';
        var folded = UnicodeFolding.Decompose(text);
        for (var i = 0; i < folded.Length && builder.Length < MaxLength; i++)
        {
            var c = folded[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var next = i + 1 < folded.Length ? folded[i + 1] : '\0';
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
                inWord = true;
            }
            else if (SpelledOut(c, inWord, previous, next) is { } word)
            {
                if (builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(word);
                pendingHyphen = true;
                inWord = c != '.';
            }
            else
            {
                pendingHyphen = true;
                inWord = false;
            }

            previous = c;
        }

        if (builder.Length > MaxLength)
        {
            builder.Length = MaxLength;
        }

        return builder.Length == 0 ? "job" : builder.ToString().TrimEnd('-');
    }

    // "C#", "C++" and ".NET" are different skills from "C" and "NET"; "A + B", "#1" and the '.' of "Node.js" or of
    // "No. 1" only separate words, as they always did.
    private static string? SpelledOut(char c, bool inWord, char previous, char next) => c switch
    {
        '#' when inWord => "sharp",
        '+' when inWord => "plus",
        '.' when !char.IsAsciiLetterOrDigit(previous) && previous != '.' && char.IsAsciiLetterOrDigit(next) => "dot",
        _ => null,
    };
}
