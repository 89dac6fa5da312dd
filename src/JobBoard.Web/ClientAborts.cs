using Microsoft.AspNetCore.Diagnostics;

namespace JobBoard.Web;

public static class ClientAborts
{
    /// <summary>The status nginx logs for a request whose client closed the connection before the answer.</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>
    /// A client that goes away mid-request (a closed tab, a load generator stopping) cancels the request's work, and
    /// the database calls under it throw <see cref="OperationCanceledException"/>. That is not the server's error and
    /// nobody reads the answer: it is logged as a 499 by the request log, not as a 500 with a stack trace. Any other
    /// cancellation still fails the request. Goes after the request logging, so that the log sees the 499.
    /// </summary>
    public static IApplicationBuilder UseClientAborts(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            context.Response.StatusCode = ClientClosedRequest;
            // Nobody is there to read an error page: the status code pages need not render one.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
        }
    });
}
