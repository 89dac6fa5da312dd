using System.Globalization;
using System.Text;
using JobBoard.Data;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Applications;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Seekers;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Loader.DemoData;

/// <summary>
/// What the demo seeker has done, so the seeker pages show something at first sign-in: two saved jobs (the Chicago
/// seed ad and a Chicago sales job), a recently viewed one, a confirmed daily alert "Sales in Chicago", and an
/// application with a small PDF CV to a Novartis posting that takes applications on the board (made here, in Chicago,
/// from the seed ad's content without its pay, which the demo must not invent for another role). Added when the seeker
/// has none of these; a second run changes nothing.
/// </summary>
public sealed class DemoSeeker(JobBoardDbContext db, TimeProvider clock)
{
    public const string AlertName = "Sales in Chicago";
    public const string AlertQuery = "q=sales&location=Chicago%2C+IL";
    public const string OnBoardTitle = "Oncology Sales Specialist";
    public const string CvFileName = "sam-seeker-cv.pdf";

    private const string SeedTitle = "Director lead";
    private const string SalesTitle = "Telecommunications Sales Representative";

    /// <summary>Gives <paramref name="seeker"/> their demo activity unless they have some; what they have, for the console.</summary>
    public async Task<string> EnsureAsync(BoardUser seeker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeker);
        if (!await db.SavedJobs.AnyAsync(s => s.UserId == seeker.Id, cancellationToken)
            && !await db.JobAlerts.AnyAsync(a => a.UserId == seeker.Id, cancellationToken)
            && !await db.JobApplications.AnyAsync(a => a.UserId == seeker.Id, cancellationToken))
        {
            // In one transaction: half of it would count as "has some" and never be completed.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => AddAsync(seeker, ct), cancellationToken);
        }

        var saved = await db.SavedJobs.CountAsync(s => s.UserId == seeker.Id, cancellationToken);
        var alerts = await db.JobAlerts.CountAsync(a => a.UserId == seeker.Id, cancellationToken);
        var applications = await db.JobApplications.CountAsync(a => a.UserId == seeker.Id, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{saved} saved jobs, {alerts} alert, {applications} application");
    }

    private async Task AddAsync(BoardUser seeker, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var seed = await db.Postings
            .Include(p => p.Company)
            .Include(p => p.Locations)
            .Include(p => p.Categories).ThenInclude(c => c.Category)
            .Include(p => p.Skills).ThenInclude(s => s.Skill)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Title == SeedTitle && p.Company.Name == "Novartis", cancellationToken);
        var sales = await db.Postings.FirstOrDefaultAsync(p => p.Title == SalesTitle, cancellationToken);

        foreach (var (posting, minutesAgo) in new[] { (seed, 90), (sales, 30) })
        {
            if (posting is not null)
            {
                db.SavedJobs.Add(SavedJob.Create(seeker.Id, posting.Id, now.AddMinutes(-minutesAgo)));
                db.RecentViews.Add(RecentView.Create(seeker.Id, posting.Id, now.AddMinutes(-minutesAgo - 1)));
            }
        }

        db.JobAlerts.Add(JobAlert.ForSeeker(seeker.Id, seeker.Email!, AlertName, AlertQuery, AlertFrequency.Daily, now).Value);

        if (seed is not null)
        {
            var onBoard = await db.Postings.FirstOrDefaultAsync(p => p.Title == OnBoardTitle && p.CompanyId == seed.CompanyId, cancellationToken)
                ?? NewOnBoardPosting(seed, now, today);
            await db.SaveChangesAsync(cancellationToken);
            var cv = CvFile.Check(CvFileName, CvFile.PdfContentType, Pdf(seeker.DisplayName ?? seeker.Email!)).Value;
            var application = JobApplication.Submit(onBoard.Id, seeker.Id, seeker.DisplayName, seeker.Email, null,
                "I sell to oncology practices in Chicago today and would like to do it for Novartis.", cv, now).Value;
            db.JobApplications.Add(application);
            await db.SaveChangesAsync(cancellationToken);
            db.ApplicationCvs.Add(ApplicationCv.For(application, cv));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private JobPosting NewOnBoardPosting(JobPosting seed, DateTimeOffset now, DateOnly today)
    {
        var content = seed.ToContent() with
        {
            Title = OnBoardTitle,
            Summary = "Take Novartis oncology medicines to the practices and hospitals of Chicago. Apply here on JobBoard with your CV.",
            RequisitionReference = null,
            ApplyUrl = null,
            ApplyEmail = null,
            TakesApplicationsOnBoard = true,
            Compensation = null,
            Locations = [.. seed.ToContent().Locations.Where(l => l.City == "Chicago").Take(1)],
            DatePosted = today,
            ValidThrough = today.AddDays(60),
        };
        var posting = DemoDataLoader.Publish(seed.Company, content, now, DemoDataLoader.Actor);
        db.Postings.Add(posting);
        return posting;
    }

    /// <summary>A one-page PDF that says whose CV it is: small, and opened by any reader (the offsets table is exact).</summary>
    public static byte[] Pdf(string name)
    {
        var text = $"BT /F1 18 Tf 72 720 Td ({Escape(name)}) Tj 0 -28 Td /F1 12 Tf (Curriculum vitae - demo data of JobBoard) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(text)} >>\nstream\n{text}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Escape(string text) =>
        new([.. text.Where(c => c is >= ' ' and <= '~').SelectMany(c => c is '(' or ')' or '\\' ? new[] { '\\', c } : [c])]);
}
