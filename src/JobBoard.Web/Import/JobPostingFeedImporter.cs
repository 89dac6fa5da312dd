using System.Text.Json;
using JobBoard.Data;
using JobBoard.Domain.Common;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Import;

/// <summary>What an import did, as the summary line says it.</summary>
public sealed record FeedImportSummary(int Created, int Updated, int Expired, int LeftAsTheyWere, int Skipped)
{
    public int Imported => Created + Updated;

    public override string ToString()
    {
        var leftAlone = LeftAsTheyWere switch
        {
            0 => string.Empty,
            1 => "; left 1 expired or closed posting as it was",
            _ => $"; left {LeftAsTheyWere} expired or closed postings as they were",
        };
        return $"Imported {Count(Imported, "posting")} ({Created} new, {Updated} updated, {Expired} expired){leftAlone}; skipped {Count(Skipped, "entry", "entries")}.";
    }

    private static string Count(int count, string one, string? many = null) => $"{count} {(count == 1 ? one : many ?? one + "s")}";
}

/// <summary>
/// Publishes a feed's postings through the domain. A posting whose company already has one with the same requisition
/// reference updates that one; one past its closing date ends up expired. Entries are read, looked up and saved a batch
/// at a time, with the batch's companies, categories, skills and earlier postings fetched in a few queries, so a feed of
/// thousands costs a few queries per few hundred postings and the context never grows past one batch.
/// </summary>
public sealed class JobPostingFeedImporter(JobBoardDbContext db, TimeProvider clock)
{
    public const int BatchSize = 250;

    /// <summary>Imports every entry it can; each one it cannot is written to <paramref name="problems"/> as "entry N: why".</summary>
    public async Task<FeedImportSummary> ImportAsync(JobPostingFeed feed, string source, TextWriter problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(problems);
        var total = new FeedImportSummary(0, 0, 0, 0, 0);
        foreach (var batch in feed.Entries.Chunk(BatchSize))
        {
            var counts = await ImportBatchAsync(batch, feed.NodesById, source, problems, cancellationToken);
            total = new FeedImportSummary(
                total.Created + counts.Created,
                total.Updated + counts.Updated,
                total.Expired + counts.Expired,
                total.LeftAsTheyWere + counts.LeftAsTheyWere,
                total.Skipped + counts.Skipped);
        }

        return total;
    }

