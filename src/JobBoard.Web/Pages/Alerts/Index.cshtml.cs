using JobBoard.Data;
using JobBoard.Domain.Seekers;
using JobBoard.Web.Alerts;
using JobBoard.Web.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Alerts;

/// <summary>
/// The signed-in user's alerts: rename one, change how often it mails, delete it, or see its matches now (the search
/// itself). Another user's alert is a 404, as if it did not exist.
/// </summary>
public sealed class IndexModel(JobBoardDbContext db) : PageModel
{
    public IReadOnlyList<AlertRow> Alerts { get; private set; } = [];

    /// <summary>What the last change did, shown once (post-redirect-get); carried in TempData, never read from the URL.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>The alert whose change was refused, shown with what was typed and why.</summary>
    public long? Refused { get; private set; }

    [BindProperty]
    public AlertForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostChangeAsync(long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } alert)
        {
            return NotFound();
        }

        var frequency = AlertForm.ParseFrequency(Form.Frequency);
        if (frequency is null)
        {
            ModelState.AddModelError("Form.Frequency", "Choose how often: as they appear, daily or weekly.");
        }

        var changed = alert.Change(Form.Name, frequency ?? alert.Frequency);
        AlertForm.AddErrors(ModelState, changed);
        if (!ModelState.IsValid)
        {
            Refused = id;
            await LoadAsync(cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        Done = $"Saved “{alert.Name}”: {AlertForm.Label(alert.Frequency).ToLowerInvariant()}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } alert)
        {
            return NotFound();
        }

        db.JobAlerts.Remove(alert);
        await db.SaveChangesAsync(cancellationToken);
        Done = $"Deleted “{alert.Name}”: it sends no more mail.";
        return RedirectToPage();
    }

    public string Value(AlertRow alert, string field) => Refused == alert.Id
        ? (field == nameof(AlertForm.Name) ? Form.Name : Form.Frequency) ?? string.Empty
        : field == nameof(AlertForm.Name) ? alert.Name : alert.Frequency.ToString();

    private Task<JobAlert?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        return db.JobAlerts.FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        Alerts = await db.JobAlerts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Select(a => new AlertRow(a.Id, a.Name, a.Query, a.Email, a.Frequency, a.CreatedAt, a.LastSentAt))
            .ToListAsync(cancellationToken);
    }
}

public sealed record AlertRow(long Id, string Name, string Query, string Email, AlertFrequency Frequency, DateTimeOffset CreatedAt, DateTimeOffset? LastSentAt)
{
    public string SearchUrl => SavedSearch.SearchPath(Query);
}
