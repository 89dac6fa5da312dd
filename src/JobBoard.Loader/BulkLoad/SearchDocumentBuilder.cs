using System.Buffers.Binary;
using System.Runtime.InteropServices;
using JobBoard.Domain.Postings;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// A posting's search document, in tsvector's binary form (for binary COPY), exactly as the <c>document</c> column of
/// <c>posting_search_source</c> computes it (the bulk-load tests compare the two for every posting):
/// <code>
/// setweight(to_tsvector(title), 'A')
/// || setweight(to_tsvector(company, category names, skill names), 'B')
/// || setweight(to_tsvector(summary) || jsonb_to_tsvector(requirement texts), 'C')
/// || setweight(to_tsvector(core responsibilities, responsibilities, benefits) || jsonb_to_tsvector(section bodies), 'D')
/// </code>
/// with PostgreSQL's rules: a token moves the position on by one (stop words too), <c>jsonb_to_tsvector</c> leaves a
/// gap of one after each element that gave words, <c>||</c> shifts the right side's positions by the left side's
/// largest, positions stop at 16,383, <c>to_tsvector</c> keeps 255 positions per lexeme and <c>||</c> 256. Below those
/// limits, which an ad seldom reaches, the six parts simply follow one another; at them, the parts are joined one
/// <c>||</c> at a time as the SQL does. The words of each chunk come from a <see cref="SearchLexicon"/>; chunks it does
/// not know yet are collected in <see cref="Unknown"/>, and the document is not built.
/// </summary>
internal sealed class SearchDocumentBuilder(SearchLexicon lexicon)
{
    private const int Parts = 6;
    private const int MaxPosition = 16_383;
    private const int MaxPositionsParsed = 255;
    private const int MaxPositionsJoined = 256;
    private static readonly int[] Weights = [3, 2, 1, 1, 0, 0];

    private readonly TsVectorBytes _document = new();

    /// <summary>Every word of the current posting, part by part, at its position within its part.</summary>
    private readonly List<(int Part, int Lexeme, int Position)> _words = new(1024);

    /// <summary>Per part, the largest position of a word, which the next part's positions are shifted by.</summary>
    private readonly int[] _largest = new int[Parts];

    /// <summary>Per lexeme id, its positions in the document: counted, then filled (a counting sort).</summary>
    private int[] _counts = new int[1024];
    private int[] _starts = new int[1024];
    private ushort[] _positions = new ushort[1024];
    private readonly List<int> _lexemes = new(512);
    private int[] _order = new int[512];

    /// <summary>False once a chunk of the current posting is missing from the lexicon or cannot be measured.</summary>
    private bool _complete;

    /// <summary>The part being parsed and the position its parse has reached.</summary>
    private int _part;
    private int _position;

    /// <summary>Chunks met that the lexicon does not know yet.</summary>
    public HashSet<string> Unknown { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the last posting built had a chunk too long to measure, so that only the database can index it.</summary>
    public bool Unmeasurable { get; private set; }

    /// <summary>The document, or null when a chunk is unknown (see <see cref="Unknown"/>) or <see cref="Unmeasurable"/>.</summary>
    public byte[]? Build(JobPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        _complete = true;
        Unmeasurable = false;
        _words.Clear();
        _part = -1;
        Parse(0, posting.Title);
        Parse(1, posting.Company.Name);
        foreach (var category in posting.Categories.OrderBy(c => c.Position))
        {
            Parse(1, category.Category.Name);
        }

        foreach (var skill in posting.Skills.OrderBy(s => s.Position))
        {
            Parse(1, skill.Skill.Name);
        }

        Parse(2, posting.Summary);
        ParseElements(3, posting.Requirements.Select(r => r.Text));
        Parse(4, posting.CoreResponsibilities);
        foreach (var responsibility in posting.Responsibilities)
        {
            Parse(4, responsibility);
        }

        Parse(4, posting.Compensation?.Benefits);
        ParseElements(5, posting.Sections.Select(s => s.Body));
        if (!_complete)
        {
            return null;
        }

        return EncodeInOrder() ?? Encode(JoinOneByOne());
    }

    /// <summary>to_tsvector over texts joined by spaces (concat_ws, array_to_string): each text continues its part.</summary>
    private void Parse(int part, string? text)
    {
        if (part != _part)
        {
            (_part, _position) = (part, 0);
        }

        if (text is not null)
        {
            _position = Add(part, text, _position);
        }
    }

    /// <summary>jsonb_to_tsvector over an array of strings: one parse, with a gap after each element that gave words.</summary>
    private void ParseElements(int part, IEnumerable<string?> elements)
    {
        (_part, _position) = (part, 0);
        foreach (var element in elements)
        {
            if (element is not null)
            {
                var words = _words.Count;
                _position = Add(part, element, _position);
                if (_words.Count > words)
                {
                    _position++;
                }
            }
        }
    }

    private int Add(int part, string text, int position)
    {
        // The parser reads an XML tag with its attributes as one token, spaces and all: such a text is one chunk.
        if (text.Contains('<', StringComparison.Ordinal))
        {
            return AddChunk(part, text, position);
        }

        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var space = rest.IndexOf(' ');
            var chunk = space < 0 ? rest : rest[..space];
            if (!chunk.IsEmpty)
            {
                position = AddChunk(part, chunk, position);
            }

            rest = space < 0 ? [] : rest[(space + 1)..];
        }

        return position;
    }