    private async Task<FeedImportSummary> ImportBatchAsync(
        FeedEntry[] batch, IReadOnlyDictionary<string, JsonElement> nodesById, string source, TextWriter problems,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        int created = 0, updated = 0, expired = 0, leftAlone = 0, skipped = 0;

        var postings = new List<(int Number, FeedPosting Posting)>(batch.Length);
        foreach (var entry in batch)
        {
            var read = JobPostingJsonLdReader.Read(entry.Node, nodesById);
            if (read.Succeeded)
            {
                postings.Add((entry.Number, read.Value));
            }
            else
            {
                await problems.WriteLineAsync($"entry {entry.Number}: {Describe(read.Errors)}");
                skipped++;
            }
        }

        var referenceData = new ReferenceData(db);
        await referenceData.LoadAsync(
            postings.Select(p => p.Posting.Company.Name),
            postings.SelectMany(p => p.Posting.CategoryNames),
            postings.SelectMany(p => p.Posting.SkillNames),
            cancellationToken);
        var byReference = await FindByReferenceAsync(postings.Select(p => p.Posting).ToList(), referenceData, cancellationToken);

        foreach (var (number, fromFeed) in postings)
        {
            var company = referenceData.CompanyNamed(fromFeed.Company.Name, () => Company.Create(fromFeed.Company.Name, fromFeed.Company.Profile).Value);
            FillBlanks(company, fromFeed.Company.Profile);
            var feedPosting = WithApplyRoute(fromFeed, company);
            var key = feedPosting.Reference is { } reference ? (company.Slug, reference) : default;
            if (feedPosting.Reference is not null && byReference.TryGetValue(key, out var posting))
            {
                if (posting.Status is PostingStatus.Closed or PostingStatus.Expired)
                {
                    // The domain has no way back from closed or expired; an ad still past its date needs none.
                    if (feedPosting.Content.ValidThrough is { } through && through < today)
                    {
                        leftAlone++;
                    }
                    else
                    {
                        await problems.WriteLineAsync(
                            $"entry {number}: the posting \"{feedPosting.Reference}\" of {company.Name} is {posting.Status.ToString().ToLowerInvariant()} and an import does not reopen it.");
                        skipped++;
                    }

                    continue;
                }

                var edited = posting.Edit(feedPosting.ToContent(referenceData.CategoryNamed, referenceData.SkillNamed), now);
                if (!edited.Succeeded)
                {
                    await problems.WriteLineAsync($"entry {number}: {Describe(edited.Errors)}");
                    skipped++;
                    continue;
                }

                updated++;
            }
            else
            {
                var content = feedPosting.ToContent(referenceData.CategoryNamed, referenceData.SkillNamed);
                var published = JobPosting.PublishImported(company, content, source, PublishedAt(content, now), writtenAt: now);
                if (!published.Succeeded)
                {
                    await problems.WriteLineAsync($"entry {number}: {Describe(published.Errors)}");
                    skipped++;
                    continue;
                }

                posting = published.Value;
                db.Postings.Add(posting);
                if (feedPosting.Reference is not null)
                {
                    byReference[key] = posting;
                }

                created++;
            }

            if (posting.Status == PostingStatus.Published && !posting.IsOpen(today) && posting.Expire(now).Succeeded)
            {
                expired++;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // The database refused the batch (a constraint the checks above do not know of): report it, and carry on
            // with the next batch rather than losing the whole feed.
            await problems.WriteLineAsync(
                $"entries {batch[0].Number}–{batch[^1].Number}: not saved, the database refused them: {(ex.InnerException ?? ex).Message}");
            return new FeedImportSummary(0, 0, 0, 0, batch.Length);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return new FeedImportSummary(created, updated, expired, leftAlone, skipped);
    }

    /// <summary>The batch's earlier postings, by company slug and requisition reference; the newest when there are several.</summary>
    private async Task<Dictionary<(string CompanySlug, string Reference), JobPosting>> FindByReferenceAsync(
        List<FeedPosting> postings, ReferenceData referenceData, CancellationToken cancellationToken)
    {
        var companyIds = postings.Where(p => p.Reference is not null)
            .Select(p => referenceData.FindCompany(p.Company.Name)?.Id)
            .OfType<int>().Where(id => id > 0).Distinct().ToList();
        var references = postings.Select(p => p.Reference).OfType<string>().Distinct().ToList();
        if (companyIds.Count == 0 || references.Count == 0)
        {
            return [];
        }

        var found = await db.Postings
            .Include(p => p.Company)
            .Include(p => p.Locations)
            .Include(p => p.Categories).ThenInclude(c => c.Category)
            .Include(p => p.Skills).ThenInclude(s => s.Skill)
            .Where(p => companyIds.Contains(p.CompanyId) && references.Contains(p.RequisitionReference!))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return found
            .GroupBy(p => (p.Company.Slug, p.RequisitionReference!))
            .ToDictionary(group => group.Key, group => group.MaxBy(p => p.Id)!);
    }

    /// <summary>As of the day the ad says it was posted (never later than now), so its history reads as the ad's.</summary>
    private static DateTimeOffset PublishedAt(PostingContent content, DateTimeOffset now)
    {
        if (content.DatePosted is not { } posted)
        {
            return now;
        }

        var postedAt = new DateTimeOffset(posted.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return postedAt < now ? postedAt : now;
    }

    /// <summary>An ad with no apply route of its own sends applicants to the company's site, as the board knows it.</summary>
    private static FeedPosting WithApplyRoute(FeedPosting posting, Company company) =>
        posting.Content is { ApplyUrl: null, ApplyEmail: null } && company.Website is { } website
            ? posting with { Content = posting.Content with { ApplyUrl = website } }
            : posting;

    /// <summary>A feed may tell what the board does not know yet of a company; it never overwrites what it knows.</summary>
    private static void FillBlanks(Company company, CompanyProfile fromFeed)
    {
        var filled = new CompanyProfile(
            company.About ?? fromFeed.About,
            company.Website ?? fromFeed.Website,
            company.LogoUrl ?? fromFeed.LogoUrl,
            company.EmployeeCount ?? fromFeed.EmployeeCount,
            company.Industry ?? fromFeed.Industry,
            company.Headquarters ?? fromFeed.Headquarters);
        var current = new CompanyProfile(company.About, company.Website, company.LogoUrl, company.EmployeeCount, company.Industry, company.Headquarters);
        if (filled != current)
        {
            company.UpdateProfile(filled);
        }
    }

    private static string Describe(IReadOnlyList<DomainError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
}
