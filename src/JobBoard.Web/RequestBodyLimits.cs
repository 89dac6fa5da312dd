using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace JobBoard.Web;

/// <summary>
/// Holds every request body to its page's limit: the page's own <c>[RequestSizeLimit]</c> (the upload pages, the posting
/// editor), else <c>Limits:RequestBodyKilobytes</c>. A body that says it is larger is refused with 413 and the friendly
/// error page before anything reads it; one that grows past the limit as it is read (chunked) is stopped by Kestrel.
/// After routing, so that the page is known, and before anything that reads a form.
/// </summary>
public static class RequestBodyLimits
{
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app, long defaultLimit) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultLimit;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        // The error page shown for a failed request of any size (re-executed with its method and headers) reads no body.
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
        if (!reExecuted && context.Request.ContentLength > limit)
        {
            // The error page is shown as for a GET, so that nothing (not its model binding either) reads the body.
            context.Request.Method = HttpMethods.Get;
            context.Request.ContentLength = null;
            context.Request.ContentType = null;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(context);
    });
}
