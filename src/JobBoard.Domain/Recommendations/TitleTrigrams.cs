namespace JobBoard.Domain.Recommendations;

/// <summary>
/// A title's trigrams as pg_trgm makes them, so that titles compare here exactly as <c>similarity(a, b)</c> compares
/// them in PostgreSQL: lower case, words of letters and digits, each padded with two blanks in front and one behind,
/// every three consecutive characters of that; similarity is the shared trigrams over all distinct ones of both.
/// </summary>
public sealed class TitleTrigrams
{
    private readonly ulong[] _trigrams;

    private TitleTrigrams(ulong[] trigrams) => _trigrams = trigrams;

    public int Count => _trigrams.Length;

    public static TitleTrigrams Of(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return new TitleTrigrams([]);
        }

        // A word of n characters makes n + 1 trigrams, so a title makes at most twice its length of them.
        var capacity = (2 * title.Length) + 2;
        var trigrams = capacity <= 512 ? stackalloc ulong[capacity] : new ulong[capacity];
        var count = 0;
        var i = 0;
        while (i < title.Length)
        {
            if (!char.IsLetterOrDigit(title[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < title.Length && char.IsLetterOrDigit(title[end]))
            {
                end++;
            }

            // "  word ": the window slides from two blanks before the word's first character to one after its last.
            char previous = ' ', current = ' ';
            for (var k = i; k <= end; k++)
            {
                var next = k < end ? char.ToLowerInvariant(title[k]) : ' ';
                trigrams[count++] = ((ulong)previous << 32) | ((ulong)current << 16) | next;
                (previous, current) = (current, next);
            }

            i = end;
        }

        var found = trigrams[..count];
        found.Sort();
        var distinct = 0;
        for (var k = 0; k < found.Length; k++)
        {
            if (k == 0 || found[k] != found[distinct - 1])
            {
                found[distinct++] = found[k];
            }
        }

        return new TitleTrigrams(found[..distinct].ToArray());
    }

    /// <summary>pg_trgm's similarity: 0 (nothing shared, or either title without words) to 1 (the same trigrams).</summary>
    public double SimilarityTo(TitleTrigrams other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (_trigrams.Length == 0 || other._trigrams.Length == 0)
        {
            return 0;
        }

        int shared = 0, a = 0, b = 0;
        while (a < _trigrams.Length && b < other._trigrams.Length)
        {
            var order = _trigrams[a].CompareTo(other._trigrams[b]);
            shared += order == 0 ? 1 : 0;
            a += order <= 0 ? 1 : 0;
            b += order >= 0 ? 1 : 0;
        }

        return (float)shared / (_trigrams.Length + other._trigrams.Length - shared);
    }
}
