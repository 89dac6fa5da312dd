using JobBoard.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Admin.Pages.Audit;

/// <summary>
/// The audit log: every posting status change (kept with its posting) and every admin action (audit_entries), newest
/// first, optionally of one kind of subject or one record, a page at a time.
/// </summary>
public sealed class IndexModel(JobBoardDbContext db) : PageModel
{
    public const int PageSize = 50;

    public static IReadOnlyList<string> Kinds { get; } = ["posting", "company", "user", "category", "report"];

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditLine> Lines { get; private set; } = [];

    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var kind = string.IsNullOrWhiteSpace(Kind) ? null : Kind.Trim();
        var subject = string.IsNullOrWhiteSpace(Subject) ? null : Subject.Trim();
        if (kind is not null && !Kinds.Contains(kind))
        {
            ModelState.AddModelError(nameof(Kind), "Choose a kind of record from the list.");
        }

        if (subject is not null && (subject.Length > 100 || subject.Any(char.IsControl)))
        {
            ModelState.AddModelError(nameof(Subject), "A record number is at most 100 characters of plain text.");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        // Both logs in one list; an unordered UNION ALL, so that EF can filter, order and page it.
        var lines = db.Database.SqlQuery<AuditLine>($"""
            SELECT c.id AS seq, c.at, c.actor, coalesce(c.from_status, 'created') || ' → ' || c.to_status AS action,
                   'posting' AS kind, c.posting_id::text AS subject, c.reason
            FROM posting_status_changes c
            UNION ALL
            SELECT a.id AS seq, a.at, a.actor, a.action, a.subject_type AS kind, a.subject_id AS subject, a.reason
            FROM audit_entries a
            """);
        if (kind is not null)
        {
            lines = lines.Where(l => l.Kind == kind);
        }

        if (subject is not null)
        {
            lines = lines.Where(l => l.Subject == subject);
        }

        var page = await lines
            .OrderByDescending(l => l.At).ThenByDescending(l => l.Seq)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        HasNext = page.Count > PageSize;
        Lines = page.Take(PageSize).ToList();
    }
}

/// <summary>
/// One line of the audit log; <see cref="Seq"/> orders the lines of one table made in the same instant. Single-word
/// names: the column names are the same with or without snake case.
/// </summary>
public sealed record AuditLine(long Seq, DateTimeOffset At, string Actor, string Action, string Kind, string Subject, string? Reason);
