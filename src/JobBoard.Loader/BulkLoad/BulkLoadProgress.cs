namespace JobBoard.Loader.BulkLoad;

/// <summary>How far a bulk load has come: written by the loader's tasks, read by whoever shows it.</summary>
public sealed class BulkLoadProgress
{
    private long _written;
    private long _searchable;
    private string _phase = "starting";

    /// <summary>How many postings the load writes.</summary>
    public int Total { get; private set; }

    /// <summary>Postings committed with their places, tags and history.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Postings whose search rows are written (or which need none, not being published).</summary>
    public long Searchable => Interlocked.Read(ref _searchable);

    /// <summary>What the load is doing besides writing rows ("refreshing suggestions").</summary>
    public string Phase => Volatile.Read(ref _phase);

    /// <summary>Writing and indexing count half each: the search rows cost about as much as the postings.</summary>
    public double Fraction => Total == 0 ? 1 : (Written + Searchable) / (2.0 * Total);

    internal void Start(int total)
    {
        Total = total;
        EnterPhase("loading");
    }

    internal void EnterPhase(string phase) => Volatile.Write(ref _phase, phase);

    internal void AddWritten(int postings) => Interlocked.Add(ref _written, postings);

    internal void AddSearchable(int postings) => Interlocked.Add(ref _searchable, postings);
}
