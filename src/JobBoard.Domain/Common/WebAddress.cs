namespace JobBoard.Domain.Common;

public static class WebAddress
{
    /// <summary>Only absolute http(s) addresses: a "javascript:" apply link must never reach a page.</summary>
    public static bool IsValid(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public static bool IsValidEmail(string value)
    {
        var trimmed = value.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < trimmed.Length - 3 && trimmed.IndexOf('.', at) > at + 1
            && !trimmed.Any(char.IsWhiteSpace) && trimmed.Count(c => c == '@') == 1;
    }
}
