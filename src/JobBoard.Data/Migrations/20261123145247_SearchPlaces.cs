using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <summary>
    /// A narrow row per place of each published posting (<c>posting_search_places</c>): its point on the earth, city,
    /// country and region, dates and category ids, about 100 bytes where a <c>posting_search</c> row carries a kilobyte
    /// of text vector. The nearest-place candidates of recommendations read it; the point is stored, so GiST
    /// nearest-neighbour scans evaluate no function per row. Every posting has a row at position 0 (its first place, or
    /// none), so filtering on position 0 counts each posting once.
    /// </summary>
    public partial class SearchPlaces : Migration
    {
        /// <summary>The place rows' source as this migration defines it (a later migration's Down restores it).</summary>
        internal const string PlacesSourceView = """
                CREATE VIEW posting_search_places_source AS
                SELECT s.posting_id,
                       (row_number() OVER (PARTITION BY s.posting_id ORDER BY l.position) - 1)::smallint AS position,
                       CASE WHEN l.posting_id IS NOT NULL THEN ll_to_earth(l.latitude, l.longitude) END AS earth,
                       l.city,
                       l.country_code,
                       l.region,
                       s.date_posted,
                       s.valid_through,
                       s.category_ids
                FROM posting_search s
                LEFT JOIN posting_locations l ON l.posting_id = s.posting_id;
                """;

        /// <summary>The refresh as this migration defines it (a later migration's Down restores it).</summary>
        internal const string RefreshFunction = """
                CREATE OR REPLACE FUNCTION posting_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM posting_search_places WHERE posting_id = ANY (ids);
                    DELETE FROM posting_search WHERE posting_id = ANY (ids);
                    INSERT INTO posting_search SELECT * FROM posting_search_source WHERE posting_id = ANY (ids);
                    INSERT INTO posting_search_places SELECT * FROM posting_search_places_source WHERE posting_id = ANY (ids);
                $$;
                """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                CREATE TABLE posting_search_places (
                    posting_id integer NOT NULL,
                    position smallint NOT NULL,
                    earth earth,
                    city varchar(200),
                    country_code varchar(2),
                    region varchar(200),
                    date_posted date NOT NULL,
                    valid_through date,
                    category_ids integer[] NOT NULL,
                    PRIMARY KEY (posting_id, position)
                ) WITH (fillfactor = 90);

                CREATE INDEX ix_posting_search_places_earth ON posting_search_places USING gist (earth);
                CREATE INDEX ix_posting_search_places_newest ON posting_search_places (date_posted DESC, posting_id DESC) WHERE position = 0;
                CREATE INDEX ix_posting_search_places_category_ids ON posting_search_places USING gin (category_ids) WHERE position = 0;

                {{PlacesSourceView}}

                {{RefreshFunction}}

                INSERT INTO posting_search_places SELECT * FROM posting_search_places_source;

                -- Nothing reads these any more: recommendations use the stored points above, searches their grid-cell and region keys.
                DROP INDEX IF EXISTS ix_posting_locations_earth;
                DROP INDEX IF EXISTS ix_posting_locations_region;
                ANALYZE posting_search_places;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION posting_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM posting_search WHERE posting_id = ANY (ids);
                    INSERT INTO posting_search SELECT * FROM posting_search_source WHERE posting_id = ANY (ids);
                $$;
                DROP VIEW IF EXISTS posting_search_places_source;
                DROP TABLE IF EXISTS posting_search_places;
                CREATE INDEX ix_posting_locations_earth ON posting_locations USING gist (ll_to_earth(latitude, longitude));
                CREATE INDEX ix_posting_locations_region ON posting_locations (country_code, region);
                """);
        }
    }
}
