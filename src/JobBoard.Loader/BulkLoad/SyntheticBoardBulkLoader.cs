using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using JobBoard.Data;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Loader.DemoData;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobBoard.Loader.BulkLoad;

/// <summary>What to generate and how to load it.</summary>
public sealed record BulkLoadOptions
{
    public const int MaxStreams = 8;

    public required int Count { get; init; }

    public int Seed { get; init; } = SyntheticBoard.DefaultSeed;

    /// <summary>How many of the biggest cities to spread the postings over; by default more for a bigger board.</summary>
    public int? Places { get; init; }

    /// <summary>Connections writing postings with COPY, each committing its own batches.</summary>
    public int CopyStreams { get; init; } = 2;

    /// <summary>Connections computing search rows for committed batches while later ones are written.</summary>
    public int SearchStreams { get; init; } = 2;

    public int BatchSize { get; init; } = 1000;

    /// <summary>A board of a million postings spans 3,000 towns; a small one stays in the biggest cities.</summary>
    public int PlaceCount => Places ?? Math.Clamp(Count / 250, 250, 3000);
}

/// <summary>What a bulk load wrote.</summary>
public sealed record BulkLoadResult(
    int Postings,
    int FirstPostingId,
    int LastPostingId,
    long Locations,
    long Categories,
    long Skills,
    long StatusChanges,
    long Published,
    int Places,
    TimeSpan Elapsed);

/// <summary>
/// Generates a synthetic board (<see cref="SyntheticBoard"/>) and loads it with COPY, streaming: a generator task
/// takes each posting through the domain's draft, review and publish steps (as <see cref="DemoDataLoader"/> does, so
/// the history and the expiry are the domain's own), reserves ids for a batch and hands it over a bounded channel to
/// the COPY writers; committed batches go on to the search writers, which copy their search, place and recommendation
/// rows, computed as the app's views compute them (<see cref="SearchRowCopyWriter"/>), while later batches are still
/// being written. Memory stays flat: only the batches in the channels are held.
/// </summary>
public sealed partial class SyntheticBoardBulkLoader(JobBoardDbContext db, TimeProvider clock, ILogger<SyntheticBoardBulkLoader> logger)
{
    public const string Actor = "system:seed";

    /// <summary>How the loader's connections show in pg_stat_activity, followed by their task ("jobboard seed: copy").</summary>
    public const string ApplicationName = "jobboard seed";

    /// <summary>Batches whose ids are reserved together (see <see cref="NumberAsync"/>).</summary>
    private const int BatchesPerReservation = 5;

    public async Task<BulkLoadResult> LoadAsync(BulkLoadOptions options, BulkLoadProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Count);
        ArgumentOutOfRangeException.ThrowIfNotEqual(options.CopyStreams is >= 1 and <= BulkLoadOptions.MaxStreams, true, nameof(options.CopyStreams));
        ArgumentOutOfRangeException.ThrowIfNotEqual(options.SearchStreams is >= 1 and <= BulkLoadOptions.MaxStreams, true, nameof(options.SearchStreams));

        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        progress.Start(options.Count);

        var references = await BoardReferences.FindOrCreateAsync(db, cancellationToken);
        var places = Gazetteer.Default.Largest(options.PlaceCount, DemoDataLoader.SyntheticCountries).Select(PlaceInput.From).ToList();
        var generated = SyntheticBoard.Generate(places, DateOnly.FromDateTime(now.UtcDateTime), options.Count, options.Seed);
        var placeCount = places.Count;
        LogStarting(logger, options.Count, placeCount, options.Seed, options.CopyStreams, options.SearchStreams);

