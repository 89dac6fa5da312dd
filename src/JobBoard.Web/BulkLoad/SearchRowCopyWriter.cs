using System.Buffers;
using System.Globalization;
using System.Text;
using JobBoard.Domain.Postings;
using JobBoard.Web.Search;
using Npgsql;

namespace JobBoard.Web.BulkLoad;

/// <summary>
/// Writes the search rows of a batch the bulk loader has just copied, with COPY: its <c>posting_search</c> rows, and the
/// place and recommendation rows derived from them (<c>posting_search_places</c>, <c>posting_category_places</c>,
/// <c>posting_category_lists</c>), each exactly as the app's view of that table computes it (the bulk-load tests compare
/// every column of every row with the views). The document comes from a <see cref="SearchDocumentBuilder"/>, the
/// filter keys are numbered through <c>search_keys</c> as the views number them. A posting whose text the lexicon cannot
/// measure gets its rows from <c>posting_search_refresh</c> instead. Computing the rows here rather than in the views
/// takes the load's largest cost, <c>to_tsvector</c> over every posting's text, off the database. One instance per
/// connection.
/// </summary>
internal sealed class SearchRowCopyWriter(NpgsqlConnection connection)
{
    public const string SearchRowsCopy = """
        COPY posting_search (posting_id, company_id, date_posted, valid_through, work_mode, employment_type, seniority,
            visa_sponsorship, salary_currency, salary_yearly, category_ids, document, skill_ids, applicant_countries,
            filter_keys, latitudes, longitudes) FROM STDIN
        """;

    public const string PlacesCopy = """
        COPY posting_search_places (posting_id, position, earth, city, country_code, region, date_posted, valid_through,
            category_ids, title, work_mode, applicant_countries, skill_ids, latitude, longitude, cell, employment_type,
            seniority, visa_sponsorship, salary_currency, salary_yearly) FROM STDIN
        """;

    public const string CategoryPlacesCopy = "COPY posting_category_places (posting_id, position, category_id, earth, valid_through) FROM STDIN";

    public const string CategoryListsCopy = "COPY posting_category_lists (posting_id, remote_key, category_id, date_posted, valid_through) FROM STDIN";

    private const string AddKeys = """
        INSERT INTO search_keys (kind, value) SELECT * FROM unnest(@kinds, @values) ON CONFLICT DO NOTHING;
        SELECT k.id, k.kind, k.value FROM search_keys k JOIN unnest(@kinds, @values) AS w(kind, value) ON w.kind = k.kind AND w.value = k.value;
        """;

    private readonly SearchLexicon _lexicon = new();
    private readonly Dictionary<(string Kind, string Value), int> _keys = [];
    private readonly CopyText _row = new();
    private readonly List<int> _filterKeys = new(64);
    private SearchDocumentBuilder? _documents;

    private SearchDocumentBuilder Documents => _documents ??= new SearchDocumentBuilder(_lexicon);

