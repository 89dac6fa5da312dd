using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <summary>
    /// <c>ix_posting_search_places_cell</c> holds each place's country, region and city name beside its cell, so that a
    /// radius search without words can tell a place of the searched city (one of its districts, however far from the
    /// centre) from a neighbouring town and still read nothing but the index.
    /// </summary>
    public partial class PlaceCellsKnowTheirCity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_posting_search_places_cell;
                CREATE INDEX ix_posting_search_places_cell ON posting_search_places (cell)
                    INCLUDE (posting_id, position, latitude, longitude, valid_through, date_posted, work_mode, employment_type, seniority,
                             visa_sponsorship, salary_currency, salary_yearly, category_ids, country_code, region, city);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_posting_search_places_cell;
                CREATE INDEX ix_posting_search_places_cell ON posting_search_places (cell)
                    INCLUDE (posting_id, position, latitude, longitude, valid_through, date_posted, work_mode, employment_type, seniority,
                             visa_sponsorship, salary_currency, salary_yearly, category_ids);
                """);
        }
    }
}
