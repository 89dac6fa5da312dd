using JobBoard.Domain.Postings;

namespace JobBoard.Web.Listings;

/// <summary>What Pages/Shared/_PostingBody renders: the public page's ad and job information, or the editor's preview of it.</summary>
public sealed record PostingBody(JobPosting Posting, IReadOnlyList<OutlineBlock> Outline, bool NoLongerOpen);
