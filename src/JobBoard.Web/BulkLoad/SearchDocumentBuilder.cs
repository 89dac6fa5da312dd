using System.Text;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.BulkLoad;

/// <summary>
/// A posting's search document, in tsvector's text form, exactly as the <c>document</c> column of
/// <c>posting_search_source</c> computes it (the bulk-load tests compare the two for every posting):
/// <code>
/// setweight(to_tsvector(title), 'A')
/// || setweight(to_tsvector(company, category names, skill names), 'B')
/// || setweight(to_tsvector(summary) || jsonb_to_tsvector(requirement texts), 'C')
/// || setweight(to_tsvector(core responsibilities, responsibilities, benefits) || jsonb_to_tsvector(section bodies), 'D')
/// </code>
/// with PostgreSQL's rules: a token moves the position on by one (stop words too), <c>jsonb_to_tsvector</c> leaves a
/// gap of one after each element that gave words, <c>||</c> shifts the right side's positions by the left side's
/// largest, positions stop at 16,383, <c>to_tsvector</c> keeps 255 positions per lexeme and <c>||</c> 256. The words
/// of each chunk come from a <see cref="SearchLexicon"/>; chunks it does not know yet are collected in
/// <see cref="Unknown"/>, and the document is not built.
/// </summary>
internal sealed class SearchDocumentBuilder(SearchLexicon lexicon)
{
    private const int MaxPosition = 16_383;
    private const int MaxPositionsParsed = 255;
    private const int MaxPositionsJoined = 256;
    private const int WeightA = 3;
    private const int WeightB = 2;
    private const int WeightC = 1;
    private const int WeightD = 0;

    private readonly StringBuilder _text = new(4096);

    /// <summary>The six parts' vectors and their position lists, reused from posting to posting.</summary>
    private readonly Dictionary<string, List<ushort>>[] _parts = [.. Enumerable.Range(0, 6).Select(_ => new Dictionary<string, List<ushort>>(512, StringComparer.Ordinal))];
    private readonly Stack<List<ushort>> _lists = new();

    /// <summary>False once a chunk of the current posting is missing from the lexicon or cannot be measured.</summary>
    private bool _complete;

    /// <summary>Lexemes the current parse has found so far, kept or not: jsonb_to_tsvector's gaps depend on it.</summary>
    private int _words;

    /// <summary>Chunks met that the lexicon does not know yet.</summary>
    public HashSet<string> Unknown { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the last posting built had a chunk too long to measure, so that only the database can index it.</summary>
    public bool Unmeasurable { get; private set; }

    /// <summary>The document, or null when a chunk is unknown (see <see cref="Unknown"/>) or <see cref="Unmeasurable"/>.</summary>
    public string? Build(JobPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        _complete = true;
        Unmeasurable = false;
        foreach (var part in _parts)
        {
            foreach (var positions in part.Values)
            {
                positions.Clear();
                _lists.Push(positions);
            }

            part.Clear();
        }

        var title = Parse(_parts[0], WeightA, [posting.Title]);
        var names = Parse(
            _parts[1],
            WeightB,
            [posting.Company.Name, .. posting.Categories.OrderBy(c => c.Position).Select(c => c.Category.Name), .. posting.Skills.OrderBy(s => s.Position).Select(s => s.Skill.Name)]);
        var summary = Parse(_parts[2], WeightC, [posting.Summary ?? string.Empty]);
        var requirements = ParseElements(_parts[3], WeightC, posting.Requirements.Select(r => r.Text));
        var duties = Parse(_parts[4], WeightD, [posting.CoreResponsibilities, .. posting.Responsibilities, posting.Compensation?.Benefits]);
        var sections = ParseElements(_parts[5], WeightD, posting.Sections.Select(s => s.Body));
        if (!_complete)
        {
            return null;
        }

        var document = Join(Join(Join(title, names), Join(summary, requirements)), Join(duties, sections));
        return Format(document);
    }

    /// <summary>to_tsvector over texts joined by spaces (concat_ws, array_to_string); null texts are left out.</summary>
    private Dictionary<string, List<ushort>> Parse(Dictionary<string, List<ushort>> vector, int weight, IEnumerable<string?> texts)
    {
        var position = 0;
        foreach (var text in texts)
        {
            if (text is not null)
            {
                position = Add(vector, weight, text, position);
            }
        }

        return vector;
    }

    /// <summary>jsonb_to_tsvector over an array of strings: one parse, with a gap after each element that gave words.</summary>
    private Dictionary<string, List<ushort>> ParseElements(Dictionary<string, List<ushort>> vector, int weight, IEnumerable<string?> elements)
    {
        var position = 0;
        foreach (var element in elements)
        {
            if (element is null)
            {
                continue;
            }

            var words = _words;
            position = Add(vector, weight, element, position);
            if (_words > words)
            {
                position++;
            }
        }

        return vector;
    }

    private int Add(Dictionary<string, List<ushort>> vector, int weight, string text, int position)
    {
        // The parser reads an XML tag with its attributes as one token, spaces and all: such a text is one chunk.
        if (text.Contains('<', StringComparison.Ordinal))
        {
            return AddChunk(vector, weight, text, position);
        }

        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var space = rest.IndexOf(' ');
            var chunk = space < 0 ? rest : rest[..space];
            if (!chunk.IsEmpty)
            {
                position = AddChunk(vector, weight, chunk, position);
            }

            rest = space < 0 ? [] : rest[(space + 1)..];
        }

        return position;
    }

