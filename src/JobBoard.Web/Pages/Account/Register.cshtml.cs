using System.ComponentModel.DataAnnotations;
using JobBoard.Data;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Account;

public enum AccountKind
{
    Seeker,
    Recruiter,
}

public enum CompanyChoice
{
    /// <summary>Register a company that is not on the board yet; the recruiter owns it, an admin verifies it.</summary>
    New,

    /// <summary>Ask to join a company on the board; its owner or an admin approves.</summary>
    Join,
}

/// <summary>
/// A new account, confirmed by the link mailed to it before it can sign in. A recruiter either registers their company
/// (pending an admin's verification) and owns it, or asks to join one already on the board. The user, their role and
/// their membership are stored in one transaction: a form with any error stores nothing.
/// </summary>
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class RegisterModel(UserManager<BoardUser> users, JobBoardDbContext db, AccountMail mail, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegisterForm Form { get; set; } = new();

    /// <summary>Companies whose names resemble the one a recruiter asked to join but which matched none.</summary>
    public IReadOnlyList<string> SimilarCompanies { get; private set; } = [];

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/Account") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (founding, joining) = Form.Kind == AccountKind.Recruiter ? await CompanyOfRecruiterAsync(cancellationToken) : (null, null);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        var user = new BoardUser { UserName = Form.Email.Trim(), Email = Form.Email.Trim(), DisplayName = Form.DisplayName.Trim(), CreatedAt = now };
        var refused = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, Form.Password);
            if (!created.Succeeded)
            {
                return created.Errors.ToList();
            }

            var role = await users.AddToRoleAsync(user, Form.Kind == AccountKind.Recruiter ? BoardRoles.Recruiter : BoardRoles.Seeker);
            if (!role.Succeeded)
            {
                return role.Errors.ToList();
            }

            if (founding is not null)
            {
                db.Companies.Add(founding);
                db.CompanyMembers.Add(CompanyMember.Founder(founding, user.Id, now));
            }
            else if (joining is not null)
            {
                db.CompanyMembers.Add(CompanyMember.Request(joining, user.Id, now));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return [];
        }, cancellationToken);

        if (refused.Count > 0)
        {
            foreach (var (field, message) in refused.Select(Explain).Distinct())
            {
                ModelState.AddModelError(field, message);
            }

            return Page();
        }

        var sent = await mail.SendConfirmationAsync(user, cancellationToken);
        return RedirectToPage("CheckInbox", new { @for = sent ? "confirm" : "unsent" });
    }

    /// <summary>The company a recruiter registers or joins, with a field message when neither is possible.</summary>
    private async Task<(Company? Founding, Company? Joining)> CompanyOfRecruiterAsync(CancellationToken cancellationToken)
    {
        const string field = $"{nameof(Form)}.{nameof(RegisterForm.CompanyName)}";
        var name = Form.CompanyName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError(field, "Name the company you recruit for.");
            return (null, null);
        }

        if (ModelState.GetFieldValidationState(field) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            return (null, null);
        }

        var literal = name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var existing = await db.Companies.FirstOrDefaultAsync(c => EF.Functions.ILike(c.Name, literal), cancellationToken);
        if (Form.Company == CompanyChoice.Join)
        {
            if (existing is null)
            {
                var pattern = $"%{literal}%";
                SimilarCompanies = await db.Companies.Where(c => EF.Functions.ILike(c.Name, pattern)).OrderBy(c => c.Name).Select(c => c.Name).Take(5).ToListAsync(cancellationToken);
                ModelState.AddModelError(field, SimilarCompanies.Count > 0
                    ? "No company of exactly this name is on the board: pick one of those below, or register yours."
                    : "No company of this name is on the board: check its spelling, or register it as a new company.");
            }

            return (null, existing);
        }

        var slug = Domain.Common.Slug.From(name);
        if (existing is not null || await db.Companies.AnyAsync(c => c.Slug == slug, cancellationToken))
        {
            ModelState.AddModelError(field, "A company of this name is on the board already: ask to join it instead.");
            return (null, null);
        }

        var registered = Company.Register(name, new CompanyProfile());
        if (!registered.Succeeded)
        {
            foreach (var error in registered.Errors)
            {
                ModelState.AddModelError(field, error.Message);
            }

            return (null, null);
        }

        return (registered.Value, null);
    }

    /// <summary>The field an Identity refusal belongs to, in the board's words where Identity's would puzzle.</summary>
    private static (string Field, string Message) Explain(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            ($"{nameof(Form)}.{nameof(RegisterForm.Email)}", "An account with this e-mail address exists already: sign in, or reset its password."),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            ($"{nameof(Form)}.{nameof(RegisterForm.Email)}", "This is not an e-mail address."),
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => ($"{nameof(Form)}.{nameof(RegisterForm.Password)}", error.Description),
        _ => (string.Empty, error.Description),
    };
}

public sealed class RegisterForm
{
    public AccountKind Kind { get; set; } = AccountKind.Seeker;

    [Required(ErrorMessage = "Tell us your name.")]
    [StringLength(BoardUser.MaxDisplayNameLength, ErrorMessage = "A name has at most {1} characters.")]
    [SingleLine]
    [Display(Name = "Your name")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your e-mail address.")]
    [StringLength(256, ErrorMessage = "An e-mail address has at most {1} characters.")]
    [EmailAddress(ErrorMessage = "This is not an e-mail address.")]
    [SingleLine]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "A password has at least {2} and at most {1} characters.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password again")]
    public string ConfirmPassword { get; set; } = string.Empty;

    public CompanyChoice Company { get; set; } = CompanyChoice.New;

    [StringLength(JobBoard.Domain.Companies.Company.MaxNameLength, ErrorMessage = "A company name has at most {1} characters.")]
    [SingleLine]
    [Display(Name = "Company")]
    public string? CompanyName { get; set; }
}
