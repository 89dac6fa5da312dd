using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using JobBoard.Domain.Common;

namespace JobBoard.Domain.Places;

/// <summary>
/// The form place names are compared in: lower-case, accents dropped, punctuation as single spaces,
/// so "Iași", "IASI" and "Iasi" meet, as do "Cluj-Napoca" and "Cluj Napoca", and "St. Louis" and "Saint Louis".
/// </summary>
internal static class PlaceKey
{
    public static string From(ReadOnlySpan<char> text)
    {
        var buffer = new char[text.Length];
        var length = Write(text, ref buffer);
        return new string(buffer, 0, length);
    }

    /// <summary>Writes the key of the text into the buffer, replacing it with a bigger one if needed; returns the key's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Loading the gazetteer folds 300,000 names at once.
    public static int Write(ReadOnlySpan<char> text, ref char[] buffer)
    {
        // Folding never lengthens ASCII; elsewhere a letter can become two ("ß" to "ss").
        if (Ascii.IsValid(text))
        {
            EnsureLength(ref buffer, text.Length);
            return WithSaintAbbreviated(buffer, Fold(text, buffer));
        }

        var decomposed = UnicodeFolding.Decompose(text);
        EnsureLength(ref buffer, 2 * decomposed.Length);
        return WithSaintAbbreviated(buffer, Fold(decomposed, buffer));
    }

    private static void EnsureLength(ref char[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new char[Math.Max(length, 2 * buffer.Length)];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Fold(ReadOnlySpan<char> text, Span<char> key)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                Append(key, ref length, ref pendingSpace, char.ToLowerInvariant(character));
                continue;
            }

            // Dropped rather than spaced: "St. Louis", "U.S.A.", "O'Fallon" are written with and without them.
            if (character is '.' or '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(character);
            if (AsciiSpelling(lower) is { } spelling)
            {
                foreach (var letter in spelling)
                {
                    Append(key, ref length, ref pendingSpace, letter);
                }
            }
            else if (char.IsLetterOrDigit(lower))
            {
                Append(key, ref length, ref pendingSpace, lower);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return length;
    }

    private static void Append(Span<char> key, ref int length, ref bool pendingSpace, char letter)
    {
        if (pendingSpace && length > 0)
        {
            key[length++] = ' ';
        }

        key[length++] = letter;
        pendingSpace = false;
    }

    /// <summary>Letters that decomposition leaves alone but people type as plain ASCII.</summary>
    private static string? AsciiSpelling(char lowerCaseLetter) => lowerCaseLetter switch
    {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' or 'ð' => "d",
        'ı' => "i",
        'þ' => "th",
        _ => null,
    };

    /// <summary>Rewrites the words "saint" and "sainte" as "st" and "ste" in place; returns the new length.</summary>
    private static int WithSaintAbbreviated(Span<char> key, int length)
    {
        if (!key[..length].Contains("saint", StringComparison.Ordinal))
        {
            return length;
        }

        var written = 0;
        var wordStart = 0;
        while (wordStart < length)
        {
            var wordLength = key[wordStart..length].IndexOf(' ');
            if (wordLength < 0)
            {
                wordLength = length - wordStart;
            }

            ReadOnlySpan<char> word = key.Slice(wordStart, wordLength);
            ReadOnlySpan<char> replacement = word switch
            {
                "saint" => "st",
                "sainte" => "ste",
                _ => word,
            };
            if (written > 0)
            {
                key[written++] = ' ';
            }

            replacement.CopyTo(key[written..]);
            written += replacement.Length;
            wordStart += wordLength + 1;
        }

        return written;
    }
}
