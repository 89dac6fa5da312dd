using JobBoard.Domain.Common;
using SkiaSharp;

namespace JobBoard.Web.Companies;

/// <summary>A logo ready to store: re-encoded as PNG from the decoded pixels, never the uploaded bytes.</summary>
public sealed record LogoImage(byte[] Png, int Width, int Height)
{
    public const string ContentType = "image/png";

    /// <summary>The largest upload taken, on the form's request limit too.</summary>
    public const int MaxUploadBytes = 2 * 1024 * 1024;

    /// <summary>Logos are shown small; anything larger is scaled down to fit this square.</summary>
    public const int MaxSide = 256;

    /// <summary>
    /// A decompression bomb states huge dimensions in a few bytes; its size is read from the header and refused before a
    /// single pixel is decoded.
    /// </summary>
    public const int MaxSourceSide = 6000;

    public const long MaxSourcePixels = 24_000_000;

    private const string Field = "Logo";

    /// <summary>
    /// Checks <paramref name="upload"/> by its content alone (the signature of a PNG, JPEG or WebP file, then a complete
    /// decode by Skia of that same format), scales it to fit <see cref="MaxSide"/> and encodes it as PNG.
    /// </summary>
    public static Result<LogoImage> From(byte[] upload)
    {
        if (upload.Length == 0)
        {
            return Refused("Choose an image file to upload.");
        }

        if (upload.Length > MaxUploadBytes)
        {
            return Refused($"The logo is larger than {MaxUploadBytes / 1024 / 1024} MB; upload a smaller image.");
        }

        if (Signature(upload) is not { } format)
        {
            return Refused("The logo must be a PNG, JPEG or WebP image; this file is not one of those.");
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != format)
        {
            return Refused("This image could not be read; it may be damaged. Save it again as PNG, JPEG or WebP.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > MaxSourceSide || height > MaxSourceSide || (long)width * height > MaxSourcePixels)
        {
            return Refused($"The image is {width}×{height} pixels; a logo can be at most {MaxSourceSide}×{MaxSourceSide}.");
        }

        using var decoded = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var read = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (read != SKCodecResult.Success)
        {
            return Refused("This image is incomplete or damaged; save it again and upload the new file.");
        }

        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(width, height));
        var size = new SKSizeI(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
        using var resized = size.Width == width && size.Height == height
            ? decoded.Copy()
            : decoded.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var encoded = resized?.Encode(SKEncodedImageFormat.Png, 100);
        if (encoded is null)
        {
            return Refused("This image could not be converted; save it again as PNG, JPEG or WebP.");
        }

        return Result<LogoImage>.Success(new LogoImage(encoded.ToArray(), size.Width, size.Height));
    }

    /// <summary>The format the file's first bytes announce, whatever its name or declared type.</summary>
    private static SKEncodedImageFormat? Signature(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SKEncodedImageFormat.Png;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SKEncodedImageFormat.Jpeg;
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }

        return null;
    }

    private static Result<LogoImage> Refused(string message) => Result<LogoImage>.Failure(new DomainError(Field, message));
}
