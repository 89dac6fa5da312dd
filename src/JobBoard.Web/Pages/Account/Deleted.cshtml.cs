using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JobBoard.Web.Pages.Account;

/// <summary>Where a deleted account's owner lands, signed out: it says what happened.</summary>
public sealed class DeletedModel : PageModel
{
    public void OnGet()
    {
    }
}
