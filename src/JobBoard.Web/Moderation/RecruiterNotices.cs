using JobBoard.Data;
using JobBoard.Domain.Companies;
using JobBoard.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Moderation;

/// <summary>
/// Mail to the recruiters of one company (its approved members): moderation decisions, verification, expired postings.
/// Sent after the change is saved; a mail server that fails is logged and does not undo the decision.
/// </summary>
public sealed partial class RecruiterNotices(JobBoardDbContext db, BoardMail mail, ILogger<RecruiterNotices> logger)
{
    public async Task<IReadOnlyList<string>> RecipientsAsync(int companyId, CancellationToken cancellationToken) =>
        await db.CompanyMembers
            .Where(m => m.CompanyId == companyId && m.Status == MembershipStatus.Approved)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email)
            .OfType<string>()
            .OrderBy(e => e)
            .ToListAsync(cancellationToken);

    public async Task SendAsync(int companyId, string subject, string text, CancellationToken cancellationToken)
    {
        foreach (var to in await RecipientsAsync(companyId, cancellationToken))
        {
            await SendOneAsync(to, subject, text, cancellationToken);
        }
    }

    public async Task SendOneAsync(string to, string subject, string text, CancellationToken cancellationToken)
    {
        try
        {
            await mail.SendAsync(to, subject, text, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, ex, subject, to);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send \"{Subject}\" to {Recipient}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string subject, string recipient);
}
