using System.Diagnostics;
using System.Globalization;
using JobBoard.Data;
using JobBoard.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace JobBoard.Web.Pages;

/// <summary>
/// The friendly page for every error status and unhandled exception; never shows a stack trace. A request to the JSON
/// API (<c>/api/…</c>) gets the same words as <c>application/problem+json</c> instead of a page. Requested by its own
/// address (<c>/Error?status=500</c>), it is a 404: only the app's own errors reach it.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string? RequestId { get; private set; }

    public string Heading => Status switch
    {
        404 => "Page not found",
        400 => "Bad request",
        403 => "Not allowed",
        413 => "Too large",
        429 => "Too many requests",
        503 => "Temporarily unavailable",
        < 500 => ReasonPhrases.GetReasonPhrase(Status),
        _ => "Something went wrong",
    };

    public string Message => Status switch
    {
        400 when SecureCookiesOverPlainHttp =>
            "Forms on this board work only over a secure connection, as its cookies are sent only over HTTPS. Please open it with https:// and try again.",
        404 => "We couldn't find that page. The job may have been removed, or the address may be mistyped.",
        400 => "That request didn't make sense to us. Please check the address or the form and try again.",
        403 => "You don't have access to this page.",
        413 => "That was more than this form takes. Please shorten the text, or attach a smaller file, and try again.",
        429 => "Please wait a moment and try again.",
        503 => "JobBoard is having trouble reaching its database. Please try again in a minute.",
        < 500 => "That request didn't make sense to us. Please check the address or the form and try again.",
        _ => "Sorry, something went wrong on our side. Please try again.",
    };

    public IActionResult OnGet(int? status) => Describe(status);

    public IActionResult OnPost(int? status) => Describe(status);

    /// <summary>
    /// A form refused over plain HTTP outside development (on a name browsers do not treat as secure, as they do
    /// localhost): its antiforgery cookie, Secure, was never stored, so the form could not be checked.
    /// </summary>
    private bool SecureCookiesOverPlainHttp { get; set; }

    private IActionResult Describe(int? status)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        // Asked for by its own address the error page is not an error: a link to /Error?status=500 would otherwise show
        // (and log) a server failure that never happened. It is a page that does not exist.
        Status = originalPath is null
            ? StatusCodes.Status404NotFound
            : status ?? (HttpContext.Response.StatusCode >= 400 ? HttpContext.Response.StatusCode : 500);
        if (originalPath is null)
        {
            Response.StatusCode = Status;
        }

        var environment = HttpContext.RequestServices.GetRequiredService<IWebHostEnvironment>();
        SecureCookiesOverPlainHttp = HttpMethods.IsPost(Request.Method) && !Request.IsHttps
            && Request.Host.Host is not ("localhost" or "127.0.0.1" or "[::1]")
            && !environment.IsDevelopment() && !environment.IsEnvironment("Testing");
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (Status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (originalPath?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Page();
        }

        var problem = new ProblemDetails
        {
            Status = Status,
            Title = ReasonPhrases.GetReasonPhrase(Status),
            Detail = Status == StatusCodes.Status404NotFound ? "Nothing here: no such endpoint, or no published job with this id." : Message,
            Instance = originalPath,
        };
        problem.Extensions["requestId"] = RequestId;
        return new ObjectResult(problem) { StatusCode = Status, ContentTypes = { "application/problem+json" } };
    }
}
