using System.IO.Compression;
using JobBoard.Domain.Common;

namespace JobBoard.Domain.Applications;

public enum CvKind
{
    Pdf,
    Docx,
}

/// <summary>A CV that passed <see cref="CvFile.Check"/>: its kind comes from its bytes, not its name.</summary>
public sealed record CheckedCv(string FileName, CvKind Kind, byte[] Content)
{
    public string ContentType => CvFile.ContentTypeOf(Kind);
}

/// <summary>
/// What a CV may be: a PDF or a Word document (DOCX), at most <see cref="MaxBytes"/>. The declared content type and
/// the file name must say so, and the bytes must be one: a PDF starts with <c>%PDF-</c>; a DOCX is a ZIP holding
/// <c>word/document.xml</c>. A renamed executable, image or HTML page is refused whatever its name.
/// </summary>
public static class CvFile
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxFileNameLength = 200;

    public const string PdfContentType = "application/pdf";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static string ContentTypeOf(CvKind kind) => kind == CvKind.Pdf ? PdfContentType : DocxContentType;

    public static string ExtensionOf(CvKind kind) => kind == CvKind.Pdf ? ".pdf" : ".docx";

    public static Result<CheckedCv> Check(string? fileName, string? contentType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        const string field = "Cv";
        if (content.Length == 0)
        {
            return Fail(field, "Attach your CV as a PDF or Word (.docx) file.");
        }

        if (content.Length > MaxBytes)
        {
            return Fail(field, $"A CV may be at most {MaxBytes / 1024 / 1024} MB.");
        }

        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/')).Trim();
        if (name.Length is 0 or > MaxFileNameLength || PlainText.HasControlCharacters(name, multiline: false))
        {
            name = "cv";
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        var declared = (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        CvKind? kind = extension switch
        {
            ".pdf" when declared == PdfContentType && IsPdf(content) => CvKind.Pdf,
            ".docx" when declared == DocxContentType && IsDocx(content) => CvKind.Docx,
            _ => null,
        };

        if (kind is null)
        {
            return Fail(field, "Only PDF and Word (.docx) files are accepted, and this file is neither.");
        }

        return Result<CheckedCv>.Success(new CheckedCv(name, kind.Value, content));
    }

    private static bool IsPdf(byte[] content) => content.AsSpan().StartsWith(PdfMagic);

    private static bool IsDocx(byte[] content)
    {
        if (!content.AsSpan().StartsWith(ZipMagic))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static Result<CheckedCv> Fail(string field, string message) => Result<CheckedCv>.Failure(new DomainError(field, message));
}
