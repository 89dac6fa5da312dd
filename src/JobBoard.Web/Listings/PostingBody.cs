using JobBoard.Domain.Postings;

namespace JobBoard.Web.Listings;

/// <summary>
/// What Pages/Shared/_PostingBody renders: the public page's ad and job information, or the editor's preview of it. A
/// preview's posting is built in memory, so the editor gives the id of the posting it edits (<paramref name="PostingId"/>).
/// Only the public page offers to save the job beside Apply (<paramref name="Saveable"/>); a preview does not.
/// </summary>
public sealed record PostingBody(JobPosting Posting, IReadOnlyList<OutlineBlock> Outline, bool NoLongerOpen, int? PostingId = null, bool Saveable = false)
{
    /// <summary>Where the Apply button points: the route that counts the click (<see cref="Applications.ApplyEndpoint"/>).</summary>
    public string ApplyAddress => Applications.ApplyEndpoint.Address(PostingId ?? Posting.Id);
}
