namespace JobBoard.Web.Seekers;

/// <summary>
/// The Save / Unsave control of a posting (<c>Pages/Shared/_SaveJob.cshtml</c>): a form for a signed-in user, a link
/// through sign-in for a guest. <paramref name="DescribedBy"/> names the element with the posting's title, so that in a
/// list each button says which job it saves while its name stays "Save job".
/// </summary>
public sealed record SaveJobButton(int PostingId, string? DescribedBy = null, bool Small = true);
