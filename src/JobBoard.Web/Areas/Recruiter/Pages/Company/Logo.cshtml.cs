using JobBoard.Data;
using JobBoard.Domain.Companies;
using JobBoard.Web.Authorization;
using JobBoard.Web.Companies;
using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Recruiter.Pages.Company;

/// <summary>
/// Uploads the company's logo: checked by its content, re-encoded and scaled by <see cref="LogoImage"/>, stored in the
/// database. The request limit leaves room for the form around a file of <see cref="LogoImage.MaxUploadBytes"/>, so a
/// file a little too large still gets a message rather than a refused request.
/// </summary>
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class LogoModel(JobBoardDbContext db, CurrentRecruiter recruiter, PostingCaches caches, TimeProvider clock) : PageModel
{
    private const int RequestLimit = 2 * LogoImage.MaxUploadBytes;

    public Domain.Companies.Company Company { get; private set; } = null!;

    public string? LogoAddress => Company.LogoVersion is { } version ? LogoEndpoint.Address(Company.Slug, version) : null;

    [TempData]
    public string? Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("Logo", "Choose an image file to upload.");
            return Page();
        }

        var image = upload.Length > LogoImage.MaxUploadBytes
            ? LogoImage.From(new byte[LogoImage.MaxUploadBytes + 1])
            : LogoImage.From(await ReadAsync(upload, cancellationToken));
        if (!image.Succeeded)
        {
            ModelState.AddModelError("Logo", image.Errors[0].Message);
            return Page();
        }

        var logo = CompanyLogo.For(Company.Id, LogoImage.ContentType, image.Value.Png, image.Value.Width, image.Value.Height, clock.GetUtcNow());
        if (await db.CompanyLogos.FindAsync([Company.Id], cancellationToken) is { } stored)
        {
            stored.Replace(logo);
        }
        else
        {
            db.CompanyLogos.Add(logo);
        }

        Company.UseUploadedLogo(logo);
        await db.SaveChangesAsync(cancellationToken);
        await caches.ForgetAsync(cancellationToken);
        Outcome = $"Logo saved ({image.Value.Width}×{image.Value.Height} pixels).";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await db.CompanyLogos.Where(l => l.CompanyId == Company.Id).ExecuteDeleteAsync(cancellationToken);
        Company.RemoveUploadedLogo();
        await db.SaveChangesAsync(cancellationToken);
        await caches.ForgetAsync(cancellationToken);
        Outcome = "Logo removed.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var membership = await recruiter.GetAsync(cancellationToken);
        Company = await db.Companies.SingleAsync(c => c.Id == membership.CompanyId, cancellationToken);
    }

    private static async Task<byte[]> ReadAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)upload.Length);
        await using var stream = upload.OpenReadStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
