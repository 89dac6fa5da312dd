using JobBoard.Domain.Postings;

namespace JobBoard.Web.Listings;

/// <summary>What Pages/Shared/_PostingBody renders: the public page's ad and job information, or the editor's preview of it.</summary>
/// <param name="Reportable">The public page of an open posting offers "report this job"; a preview or a closed ad does not.</param>
public sealed record PostingBody(JobPosting Posting, IReadOnlyList<OutlineBlock> Outline, bool NoLongerOpen, bool Reportable = false);
