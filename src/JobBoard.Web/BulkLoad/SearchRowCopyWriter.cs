using System.Globalization;
using System.Text;
using JobBoard.Domain.Postings;
using JobBoard.Web.Search;
using Npgsql;

namespace JobBoard.Web.BulkLoad;

/// <summary>
/// Writes the <c>posting_search</c> rows of a batch the bulk loader has just copied, with COPY: each row as
/// <c>posting_search_source</c> computes it (the bulk-load tests compare every column of every row with the view), its
/// document from a <see cref="SearchDocumentBuilder"/> and its filter keys numbered through <c>search_keys</c> as the
/// view numbers them. Then <c>posting_search_places_refresh</c> derives the place and recommendation rows from them, as
/// for any save. A posting whose text the lexicon cannot measure gets its row from the view instead. Computing the rows
/// here rather than in <c>posting_search_refresh</c> takes the load's largest cost, <c>to_tsvector</c> over every
/// posting's text, off the database. One instance per connection.
/// </summary>
internal sealed class SearchRowCopyWriter(NpgsqlConnection connection)
{
    public const string SearchRowsCopy = """
        COPY posting_search (posting_id, company_id, date_posted, valid_through, work_mode, employment_type, seniority,
            visa_sponsorship, salary_currency, salary_yearly, category_ids, document, skill_ids, applicant_countries,
            filter_keys, latitudes, longitudes) FROM STDIN
        """;

    private const string AddKeys = """
        INSERT INTO search_keys (kind, value) SELECT * FROM unnest(@kinds, @values) ON CONFLICT DO NOTHING;
        SELECT k.id, k.kind, k.value FROM search_keys k JOIN unnest(@kinds, @values) AS w(kind, value) ON w.kind = k.kind AND w.value = k.value;
        """;

    private readonly SearchLexicon _lexicon = new();
    private readonly Dictionary<(string Kind, string Value), int> _keys = [];
    private readonly StringBuilder _line = new(8192);
    private readonly List<int> _filterKeys = new(64);
    private SearchDocumentBuilder? _documents;

    private SearchDocumentBuilder Documents => _documents ??= new SearchDocumentBuilder(_lexicon);

