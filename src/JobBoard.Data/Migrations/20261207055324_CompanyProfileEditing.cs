using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompanyProfileEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "position",
                table: "company_sections",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Sections kept so far stand in the order they were added.
            migrationBuilder.Sql("""
                UPDATE company_sections s SET position = numbered.n
                FROM (SELECT id, row_number() OVER (PARTITION BY company_id ORDER BY id) - 1 AS n FROM company_sections) numbered
                WHERE numbered.id = s.id;
                """);

            migrationBuilder.AddColumn<string>(
                name: "logo_version",
                table: "companies",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_job_postings_company_id_status_updated_at_id",
                table: "job_postings",
                columns: new[] { "company_id", "status", "updated_at", "id" },
                descending: new[] { false, false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_job_postings_company_id_updated_at_id",
                table: "job_postings",
                columns: new[] { "company_id", "updated_at", "id" },
                descending: new[] { false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_job_postings_company_id_status_updated_at_id",
                table: "job_postings");

            migrationBuilder.DropIndex(
                name: "ix_job_postings_company_id_updated_at_id",
                table: "job_postings");

            migrationBuilder.DropColumn(
                name: "position",
                table: "company_sections");

            migrationBuilder.DropColumn(
                name: "logo_version",
                table: "companies");
        }
    }
}
