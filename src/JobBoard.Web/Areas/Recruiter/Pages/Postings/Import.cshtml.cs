using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using JobBoard.Data;
using JobBoard.Domain.Common;
using JobBoard.Domain.Postings;
using JobBoard.Web.Authorization;
using JobBoard.Web.Import;
using JobBoard.Web.Import.AdText;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Recruiter.Pages.Postings;

/// <summary>
/// Makes a draft of the recruiter's company from an existing ad: its pasted text (read by <see cref="AdTextParser"/>)
/// or a schema.org JobPosting JSON-LD file (read by <see cref="JobPostingJsonLdReader"/>). Nothing is published: the
/// recruiter lands in the editor, and what they must review is the draft's last section (see
/// <see cref="AdTextDraft.ForCompany"/>). The area's Recruiter policy admits only a recruiter with an approved
/// membership, and the draft is always that membership's company's, whatever the ad or the form says.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
public sealed class ImportModel(JobBoardDbContext db, CurrentRecruiter recruiter, TimeProvider clock) : PageModel
{
    public const int MaxFileBytes = 512 * 1024;

    // Room for the longest text the parser takes (form-encoded) or a file a few times the limit, so that both are
    // answered with a message on the form rather than refused before the page sees them.
    private const int MaxRequestBytes = 2 * 1024 * 1024;

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    [BindProperty]
    [Display(Name = "Text of the ad")]
    public string? Text { get; set; }

    [BindProperty]
    [Display(Name = "JSON-LD file")]
    public IFormFile? JsonLd { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var read = JsonLd is not null ? await ReadJsonLdAsync(JsonLd, cancellationToken) : ReadText();
        if (read is null)
        {
            return Page();
        }

        var membership = await recruiter.GetAsync(cancellationToken);
        var company = await db.Companies.SingleAsync(c => c.Id == membership.CompanyId, cancellationToken);
        var categorySlugs = read.CategoryNames.Select(Slug.From).ToList();
        var skillSlugs = read.SkillNames.Select(Slug.From).ToList();
        var categories = await db.Categories.Where(c => categorySlugs.Contains(c.Slug)).ToListAsync(cancellationToken);
        var skills = await db.Skills.Where(s => skillSlugs.Contains(s.Slug)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var draft = read.ForCompany(company, categories, skills, DateOnly.FromDateTime(now.UtcDateTime));

        var created = JobPosting.CreateDraft(company, draft.Content, membership.Email, now);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(JsonLd is null ? nameof(Text) : nameof(JsonLd), Explain(error));
            }

            return Page();
        }

        db.Postings.Add(created.Value);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = draft.ToReview.Count == 0
            ? $"\"{created.Value.Title}\" is a draft now: review it before submitting."
            : $"\"{created.Value.Title}\" is a draft now. {draft.ToReview.Count} thing(s) to review are listed in its last section, \"{AdTextDraft.ReviewHeading}\".";
        return Redirect($"/Recruiter/Postings/Edit/{created.Value.Id}");
    }

    private AdTextDraft? ReadText()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Text), "Paste the text of an ad, or choose a JSON-LD file.");
            return null;
        }

        if (Text.Length > AdTextParser.MaxLength)
        {
            ModelState.AddModelError(nameof(Text), $"The text is {Text.Length:N0} characters long; an ad has at most {AdTextParser.MaxLength:N0}.");
            return null;
        }

        if (PlainText.HasControlCharacters(Text))
        {
            ModelState.AddModelError(nameof(Text), "The text holds control characters (such as NUL) that no ad has: paste it again from the page.");
            return null;
        }

        var draft = AdTextParser.Parse(Text);
        if (draft.Content.Title.Length == 0)
        {
            ModelState.AddModelError(nameof(Text), "No title was found: the first line of the text should be the job's title.");
            return null;
        }

        return draft;
    }

    private async Task<AdTextDraft?> ReadJsonLdAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (!file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !file.FileName.EndsWith(".jsonld", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(JsonLd), "Choose a .json or .jsonld file of schema.org JobPosting JSON-LD.");
            return null;
        }

        if (file.Length is 0 or > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(JsonLd), file.Length == 0 ? "The file is empty." : $"The file is larger than {MaxFileBytes / 1024} KB; a JobPosting is much smaller.");
            return null;
        }

        JsonDocument document;
        try
        {
            await using var stream = file.OpenReadStream();
            document = await JsonDocument.ParseAsync(stream, JsonOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            ModelState.AddModelError(nameof(JsonLd), $"The file is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}): check its brackets, quotes and commas.");
            return null;
        }

        using var feed = ParseFeed(document);
        if (feed is null)
        {
            return null;
        }

        if (feed.Entries.Count != 1)
        {
            ModelState.AddModelError(nameof(JsonLd), feed.Entries.Count == 0
                ? "The file holds no JobPosting."
                : $"The file holds {feed.Entries.Count} JobPostings; import them one at a time.");
            return null;
        }

        var posting = JobPostingJsonLdReader.Read(feed.Entries[0].Node, feed.NodesById);
        if (!posting.Succeeded)
        {
            foreach (var error in posting.Errors)
            {
                ModelState.AddModelError(nameof(JsonLd), $"{error.Field}: {error.Message}");
            }

            return null;
        }

        return AdTextDraft.From(posting.Value);
    }

    private JobPostingFeed? ParseFeed(JsonDocument document)
    {
        try
        {
            return JobPostingFeed.Parse(document);
        }
        catch (FeedFileException ex)
        {
            document.Dispose();
            ModelState.AddModelError(nameof(JsonLd), $"The file {ex.Message}");
            return null;
        }
    }

    /// <summary>The domain's reasons, said as what to change in the ad.</summary>
    private static string Explain(DomainError error) => error.Field switch
    {
        nameof(PostingContent.Locations) => "The ad names no place the board knows, and your company has no headquarters to fall back on: add a line such as \"Location: Leeds, UK\" near the top.",
        nameof(PostingContent.Title) => $"The title: {error.Message}",
        _ => $"{error.Field}: {error.Message}",
    };
}
