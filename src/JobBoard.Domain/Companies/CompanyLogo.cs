namespace JobBoard.Domain.Companies;

/// <summary>
/// A company's uploaded logo, already re-encoded and resized by the web app (never the bytes as uploaded), kept in the
/// database so that every app instance serves the same one. <see cref="Version"/> changes with the image, for cache-busting
/// addresses.
/// </summary>
public sealed class CompanyLogo
{
    private CompanyLogo(string contentType, byte[] content, string version)
    {
        ContentType = contentType;
        Content = content;
        Version = version;
    }

    public int CompanyId { get; private set; }

    public string ContentType { get; private set; }

    public byte[] Content { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public string Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CompanyLogo For(int companyId, string contentType, byte[] content, int width, int height, DateTimeOffset now) =>
        new(contentType, content, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..16])
        {
            CompanyId = companyId,
            Width = width,
            Height = height,
            UpdatedAt = now,
        };

    public void Replace(CompanyLogo with)
    {
        ContentType = with.ContentType;
        Content = with.Content;
        Width = with.Width;
        Height = with.Height;
        Version = with.Version;
        UpdatedAt = with.UpdatedAt;
    }
}
