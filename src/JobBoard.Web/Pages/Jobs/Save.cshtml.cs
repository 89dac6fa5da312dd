using JobBoard.Data;
using JobBoard.Web.Seekers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Jobs;

/// <summary>
/// Where a guest's "Save job" link leads (the posting page is cached for guests, so it cannot carry a form): the posting
/// is remembered in a short-lived cookie, nothing is written, and sign-in is asked for with the posting as the way
/// back; signing in saves it (<see cref="PendingSave"/>). A signed-in user, who has the real form, is sent to the posting.
/// </summary>
public sealed class SaveModel(JobBoardDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var slug = await db.Postings
            .WhereHasPublicPage()
            .Where(p => p.Id == id)
            .Select(p => p.Slug)
            .FirstOrDefaultAsync(cancellationToken);
        if (slug is null)
        {
            return NotFound();
        }

        var postingUrl = $"/jobs/{id}/{slug}";
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(postingUrl);
        }

        PendingSave.Remember(HttpContext, id);
        return Challenge(new AuthenticationProperties { RedirectUri = postingUrl });
    }
}
