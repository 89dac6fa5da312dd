using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <summary>
    /// Radius searches without words read one B-tree instead of the GIN index and the wide search rows:
    /// <c>posting_search_places</c> gains each place's 0.25° grid cell (the first key <c>search_cell_keys</c> gives) and
    /// the posting's remaining filter and facet values (employment type, level, visa, yearly salary), and
    /// <c>ix_posting_search_places_cell</c> holds them all beside the cell, so that the places in the cells around a
    /// circle, their distance, filters and facets come out of an index-only scan. The place's earth point is now
    /// computed inline, as <c>ll_to_earth</c> does: that SQL function cannot be inlined (its result is a domain), so it
    /// ran as a query of its own for every place a refresh wrote.
    /// </summary>
    public partial class SearchPlaceCells : Migration
    {
        /// <summary>The place rows' source as this migration defines it (a later migration's Down restores it).</summary>
        internal const string PlacesSourceView = """
                CREATE OR REPLACE VIEW posting_search_places_source AS
                SELECT s.posting_id,
                       (row_number() OVER (PARTITION BY s.posting_id ORDER BY l.position) - 1)::smallint AS position,
                       CASE WHEN l.posting_id IS NOT NULL THEN
                           cube(cube(cube(earth() * cos(radians(l.latitude)) * cos(radians(l.longitude))),
                                     earth() * cos(radians(l.latitude)) * sin(radians(l.longitude))),
                                earth() * sin(radians(l.latitude)))::earth
                       END AS earth,
                       l.city,
                       l.country_code,
                       l.region,
                       s.date_posted,
                       s.valid_through,
                       s.category_ids,
                       p.title,
                       s.work_mode,
                       s.applicant_countries,
                       s.skill_ids,
                       l.latitude,
                       l.longitude,
                       (search_cell_keys(l.latitude, l.longitude))[1] AS cell,
                       s.employment_type,
                       s.seniority,
                       s.visa_sponsorship,
                       s.salary_currency,
                       s.salary_yearly
                FROM posting_search s
                JOIN job_postings p ON p.id = s.posting_id
                LEFT JOIN posting_locations l ON l.posting_id = s.posting_id;
                """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                ALTER TABLE posting_search_places
                    ADD COLUMN cell integer,
                    ADD COLUMN employment_type varchar(20),
                    ADD COLUMN seniority varchar(20),
                    ADD COLUMN visa_sponsorship boolean,
                    ADD COLUMN salary_currency varchar(3),
                    ADD COLUMN salary_yearly numeric(16,2);

                {{PlacesSourceView}}

                -- Existing rows, set-based.
                UPDATE posting_search_places l
                SET cell = (search_cell_keys(l.latitude, l.longitude))[1], employment_type = s.employment_type, seniority = s.seniority,
                    visa_sponsorship = s.visa_sponsorship, salary_currency = s.salary_currency, salary_yearly = s.salary_yearly
                FROM posting_search s
                WHERE s.posting_id = l.posting_id;

                CREATE INDEX ix_posting_search_places_cell ON posting_search_places (cell)
                    INCLUDE (posting_id, position, latitude, longitude, valid_through, date_posted, work_mode, employment_type, seniority,
                             visa_sponsorship, salary_currency, salary_yearly, category_ids);
                ANALYZE posting_search_places;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                DROP INDEX ix_posting_search_places_cell;
                DROP VIEW posting_search_places_source;
                ALTER TABLE posting_search_places DROP COLUMN cell, DROP COLUMN employment_type, DROP COLUMN seniority,
                    DROP COLUMN visa_sponsorship, DROP COLUMN salary_currency, DROP COLUMN salary_yearly;
                {{RecommendationCandidates.PlacesSourceView}}
                """);
        }
    }
}