    /// <summary>Writes the search rows of the batch's published postings, in one transaction; returns how many there were.</summary>
    public async Task<int> WriteAsync(PostingBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var published = new List<SearchRow>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch.Postings[i].Status == PostingStatus.Published)
            {
                published.Add(new SearchRow(batch.FirstPostingId + i, batch.Postings[i]));
            }
        }

        await BuildDocumentsAsync(published, cancellationToken);

        // New keys are committed at once, outside the batch's transaction: the other search stream may need them too,
        // and would otherwise wait for this batch, or deadlock with it.
        await NumberKeysAsync(published, cancellationToken);
        var copied = published.Where(r => r.Document is not null).ToList();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CopyAsync(SearchRowsCopy, copied, WriteSearchRow, cancellationToken);
        await CopyAsync(PlacesCopy, copied, WritePlaces, cancellationToken);
        await CopyAsync(CategoryPlacesCopy, copied, WriteCategoryPlaces, cancellationToken);
        await CopyAsync(CategoryListsCopy, copied, WriteCategoryLists, cancellationToken);

        if (copied.Count < published.Count)
        {
            await using var command = new NpgsqlCommand("SELECT posting_search_refresh(@ids)", connection);
            command.Parameters.Add(new NpgsqlParameter<int[]>("ids", [.. published.Where(r => r.Document is null).Select(r => r.Id)]));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return published.Count;
    }

    /// <summary>Each posting's document, learning the chunks the lexicon does not know yet first; none where only the view can.</summary>
    private async Task BuildDocumentsAsync(List<SearchRow> rows, CancellationToken cancellationToken)
    {
        var retry = new List<SearchRow>();
        foreach (var row in rows)
        {
            row.Document = Documents.Build(row.Posting);
            if (row.Document is null && !Documents.Unmeasurable)
            {
                retry.Add(row);
            }
        }

        if (retry.Count > 0)
        {
            await _lexicon.LearnAsync(connection, Documents.Unknown, cancellationToken);
            Documents.Unknown.Clear();
            foreach (var row in retry)
            {
                row.Document = Documents.Build(row.Posting);
            }
        }
    }

    /// <summary>Numbers the filter values of these postings that have no id yet, in the database, as the refresh does.</summary>
    private async Task NumberKeysAsync(List<SearchRow> rows, CancellationToken cancellationToken)
    {
        var missing = rows.SelectMany(r => r.KeyValues).Where(k => !_keys.ContainsKey(k)).Distinct().Order().ToList();
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

        foreach (var country in RemoteCountries(posting))
        {
            yield return ("remote", country);
        }
    }

    private static IReadOnlyList<string> RemoteCountries(JobPosting posting) => posting.WorkMode == WorkMode.Remote ? posting.ApplicantCountries : [];

    private async Task CopyAsync(string copy, List<SearchRow> rows, Action<SearchRow, CopyText> write, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginTextImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            _row.Clear();
            write(row, _row);
            await writer.WriteAsync(_row.Text, cancellationToken);
        }
    }

    /// <summary>A row of <c>posting_search_source</c>.</summary>
    private void WriteSearchRow(SearchRow row, CopyText line)
    {
        var posting = row.Posting;
        _filterKeys.Clear();
        foreach (var key in row.KeyValues)
        {
            _filterKeys.Add(_keys[key]);
        }

        _filterKeys.AddRange(row.CategoryIds.Select(SearchKeys.Category));
        foreach (var place in row.Places)
        {
            var (fine, coarse) = SearchKeys.CellsOf(place.Latitude, place.Longitude);
            _filterKeys.Add(fine);
            _filterKeys.Add(coarse);
        }

        _filterKeys.Sort();
        line.Add(row.Id).Add(posting.CompanyId).Add(row.DatePosted).Add(posting.ValidThrough)
            .Add(posting.WorkMode.ToString()).Add(posting.EmploymentType?.ToString()).Add(posting.Seniority?.ToString()).Add(posting.VisaSponsorship)
            .Add(posting.Compensation?.Currency).Add(row.SalaryYearly)
            .Add(row.CategoryIds).Add(row.Document).Add(row.SkillIds).Add(posting.ApplicantCountries)
            .Add(_filterKeys.Distinct()).Add(row.Places.Select(p => p.Latitude)).Add(row.Places.Select(p => p.Longitude)).End();
    }

    /// <summary>The rows of <c>posting_search_places_source</c>: one per place, or one without a place.</summary>
    private static void WritePlaces(SearchRow row, CopyText line)
    {
        var posting = row.Posting;
        var places = row.Places.Count > 0 ? row.Places.Cast<PostingLocation?>() : [null];
        var position = 0;
        foreach (var place in places)
        {
            line.Add(row.Id).Add(position).Add(place is null ? null : row.Earths[position])
                .Add(place?.City).Add(place?.CountryCode).Add(place?.Region)
                .Add(row.DatePosted).Add(posting.ValidThrough).Add(row.CategoryIds).Add(posting.Title)
                .Add(posting.WorkMode.ToString()).Add(posting.ApplicantCountries).Add(row.SkillIds)
                .Add(place?.Latitude).Add(place?.Longitude).Add(place is null ? null : SearchKeys.CellsOf(place.Latitude, place.Longitude).Fine)
                .Add(posting.EmploymentType?.ToString()).Add(posting.Seniority?.ToString()).Add(posting.VisaSponsorship)
                .Add(posting.Compensation?.Currency).Add(row.SalaryYearly).End();
            position++;
        }
    }

    /// <summary>The rows of <c>posting_category_places_source</c>: each place under each category.</summary>
    private static void WriteCategoryPlaces(SearchRow row, CopyText line)
    {
        for (var position = 0; position < row.Places.Count; position++)
        {
            var earth = row.Earths[position];
            foreach (var category in row.CategoryIds)
            {
                line.Add(row.Id).Add(position).Add(category).Add(earth).Add(row.Posting.ValidThrough).End();
            }
        }
    }

    /// <summary>The rows of <c>posting_category_lists_source</c>: each category, and for remote work each country it is open to.</summary>
    private void WriteCategoryLists(SearchRow row, CopyText line)
    {
        foreach (var category in row.CategoryIds)
        {
            line.Add(row.Id).Add(0).Add(category).Add(row.DatePosted).Add(row.Posting.ValidThrough).End();
        }

        foreach (var category in row.CategoryIds)
        {
            foreach (var country in RemoteCountries(row.Posting))
            {
                line.Add(row.Id).Add(_keys[("remote", country)]).Add(category).Add(row.DatePosted).Add(row.Posting.ValidThrough).End();
            }
        }
    }

    /// <summary>The view's point on earthdistance's sphere, as cube's text.</summary>
    private static string Earth(PostingLocation place)
    {
        var (x, y, z) = SearchKeys.EarthPoint(place.Latitude, place.Longitude);
        return string.Create(CultureInfo.InvariantCulture, $"({x:R}, {y:R}, {z:R})");
    }

    /// <summary>A published posting on its way to the search tables, with what several of them need.</summary>
    private sealed class SearchRow(int id, JobPosting posting)
    {
        public int Id { get; } = id;

        public JobPosting Posting { get; } = posting;

        public string? Document { get; set; }

        public List<PostingLocation> Places { get; } = [.. posting.Locations.OrderBy(l => l.Position)];

        /// <summary>Each place's point, as cube text, for the place and the category rows alike.</summary>
        public string[] Earths => _earths ??= [.. Places.Select(Earth)];

        private string[]? _earths;

        public List<int> CategoryIds { get; } = [.. posting.Categories.OrderBy(c => c.Position).Select(c => c.CategoryId)];

        public List<int> SkillIds { get; } = [.. posting.Skills.OrderBy(s => s.Position).Select(s => s.SkillId)];

        /// <summary>Its keyed filter values, numbered before its rows are written and read again for its filter keys.</summary>
        public List<(string Kind, string Value)> KeyValues { get; } = [.. SearchRowCopyWriter.KeyValues(posting)];

        /// <summary>coalesce(date_posted, created_at::date).</summary>
        public DateOnly DatePosted => Posting.DatePosted ?? DateOnly.FromDateTime(Posting.CreatedAt.UtcDateTime);

        /// <summary>The view's salary_yearly: the top of the range (or its only figure) as a year's pay.</summary>
        public decimal? SalaryYearly => Posting.Compensation is { } pay && (pay.Maximum ?? pay.Minimum) is { } top
            ? top * Compensation.PeriodsPerYear(pay.Period)
            : null;
    }

    /// <summary>Rows in COPY's text format: tab-separated, \N for null, backslashes and control characters escaped.</summary>
    private sealed class CopyText
    {
        private static readonly SearchValues<char> Escaped = SearchValues.Create("\\\t\n\r");

        private readonly StringBuilder _text = new(8192);
        private bool _first = true;

        public StringBuilder Text => _text;

        public void Clear()
        {
            _text.Clear();
            _first = true;
        }

        public CopyText Add(string? value)
        {
            Separate();
            if (value is null)
            {
                _text.Append("\\N");
                return this;
            }

            if (value.AsSpan().IndexOfAny(Escaped) < 0)
            {
                _text.Append(value);
                return this;
            }

            foreach (var c in value)
            {
                _ = c switch
                {
                    '\\' => _text.Append("\\\\"),
                    '\t' => _text.Append("\\t"),
                    '\n' => _text.Append("\\n"),
                    '\r' => _text.Append("\\r"),
                    _ => _text.Append(c),
                };
            }

            return this;
        }

        public CopyText Add(int value)
        {
            Separate();
            _text.Append(value);
            return this;
        }

        public CopyText Add(int? value) => value is { } present ? Add(present) : Add((string?)null);

        public CopyText Add(double? value) =>
            value is { } present ? Add(present.ToString("R", CultureInfo.InvariantCulture)) : Add((string?)null);

        public CopyText Add(decimal? value) => Add(value?.ToString(CultureInfo.InvariantCulture));

        public CopyText Add(bool? value) => Add(value is { } present ? (present ? "t" : "f") : null);

        public CopyText Add(DateOnly? value) => Add(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        public CopyText Add(IEnumerable<int> values)
        {
            Separate();
            _text.Append('{').AppendJoin(',', values).Append('}');
            return this;
        }

        public CopyText Add(IEnumerable<double> values)
        {
            Separate();
            _text.Append('{');
            var first = true;
            foreach (var value in values)
            {
                _text.Append(first ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $"{value:R}");
                first = false;
            }

            _text.Append('}');
            return this;
        }

        /// <summary>A text[] literal, each element quoted.</summary>
        public CopyText Add(IReadOnlyList<string> values) =>
            values.Count == 0 ? Add("{}") : Add("{" + string.Join(',', values.Select(v => "\"" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "}");

        public void End()
        {
            _text.Append('\n');
            _first = true;
        }

        private void Separate()
        {
            if (!_first)
            {
                _text.Append('\t');
            }

            _first = false;
        }
    }
}
