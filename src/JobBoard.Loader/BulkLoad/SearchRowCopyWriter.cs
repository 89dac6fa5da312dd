using System.Buffers.Binary;
using System.Runtime.InteropServices;
using JobBoard.Data;
using JobBoard.Domain.Postings;
using Npgsql;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// Writes the search rows of a batch the bulk loader has just copied, with binary COPY: its <c>posting_search</c> rows, and the
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
            filter_keys, latitudes, longitudes, latitude, longitude) FROM STDIN (FORMAT BINARY)
        """;

    public const string PlacesCopy = """
        COPY posting_search_places (posting_id, position, earth, city, country_code, region, date_posted, valid_through,
            category_ids, title, work_mode, applicant_countries, skill_ids, latitude, longitude, cell, employment_type,
            seniority, visa_sponsorship, salary_currency, salary_yearly, place_name) FROM STDIN (FORMAT BINARY)
        """;

    public const string CategoryPlacesCopy = "COPY posting_category_places (posting_id, position, category_id, earth, valid_through) FROM STDIN (FORMAT BINARY)";

    public const string CategoryListsCopy = "COPY posting_category_lists (posting_id, remote_key, category_id, date_posted, valid_through) FROM STDIN (FORMAT BINARY)";

    private const string AddKeys = """
        INSERT INTO search_keys (kind, value) SELECT * FROM unnest(@kinds, @values) ON CONFLICT DO NOTHING;
        SELECT k.id, k.kind, k.value FROM search_keys k JOIN unnest(@kinds, @values) AS w(kind, value) ON w.kind = k.kind AND w.value = k.value;
        """;

    private readonly SearchLexicon _lexicon = new();
    private readonly Dictionary<(string Kind, string Value), int> _keys = [];
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
        await BinaryCopy.CopyAsync(connection, SearchRowsCopy, copied, WriteSearchRow, cancellationToken);
        await BinaryCopy.CopyAsync(connection, PlacesCopy, copied, WritePlaces, cancellationToken);
        await BinaryCopy.CopyAsync(connection, CategoryPlacesCopy, copied, WriteCategoryPlaces, cancellationToken);
        await BinaryCopy.CopyAsync(connection, CategoryListsCopy, copied, WriteCategoryLists, cancellationToken);

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

    /// <summary>A row of <c>posting_search_source</c>.</summary>
    private void WriteSearchRow(BinaryCopy copy, SearchRow search)
    {
        var posting = search.Posting;
        Span<double> latitudes = stackalloc double[search.Places.Count];
        Span<double> longitudes = stackalloc double[search.Places.Count];
        for (var i = 0; i < search.Places.Count; i++)
        {
            (latitudes[i], longitudes[i]) = (search.Places[i].Latitude, search.Places[i].Longitude);
        }

        copy.Row(19)
            .Int32(search.Id)
            .Int32(posting.CompanyId)
            .Date(search.DatePosted)
            .Date(posting.ValidThrough)
            .Text(posting.WorkMode.ToString())
            .Text(posting.EmploymentType?.ToString())
            .Text(posting.Seniority?.ToString())
            .Bool(posting.VisaSponsorship)
            .Text(posting.Compensation?.Currency)
            .Numeric(search.SalaryYearly)
            .Int32Array(CollectionsMarshal.AsSpan(search.CategoryIds))
            .Binary(search.Document)
            .Int32Array(CollectionsMarshal.AsSpan(search.SkillIds))
            .TextArray(posting.ApplicantCountries)
            .Int32Array(FilterKeys(search))
            .Float8Array(latitudes)
            .Float8Array(longitudes)
            .Float8(search.Places.Count > 0 ? latitudes[0] : null)
            .Float8(search.Places.Count > 0 ? longitudes[0] : null);
    }

    /// <summary>The view's filter_keys: the ids of its keyed values, categories and map cells, ascending, each once.</summary>
    private ReadOnlySpan<int> FilterKeys(SearchRow search)
    {
        _filterKeys.Clear();
        foreach (var key in search.KeyValues)
        {
            _filterKeys.Add(_keys[key]);
        }

        foreach (var category in search.CategoryIds)
        {
            _filterKeys.Add(SearchKeys.Category(category));
        }

        foreach (var place in search.Places)
        {
            var (fine, coarse) = SearchKeys.CellsOf(place.Latitude, place.Longitude);
            _filterKeys.Add(fine);
            _filterKeys.Add(coarse);
        }

        _filterKeys.Sort();
        var kept = 0;
        for (var i = 0; i < _filterKeys.Count; i++)
        {
            if (kept == 0 || _filterKeys[kept - 1] != _filterKeys[i])
            {
                _filterKeys[kept++] = _filterKeys[i];
            }
        }

        return CollectionsMarshal.AsSpan(_filterKeys)[..kept];
    }

    /// <summary>The rows of <c>posting_search_places_source</c>: one per place, or one without a place.</summary>
    private static void WritePlaces(BinaryCopy copy, SearchRow search)
    {
        var posting = search.Posting;
        var places = search.Places.Count > 0 ? search.Places.Cast<PostingLocation?>() : [null];
        short position = 0;
        foreach (var place in places)
        {
            copy.Row(22)
                .Int32(search.Id)
                .Int16(position)
                .Binary(place is null ? null : search.Earths[position])
                .Text(place?.City)
                .Text(place?.CountryCode)
                .Text(place?.Region)
                .Date(search.DatePosted)
                .Date(posting.ValidThrough)
                .Int32Array(CollectionsMarshal.AsSpan(search.CategoryIds))
                .Text(posting.Title)
                .Text(posting.WorkMode.ToString())
                .TextArray(posting.ApplicantCountries)
                .Int32Array(CollectionsMarshal.AsSpan(search.SkillIds))
                .Float8(place?.Latitude)
                .Float8(place?.Longitude)
                .Int32(place is null ? null : SearchKeys.CellsOf(place.Latitude, place.Longitude).Fine)
                .Text(posting.EmploymentType?.ToString())
                .Text(posting.Seniority?.ToString())
                .Bool(posting.VisaSponsorship)
                .Text(posting.Compensation?.Currency)
                .Numeric(search.SalaryYearly)
                .Text(place is null ? null : PlaceName(place));
            position++;
        }
    }

    /// <summary>The view's place_name, the place as suggestions name it: "Chicago, IL" in the US, "Bucharest, Romania" elsewhere.</summary>
    private static string PlaceName(PostingLocation place) => place.CountryCode == "US" && place.RegionCode is not null
        ? $"{place.City}, {place.RegionCode}"
        : $"{place.City}, {place.CountryName ?? place.CountryCode}";

    /// <summary>The rows of <c>posting_category_places_source</c>: each place under each category.</summary>
    private static void WriteCategoryPlaces(BinaryCopy copy, SearchRow search)
    {
        for (short position = 0; position < search.Places.Count; position++)
        {
            var earth = search.Earths[position];
            foreach (var category in search.CategoryIds)
            {
                copy.Row(5).Int32(search.Id).Int16(position).Int32(category).Binary(earth).Date(search.Posting.ValidThrough);
            }
        }
    }

    /// <summary>The rows of <c>posting_category_lists_source</c>: each category, and for remote work each country it is open to.</summary>
    private void WriteCategoryLists(BinaryCopy copy, SearchRow search)
    {
        foreach (var category in search.CategoryIds)
        {
            copy.Row(5).Int32(search.Id).Int32(0).Int32(category).Date(search.DatePosted).Date(search.Posting.ValidThrough);
        }

        foreach (var category in search.CategoryIds)
        {
            foreach (var country in RemoteCountries(search.Posting))
            {
                copy.Row(5).Int32(search.Id).Int32(_keys[("remote", country)]).Int32(category).Date(search.DatePosted).Date(search.Posting.ValidThrough);
            }
        }
    }

    /// <summary>The view's point on earthdistance's sphere, in cube's binary form: a point's header, then x, y and z.</summary>
    private static byte[] Earth(PostingLocation place)
    {
        const int PointOfThreeDimensions = unchecked((int)0x8000_0003);
        var (x, y, z) = SearchKeys.EarthPoint(place.Latitude, place.Longitude);
        var earth = new byte[28];
        BinaryPrimitives.WriteInt32BigEndian(earth, PointOfThreeDimensions);
        BinaryPrimitives.WriteDoubleBigEndian(earth.AsSpan(4), x);
        BinaryPrimitives.WriteDoubleBigEndian(earth.AsSpan(12), y);
        BinaryPrimitives.WriteDoubleBigEndian(earth.AsSpan(20), z);
        return earth;
    }

    /// <summary>A published posting on its way to the search tables, with what several of them need.</summary>
    private sealed class SearchRow(int id, JobPosting posting)
    {
        public int Id { get; } = id;

        public JobPosting Posting { get; } = posting;

        public byte[]? Document { get; set; }

        public List<PostingLocation> Places { get; } = [.. posting.Locations.OrderBy(l => l.Position)];

        /// <summary>Each place's point, in binary, for the place and the category rows alike.</summary>
        public byte[][] Earths => _earths ??= [.. Places.Select(Earth)];

        private byte[][]? _earths;

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
}
