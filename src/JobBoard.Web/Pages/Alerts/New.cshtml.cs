using JobBoard.Data;
using JobBoard.Domain.Common;
using JobBoard.Domain.Seekers;
using JobBoard.Web.Alerts;
using JobBoard.Web.Authorization;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Alerts;

/// <summary>
/// "Save this search": <c>/alerts/new?q=…&amp;location=…</c> (the search's own query, from <c>/jobs</c>) saves it as an
/// alert with a name and a frequency. A signed-in user's alert goes to their account's address at once; a guest gives
/// an address, and the alert waits unconfirmed for the link mailed there (double opt-in). The guest's answer is the
/// same whatever the address (an account's or not, at its limit or not), and posts are rate-limited
/// (<see cref="RateLimits.Alerts"/>).
/// </summary>
[EnableRateLimiting(RateLimits.Alerts)]
public sealed class NewModel(JobBoardDbContext db, BoardDirectories directories, AlertMail mail, TimeProvider clock) : PageModel
{
    public JobSearchRequest Search { get; private set; } = JobSearchRequest.Empty;

    /// <summary>What the search is, in the search page's words.</summary>
    public string Heading { get; private set; } = string.Empty;

    [BindProperty]
    public AlertForm Form { get; set; } = new();

    /// <summary>The guest's alert was taken: the page says to look for the confirmation mail.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public string SearchUrl => SavedSearch.SearchPath(SavedSearch.QueryOf(Search));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReadSearchAsync(cancellationToken);
        Form.Name = Heading;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ReadSearchAsync(cancellationToken);
        Sent = false;
        var frequency = AlertForm.ParseFrequency(Form.Frequency);
        if (frequency is null)
        {
            ModelState.AddModelError("Form.Frequency", "Choose how often: as they appear, daily or weekly.");
        }

        var now = clock.GetUtcNow();
        var query = SavedSearch.QueryOf(Search);
        if (User.UserId() is { } userId)
        {
            var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
            var made = JobAlert.ForSeeker(userId, email, Form.Name, query, frequency ?? AlertFrequency.Daily, now);
            AlertForm.AddErrors(ModelState, made);
            if (ModelState.IsValid && await CountAsync(email, userId, cancellationToken) >= JobAlert.MaxPerAddress)
            {
                ModelState.AddModelError(string.Empty, $"You have {JobAlert.MaxPerAddress} alerts, the most one account may have: delete one you no longer need first.");
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }

            db.JobAlerts.Add(made.Value);
            await db.SaveChangesAsync(cancellationToken);
            TempData[nameof(IndexModel.Done)] = $"Saved “{made.Value.Name}”. New jobs for it will come to {email}.";
            return RedirectToPage("/Alerts/Index");
        }

        var guest = JobAlert.ForGuest(Form.Email ?? string.Empty, Form.Name, query, frequency ?? AlertFrequency.Daily, now);
        AlertForm.AddErrors(ModelState, guest);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var alert = guest.Value;
        var origin = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        if (await CountAsync(alert.Email, userId: null, cancellationToken) >= JobAlert.MaxPerAddress)
        {
            await mail.SendLimitReachedAsync(alert.Email, origin, cancellationToken);
        }
        else
        {
            db.JobAlerts.Add(alert);
            await db.SaveChangesAsync(cancellationToken);
            if (!await mail.SendConfirmationAsync(alert, origin, cancellationToken))
            {
                // An alert nobody can confirm would only count against the address until it lapses.
                db.JobAlerts.Remove(alert);
                await db.SaveChangesAsync(cancellationToken);
                ModelState.AddModelError(string.Empty, "The confirmation mail could not be sent just now; nothing was saved. Please try again in a few minutes.");
                return Page();
            }
        }

        return Redirect($"/alerts/new?{(query.Length > 0 ? query + "&" : string.Empty)}sent=true");
    }

    /// <summary>The alerts an address has, guest's or seeker's, and those of the seeker's account.</summary>
    private Task<int> CountAsync(string email, int? userId, CancellationToken cancellationToken)
    {
        // ILIKE without wildcards: the address itself, whatever its case.
        var literal = email.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        return db.JobAlerts.CountAsync(a => EF.Functions.ILike(a.Email, literal) || (userId != null && a.UserId == userId), cancellationToken);
    }

    private async Task ReadSearchAsync(CancellationToken cancellationToken)
    {
        Search = JobSearchRequestParser.Parse(Request.Query);
        Heading = SavedSearch.DefaultName(Search, await directories.CategoriesAsync(cancellationToken));
    }
}

/// <summary>The alert form's fields, bound as text so that a wrong value gets a message rather than a 400.</summary>
public sealed class AlertForm
{
    public string? Name { get; set; }

    public string? Frequency { get; set; } = nameof(AlertFrequency.Daily);

    /// <summary>A guest's address; a signed-in user's alerts go to their account's.</summary>
    public string? Email { get; set; }

    public static IReadOnlyList<(AlertFrequency Frequency, string Label)> Frequencies { get; } =
    [
        (AlertFrequency.Instant, "As soon as they appear"),
        (AlertFrequency.Daily, "Once a day"),
        (AlertFrequency.Weekly, "Once a week"),
    ];

    public static string Label(AlertFrequency frequency) => Frequencies.First(f => f.Frequency == frequency).Label;

    public static AlertFrequency? ParseFrequency(string? value) =>
        Enum.TryParse<AlertFrequency>(value, ignoreCase: false, out var frequency) && Enum.IsDefined(frequency) && !char.IsDigit(value![0])
            ? frequency
            : null;

    /// <summary>The domain's errors on the form's fields (<c>Form.Name</c>…), the rest at the top.</summary>
    public static void AddErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, Result result, string prefix = "Form.")
    {
        foreach (var error in result.Errors)
        {
            var key = error.Field is nameof(JobAlert.Name) or nameof(JobAlert.Frequency) or nameof(JobAlert.Email) ? prefix + error.Field : string.Empty;
            modelState.AddModelError(key, error.Message);
        }
    }
}
