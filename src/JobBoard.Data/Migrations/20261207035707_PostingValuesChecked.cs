using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <summary>
    /// The database refuses what the app could not read back: an enum column holding a name the enum lacks, requirements
    /// or sections that are not arrays of objects of a known kind (StoredValues). Before, an UPDATE from psql could store
    /// 'banana' as a work mode, and every page listing that posting failed.
    /// </summary>
    public partial class PostingValuesChecked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddCheckConstraint(
                name: "ck_posting_status_changes_from_status",
                table: "posting_status_changes",
                sql: "from_status IN ('Draft', 'PendingReview', 'Published', 'Rejected', 'Closed', 'Expired')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_posting_status_changes_to_status",
                table: "posting_status_changes",
                sql: "to_status IN ('Draft', 'PendingReview', 'Published', 'Rejected', 'Closed', 'Expired')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_job_postings_employment_type",
                table: "job_postings",
                sql: "employment_type IN ('FullTime', 'PartTime', 'Contractor', 'Temporary', 'Intern', 'Volunteer', 'PerDiem', 'Other')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_job_postings_requirements",
                table: "job_postings",
                sql: "requirements IS NULL OR (jsonb_typeof(requirements) = 'array' AND NOT jsonb_path_exists(requirements, '$[*] ? (@.type() != \"object\" || !exists(@.Importance) || !(@.Importance == \"Essential\" || @.Importance == \"Desirable\") || (exists(@.Text) && @.Text.type() != \"string\" && @.Text.type() != \"null\"))'))");

            migrationBuilder.AddCheckConstraint(
                name: "ck_job_postings_salary_period",
                table: "job_postings",
                sql: "salary_period IN ('Hour', 'Day', 'Week', 'Month', 'Year')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_job_postings_sections",
                table: "job_postings",
                sql: "sections IS NULL OR (jsonb_typeof(sections) = 'array' AND NOT jsonb_path_exists(sections, '$[*] ? (@.type() != \"object\" || !exists(@.Kind) || !(@.Kind == \"Text\" || @.Kind == \"Summary\" || @.Kind == \"Responsibilities\" || @.Kind == \"EssentialRequirements\" || @.Kind == \"DesirableRequirements\" || @.Kind == \"Compensation\" || @.Kind == \"Skills\" || @.Kind == \"CompanyBoilerplate\") || (exists(@.Heading) && @.Heading.type() != \"string\" && @.Heading.type() != \"null\") || (exists(@.Body) && @.Body.type() != \"string\" && @.Body.type() != \"null\"))'))");

            migrationBuilder.AddCheckConstraint(
                name: "ck_job_postings_seniority",
                table: "job_postings",
                sql: "seniority IN ('Entry', 'Mid', 'Senior', 'Director', 'Executive')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_job_postings_status",
                table: "job_postings",
                sql: "status IN ('Draft', 'PendingReview', 'Published', 'Rejected', 'Closed', 'Expired')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_job_postings_work_mode",
                table: "job_postings",
                sql: "work_mode IN ('OnSite', 'Hybrid', 'Remote', 'FieldBased')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_posting_status_changes_from_status",
                table: "posting_status_changes");

            migrationBuilder.DropCheckConstraint(
                name: "ck_posting_status_changes_to_status",
                table: "posting_status_changes");

            migrationBuilder.DropCheckConstraint(
                name: "ck_job_postings_employment_type",
                table: "job_postings");

            migrationBuilder.DropCheckConstraint(
                name: "ck_job_postings_requirements",
                table: "job_postings");

            migrationBuilder.DropCheckConstraint(
                name: "ck_job_postings_salary_period",
                table: "job_postings");

            migrationBuilder.DropCheckConstraint(
                name: "ck_job_postings_sections",
                table: "job_postings");

            migrationBuilder.DropCheckConstraint(
                name: "ck_job_postings_seniority",
                table: "job_postings");

            migrationBuilder.DropCheckConstraint(
                name: "ck_job_postings_status",
                table: "job_postings");

            migrationBuilder.DropCheckConstraint(
                name: "ck_job_postings_work_mode",
                table: "job_postings");
        }
    }
}
