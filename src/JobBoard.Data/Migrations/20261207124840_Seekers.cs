using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Seekers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "takes_applications_on_board",
                table: "job_postings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "apply_clicks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    posting_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    from_page = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apply_clicks", x => x.id);
                    table.ForeignKey(
                        name: "fk_apply_clicks_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_apply_clicks_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "job_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "job_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    query = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    frequency = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_through = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_alerts", x => x.id);
                    table.CheckConstraint("ck_job_alerts_frequency", "frequency IN ('Instant', 'Daily', 'Weekly')");
                    table.ForeignKey(
                        name: "fk_job_alerts_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "job_applications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    posting_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    cover_note = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    cv_file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cv_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    cv_size = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_applications", x => x.id);
                    table.CheckConstraint("ck_job_applications_cv_kind", "cv_kind IN ('Pdf', 'Docx')");
                    table.CheckConstraint("ck_job_applications_status", "status IN ('New', 'Reviewed', 'Shortlisted', 'Rejected')");
                    table.ForeignKey(
                        name: "fk_job_applications_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "job_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_job_applications_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "posting_daily_stats",
                columns: table => new
                {
                    posting_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    views = table.Column<int>(type: "integer", nullable: false),
                    apply_clicks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posting_daily_stats", x => new { x.posting_id, x.day });
                    table.ForeignKey(
                        name: "fk_posting_daily_stats_job_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "job_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recent_views",
                columns: table => new
                {
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    posting_id = table.Column<int>(type: "integer", nullable: false),
                    viewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recent_views", x => new { x.user_id, x.posting_id });
                    table.ForeignKey(
                        name: "fk_recent_views_job_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "job_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recent_views_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "saved_jobs",
                columns: table => new
                {
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    posting_id = table.Column<int>(type: "integer", nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_jobs", x => new { x.user_id, x.posting_id });
                    table.ForeignKey(
                        name: "fk_saved_jobs_job_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "job_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_saved_jobs_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alert_deliveries",
                columns: table => new
                {
                    alert_id = table.Column<long>(type: "bigint", nullable: false),
                    posting_id = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_deliveries", x => new { x.alert_id, x.posting_id });
                    table.ForeignKey(
                        name: "fk_alert_deliveries_job_alerts_alert_id",
                        column: x => x.alert_id,
                        principalTable: "job_alerts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_alert_deliveries_postings_posting_id",
                        column: x => x.posting_id,
                        principalTable: "job_postings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_cvs",
                columns: table => new
                {
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_cvs", x => x.application_id);
                    table.ForeignKey(
                        name: "fk_application_cvs_job_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "job_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_job_postings_published_updated_at",
                table: "job_postings",
                column: "updated_at",
                filter: "status = 'Published'");

            migrationBuilder.CreateIndex(
                name: "ix_alert_deliveries_posting_id",
                table: "alert_deliveries",
                column: "posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_apply_clicks_posting_id_at",
                table: "apply_clicks",
                columns: new[] { "posting_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_apply_clicks_user_id",
                table: "apply_clicks",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_alerts_checked_through",
                table: "job_alerts",
                column: "checked_through",
                filter: "confirmed_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_job_alerts_email",
                table: "job_alerts",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_job_alerts_user_id",
                table: "job_alerts",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_applications_posting_id_submitted_at",
                table: "job_applications",
                columns: new[] { "posting_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_job_applications_user_id_posting_id",
                table: "job_applications",
                columns: new[] { "user_id", "posting_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recent_views_posting_id",
                table: "recent_views",
                column: "posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_recent_views_user_id_viewed_at",
                table: "recent_views",
                columns: new[] { "user_id", "viewed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_saved_jobs_posting_id",
                table: "saved_jobs",
                column: "posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_saved_jobs_user_id_saved_at",
                table: "saved_jobs",
                columns: new[] { "user_id", "saved_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_deliveries");

            migrationBuilder.DropTable(
                name: "application_cvs");

            migrationBuilder.DropTable(
                name: "apply_clicks");

            migrationBuilder.DropTable(
                name: "posting_daily_stats");

            migrationBuilder.DropTable(
                name: "recent_views");

            migrationBuilder.DropTable(
                name: "saved_jobs");

            migrationBuilder.DropTable(
                name: "job_alerts");

            migrationBuilder.DropTable(
                name: "job_applications");

            migrationBuilder.DropIndex(
                name: "ix_job_postings_published_updated_at",
                table: "job_postings");

            migrationBuilder.DropColumn(
                name: "takes_applications_on_board",
                table: "job_postings");
        }
    }
}
