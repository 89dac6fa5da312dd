namespace JobBoard.Web.Pages.Shared;

/// <summary>
/// A page's RSS feed, which the layout announces for feed readers to discover (<c>ViewData["Feed"]</c>). Only pages
/// that list postings have one; /jobs names its own search in its head.
/// </summary>
public sealed record FeedLink(string Title, string Url);
