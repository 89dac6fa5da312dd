namespace JobBoard.Web;

/// <summary>
/// ASP.NET Core's form reader refuses a URL-encoded NUL (<c>%00</c>) outright, before any page sees the form: the
/// person who pasted text holding one got a bare "Bad request" and lost what they typed. Here a NUL in a URL-encoded
/// form (of at most <see cref="MaxBodyBytes"/>) becomes U+0001, another control character, which every form of the
/// board already refuses with a message beside the field, keeping the rest of the input. Nothing stores either.
/// </summary>
public static class FormNulCharacters
{
    /// <summary>The largest form the board takes (the posting editor's, <see cref="Areas.Recruiter.Pages.Postings.EditModel.MaxRequestBytes"/>).</summary>
    public const int MaxBodyBytes = Areas.Recruiter.Pages.Postings.EditModel.MaxRequestBytes;

    private static readonly byte[] Nul = "%00"u8.ToArray();

    public static IApplicationBuilder UseFormNulCharacters(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.ContentLength is > 0 and <= MaxBodyBytes)
        {
            var body = new MemoryStream((int)request.ContentLength.Value);
            await request.Body.CopyToAsync(body, context.RequestAborted);
            // "%00" becomes "%01" in place: the same length, and no other byte of the form is touched.
            var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
            for (var at = bytes.IndexOf(Nul); at >= 0; at = NextNul(bytes, at))
            {
                bytes[at + 2] = (byte)'1';
            }

            body.Position = 0;
            request.Body = body;
            context.Response.RegisterForDispose(body);
        }

        await next(context);
    });

    private static int NextNul(Span<byte> bytes, int after)
    {
        var next = bytes[(after + 3)..].IndexOf(Nul);
        return next < 0 ? -1 : after + 3 + next;
    }
}