        await using var dataSource = CreateDataSource(db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database context has no connection string."));
        var counts = new LoadCounts();

        // Holds the load lock until the load has restored what it put off, so that no other load or app start restores it
        // meanwhile; the lock goes when the data source, which is this load's own, closes its connections.
        await using var guard = await dataSource.OpenConnectionAsync(cancellationToken);
        var deferred = await DeferredMaintenance.DeferIfBoardEmptyAsync(guard, dataSource, cancellationToken);

        try
        {
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var toWrite = Channel.CreateBounded<PostingBatch>(new BoundedChannelOptions(options.CopyStreams * 2) { SingleWriter = true });
            var toIndex = Channel.CreateBounded<PostingBatch>(new BoundedChannelOptions(options.SearchStreams * 2));
            var generating = Task.Run(() => GenerateAsync(dataSource, generated, references, now, options.BatchSize, counts, toWrite.Writer, failed.Token), failed.Token);
            var writing = Task.Run(() => WriteAsync(dataSource, options.CopyStreams, toWrite.Reader, toIndex.Writer, progress, failed.Token), failed.Token);
            var indexing = Task.Run(() => IndexAsync(dataSource, options.SearchStreams, toIndex.Reader, progress, failed.Token), failed.Token);
            await WhenAllOrFirstFailureAsync(failed, generating, writing, indexing);
            var writtenAfter = Stopwatch.GetElapsedTime(started);
            LogWritten(logger, counts.Postings, writtenAfter.TotalSeconds);
        }
        catch (Exception) when (deferred.IsDeferring)
        {
            // Also after a failure or Ctrl+C: the committed batches are a valid board and need their indexes.
            await deferred.RestoreAsync(dataSource, CancellationToken.None);
            throw;
        }

        // Suggestions and the statistics of the loaded tables need none of the deferred indexes, so they are done while the
        // indexes are built; the search tables and posting_locations are analyzed after.
        progress.EnterPhase(deferred.IsDeferring ? "building indexes, refreshing suggestions" : "refreshing suggestions");
        await Task.WhenAll(BuildIndexesAsync(), RefreshAsync());
        progress.EnterPhase("analyzing");
        await ExecuteAsync(dataSource, "ANALYZE posting_locations, posting_search, posting_category_places, posting_category_lists, search_keys", cancellationToken);

        // Radius searches read the places through an index-only scan, which visits the table wherever a page is not yet
        // marked all-visible: mark them now rather than when autovacuum gets round to it.
        await ExecuteAsync(dataSource, "VACUUM (ANALYZE) posting_search_places", cancellationToken);
        progress.EnterPhase("done");
        var finishedAfter = Stopwatch.GetElapsedTime(started);
        LogFinished(logger, finishedAfter.TotalSeconds);
        var allocated = GC.GetTotalAllocatedBytes() / (1024.0 * 1024 * 1024);
        var paused = GC.GetTotalPauseDuration().TotalSeconds;
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        LogMemory(logger, allocated, gen0, gen1, gen2, paused);

        return new BulkLoadResult(
            options.Count, counts.FirstPostingId, counts.LastPostingId, counts.Locations, counts.Categories, counts.Skills, counts.StatusChanges,
            counts.Published, places.Count, Stopwatch.GetElapsedTime(started));

        async Task BuildIndexesAsync()
        {
            if (deferred.IsDeferring)
            {
                // Not cancellable: a board without its indexes would be worse than a load that takes a little longer to stop.
                await deferred.RestoreAsync(dataSource, CancellationToken.None);
                var builtAfter = Stopwatch.GetElapsedTime(started);
                LogIndexesBuilt(logger, deferred.IndexNames.Count, builtAfter.TotalSeconds);
            }
        }

        async Task RefreshAsync()
        {
            await ExecuteAsync(dataSource, "SELECT search_suggestions_refresh()", cancellationToken);
            await ExecuteAsync(dataSource, "ANALYZE job_postings, posting_categories, posting_skills, posting_status_changes, search_suggestions", cancellationToken);
        }
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Filling the search rows of a batch or analyzing a million rows outlasts any sensible command timeout; a bigger
        // write buffer means fewer, larger sends while copying.
        builder.ConnectionStringBuilder.CommandTimeout = 0;
        builder.ConnectionStringBuilder.WriteBufferSize = 64 * 1024;
        builder.ConnectionStringBuilder.ApplicationName = ApplicationName;
        return builder.Build();
    }