    private int AddChunk(int part, ReadOnlySpan<char> chunk, int position)
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
                _words.Add((part, lexeme, position + offset));
            }
        }

        return position + words.Tokens;
    }

    /// <summary>
    /// The document when no limit is reached: each part's positions shifted by the largest positions of the parts
    /// before it, every lexeme's positions in order. Null when a lexeme has more than 255 positions or a position
    /// passes 16,383, where the limits make the order of the joins matter.
    /// </summary>
    private byte[]? EncodeInOrder()
    {
        System.Array.Clear(_largest);
        foreach (var (part, _, position) in _words)
        {
            _largest[part] = Math.Max(_largest[part], position);
        }

        Span<int> shifts = stackalloc int[Parts];
        for (var part = 1; part < Parts; part++)
        {
            shifts[part] = shifts[part - 1] + _largest[part - 1];
        }

        if (shifts[Parts - 1] + _largest[Parts - 1] >= MaxPosition)
        {
            return null;
        }

        EnsureCapacity(lexicon.LexemeCount, _words.Count);
        _lexemes.Clear();
        var fits = true;
        foreach (var (_, lexeme, _) in _words)
        {
            if (_counts[lexeme]++ == 0)
            {
                _lexemes.Add(lexeme);
            }

            fits &= _counts[lexeme] <= MaxPositionsParsed;
        }

        if (!fits)
        {
            foreach (var lexeme in _lexemes)
            {
                _counts[lexeme] = 0;
            }

            return null;
        }

        var start = 0;
        foreach (var lexeme in _lexemes)
        {
            _starts[lexeme] = start;
            start += _counts[lexeme];
        }

        foreach (var (part, lexeme, position) in _words)
        {
            _positions[_starts[lexeme]++] = (ushort)((Weights[part] << 14) | (position + shifts[part]));
        }

        var order = InLexemeOrder(_lexemes);
        _document.Begin(order.Length);
        foreach (var lexeme in order)
        {
            var count = _counts[lexeme];
            _document.Add(lexicon.Utf8(lexeme), _positions.AsSpan(_starts[lexeme] - count, count));
            _counts[lexeme] = 0;
        }

        return _document.ToArray();
    }

    /// <summary>The lexeme ids in tsvector's order (see <see cref="SearchLexicon.Ranks"/>), in a buffer reused per call.</summary>
    private Span<int> InLexemeOrder(IReadOnlyCollection<int> lexemes)
    {
        if (_order.Length < lexemes.Count)
        {
            _order = new int[Math.Max(lexemes.Count, _order.Length * 2)];
        }

        var ranks = lexicon.Ranks;
        var order = _order.AsSpan(0, lexemes.Count);
        var i = 0;
        foreach (var lexeme in lexemes)
        {
            order[i++] = ranks[lexeme];
        }

        order.Sort();
        for (i = 0; i < order.Length; i++)
        {
            order[i] = lexicon.IdAtRank(order[i]);
        }

        return order;
    }

    private void EnsureCapacity(int lexemes, int words)
    {
        if (_counts.Length < lexemes)
        {
            System.Array.Resize(ref _counts, Math.Max(lexemes, _counts.Length * 2));
            System.Array.Resize(ref _starts, _counts.Length);
        }

        if (_positions.Length < words)
        {
            _positions = new ushort[Math.Max(words, _positions.Length * 2)];
        }
    }

    /// <summary>The document built as the SQL builds it: each part a tsvector of its own, joined one || at a time.</summary>
    private Dictionary<int, List<ushort>> JoinOneByOne()
    {
        var parts = new Dictionary<int, List<ushort>>[Parts];
        for (var part = 0; part < Parts; part++)
        {
            parts[part] = [];
        }

        foreach (var (part, lexeme, position) in _words)
        {
            // to_tsvector: positions stop at 16,383, repeats dropped, at most 255 per lexeme. They arrive ascending.
            var at = Math.Min(position, MaxPosition);
            var vector = parts[part];
            if (!vector.TryGetValue(lexeme, out var positions))
            {
                vector[lexeme] = positions = [];
            }

            var last = positions.Count == 0 ? 0 : positions[^1] & MaxPosition;
            if (positions.Count < MaxPositionsParsed && last != MaxPosition && last != at)
            {
                positions.Add((ushort)((Weights[part] << 14) | at));
            }
        }

        return Join(Join(Join(parts[0], parts[1]), Join(parts[2], parts[3])), Join(parts[4], parts[5]));
    }

    /// <summary>tsvector's ||: the right side's positions move past the left side's largest.</summary>
    private static Dictionary<int, List<ushort>> Join(Dictionary<int, List<ushort>> left, Dictionary<int, List<ushort>> right)
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
                left[lexeme] = joined = [];
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

    private byte[] Encode(Dictionary<int, List<ushort>> document)
    {
        var order = InLexemeOrder(document.Keys);
        _document.Begin(order.Length);
        foreach (var lexeme in order)
        {
            _document.Add(lexicon.Utf8(lexeme), CollectionsMarshal.AsSpan(document[lexeme]));
        }

        return _document.ToArray();
    }

    /// <summary>
    /// tsvector's binary form, as <c>tsvectorrecv</c> reads it: the number of lexemes, then each lexeme's UTF-8 bytes and
    /// a zero, its number of positions and the positions (the weight in the top two bits), big-endian, the lexemes in
    /// tsvector's order and each one's positions ascending, so that the server need not sort them.
    /// </summary>
    private sealed class TsVectorBytes
    {
        private byte[] _buffer = new byte[16 * 1024];
        private int _length;

        public void Begin(int lexemes)
        {
            _length = 0;
            BinaryPrimitives.WriteInt32BigEndian(Reserve(4), lexemes);
        }

        public void Add(ReadOnlySpan<byte> lexeme, Span<ushort> positions)
        {
            var count = Distinct(positions);
            lexeme.CopyTo(Reserve(lexeme.Length + 1));
            _buffer[_length - 1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), (ushort)count);
            var target = Reserve(2 * count);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(target[(2 * i)..], positions[i]);
            }
        }

        public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

        /// <summary>
        /// Keeps one entry per position, with the highest weight, as to_tsvector does; tsvectorrecv refuses a position
        /// that does not follow the one before it. Returns how many remain at the start of the span.
        /// </summary>
        private static int Distinct(Span<ushort> positions)
        {
            var kept = 0;
            for (var i = 0; i < positions.Length; i++)
            {
                if (kept > 0 && (positions[kept - 1] & MaxPosition) == (positions[i] & MaxPosition))
                {
                    positions[kept - 1] = Math.Max(positions[kept - 1], positions[i]);
                }
                else
                {
                    positions[kept++] = positions[i];
                }
            }

            return kept;
        }

        private Span<byte> Reserve(int bytes)
        {
            if (_length + bytes > _buffer.Length)
            {
                System.Array.Resize(ref _buffer, Math.Max(_length + bytes, _buffer.Length * 2));
            }

            _length += bytes;
            return _buffer.AsSpan(_length - bytes, bytes);
        }
    }
}
