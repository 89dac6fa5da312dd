using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Recruiter;

[Collection(WebTestsDefinition.Name)]
public sealed class CompanyLogoTests(JobBoardApp app) : WebTest(app)
{
    private const string Page = "/Recruiter/Company/Logo";

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "logo.png", "image/png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "logo.jpg", "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "logo.webp", "image/webp")]
    public async Task A_png_jpeg_or_webp_logo_is_re_encoded_scaled_and_served_with_the_company(SKEncodedImageFormat format, string name, string type)
    {
        var (client, acme) = await RecruiterAsync();
        var upload = Image(600, 300, format);

        var response = await UploadAsync(client, upload, name, type);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var logo = await app.ExecuteDbContextAsync(db => db.CompanyLogos.AsNoTracking().SingleAsync());
        logo.Should().BeEquivalentTo(new { CompanyId = acme.Id, ContentType = "image/png", Width = 256, Height = 128 });
        logo.Content.Should().NotEqual(upload);
        using (var stored = SKBitmap.Decode(logo.Content))
        {
            (stored.Width, stored.Height).Should().Be((256, 128));
            stored.GetPixel(10, 64).Red.Should().BeGreaterThan(200, "the picture survives the re-encoding");
        }

        var company = await app.ExecuteDbContextAsync(db => db.Companies.AsNoTracking().SingleAsync(c => c.Id == acme.Id));
        company.LogoVersion.Should().Be(logo.Version);
        var served = await app.GuestClient().GetAsync(new Uri($"/companies/acme-health/logo?v={logo.Version}", UriKind.Relative));
        served.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        served.Headers.CacheControl!.ToString().Should().Contain("max-age=31536000").And.Contain("public");
        served.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        (await served.Content.ReadAsByteArrayAsync()).Should().Equal(logo.Content);
        var stale = await app.GuestClient().GetAsync(new Uri("/companies/acme-health/logo?v=old", UriKind.Relative));
        stale.Headers.CacheControl!.MaxAge.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task The_logo_shows_on_cards_the_company_page_the_posting_page_and_in_json_ld()
    {
        var (client, acme) = await RecruiterAsync();
        var posting = Published(acme);
        await InsertPostingsAsync(posting);
        var (_, cachedBefore) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");
        await UploadAsync(client, Image(100, 100, SKEncodedImageFormat.Png), "logo.png", "image/png");
        var version = await app.ExecuteDbContextAsync(db => db.CompanyLogos.Select(l => l.Version).SingleAsync());
        var address = $"/companies/acme-health/logo?v={version}";

        var (_, companyPage) = await app.GetPageAsync("/companies/acme-health");
        var (_, postingPage) = await app.GetPageAsync($"/jobs/{posting.Id}/{posting.Slug}");
        var (_, search) = await app.GetPageAsync("/jobs");

        companyPage.QuerySelector("h1")!.ParentElement!.QuerySelector("[data-testid=company-logo]")!.GetAttribute("src").Should().Be(address);
        companyPage.QuerySelector("[data-testid=job-card] [data-testid=company-logo]")!.GetAttribute("src").Should().Be(address);
        search.QuerySelector("[data-testid=job-card] [data-testid=company-logo]")!.GetAttribute("alt").Should().Be("Acme Health logo");
        cachedBefore.QuerySelector("[data-testid=company-logo]").Should().BeNull();
        postingPage.QuerySelector("article header [data-testid=company-logo]")!.GetAttribute("src").Should().Be(address);
        var jsonLd = JsonDocument.Parse(postingPage.QuerySelector("script[type='application/ld+json']")!.TextContent);
        jsonLd.RootElement.GetProperty("hiringOrganization").GetProperty("logo").GetString().Should().Be("http://localhost" + address);
    }

    public static TheoryData<string, string, string, string> Refused() => new()
    {
        { "GIF", "logo.gif", "image/gif", "The logo must be a PNG, JPEG or WebP image; this file is not one of those." },
        { "SVG", "logo.svg", "image/svg+xml", "The logo must be a PNG, JPEG or WebP image; this file is not one of those." },
        { "HTML", "logo.png", "image/png", "The logo must be a PNG, JPEG or WebP image; this file is not one of those." },
        { "truncated", "logo.png", "image/png", "This image is incomplete or damaged; save it again and upload the new file." },
        { "oversized", "logo.png", "image/png", "The logo is larger than 2 MB; upload a smaller image." },
        { "bomb", "logo.png", "image/png", "The image is 100000×100000 pixels; a logo can be at most 6000×6000." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_a_whole_png_jpeg_or_webp_of_sensible_size_is_refused_and_nothing_stored(string kind, string name, string type, string message)
    {
        var (client, acme) = await RecruiterAsync();
        var content = kind switch
        {
            "GIF" => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"),
            "SVG" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
            "HTML" => Encoding.UTF8.GetBytes("<!doctype html><script>alert(document.cookie)</script>"),
            "truncated" => Image(400, 400, SKEncodedImageFormat.Png, noise: true)[..2000],
            "oversized" => [.. Image(10, 10, SKEncodedImageFormat.Png), .. new byte[2 * 1024 * 1024]],
            "bomb" => WithDimensions(Image(10, 10, SKEncodedImageFormat.Png), 100_000, 100_000),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await UploadAsync(client, content, name, type);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=logo-error]")!.TextContent.Should().Be(message);
        (await app.ExecuteDbContextAsync(db => db.CompanyLogos.CountAsync())).Should().Be(0);
        (await app.ExecuteDbContextAsync(db => db.Companies.Where(c => c.Id == acme.Id).Select(c => c.LogoVersion).SingleAsync())).Should().BeNull();
    }

    [Fact]
    public async Task An_upload_far_past_the_limit_is_refused_with_413_before_it_is_read_and_nothing_stored()
    {
        var (client, _) = await RecruiterAsync();

        var response = await UploadAsync(client, [.. Image(10, 10, SKEncodedImageFormat.Png), .. new byte[5 * 1024 * 1024]], "logo.png", "image/png");

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("more than this form takes");
        (await app.ExecuteDbContextAsync(db => db.CompanyLogos.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task No_logo_is_a_404_and_a_removed_logo_is_gone()
    {
        var (client, _) = await RecruiterAsync();
        var before = await app.GuestClient().GetAsync(new Uri("/companies/acme-health/logo", UriKind.Relative));
        await UploadAsync(client, Image(50, 50, SKEncodedImageFormat.Png), "logo.png", "image/png");

        var removed = await client.SubmitFormAsync(Page, formSelector: "[data-testid=remove-logo]");
        var after = await app.GuestClient().GetAsync(new Uri("/companies/acme-health/logo", UriKind.Relative));

        before.StatusCode.Should().Be(HttpStatusCode.NotFound);
        removed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetDocumentAsync(Page)).QuerySelector("[data-testid=no-logo]").Should().NotBeNull();
    }

    private async Task<(HttpClient Client, Company Acme)> RecruiterAsync()
    {
        var acme = Company();
        await app.InsertAsync(acme);
        var recruiter = await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme);
        return (await app.SignedInClientAsync(recruiter), acme);
    }

    /// <summary>Posts the logo form as a browser does: multipart, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string contentType)
    {
        var page = await client.GetDocumentAsync(Page);
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[data-testid=logo-form] input[name=__RequestVerificationToken]")!.Value;
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "upload", fileName } };
        return await client.PostAsync(new Uri(Page, UriKind.Relative), form);
    }

    /// <summary>A red-and-blue picture, the left half red; with noise it compresses poorly, so a cut file lacks pixels.</summary>
    private static byte[] Image(int width, int height, SKEncodedImageFormat format, bool noise = false)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(7);
        for (var x = 0; x < width; x++)
        {
            for (var y = 0; y < height; y++)
            {
                bitmap.SetPixel(x, y, noise ? new SKColor((uint)random.Next() | 0xFF000000) : x < width / 2 ? SKColors.Red : SKColors.Blue);
            }
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>The same small PNG claiming other dimensions in its header (with a correct checksum): a decompression bomb.</summary>
    private static byte[] WithDimensions(byte[] png, int width, int height)
    {
        var copy = png.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), Crc32(copy.AsSpan(12, 17)));
        return copy;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Postings of companies already stored: the companies are attached as they are, not inserted again.</summary>
    private Task InsertPostingsAsync(params JobPosting[] postings) =>
        app.ExecuteDbContextAsync(async db =>
        {
            foreach (var company in postings.Select(p => p.Company).Distinct())
            {
                db.Attach(company);
            }

            db.AddRange(postings);
            await db.SaveChangesAsync();
        });
}
