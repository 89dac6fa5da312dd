namespace JobBoard.Domain.Common;

/// <summary>What the board takes as text a person typed or pasted.</summary>
public static class PlainText
{
    /// <summary>
    /// True when <paramref name="text"/> holds a control character (NUL above all, which PostgreSQL refuses): any at all
    /// in a one-line value; in multi-line text, any but line breaks and tabs.
    /// </summary>
    public static bool HasControlCharacters(string text, bool multiline = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'));
    }
}
