using System.Diagnostics;
using System.Globalization;
using JobBoard.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JobBoard.Web.Pages;

/// <summary>The friendly page for every error status and unhandled exception; never shows a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string? RequestId { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        Status = status ?? (HttpContext.Response.StatusCode >= 400 ? HttpContext.Response.StatusCode : 500);
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (Status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
