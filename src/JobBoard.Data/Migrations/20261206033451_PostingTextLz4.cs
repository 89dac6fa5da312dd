using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <summary>
    /// The long texts of a posting are compressed with lz4 rather than PostgreSQL's default pglz when a row outgrows a
    /// page's quarter (most postings with sections do): lz4 compresses and decompresses several times faster for about
    /// the same size, which took a quarter off copying postings in bulk. Existing values keep their compression until
    /// rewritten. A server built without lz4 keeps pglz (the migration says so and goes on).
    /// </summary>
    public partial class PostingTextLz4 : Migration
    {
        private const string Columns = "summary, core_responsibilities, responsibilities, benefits, requirements, sections";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => SetCompression(migrationBuilder, "lz4");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => SetCompression(migrationBuilder, "DEFAULT");

        private static void SetCompression(MigrationBuilder migrationBuilder, string method)
        {
            var alterations = string.Join(", ", Columns.Split(", ").Select(column => $"ALTER COLUMN {column} SET COMPRESSION {method}"));
            migrationBuilder.Sql($"""
                DO $$
                BEGIN
                    ALTER TABLE job_postings {alterations};
                EXCEPTION WHEN feature_not_supported THEN
                    RAISE NOTICE 'job_postings keeps its compression: %', SQLERRM;
                END $$;
                """);
        }
    }
}
