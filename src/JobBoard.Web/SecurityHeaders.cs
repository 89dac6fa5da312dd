namespace JobBoard.Web;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers every response carries. The content security policy allows only this site's own scripts and styles,
    /// plus the inline JSON-LD block (data, never executed).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()";
        headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        await next(context);
    });
}
