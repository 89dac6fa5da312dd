using JobBoard.Domain.Postings;
using Npgsql;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// Writes batches of postings with binary COPY, each batch in its own transaction with its places, categories, skills
/// and status history, so that every commit leaves a consistent board. The rows hold exactly what EF would save for the
/// same domain objects (the tests compare the two column by column).
/// </summary>
internal sealed class PostingCopyWriter(NpgsqlConnection connection) : IDisposable
{
    public const string PostingsCopy = """
        COPY job_postings (id, company_id, title, slug, summary, core_responsibilities, requisition_reference, apply_url,
            apply_email, responsibilities, salary_currency, salary_min, salary_max, salary_period, salary_cash_incentive,
            salary_equity_eligible, benefits, work_mode, relocation_support, visa_sponsorship, employment_type,
            experience_years_min, experience_years_max, seniority, hours_per_week, working_language, applicant_countries,
            date_posted, valid_through, status, created_at, updated_at, requirements, sections) FROM STDIN (FORMAT BINARY)
        """;

    public const string LocationsCopy = """
        COPY posting_locations (id, posting_id, position, city, region, region_code, country_code, country_name, latitude,
            longitude) FROM STDIN (FORMAT BINARY)
        """;

    public const string CategoriesCopy = "COPY posting_categories (posting_id, category_id, position) FROM STDIN (FORMAT BINARY)";

    public const string SkillsCopy = "COPY posting_skills (posting_id, skill_id, position) FROM STDIN (FORMAT BINARY)";

    public const string StatusChangesCopy = """
        COPY posting_status_changes (id, posting_id, at, from_status, to_status, actor, reason) FROM STDIN (FORMAT BINARY)
        """;

    private readonly PostingJson _json = new();

    public void Dispose() => _json.Dispose();

    public async Task WriteAsync(PostingBatch batch, CancellationToken cancellationToken)
    {
        // Each posting by its index in the batch; places and status changes are numbered on from their blocks' first ids.
        var postings = Enumerable.Range(0, batch.Count);
        var nextLocation = batch.FirstLocationId;
        var nextStatusChange = batch.FirstStatusChangeId;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await BinaryCopy.CopyAsync(connection, PostingsCopy, postings, (copy, i) => WritePosting(copy, batch.FirstPostingId + i, batch.Postings[i]), cancellationToken);
        await BinaryCopy.CopyAsync(connection, LocationsCopy, postings, (copy, i) =>
        {
            foreach (var place in batch.Postings[i].Locations)
            {
                WriteLocation(copy, nextLocation++, batch.FirstPostingId + i, place);
            }
        }, cancellationToken);
        await BinaryCopy.CopyAsync(connection, CategoriesCopy, postings, (copy, i) =>
        {
            foreach (var category in batch.Postings[i].Categories)
            {
                copy.Row(3).Int32(batch.FirstPostingId + i).Int32(category.CategoryId).Int32(category.Position);
            }
        }, cancellationToken);
        await BinaryCopy.CopyAsync(connection, SkillsCopy, postings, (copy, i) =>
        {
            foreach (var skill in batch.Postings[i].Skills)
            {
                copy.Row(3).Int32(batch.FirstPostingId + i).Int32(skill.SkillId).Int32(skill.Position);
            }
        }, cancellationToken);
        await BinaryCopy.CopyAsync(connection, StatusChangesCopy, postings, (copy, i) =>
        {
            foreach (var change in batch.Postings[i].StatusHistory)
            {
                WriteStatusChange(copy, nextStatusChange++, batch.FirstPostingId + i, change);
            }
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private void WritePosting(BinaryCopy copy, int id, JobPosting posting)
    {
        var pay = posting.Compensation;
        copy.Row(34)
            .Int32(id)
            .Int32(posting.CompanyId)
            .Text(posting.Title)
            .Text(posting.Slug)
            .Text(posting.Summary)
            .Text(posting.CoreResponsibilities)
            .Text(posting.RequisitionReference)
            .Text(posting.ApplyUrl)
            .Text(posting.ApplyEmail)
            .TextArray(posting.Responsibilities)
            .Text(pay?.Currency)
            .Numeric(pay?.Minimum)
            .Numeric(pay?.Maximum)
            .Text(pay?.Period.ToString())
            .Bool(pay?.CashIncentive)
            .Bool(pay?.EquityEligible)
            .Text(pay?.Benefits)
            .Text(posting.WorkMode.ToString())
            .Bool(posting.RelocationSupport)
            .Bool(posting.VisaSponsorship)
            .Text(posting.EmploymentType?.ToString())
            .Int32(posting.ExperienceYearsMin)
            .Int32(posting.ExperienceYearsMax)
            .Text(posting.Seniority?.ToString())
            .Numeric(posting.HoursPerWeek)
            .Text(posting.WorkingLanguage)
            .TextArray(posting.ApplicantCountries)
            .Date(posting.DatePosted)
            .Date(posting.ValidThrough)
            .Text(posting.Status.ToString())
            .TimestampTz(posting.CreatedAt)
            .TimestampTz(posting.UpdatedAt)
            .Jsonb(_json.Requirements(posting.Requirements).Span)
            .Jsonb(_json.Sections(posting.Sections).Span);
    }

    private static void WriteLocation(BinaryCopy copy, int id, int postingId, PostingLocation place) =>
        copy.Row(10)
            .Int32(id)
            .Int32(postingId)
            .Int32(place.Position)
            .Text(place.City)
            .Text(place.Region)
            .Text(place.RegionCode)
            .Text(place.CountryCode)
            .Text(place.CountryName)
            .Float8(place.Latitude)
            .Float8(place.Longitude);

    private static void WriteStatusChange(BinaryCopy copy, long id, int postingId, PostingStatusChange change) =>
        copy.Row(7)
            .Int64(id)
            .Int32(postingId)
            .TimestampTz(change.At)
            .Text(change.From?.ToString())
            .Text(change.To.ToString())
            .Text(change.Actor)
            .Text(change.Reason);
}
