using JobBoard.Data;
using JobBoard.Domain.Common;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Web.Authorization;
using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Recruiter.Pages.Company;

/// <summary>
/// The company's profile and its shared sections. Any approved member may edit them, not only the owner: members
/// already publish postings in the company's name, which say more than its profile; the owner's extra right is to
/// admit members.
/// </summary>
public sealed class IndexModel(JobBoardDbContext db, CurrentRecruiter recruiter, PostingCaches caches) : PageModel
{
    public Domain.Companies.Company Company { get; private set; } = null!;

    [BindProperty]
    public ProfileInput Profile { get; set; } = new();

    [BindProperty]
    public SectionInput Section { get; set; } = new();

    /// <summary>The existing section a refused edit, move or removal was about, whose form shows the error.</summary>
    public string? EditingKey { get; private set; }

    [TempData]
    public string? Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Profile = ProfileInput.From(Company);
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = Company.UpdateProfile(new CompanyProfile(
            Blank(Profile.About), Blank(Profile.Website), Company.LogoUrl, Profile.EmployeeCount, Blank(Profile.Industry), Blank(Profile.Headquarters)));
        return await SavedOrShownAsync(result, "Profile", "Profile saved.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddSectionAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var result = Company.AddSection(Section.Key, Section.Heading, Section.Body);
        return await SavedOrShownAsync(result, "Section", $"Section “{Section.Heading?.Trim()}” added.", cancellationToken);
    }

    public async Task<IActionResult> OnPostEditSectionAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        EditingKey = Section.Key;
        var result = Company.EditSection(Section.Key ?? string.Empty, Section.Heading, Section.Body);
        return await SavedOrShownAsync(result, "Section", $"Section “{Section.Heading?.Trim()}” saved.", cancellationToken);
    }

    /// <summary>Refused while any posting of the company (whatever its status) attaches the section.</summary>
    public async Task<IActionResult> OnPostRemoveSectionAsync(string key, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        EditingKey = key;
        var usedBy = await db.Postings.CountAsync(
            p => p.CompanyId == Company.Id && p.Sections.Any(s => s.Kind == SectionKind.CompanyBoilerplate && s.CompanySectionKey == key), cancellationToken);
        var result = Company.RemoveSection(key, usedBy);
        return await SavedOrShownAsync(result, "Section", "Section removed.", cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveSectionAsync(string key, int by, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        EditingKey = key;
        var result = Company.MoveSection(key, by);
        return await SavedOrShownAsync(result, "Section", "Sections reordered.", cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var membership = await recruiter.GetAsync(cancellationToken);
        Company = await db.Companies.SingleAsync(c => c.Id == membership.CompanyId, cancellationToken);
    }

    private async Task<IActionResult> SavedOrShownAsync(Result result, string prefix, string outcome, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{prefix}.{error.Field}", error.Message);
            }

            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        await caches.ForgetAsync(cancellationToken);
        Outcome = outcome;
        return RedirectToPage();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    public sealed class ProfileInput
    {
        public string? About { get; set; }

        public string? Website { get; set; }

        public int? EmployeeCount { get; set; }

        public string? Industry { get; set; }

        public string? Headquarters { get; set; }

        public static ProfileInput From(Domain.Companies.Company company) => new()
        {
            About = company.About,
            Website = company.Website,
            EmployeeCount = company.EmployeeCount,
            Industry = company.Industry,
            Headquarters = company.Headquarters,
        };
    }

    public sealed class SectionInput
    {
        public string? Key { get; set; }

        public string? Heading { get; set; }

        public string? Body { get; set; }
    }
}
