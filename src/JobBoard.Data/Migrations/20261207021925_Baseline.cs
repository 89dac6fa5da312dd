using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <summary>
    /// The tables of the EF model, the extensions the search definitions need, the long texts of a posting compressed
    /// with lz4 and <c>bulk_load_deferred</c>: all that the eleven migrations before it (November to December 2026)
    /// made, squashed. The views, functions, triggers and derived tables are not here: they are the files in
    /// <c>Sql/</c>, applied after the migrations by <see cref="SchemaDefinitions"/>.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE EXTENSION IF NOT EXISTS cube;
                CREATE EXTENSION IF NOT EXISTS earthdistance;
                CREATE EXTENSION IF NOT EXISTS btree_gist;
                """);

            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "companies",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    about = table.Column<string>(type: "text", nullable: true),
                    website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    logo_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    employee_count = table.Column<int>(type: "integer", nullable: true),
                    industry = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    headquarters = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_companies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "skills",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skills", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "company_sections",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    heading = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    company_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_company_sections_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "job_postings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    company_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    summary = table.Column<string>(type: "text", nullable: true),
                    core_responsibilities = table.Column<string>(type: "text", nullable: true),
                    requisition_reference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    apply_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    apply_email = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    responsibilities = table.Column<string[]>(type: "text[]", nullable: false),
                    salary_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    salary_min = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    salary_max = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    salary_period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    salary_cash_incentive = table.Column<bool>(type: "boolean", nullable: true),
                    salary_equity_eligible = table.Column<bool>(type: "boolean", nullable: true),
                    benefits = table.Column<string>(type: "text", nullable: true),
                    work_mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    relocation_support = table.Column<bool>(type: "boolean", nullable: true),
                    visa_sponsorship = table.Column<bool>(type: "boolean", nullable: true),
                    employment_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    experience_years_min = table.Column<int>(type: "integer", nullable: true),
                    experience_years_max = table.Column<int>(type: "integer", nullable: true),
                    seniority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    hours_per_week = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    working_language = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    applicant_countries = table.Column<string[]>(type: "text[]", nullable: false),
                    date_posted = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_through = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    requirements = table.Column<string>(type: "jsonb", nullable: true),
                    sections = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_postings", x => x.id);
                    table.ForeignKey(
                        name: "fk_job_postings_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "posting_categories",
                columns: table => new
                {
                    posting_id = table.Column<int>(type: "integer", nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posting_categories", x => new { x.posting_id, x.category_id });
                    table.ForeignKey(
                        name: "fk_posting_categories_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_posting_categories_job_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "job_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "posting_locations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    posting_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    city = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    region_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    country_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posting_locations", x => x.id);
                    table.ForeignKey(
                        name: "fk_posting_locations_job_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "job_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "posting_skills",
                columns: table => new
                {
                    posting_id = table.Column<int>(type: "integer", nullable: false),
                    skill_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posting_skills", x => new { x.posting_id, x.skill_id });
                    table.ForeignKey(
                        name: "fk_posting_skills_job_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "job_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_posting_skills_skills_skill_id",
                        column: x => x.skill_id,
                        principalTable: "skills",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "posting_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    posting_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posting_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_posting_status_changes_job_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "job_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_categories_slug",
                table: "categories",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_companies_name",
                table: "companies",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_companies_slug",
                table: "companies",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_company_sections_company_id_key",
                table: "company_sections",
                columns: new[] { "company_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_job_postings_company_id",
                table: "job_postings",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_postings_company_id_requisition_reference",
                table: "job_postings",
                columns: new[] { "company_id", "requisition_reference" });

            migrationBuilder.CreateIndex(
                name: "ix_job_postings_status_date_posted_id",
                table: "job_postings",
                columns: new[] { "status", "date_posted", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_posting_categories_category_id",
                table: "posting_categories",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_posting_locations_posting_id",
                table: "posting_locations",
                column: "posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_posting_skills_skill_id",
                table: "posting_skills",
                column: "skill_id");

            migrationBuilder.CreateIndex(
                name: "ix_posting_status_changes_posting_id_at",
                table: "posting_status_changes",
                columns: new[] { "posting_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_skills_slug",
                table: "skills",
                column: "slug",
                unique: true);

            // lz4 compresses and decompresses several times faster than the default pglz for about the same size
            // (docs/benchmarks.md); a server built without lz4 keeps pglz.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    ALTER TABLE job_postings ALTER COLUMN summary SET COMPRESSION lz4, ALTER COLUMN core_responsibilities SET COMPRESSION lz4,
                        ALTER COLUMN responsibilities SET COMPRESSION lz4, ALTER COLUMN benefits SET COMPRESSION lz4,
                        ALTER COLUMN requirements SET COMPRESSION lz4, ALTER COLUMN sections SET COMPRESSION lz4;
                EXCEPTION WHEN feature_not_supported THEN
                    RAISE NOTICE 'job_postings keeps its compression: %', SQLERRM;
                END $$;

                -- What a bulk load has put off (indexes dropped, autovacuum paused) and not yet restored: one statement per
                -- row that restores it. A killed load leaves its rows, and the next start carries them out.
                CREATE TABLE bulk_load_deferred (
                    name text PRIMARY KEY,
                    statement text NOT NULL,
                    method text NOT NULL
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE bulk_load_deferred;");

            migrationBuilder.DropTable(
                name: "company_sections");

            migrationBuilder.DropTable(
                name: "posting_categories");

            migrationBuilder.DropTable(
                name: "posting_locations");

            migrationBuilder.DropTable(
                name: "posting_skills");

            migrationBuilder.DropTable(
                name: "posting_status_changes");

            migrationBuilder.DropTable(
                name: "categories");

            migrationBuilder.DropTable(
                name: "skills");

            migrationBuilder.DropTable(
                name: "job_postings");

            migrationBuilder.DropTable(
                name: "companies");
        }
    }
}
