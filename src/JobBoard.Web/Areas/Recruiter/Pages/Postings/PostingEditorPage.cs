using JobBoard.Data;
using JobBoard.Domain.Common;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;
using JobBoard.Web.Authorization;
using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Recruiter.Pages.Postings;

/// <summary>
/// What the New and Edit pages share: the form, the recruiter's company with its shared sections, the taxonomy, reading
/// the form into content (with field errors), the preview, row commands and the suggestion handlers the script asks.
/// </summary>
public abstract class PostingEditorPage(JobBoardDbContext db, CurrentRecruiter recruiter, TimeProvider clock) : PageModel
{
    protected JobBoardDbContext Db { get; } = db;

    [BindProperty]
    public PostingForm Form { get; set; } = new();

    public RecruiterMembership Membership { get; private set; } = null!;

    public Domain.Companies.Company Company { get; private set; } = null!;

    public IReadOnlyList<Category> Taxonomy { get; private set; } = [];

    /// <summary>Laws that require a pay range where this posting is, when it states none (a warning, never a block).</summary>
    public IReadOnlyList<PayTransparencyLaw> PayRangeMissing { get; protected set; } = [];

    public PostingBody? Preview { get; private set; }

    /// <summary>Whether the form offers "Submit for review": a new posting, a draft, or a rejected one being fixed.</summary>
    public virtual bool CanSubmit => true;

    /// <summary>What the save button says: a draft is saved as one; a posting under review or live is changed.</summary>
    public virtual string SaveLabel => "Save draft";

    protected DateTimeOffset Now => clock.GetUtcNow();

    protected DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Place names for the locations field's suggestions, as "City, Region, Country".</summary>
    public IActionResult OnGetPlaces(string? term) =>
        new JsonResult(string.IsNullOrWhiteSpace(term) || term.Length > PostingForm.MaxPlaceTextLength
            ? []
            : Gazetteer.Default.Suggest(term.Split(',')[0], 8).Select(p => PostingForm.PlaceText(PlaceInput.From(p))).Distinct().ToList());

    /// <summary>Skill names already on the board that start with what was typed.</summary>
    public async Task<IActionResult> OnGetSkillsAsync(string? term, CancellationToken cancellationToken)
    {
        var slug = Slug.From(term ?? string.Empty);
        if (string.IsNullOrWhiteSpace(term) || slug == "job")
        {
            return new JsonResult(Array.Empty<string>());
        }

        var names = await Db.Skills.AsNoTracking().Where(s => s.Slug.StartsWith(slug)).OrderBy(s => s.Slug.Length).ThenBy(s => s.Name)
            .Select(s => s.Name).Take(8).ToListAsync(cancellationToken);
        return new JsonResult(names);
    }

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Membership = await recruiter.GetAsync(cancellationToken);
        Company = await Db.Companies.FirstAsync(c => c.Id == Membership.CompanyId, cancellationToken);
        Taxonomy = await Db.Categories.OrderBy(c => c.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Adds, removes or moves a row and shows the form again with every value kept.</summary>
    protected void ApplyRowCommand(string? row)
    {
        Form.ApplyRowCommand(row);
        // The inputs would otherwise show the posted values in their old places.
        ModelState.Clear();
    }

    /// <summary>The form as content, or null with its errors in ModelState (keyed "Form.Field" for the field messages).</summary>
    protected async Task<PostingContent?> ReadFormAsync(IReadOnlyList<PlaceInput> placesOnPosting, CancellationToken cancellationToken)
    {
        var slugs = Form.Skills.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => Slug.From(s!)).Distinct().ToList();
        var known = await Db.Skills.Where(s => slugs.Contains(s.Slug)).ToListAsync(cancellationToken);
        Skill SkillNamed(string name) => known.FirstOrDefault(s => s.Slug == Slug.From(name)) ?? Remember(Skill.Create(name));
        Skill Remember(Skill skill)
        {
            known.Add(skill);
            return skill;
        }

        var (content, errors) = Form.ToContent(Company, Taxonomy, placesOnPosting, SkillNamed);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", message);
        }

        if (content is not null)
        {
            PayRangeMissing = PayTransparency.MissingRangeFor(content, Company.EmployeeCount, Today);
        }

        return ModelState.IsValid ? content : null;
    }

    /// <summary>The posting as the public page will show it, built in memory from the content and never saved.</summary>
    /// <param name="postingId">The id of the posting being edited, so the preview's links are the public page's.</param>
    protected void ShowPreview(PostingContent content, int? postingId = null)
    {
        var draft = JobPosting.CreateDraft(Company, content, Membership.Email, Now);
        if (draft.Succeeded)
        {
            Preview = new PostingBody(draft.Value, PostingOutline.Build(draft.Value), NoLongerOpen: false, postingId);
        }
        else
        {
            AddErrors(draft);
        }
    }

    protected void AddErrors(Result result)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Field is nameof(JobPosting.Status) or nameof(JobPosting.Company) ? string.Empty : $"{nameof(Form)}.{error.Field}";
            ModelState.AddModelError(field, error.Message);
        }
    }
}
