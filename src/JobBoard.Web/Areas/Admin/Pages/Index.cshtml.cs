using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JobBoard.Web.Areas.Admin.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
