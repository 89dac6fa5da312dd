using System.Text;

namespace JobBoard.Domain.Common;

/// <summary>
/// Canonical decomposition (NFD: "ș" into "s" and a combining comma) for the keys that fold text, slugs and place keys,
/// made total: .NET's normalization throws on what is not a Unicode scalar value it accepts (a lone surrogate, the
/// noncharacters U+FFFE, U+FFFF and U+FDD0–U+FDEF), and a form may carry any of them. Those become spaces first, as
/// do surrogate pairs (emoji and the like), which no slug or place key keeps anyway.
/// </summary>
public static class UnicodeFolding
{
    public static string Decompose(ReadOnlySpan<char> text)
    {
        var clean = text.IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && text.IndexOfAnyInRange('\uFDD0', '\uFDEF') < 0
            && text.IndexOfAny('\uFFFE', '\uFFFF') < 0
            ? text.ToString()
            : string.Create(text.Length, text.ToString(), static (characters, original) =>
            {
                for (var i = 0; i < characters.Length; i++)
                {
                    characters[i] = original[i] is >= '\uD800' and <= '\uDFFF' or >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF' ? ' ' : original[i];
                }
            });
        return clean.Normalize(NormalizationForm.FormD);
    }
}
