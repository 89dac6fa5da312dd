using JobBoard.Data;
using JobBoard.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Seekers;

/// <summary>
/// A seeker's saved postings: saving and unsaving (each touches only the signed-in user's own rows), and, for the pages
/// of one request, whether a posting is saved (the user's saved ids are read once, at the first card that asks).
/// </summary>
public sealed class SavedJobs(JobBoardDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    private HashSet<int>? _savedByCurrentUser;

    /// <summary>
    /// Saves a posting that has a public page (open, closed or expired); false when it has none (unknown, a draft, under
    /// review, rejected). Saving again changes nothing.
    /// </summary>
    public async Task<bool> SaveAsync(int userId, int postingId, CancellationToken cancellationToken)
    {
        if (!await db.Postings.WhereHasPublicPage().AnyAsync(p => p.Id == postingId, cancellationToken))
        {
            return false;
        }

        // One statement, so that two saves at once (a double click, two tabs) both succeed and keep the first time.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO saved_jobs (user_id, posting_id, saved_at) VALUES ({userId}, {postingId}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (IsCurrentUser(userId))
        {
            _savedByCurrentUser?.Add(postingId);
        }

        return true;
    }

    /// <summary>Removes the user's own save of the posting, if they had one.</summary>
    public async Task UnsaveAsync(int userId, int postingId, CancellationToken cancellationToken)
    {
        await db.SavedJobs.Where(s => s.UserId == userId && s.PostingId == postingId).ExecuteDeleteAsync(cancellationToken);
        if (IsCurrentUser(userId))
        {
            _savedByCurrentUser?.Remove(postingId);
        }
    }

    /// <summary>Whether the signed-in user of this request has saved the posting; false for a guest (and no query).</summary>
    public async Task<bool> IsSavedAsync(int postingId)
    {
        if (http.HttpContext?.User.UserId() is not { } userId)
        {
            return false;
        }

        _savedByCurrentUser ??= [.. await db.SavedJobs.Where(s => s.UserId == userId).Select(s => s.PostingId).ToListAsync(http.HttpContext.RequestAborted)];
        return _savedByCurrentUser.Contains(postingId);
    }

    private bool IsCurrentUser(int userId) => http.HttpContext?.User.UserId() == userId;
}
