using System.Text;
using Npgsql;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// The words PostgreSQL's <c>jobboard</c> text search configuration makes of each space-separated piece of text (a
/// "chunk": "Managing", "day-to-day", "(full-time)."), learnt from the database itself and kept, so that the bulk
/// loader can build search documents without sending every text through <c>to_tsvector</c>: a synthetic board of a
/// million postings repeats a few tens of thousands of chunks. The parser never makes one token out of two chunks, so
/// a text's tokens are its chunks' tokens in turn (the bulk-load tests compare every document with the view's).
/// One instance per connection: it is not thread-safe.
/// </summary>
internal sealed class SearchLexicon
{
    /// <summary>A word no chunk holds, put after each chunk to count its tokens, stop words included.</summary>
    private const string Sentinel = "qzxjsentinelqzxj";

    /// <summary>tsvector positions stop at 16,383; a chunk that long cannot be measured by the sentinel's position.</summary>
    private const int MaxPosition = 16_383;

    private const string LearnQuery = """
        SELECT t.i::int, w.lexeme, w.positions
        FROM unnest(@chunks) WITH ORDINALITY AS t(chunk, i)
        CROSS JOIN LATERAL unnest(to_tsvector('jobboard', t.chunk || ' ' || @sentinel)) AS w
        """;

    private readonly Dictionary<string, ChunkWords> _chunks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lexemeIds = new(StringComparer.Ordinal);
    private readonly List<string> _lexemes = [];
    private readonly List<byte[]> _utf8 = [];
    private int[] _ranks = [];
    private int[] _byRank = [];
    private readonly Dictionary<string, ChunkWords>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SearchLexicon() => _lookup = _chunks.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many lexemes the chunks known so far hold: their ids run from 0 to this.</summary>
    public int LexemeCount => _lexemes.Count;

    public string Lexeme(int id) => _lexemes[id];

    /// <summary>The lexeme as tsvector's binary form holds it.</summary>
    public byte[] Utf8(int id) => _utf8[id];

    /// <summary>
    /// Per lexeme id, its place in tsvector's order of lexemes: their UTF-8 bytes compared as memcmp does, the shorter
    /// first where one begins the other. A document sent in binary lists its lexemes in this order.
    /// </summary>
    public ReadOnlySpan<int> Ranks
    {
        get
        {
            if (_ranks.Length != _lexemes.Count)
            {
                Rank();
            }

            return _ranks;
        }
    }

    /// <summary>The lexeme id at a place in that order.</summary>
    public int IdAtRank(int rank) => _byRank[rank];

    public bool TryGet(ReadOnlySpan<char> chunk, out ChunkWords words) => _lookup.TryGetValue(chunk, out words);

    /// <summary>Asks the database for the tokens of chunks not known yet.</summary>
    public async Task LearnAsync(NpgsqlConnection connection, IReadOnlyCollection<string> chunks, CancellationToken cancellationToken)
    {
        var unknown = chunks.Where(c => !_chunks.ContainsKey(c)).Distinct(StringComparer.Ordinal).ToArray();
        if (unknown.Length == 0)
        {
            return;
        }

        var words = new List<(string Lexeme, int Position)>[unknown.Length];
        for (var i = 0; i < unknown.Length; i++)
        {
            words[i] = [];
        }

        await using (var command = new NpgsqlCommand(LearnQuery, connection))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("chunks", unknown));
            command.Parameters.Add(new NpgsqlParameter<string>("sentinel", Sentinel));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var chunk = reader.GetInt32(0) - 1;
                var lexeme = reader.GetString(1);
                foreach (var position in reader.GetFieldValue<short[]>(2))
                {
                    words[chunk].Add((lexeme, position));
                }
            }
        }

        for (var i = 0; i < unknown.Length; i++)
        {
            // The sentinel is the last token, so its position is one past the chunk's own tokens.
            var end = words[i].Count == 0 ? 0 : words[i].Max(w => w.Position);
            _chunks[unknown[i]] = end is <= 0 or >= MaxPosition
                ? ChunkWords.Unmeasurable
                : new ChunkWords(end - 1, [.. words[i].Where(w => w.Position < end).OrderBy(w => w.Position).Select(w => (IdOf(w.Lexeme), w.Position))]);
        }
    }

    private int IdOf(string lexeme)
    {
        if (!_lexemeIds.TryGetValue(lexeme, out var id))
        {
            _lexemeIds[lexeme] = id = _lexemes.Count;
            _lexemes.Add(lexeme);
            _utf8.Add(Encoding.UTF8.GetBytes(lexeme));
        }

        return id;
    }

    /// <summary>Ranks every lexeme again: learning is rare after the first batches, so sorting them all then is cheap.</summary>
    private void Rank()
    {
        _byRank = [.. Enumerable.Range(0, _lexemes.Count)];
        System.Array.Sort(_byRank, (a, b) => _utf8[a].AsSpan().SequenceCompareTo(_utf8[b]));
        _ranks = new int[_byRank.Length];
        for (var rank = 0; rank < _byRank.Length; rank++)
        {
            _ranks[_byRank[rank]] = rank;
        }
    }
}

/// <summary>
/// What the parser and dictionaries make of a chunk: how many tokens it counts (each moves the position on by one, stop
/// words too) and the lexemes found (by their ids in the lexicon), each at its token's place within the chunk, from 1.
/// </summary>
internal readonly record struct ChunkWords(int Tokens, (int Lexeme, int Position)[] Words)
{
    public static readonly ChunkWords Unmeasurable = new(-1, []);

    public bool IsMeasurable => Tokens >= 0;
}
