using System.Net;
using System.Text;
using Npgsql;

namespace JobBoard.Web.Search;

/// <summary>The parts of each result's summary that the search words matched, for the cards to show.</summary>
public static class SearchHighlights
{
    /// <summary>Where ts_headline marks a match begin: a bracket no posting text has, so the text can be HTML-encoded first.</summary>
    public const string MatchStart = "\u27E6";

    /// <summary>Where ts_headline marks a match end.</summary>
    public const string MatchStop = "\u27E7";

    /// <summary>By posting id: the matched parts, HTML-encoded with the matches in &lt;mark&gt;; postings nothing matched in are left out.</summary>
    public static async Task<Dictionary<int, string>> ReadAsync(
        NpgsqlConnection connection, IReadOnlyCollection<int> ids, string q, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        const string sql = $"""
            SELECT p.id, ts_headline('jobboard', coalesce(p.summary, p.core_responsibilities, p.title), websearch_to_tsquery('jobboard', @q),
                   'StartSel={MatchStart}, StopSel={MatchStop}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
            FROM job_postings p WHERE p.id = ANY (@ids)
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("q", q);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var highlights = new Dictionary<int, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (MarkUp(reader.GetString(1)) is { } html)
            {
                highlights[reader.GetInt32(0)] = html;
            }
        }

        return highlights;
    }

    /// <summary>A headline as HTML: encoded, on one line, its matches in &lt;mark&gt;; null when nothing in it matched.</summary>
    public static string? MarkUp(string headline)
    {
        ArgumentNullException.ThrowIfNull(headline);
        if (!headline.Contains(MatchStart, StringComparison.Ordinal))
        {
            return null;
        }

        var encoded = new StringBuilder(WebUtility.HtmlEncode(headline.Replace('\n', ' ')));
        encoded.Replace(MatchStart, "<mark>").Replace(MatchStop, "</mark>");
        return encoded.ToString();
    }
}
