using JobBoard.Domain.Postings;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// Postings on their way to the database with the blocks of ids reserved for them: the postings, their places and
/// their status changes are numbered from the first id of each block in the order the postings list them. The domain
/// objects get no ids of their own until EF saves them, so the ids travel beside them.
/// </summary>
internal sealed record PostingBatch(IReadOnlyList<JobPosting> Postings, int FirstPostingId, int FirstLocationId, long FirstStatusChangeId)
{
    public int Count => Postings.Count;

    public int LastPostingId => FirstPostingId + Count - 1;
}
