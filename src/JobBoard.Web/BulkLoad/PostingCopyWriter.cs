using JobBoard.Domain.Postings;
using Npgsql;
using NpgsqlTypes;

namespace JobBoard.Web.BulkLoad;

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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CopyAsync(PostingsCopy, batch, WritePostingsAsync, cancellationToken);
        await CopyAsync(LocationsCopy, batch, WriteLocationsAsync, cancellationToken);
        await CopyAsync(CategoriesCopy, batch, WriteCategoriesAsync, cancellationToken);
        await CopyAsync(SkillsCopy, batch, WriteSkillsAsync, cancellationToken);
        await CopyAsync(StatusChangesCopy, batch, WriteStatusChangesAsync, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task CopyAsync(
        string copy, PostingBatch batch, Func<NpgsqlBinaryImporter, PostingBatch, CancellationToken, Task> writeRows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        await writeRows(importer, batch, cancellationToken);
        await importer.CompleteAsync(cancellationToken);
    }

    private async Task WritePostingsAsync(NpgsqlBinaryImporter row, PostingBatch batch, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var posting = batch.Postings[i];
            var pay = posting.Compensation;
            await row.StartRowAsync(cancellationToken);
            await row.WriteAsync(batch.FirstPostingId + i, NpgsqlDbType.Integer, cancellationToken);
            await row.WriteAsync(posting.CompanyId, NpgsqlDbType.Integer, cancellationToken);
            await row.WriteAsync(posting.Title, NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteAsync(posting.Slug, NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteOrNullAsync(posting.Summary, NpgsqlDbType.Text, cancellationToken);
            await row.WriteOrNullAsync(posting.CoreResponsibilities, NpgsqlDbType.Text, cancellationToken);
            await row.WriteOrNullAsync(posting.RequisitionReference, NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteOrNullAsync(posting.ApplyUrl, NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteOrNullAsync(posting.ApplyEmail, NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteAsync(BinaryCopyRows.TextArray(posting.Responsibilities), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await row.WriteOrNullAsync(pay?.Currency, NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteOrNullAsync(pay?.Minimum, NpgsqlDbType.Numeric, cancellationToken);
            await row.WriteOrNullAsync(pay?.Maximum, NpgsqlDbType.Numeric, cancellationToken);
            await row.WriteOrNullAsync(pay?.Period.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteOrNullAsync(pay?.CashIncentive, NpgsqlDbType.Boolean, cancellationToken);
            await row.WriteOrNullAsync(pay?.EquityEligible, NpgsqlDbType.Boolean, cancellationToken);
            await row.WriteOrNullAsync(pay?.Benefits, NpgsqlDbType.Text, cancellationToken);
            await row.WriteAsync(posting.WorkMode.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteOrNullAsync(posting.RelocationSupport, NpgsqlDbType.Boolean, cancellationToken);
            await row.WriteOrNullAsync(posting.VisaSponsorship, NpgsqlDbType.Boolean, cancellationToken);
            await row.WriteOrNullAsync(posting.EmploymentType?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteOrNullAsync(posting.ExperienceYearsMin, NpgsqlDbType.Integer, cancellationToken);
            await row.WriteOrNullAsync(posting.ExperienceYearsMax, NpgsqlDbType.Integer, cancellationToken);
            await row.WriteOrNullAsync(posting.Seniority?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteOrNullAsync(posting.HoursPerWeek, NpgsqlDbType.Numeric, cancellationToken);
            await row.WriteOrNullAsync(posting.WorkingLanguage, NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteAsync(BinaryCopyRows.TextArray(posting.ApplicantCountries), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await row.WriteOrNullAsync(posting.DatePosted, NpgsqlDbType.Date, cancellationToken);
            await row.WriteOrNullAsync(posting.ValidThrough, NpgsqlDbType.Date, cancellationToken);
            await row.WriteAsync(posting.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteAsync(posting.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await row.WriteAsync(posting.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await row.WriteAsync(_json.Requirements(posting.Requirements), NpgsqlDbType.Jsonb, cancellationToken);
            await row.WriteAsync(_json.Sections(posting.Sections), NpgsqlDbType.Jsonb, cancellationToken);
        }
    }

    private static async Task WriteLocationsAsync(NpgsqlBinaryImporter row, PostingBatch batch, CancellationToken cancellationToken)
    {
        var next = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var place in batch.Postings[i].Locations)
            {
                await row.StartRowAsync(cancellationToken);
                await row.WriteAsync(batch.FirstLocationId + next++, NpgsqlDbType.Integer, cancellationToken);
                await row.WriteAsync(batch.FirstPostingId + i, NpgsqlDbType.Integer, cancellationToken);
                await row.WriteAsync(place.Position, NpgsqlDbType.Integer, cancellationToken);
                await row.WriteAsync(place.City, NpgsqlDbType.Varchar, cancellationToken);
                await row.WriteOrNullAsync(place.Region, NpgsqlDbType.Varchar, cancellationToken);
                await row.WriteOrNullAsync(place.RegionCode, NpgsqlDbType.Varchar, cancellationToken);
                await row.WriteAsync(place.CountryCode, NpgsqlDbType.Varchar, cancellationToken);
                await row.WriteOrNullAsync(place.CountryName, NpgsqlDbType.Varchar, cancellationToken);
                await row.WriteAsync(place.Latitude, NpgsqlDbType.Double, cancellationToken);
                await row.WriteAsync(place.Longitude, NpgsqlDbType.Double, cancellationToken);
            }
        }
    }

    private static async Task WriteCategoriesAsync(NpgsqlBinaryImporter row, PostingBatch batch, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var category in batch.Postings[i].Categories)
            {
                await row.StartRowAsync(cancellationToken);
                await row.WriteAsync(batch.FirstPostingId + i, NpgsqlDbType.Integer, cancellationToken);
                await row.WriteAsync(category.CategoryId, NpgsqlDbType.Integer, cancellationToken);
                await row.WriteAsync(category.Position, NpgsqlDbType.Integer, cancellationToken);
            }
        }
    }

    private static async Task WriteSkillsAsync(NpgsqlBinaryImporter row, PostingBatch batch, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var skill in batch.Postings[i].Skills)
            {
                await row.StartRowAsync(cancellationToken);
                await row.WriteAsync(batch.FirstPostingId + i, NpgsqlDbType.Integer, cancellationToken);
                await row.WriteAsync(skill.SkillId, NpgsqlDbType.Integer, cancellationToken);
                await row.WriteAsync(skill.Position, NpgsqlDbType.Integer, cancellationToken);
            }
        }
    }

    private static async Task WriteStatusChangesAsync(NpgsqlBinaryImporter row, PostingBatch batch, CancellationToken cancellationToken)
    {
        var next = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var change in batch.Postings[i].StatusHistory)
            {
                await row.StartRowAsync(cancellationToken);
                await row.WriteAsync(batch.FirstStatusChangeId + next++, NpgsqlDbType.Bigint, cancellationToken);
                await row.WriteAsync(batch.FirstPostingId + i, NpgsqlDbType.Integer, cancellationToken);
                await row.WriteAsync(change.At, NpgsqlDbType.TimestampTz, cancellationToken);
                await row.WriteOrNullAsync(change.From?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await row.WriteAsync(change.To.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await row.WriteAsync(change.Actor, NpgsqlDbType.Varchar, cancellationToken);
                await row.WriteOrNullAsync(change.Reason, NpgsqlDbType.Varchar, cancellationToken);
            }
        }
    }
}