    /// <summary>Writes the search rows of the batch's published postings; returns how many there were.</summary>
    public async Task<int> WriteAsync(PostingBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var published = new List<(int Id, JobPosting Posting)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch.Postings[i].Status == PostingStatus.Published)
            {
                published.Add((batch.FirstPostingId + i, batch.Postings[i]));
            }
        }

        var documents = await DocumentsAsync(published, cancellationToken);
        await NumberKeysAsync(published, cancellationToken);

        var byView = new List<int>();
        await using (var copy = await connection.BeginTextImportAsync(SearchRowsCopy, cancellationToken))
        {
            for (var i = 0; i < published.Count; i++)
            {
                if (documents[i] is { } document)
                {
                    await copy.WriteAsync(Row(published[i].Id, published[i].Posting, document).AsMemory(), cancellationToken);
                }
                else
                {
                    byView.Add(published[i].Id);
                }
            }
        }

        if (byView.Count > 0)
        {
            await ExecuteAsync("SELECT posting_search_refresh(@ids)", [.. byView], cancellationToken);
        }

        await ExecuteAsync("SELECT posting_search_places_refresh(@ids)", [.. published.Select(p => p.Id).Except(byView)], cancellationToken);
        return published.Count;
    }

    /// <summary>Each posting's document, learning the chunks the lexicon does not know yet first; null where only the view can.</summary>
    private async Task<string?[]> DocumentsAsync(List<(int Id, JobPosting Posting)> published, CancellationToken cancellationToken)
    {
        var documents = new string?[published.Count];
        var retry = new List<int>();
        for (var i = 0; i < published.Count; i++)
        {
            documents[i] = Documents.Build(published[i].Posting);
            if (documents[i] is null && !Documents.Unmeasurable)
            {
                retry.Add(i);
            }
        }

        if (retry.Count > 0)
        {
            await _lexicon.LearnAsync(connection, Documents.Unknown, cancellationToken);
            Documents.Unknown.Clear();
            foreach (var i in retry)
            {
                documents[i] = Documents.Build(published[i].Posting);
            }
        }

        return documents;
    }

    /// <summary>Numbers the filter values of these postings that have no id yet, in the database, as the refresh does.</summary>
    private async Task NumberKeysAsync(List<(int Id, JobPosting Posting)> published, CancellationToken cancellationToken)
    {
        var missing = published.SelectMany(p => KeyValues(p.Posting)).Where(k => !_keys.ContainsKey(k)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(AddKeys, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", [.. missing.Select(k => k.Kind)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("values", [.. missing.Select(k => k.Value)]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _keys[(reader.GetString(1), reader.GetString(2))] = reader.GetInt32(0);
        }
    }

    /// <summary>The keyed filter values of a published posting, as the view <c>search_key_values</c> lists them.</summary>
    private static IEnumerable<(string Kind, string Value)> KeyValues(JobPosting posting)
    {
        yield return ("mode", posting.WorkMode.ToString());
        if (posting.EmploymentType is { } type)
        {
            yield return ("type", type.ToString());
        }

        if (posting.Seniority is { } level)
        {
            yield return ("level", level.ToString());
        }

        if (posting.VisaSponsorship == true)
        {
            yield return ("visa", "true");
        }

        foreach (var place in posting.Locations)
        {
            yield return ("country", place.CountryCode);
            if (place.Region is not null)
            {
                yield return ("region", $"{place.CountryCode}:{place.Region}");
            }
        }

        if (posting.WorkMode == WorkMode.Remote)
        {
            foreach (var country in posting.ApplicantCountries)
            {
                yield return ("remote", country);
            }
        }
    }

    /// <summary>One line of COPY's text format, the columns as <c>posting_search_source</c> computes them.</summary>
    private string Row(int id, JobPosting posting, string document)
    {
        var places = posting.Locations.OrderBy(l => l.Position).ToList();
        var categories = posting.Categories.OrderBy(c => c.Position).Select(c => c.CategoryId).ToList();
        _filterKeys.Clear();
        foreach (var key in KeyValues(posting))
        {
            _filterKeys.Add(_keys[key]);
        }

        _filterKeys.AddRange(categories.Select(SearchKeys.Category));
        foreach (var place in places)
        {
            var (fine, coarse) = SearchKeys.CellsOf(place.Latitude, place.Longitude);
            _filterKeys.Add(fine);
            _filterKeys.Add(coarse);
        }

        _filterKeys.Sort();
        var pay = posting.Compensation;
        _line.Clear();
        Field(id.ToString(CultureInfo.InvariantCulture));
        Field(posting.CompanyId.ToString(CultureInfo.InvariantCulture));
        Field(Date(posting.DatePosted ?? DateOnly.FromDateTime(posting.CreatedAt.UtcDateTime)));
        Field(posting.ValidThrough is { } validThrough ? Date(validThrough) : null);
        Field(posting.WorkMode.ToString());
        Field(posting.EmploymentType?.ToString());
        Field(posting.Seniority?.ToString());
        Field(posting.VisaSponsorship is { } visa ? (visa ? "t" : "f") : null);
        Field(pay?.Currency);
        Field(pay is not null && (pay.Maximum ?? pay.Minimum) is { } top ? (top * Compensation.PeriodsPerYear(pay.Period)).ToString(CultureInfo.InvariantCulture) : null);
        Field(Array(categories));
        Field(document);
        Field(Array(posting.Skills.OrderBy(s => s.Position).Select(s => s.SkillId)));
        Field(TextArray(posting.ApplicantCountries));
        Field(Array(_filterKeys.Distinct()));
        Field(Array(places.Select(p => p.Latitude)));
        Field(Array(places.Select(p => p.Longitude)), last: true);
        return _line.ToString();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Array(IEnumerable<int> values) => "{" + string.Join(',', values) + "}";

    private static string Array(IEnumerable<double> values) =>
        "{" + string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "}";

    private static string TextArray(IEnumerable<string> values) =>
        "{" + string.Join(',', values.Select(v => "\"" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "}";

    /// <summary>A column in COPY's text format: \N for null, backslashes and control characters escaped.</summary>
    private void Field(string? value, bool last = false)
    {
        if (value is null)
        {
            _line.Append("\\N");
        }
        else
        {
            foreach (var c in value)
            {
                _ = c switch
                {
                    '\\' => _line.Append("\\\\"),
                    '\t' => _line.Append("\\t"),
                    '\n' => _line.Append("\\n"),
                    '\r' => _line.Append("\\r"),
                    _ => _line.Append(c),
                };
            }
        }

        _line.Append(last ? '\n' : '\t');
    }

    private async Task ExecuteAsync(string sql, int[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int[]>("ids", ids));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
