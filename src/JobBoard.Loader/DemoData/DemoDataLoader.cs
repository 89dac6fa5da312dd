using JobBoard.Data;
using JobBoard.Domain.Common;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Loader.DemoData;

/// <summary>
/// Fills an empty board: the seed ads and the postings their pages recommend (<c>demo-postings.json</c>), then a
/// synthetic board over the biggest cities of the countries it knows. Every posting goes through the domain's
/// draft, review and publish steps as it would for a recruiter. The demo file's postings are dated relative to the day
/// of loading (the newest posted that day, the ads' gaps kept) and given closing dates, so the board looks as alive
/// whenever it is loaded; one whose closing date has passed ends up expired.
/// </summary>
public sealed partial class DemoDataLoader(JobBoardDbContext db, TimeProvider clock, ILogger<DemoDataLoader> logger)
{
    public const string Actor = "system:demo";

    /// <summary>The synthetic board's countries, as <see cref="SyntheticBoard"/> knows their currencies and languages.</summary>
    internal static readonly string[] SyntheticCountries = ["US", "GB", "RO", "DE", "FR", "ES", "NL", "IE", "IT", "PL", "CA", "PT", "AT", "BE"];

    private const int SyntheticPlaces = 250;

    private readonly ReferenceData _referenceData = new(db);

    /// <summary>Loads the demo board unless the database already has companies; returns how many postings it added.</summary>
    public async Task<int> LoadIfEmptyAsync(int syntheticCount, CancellationToken cancellationToken)
    {
        if (await db.Companies.AnyAsync(cancellationToken))
        {
            LogAlreadyLoaded(logger);
            return 0;
        }

        await _referenceData.LoadAllAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var file = DemoPostingFile.Load();
        var added = 0;

        foreach (var demo in file.PostingsAsOf(DateOnly.FromDateTime(now.UtcDateTime)))
        {
            var company = CompanyFor(file.CompanyOf(demo));
            var content = demo.ToContent(ResolvePlace, _referenceData.CategoryNamed, _referenceData.SkillNamed);
            if (content.ApplyUrl is null && content.ApplyEmail is null)
            {
                // The ads recommended under the seeds show no apply link of their own; a reserved .example address
                // keeps them applicable in the demo without pretending to be the employer's real page.
                content = content with { ApplyUrl = $"https://{company.Slug}.example/careers" };
            }

            db.Postings.Add(Publish(company, content, now, Actor));
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        LogSeedsLoaded(logger, added);

        if (syntheticCount > 0)
        {
            added += await LoadSyntheticAsync(syntheticCount, now, cancellationToken);
        }

        return added;
    }

    private async Task<int> LoadSyntheticAsync(int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var places = Gazetteer.Default.Largest(SyntheticPlaces, SyntheticCountries).Select(PlaceInput.From).ToList();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var batch = 0;
        foreach (var generated in SyntheticBoard.Generate(places, today, count))
        {
            var company = CompanyFor(generated.Company);
            db.Postings.Add(Publish(company, generated.ToContent(_referenceData.CategoryNamed, _referenceData.SkillNamed), now, Actor));
            if (++batch % 100 == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        LogSyntheticLoaded(logger, count, places.Count);
        return count;
    }

    /// <summary>
    /// Draft, review and publish as on the day the ad was posted; expired now if its closing date has passed. The bulk
    /// loader takes its postings through the same steps, so both record the same history.
    /// </summary>
    internal static JobPosting Publish(Company company, PostingContent content, DateTimeOffset now, string actor)
    {
        // At nine on the day it was posted, but never later than now: an ad posted today is loaded before nine too, and
        // its history (the audit log reads it) must not lie in the future.
        var postedAt = content.DatePosted is { } posted ? new DateTimeOffset(posted.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero) : now;
        postedAt = postedAt > now ? now : postedAt;
        var posting = Succeeded(JobPosting.CreateDraft(company, content, actor, postedAt), content.Title);
        Succeeded(posting.Submit(actor, postedAt), content.Title);
        Succeeded(posting.Publish(actor, postedAt, openDaysWithoutClosingDate: null), content.Title);
        if (!posting.IsOpen(DateOnly.FromDateTime(now.UtcDateTime)))
        {
            Succeeded(posting.Expire(now), content.Title);
        }

        return posting;
    }

    private static T Succeeded<T>(Result<T> result, string title) =>
        result.Succeeded ? result.Value : throw new InvalidDataException($"Demo posting \"{title}\": {result}");

    private static void Succeeded(Result result, string title)
    {
        if (!result.Succeeded)
        {
            throw new InvalidDataException($"Demo posting \"{title}\": {result}");
        }
    }

    /// <summary>A place the gazetteer knows as a city; a demo ad naming only a region ("America, IL") stands at the region's biggest city.</summary>
    private static PlaceInput? ResolvePlace(string text) => Gazetteer.Default.Match(text) switch
    {
        null => null,
        { IsExact: true } match => PlaceInput.From(match.Place),
        // The ad's own place name stays ("America, IL"), at the coordinates of the region it names.
        var match => PlaceInput.From(match.Place) with { City = text.Split(',')[0].Trim() },
    };

    private Company CompanyFor(DemoCompany demo) => _referenceData.CompanyNamed(demo.Name, demo.ToCompany);

    [LoggerMessage(Level = LogLevel.Information, Message = "The board already has data; demo data not loaded")]
    private static partial void LogAlreadyLoaded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} demo postings from the seed ads and their recommended jobs")]
    private static partial void LogSeedsLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} synthetic postings over {Places} cities")]
    private static partial void LogSyntheticLoaded(ILogger logger, int count, int places);
}
