using JobBoard.Domain.Applications;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.CvSamples;

namespace JobBoard.Tests.Domain.Applications;

public sealed class CvFileTests
{
    private const string Refused = "Only PDF and Word (.docx) files are accepted, and this file is neither.";

    [Fact]
    public void A_real_PDF_is_accepted_as_a_PDF_and_keeps_its_bytes_and_name()
    {
        var pdf = Pdf();

        var cv = CvFile.Check(@"C:\Users\jane\Jane Doe CV.pdf", "application/pdf; charset=binary", pdf);

        cv.Succeeded.Should().BeTrue();
        cv.Value.Should().Match<CheckedCv>(c => c.Kind == CvKind.Pdf && c.FileName == "Jane Doe CV.pdf" && c.ContentType == PdfType);
        cv.Value.Content.Should().Equal(pdf);
    }

    [Fact]
    public void A_real_Word_document_is_accepted_as_a_DOCX()
    {
        var cv = CvFile.Check("jane.DOCX", DocxType, Docx());

        cv.Succeeded.Should().BeTrue();
        cv.Value.Kind.Should().Be(CvKind.Docx);
        cv.Value.ContentType.Should().Be(DocxType);
    }

    public static TheoryData<string, string, byte[]> NotCvs => new()
    {
        { "cv.pdf", PdfType, HtmlPage() },
        { "cv.pdf", PdfType, Exe() },
        { "cv.pdf", PdfType, Png() },
        { "cv.docx", DocxType, ZipWithoutDocument() },
        { "cv.docx", DocxType, Pdf() },
        { "cv.docx", DocxType, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02] },
        // A real CV, but said to be something else: the name and the declared type must agree with the bytes.
        { "cv.html", "text/html", Pdf() },
        { "cv.pdf", "text/html", Pdf() },
        { "cv.pdf", DocxType, Pdf() },
        { "cv.docx", PdfType, Docx() },
        { "cv.exe", PdfType, Pdf() },
        { "cv", PdfType, Pdf() },
    };

    [Theory]
    [MemberData(nameof(NotCvs))]
    public void Anything_but_a_PDF_or_DOCX_is_refused_whatever_its_name_or_declared_type(string name, string type, byte[] content)
    {
        var cv = CvFile.Check(name, type, content);

        cv.Succeeded.Should().BeFalse();
        cv.Errors.Single().Should().Match<JobBoard.Domain.Common.DomainError>(e => e.Field == "Cv" && e.Message == Refused);
    }

    [Fact]
    public void An_empty_file_asks_for_a_CV_and_one_over_5_MB_is_refused_for_its_size()
    {
        CvFile.Check("cv.pdf", PdfType, []).Errors.Single().Message.Should().Be("Attach your CV as a PDF or Word (.docx) file.");
        CvFile.Check("cv.pdf", PdfType, OversizePdf()).Errors.Single().Message.Should().Be("A CV may be at most 5 MB.");

        var justFits = Pdf().Concat(Enumerable.Repeat((byte)' ', CvFile.MaxBytes - Pdf().Length)).ToArray();
        CvFile.Check("cv.pdf", PdfType, justFits).Succeeded.Should().BeTrue("5 MB exactly is allowed");
    }

    [Fact]
    public void A_name_with_control_characters_or_a_path_is_reduced_to_a_safe_file_name()
    {
        CvFile.Check("../../etc/passwd.pdf", PdfType, Pdf()).Value.FileName.Should().Be("passwd.pdf");
        CvFile.Check("a\u0000b.pdf", PdfType, Pdf()).Succeeded.Should().BeFalse("a name that must be replaced has no extension to go by");
    }
}
