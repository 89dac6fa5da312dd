using System.Globalization;
using JobBoard.Data;
using JobBoard.Domain.Moderation;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Web.Listings;
using JobBoard.Web.Moderation;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Admin.Pages.Categories;

/// <summary>
/// The category taxonomy with the number of postings in each: add, rename, and delete one no posting uses. A rename
/// keeps the slug (search addresses stay valid) and reaches the search documents through the database's triggers in
/// the same transaction, about a millisecond per posting of the category.
/// </summary>
public sealed class IndexModel(JobBoardDbContext db, TimeProvider clock, PostingCaches caches, BoardDirectories directories) : PageModel
{
    public IReadOnlyList<CategoryRow> Categories { get; private set; } = [];

    /// <summary>The category whose rename failed, to show the message beside it; null for the add form.</summary>
    public int? FailedCategoryId { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var defined = Category.Define(Name);
        if (defined.Succeeded && await TakenAsync(defined.Value.Name, null, cancellationToken))
        {
            ModelState.AddModelError(nameof(Name), $"There is already a category \"{defined.Value.Name}\".");
        }

        FormText.AddErrors(ModelState, defined, new Dictionary<string, string> { ["Name"] = nameof(Name) });
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Categories.Add(defined.Value);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync("added category", defined.Value, null, cancellationToken);
        return await ChangedAsync($"Category \"{defined.Value.Name}\" added.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRenameAsync(int categoryId, CancellationToken cancellationToken)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
        if (category is null)
        {
            return NotFound();
        }

        var oldName = category.Name;
        var renamed = category.Rename(Name);
        FormText.AddErrors(ModelState, renamed, new Dictionary<string, string> { ["Name"] = nameof(Name) });
        if (renamed.Succeeded && await TakenAsync(category.Name, category.Id, cancellationToken))
        {
            ModelState.AddModelError(nameof(Name), $"There is already a category \"{category.Name}\".");
        }

        if (!ModelState.IsValid)
        {
            FailedCategoryId = categoryId;
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return Page();
        }

        await AuditAsync("renamed category", category, $"from \"{oldName}\"", cancellationToken);
        return await ChangedAsync($"\"{oldName}\" is now \"{category.Name}\".", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int categoryId, CancellationToken cancellationToken)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
        if (category is null)
        {
            return NotFound();
        }

        var used = await db.Set<PostingCategory>().CountAsync(pc => pc.CategoryId == categoryId, cancellationToken);
        if (used > 0)
        {
            ModelState.AddModelError(string.Empty, $"\"{category.Name}\" is used by {used} posting{(used == 1 ? "" : "s")}; only an unused category can be deleted.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Categories.Remove(category);
        await AuditAsync("deleted category", category, null, cancellationToken);
        return await ChangedAsync($"Category \"{category.Name}\" deleted.", cancellationToken);
    }

    // Names that differ only in case or punctuation have the same slug: "Health care" and "health-care" are one.
    private Task<bool> TakenAsync(string name, int? except, CancellationToken cancellationToken)
    {
        var slug = Domain.Common.Slug.From(name);
        return db.Categories.AnyAsync(c => c.Id != except && (c.Name == name || c.Slug == slug), cancellationToken);
    }

    // Saves the change with its audit entry in one transaction.
    private async Task AuditAsync(string action, Category category, string? reason, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), User.Identity!.Name!, $"{action} \"{category.Name}\"", "category",
            category.Id.ToString(CultureInfo.InvariantCulture), reason));
        await db.SaveChangesAsync(cancellationToken);
    }

    // Searches, facets and posting pages show category names: they read the new taxonomy at once.
    private async Task<IActionResult> ChangedAsync(string done, CancellationToken cancellationToken)
    {
        await directories.ReloadCategoriesAsync(cancellationToken);
        await caches.ForgetAsync(cancellationToken);
        TempData["Done"] = done;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Categories = await db.Categories
            .OrderBy(c => c.Name)
            .Select(c => new CategoryRow(c.Id, c.Name, c.Slug, db.Set<PostingCategory>().Count(pc => pc.CategoryId == c.Id)))
            .ToListAsync(cancellationToken);
}

public sealed record CategoryRow(int Id, string Name, string Slug, int Postings);