    private int AddChunk(Dictionary<string, List<ushort>> vector, int weight, ReadOnlySpan<char> chunk, int position)
    {
        if (!lexicon.TryGet(chunk, out var words))
        {
            Unknown.Add(chunk.ToString());
            _complete = false;
            return position;
        }

        if (!words.IsMeasurable)
        {
            Unmeasurable = true;
            _complete = false;
            return position;
        }

        if (_complete)
        {
            foreach (var (lexeme, offset) in words.Words)
            {
                // Tokens come in order, so each lexeme's positions arrive ascending: dropping repeats keeps them unique.
                var at = Math.Min(position + offset, MaxPosition);
                if (!vector.TryGetValue(lexeme, out var positions))
                {
                    vector[lexeme] = positions = NewList();
                }

                var last = positions.Count == 0 ? 0 : positions[^1] & MaxPosition;
                if (positions.Count < MaxPositionsParsed && last != MaxPosition && last != at)
                {
                    positions.Add((ushort)((weight << 14) | at));
                }

                _words++;
            }
        }

        return position + words.Tokens;
    }

    private List<ushort> NewList() => _lists.TryPop(out var list) ? list : new List<ushort>(8);

    /// <summary>tsvector's ||: the right side's positions move past the left side's largest.</summary>
    private Dictionary<string, List<ushort>> Join(Dictionary<string, List<ushort>> left, Dictionary<string, List<ushort>> right)
    {
        var shift = 0;
        foreach (var positions in left.Values)
        {
            foreach (var entry in positions)
            {
                shift = Math.Max(shift, entry & MaxPosition);
            }
        }

        foreach (var (lexeme, positions) in right)
        {
            if (!left.TryGetValue(lexeme, out var joined))
            {
                left[lexeme] = joined = NewList();
            }

            foreach (var entry in positions)
            {
                if (joined.Count >= MaxPositionsJoined || (joined.Count > 0 && (joined[^1] & MaxPosition) == MaxPosition))
                {
                    break;
                }

                var at = Math.Min((entry & MaxPosition) + shift, MaxPosition);
                joined.Add((ushort)((entry & ~MaxPosition) | at));
            }
        }

        return left;
    }

    /// <summary>tsvector's text form ('lexeme':3A,17C ...); PostgreSQL sorts the lexemes as it reads them.</summary>
    private string Format(Dictionary<string, List<ushort>> document)
    {
        _text.Clear();
        foreach (var (lexeme, positions) in document)
        {
            if (_text.Length > 0)
            {
                _text.Append(' ');
            }

            _text.Append('\'');
            foreach (var c in lexeme)
            {
                if (c is '\'' or '\\')
                {
                    _text.Append(c);
                }

                _text.Append(c);
            }

            _text.Append("':");
            for (var i = 0; i < positions.Count; i++)
            {
                if (i > 0)
                {
                    _text.Append(',');
                }

                _text.Append(positions[i] & MaxPosition);
                _text.Append((positions[i] >> 14) switch
                {
                    WeightA => "A",
                    WeightB => "B",
                    WeightC => "C",
                    _ => string.Empty,
                });
            }
        }

        return _text.ToString();
    }
}
