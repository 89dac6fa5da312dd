using JobBoard.Data;
using Npgsql;
using NpgsqlTypes;

namespace JobBoard.Web.Search;

/// <summary>
/// "Did you mean": titles or places of open postings that look like what was typed (pg_trgm word similarity over
/// <c>search_suggestions</c>), most alike first, then the most used; titles that differ only in case are one
/// suggestion, spelt as most postings spell it.
/// </summary>
public static class SearchSuggestions
{
    private const int Limit = 5;

    public static Task<IReadOnlyList<string>> TitlesAsync(NpgsqlConnection connection, string typed, DateOnly today, CancellationToken cancellationToken) =>
        SuggestAsync(connection, 't', typed, today, cancellationToken);

    public static Task<IReadOnlyList<string>> PlacesAsync(NpgsqlConnection connection, string typed, DateOnly today, CancellationToken cancellationToken) =>
        SuggestAsync(connection, 'p', typed, today, cancellationToken);

    private static async Task<IReadOnlyList<string>> SuggestAsync(
        NpgsqlConnection connection, char kind, string typed, DateOnly today, CancellationToken cancellationToken)
    {
        // Word similarity 0.4 lets one wrong letter in a short word through ("nurce" → "Nurse"); the default 0.6 does not.
        // SET LOCAL ends with the transaction this runs in (the search's, or else the batch's implicit one), so the
        // pooled connection keeps the default; a search asks for suggestions as its last statement.
        var sql = $"""
            SET LOCAL pg_trgm.word_similarity_threshold = 0.4;
            SELECT term FROM (
                SELECT DISTINCT ON (lower(term)) term, similarity, postings FROM (
                    SELECT term, word_similarity(@typed, term) AS similarity,
                           (SELECT sum(n) FROM unnest(open_until, postings) AS u(until, n) WHERE {PostingVisibility.OpenUntil("until")}) AS postings
                    FROM search_suggestions
                    -- Closing dates ascend: a term is open while its last one is not past.
                    WHERE kind = @kind AND @typed <% term AND {PostingVisibility.OpenUntil("open_until[cardinality(open_until)]")}) open
                ORDER BY lower(term), postings DESC, term) spelt
            ORDER BY similarity DESC, postings DESC, term
            LIMIT {Limit}
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("kind", NpgsqlDbType.Char, kind.ToString());
        command.Parameters.AddWithValue("typed", typed);
        command.Parameters.AddWithValue(PostingVisibility.TodayParameter, today);
        var terms = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            terms.Add(reader.GetString(0));
        }

        return terms;
    }
}