    /// <summary>
    /// A connection for bulk work. A crash may lose the last commits, never make them inconsistent, so commits need not
    /// wait for the disk. The search refresh runs thousands of times, each too short for JIT compilation to pay off. Foreign keys are not checked row by row where the role may switch that off (as pg_restore
    /// does): each batch writes a posting and its children in one transaction with ids it reserved, so no child can
    /// name a missing posting, and a check per row would cost more than the COPY itself. The suggestion triggers skip
    /// its writes (<c>jobboard.bulk_load</c>): the load rebuilds the suggestions once at the end.
    /// </summary>
    private static async Task<NpgsqlConnection> OpenBulkConnectionAsync(NpgsqlDataSource dataSource, string task, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SET synchronous_commit = off;
            SET jit = off;
            SELECT set_config('application_name', @name, false);
            SELECT set_config('jobboard.bulk_load', 'on', false);
            SELECT set_config('session_replication_role', 'replica', false) FROM pg_roles WHERE rolname = current_user AND rolsuper;
            """,
            connection)
        {
            Parameters = { new("name", $"{ApplicationName}: {task}") },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static async Task GenerateAsync(
        NpgsqlDataSource dataSource,
        IEnumerable<SyntheticPosting> generated,
        BoardReferences references,
        DateTimeOffset now,
        int batchSize,
        LoadCounts counts,
        ChannelWriter<PostingBatch> output,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenBulkConnectionAsync(dataSource, "ids", cancellationToken);
            var ids = await IdentityReservations.CreateAsync(connection, cancellationToken);
            var group = new List<JobPosting>(batchSize * BatchesPerReservation);
            foreach (var synthetic in generated)
            {
                var content = synthetic.ToContent(references.CategoryNamed, references.SkillNamed);
                group.Add(DemoDataLoader.Publish(references.CompanyFor(synthetic.Company), content, now, Actor));
                if (group.Count == batchSize * BatchesPerReservation)
                {
                    await SendAsync();
                }
            }

            await SendAsync();
            output.Complete();

            async Task SendAsync()
            {
                foreach (var batch in await NumberAsync(ids, group, batchSize, counts, cancellationToken))
                {
                    await output.WriteAsync(batch, cancellationToken);
                }

                group = new List<JobPosting>(batchSize * BatchesPerReservation);
            }
        }
        catch (Exception ex)
        {
            output.TryComplete(ex);
            throw;
        }
    }

    /// <summary>
    /// Reserves the ids of several batches at once and splits them into batches. Each reservation locks the sequences
    /// with a no-op ALTER SEQUENCE, a catalog change with a commit of its own: reserving once a batch, the reserving
    /// connection spent 10 CPU-seconds over a million postings.
    /// </summary>
    private static async Task<List<PostingBatch>> NumberAsync(
        IdentityReservations ids, List<JobPosting> postings, int batchSize, LoadCounts counts, CancellationToken cancellationToken)
    {
        var batches = new List<PostingBatch>();
        if (postings.Count == 0)
        {
            return batches;
        }

        int locations = 0, categories = 0, skills = 0, statusChanges = 0, published = 0;
        foreach (var posting in postings)
        {
            locations += posting.Locations.Count;
            categories += posting.Categories.Count;
            skills += posting.Skills.Count;
            statusChanges += posting.StatusHistory.Count;
            published += posting.Status == PostingStatus.Published ? 1 : 0;
        }

        var (firstPosting, firstLocation, firstStatusChange) = await ids.ReserveAsync(postings.Count, locations, statusChanges, cancellationToken);
        counts.Add(firstPosting, postings.Count, locations, categories, skills, statusChanges, published);
        foreach (var chunk in postings.Chunk(batchSize))
        {
            batches.Add(new PostingBatch(chunk, firstPosting, firstLocation, firstStatusChange));
            firstPosting += chunk.Length;
            firstLocation += chunk.Sum(p => p.Locations.Count);
            firstStatusChange += chunk.Sum(p => p.StatusHistory.Count);
        }

        return batches;
    }

    private static async Task WriteAsync(
        NpgsqlDataSource dataSource,
        int streams,
        ChannelReader<PostingBatch> input,
        ChannelWriter<PostingBatch> written,
        BulkLoadProgress progress,
        CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Task.Run(WriteStreamAsync, cancellationToken)));
            written.Complete();
        }
        catch (Exception ex)
        {
            written.TryComplete(ex);
            throw;
        }

        async Task WriteStreamAsync()
        {
            await using var connection = await OpenBulkConnectionAsync(dataSource, "copy", cancellationToken);
            using var writer = new PostingCopyWriter(connection);
            await foreach (var batch in input.ReadAllAsync(cancellationToken))
            {
                await writer.WriteAsync(batch, cancellationToken);
                progress.AddWritten(batch.Count);
                await written.WriteAsync(batch, cancellationToken);
            }
        }
    }

    private static async Task IndexAsync(
        NpgsqlDataSource dataSource, int streams, ChannelReader<PostingBatch> written, BulkLoadProgress progress, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Task.Run(IndexStreamAsync, cancellationToken)));

        async Task IndexStreamAsync()
        {
            await using var connection = await OpenBulkConnectionAsync(dataSource, "search", cancellationToken);
            var searchRows = new SearchRowCopyWriter(connection);
            await foreach (var batch in written.ReadAllAsync(cancellationToken))
            {
                await searchRows.WriteAsync(batch, cancellationToken);
                progress.AddSearchable(batch.Count);
            }
        }
    }

    /// <summary>Waits for every task; on the first failure cancels the others and rethrows that failure, not their cancellation.</summary>
    private static async Task WhenAllOrFirstFailureAsync(CancellationTokenSource cancelOnFailure, params Task[] tasks)
    {
        Exception? first = null;
        var running = tasks.ToList();
        while (running.Count > 0)
        {
            var done = await Task.WhenAny(running);
            running.Remove(done);
            if (done.IsFaulted && first is null)
            {
                first = done.Exception!.InnerException ?? done.Exception;
                await cancelOnFailure.CancelAsync();
            }
        }

        if (first is not null)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        await Task.WhenAll(tasks);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Postings} postings and their search rows after {Seconds:F1} s")]
    private static partial void LogWritten(ILogger logger, int postings, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshed search suggestions and analyzed the tables after {Seconds:F1} s")]
    private static partial void LogFinished(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Allocated {Gigabytes:F1} GB; collections: {Gen0} of generation 0, {Gen1} of 1, {Gen2} of 2; paused {Paused:F1} s")]
    private static partial void LogMemory(ILogger logger, double gigabytes, int gen0, int gen1, int gen2, double paused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built the {Indexes} deferred indexes after {Seconds:F1} s")]
    private static partial void LogIndexesBuilt(ILogger logger, int indexes, double seconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Loading {Count} synthetic postings over {Places} places (seed {Seed}) with {CopyStreams} COPY and {SearchStreams} search streams")]
    private static partial void LogStarting(ILogger logger, int count, int places, int seed, int copyStreams, int searchStreams);

    /// <summary>Rows reserved so far, summed by the generator alone.</summary>
    private sealed class LoadCounts
    {
        public int FirstPostingId { get; private set; }

        public int LastPostingId { get; private set; }

        public int Postings { get; private set; }

        public long Locations { get; private set; }

        public long Categories { get; private set; }

        public long Skills { get; private set; }

        public long StatusChanges { get; private set; }

        public long Published { get; private set; }

        public void Add(int firstPosting, int postings, int locations, int categories, int skills, int statusChanges, int published)
        {
            FirstPostingId = FirstPostingId == 0 ? firstPosting : FirstPostingId;
            LastPostingId = firstPosting + postings - 1;
            Postings += postings;
            Locations += locations;
            Categories += categories;
            Skills += skills;
            StatusChanges += statusChanges;
            Published += published;
        }
    }
}
