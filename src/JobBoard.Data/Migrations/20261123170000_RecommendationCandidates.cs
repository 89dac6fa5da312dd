using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <summary>
    /// Indexes that hand recommendations their candidates directly, so that a list costs a few hundred narrow rows:
    /// <list type="bullet">
    /// <item><c>posting_category_places</c>: a row per place and category of each published posting, GiST-indexed on
    /// (category, point) with btree_gist, so the nearest postings in one category come straight out of the index
    /// instead of from a walk past every nearer posting of other categories.</item>
    /// <item><c>posting_category_lists</c>: a row per category of each published posting (remote key 0), and one more
    /// per country a remote posting takes applicants from (the <c>search_keys</c> id of that "remote" key), in a
    /// B-tree by (remote key, category, newest), so "newest in the category" and "remote, open to this country, in
    /// the category" are each a range scan of as many rows as are wanted.</item>
    /// <item><c>posting_search_places</c> gains what recommendations compare (title, work mode, applicant countries,
    /// skills, each place's latitude and longitude), so a candidate's features are read from its own narrow rows rather
    /// than from <c>posting_search</c> (a 1.8 kB row of text vector) and <c>job_postings</c>.</item>
    /// </list>
    /// <c>posting_search_refresh</c> fills them after the search rows, from views over those rows.
    /// </summary>
    public partial class RecommendationCandidates : Migration
    {
        /// <summary>The place rows' source as this migration defines it (a later migration's Down restores it).</summary>
        internal const string PlacesSourceView = """
                CREATE OR REPLACE VIEW posting_search_places_source AS
                SELECT s.posting_id,
                       (row_number() OVER (PARTITION BY s.posting_id ORDER BY l.position) - 1)::smallint AS position,
                       CASE WHEN l.posting_id IS NOT NULL THEN ll_to_earth(l.latitude, l.longitude) END AS earth,
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
                       l.longitude
                FROM posting_search s
                JOIN job_postings p ON p.id = s.posting_id
                LEFT JOIN posting_locations l ON l.posting_id = s.posting_id;
                """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                CREATE EXTENSION IF NOT EXISTS btree_gist;

                ALTER TABLE posting_search_places
                    ADD COLUMN title varchar(200) NOT NULL DEFAULT '',
                    ADD COLUMN work_mode varchar(20) NOT NULL DEFAULT 'OnSite',
                    ADD COLUMN applicant_countries text[] NOT NULL DEFAULT '{}',
                    ADD COLUMN skill_ids integer[] NOT NULL DEFAULT '{}',
                    ADD COLUMN latitude float8,
                    ADD COLUMN longitude float8;

                {{PlacesSourceView}}

                CREATE TABLE posting_category_places (
                    posting_id integer NOT NULL,
                    position smallint NOT NULL,
                    category_id integer NOT NULL,
                    earth earth NOT NULL,
                    valid_through date,
                    PRIMARY KEY (posting_id, position, category_id)
                );
                CREATE INDEX ix_posting_category_places_nearest ON posting_category_places USING gist (category_id, earth);

                CREATE VIEW posting_category_places_source AS
                SELECT p.posting_id, p.position, c.category_id, p.earth, p.valid_through
                FROM posting_search_places p, unnest(p.category_ids) AS c(category_id)
                WHERE p.earth IS NOT NULL;

                CREATE TABLE posting_category_lists (
                    posting_id integer NOT NULL,
                    remote_key integer NOT NULL,
                    category_id integer NOT NULL,
                    date_posted date NOT NULL,
                    valid_through date,
                    PRIMARY KEY (posting_id, remote_key, category_id)
                );
                CREATE INDEX ix_posting_category_lists_newest ON posting_category_lists (remote_key, category_id, date_posted DESC, posting_id DESC);

                CREATE VIEW posting_category_lists_source AS
                SELECT s.posting_id, 0 AS remote_key, c.category_id, s.date_posted, s.valid_through
                FROM posting_search s, unnest(s.category_ids) AS c(category_id)
                UNION ALL
                SELECT s.posting_id, k.id, c.category_id, s.date_posted, s.valid_through
                FROM posting_search s
                CROSS JOIN unnest(s.category_ids) AS c(category_id)
                CROSS JOIN unnest(s.applicant_countries) AS a(country)
                JOIN search_keys k ON k.kind = 'remote' AND k.value = a.country
                WHERE s.work_mode = 'Remote';

                CREATE OR REPLACE FUNCTION posting_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO search_keys (kind, value)
                    SELECT DISTINCT v.kind, v.value FROM search_key_values v
                    WHERE v.posting_id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM search_keys k WHERE k.kind = v.kind AND k.value = v.value)
                    ON CONFLICT DO NOTHING;
                    DELETE FROM posting_category_lists WHERE posting_id = ANY (ids);
                    DELETE FROM posting_category_places WHERE posting_id = ANY (ids);
                    DELETE FROM posting_search_places WHERE posting_id = ANY (ids);
                    DELETE FROM posting_search WHERE posting_id = ANY (ids);
                    INSERT INTO posting_search SELECT * FROM posting_search_source WHERE posting_id = ANY (ids);
                    INSERT INTO posting_search_places SELECT * FROM posting_search_places_source WHERE posting_id = ANY (ids);
                    INSERT INTO posting_category_places SELECT * FROM posting_category_places_source WHERE posting_id = ANY (ids);
                    INSERT INTO posting_category_lists SELECT * FROM posting_category_lists_source WHERE posting_id = ANY (ids);
                $$;

                -- Existing rows, set-based.
                UPDATE posting_search_places l
                SET title = v.title, work_mode = v.work_mode, applicant_countries = v.applicant_countries, skill_ids = v.skill_ids,
                    latitude = v.latitude, longitude = v.longitude
                FROM posting_search_places_source v
                WHERE v.posting_id = l.posting_id AND v.position = l.position;
                INSERT INTO posting_category_places SELECT * FROM posting_category_places_source;
                INSERT INTO posting_category_lists SELECT * FROM posting_category_lists_source;

                -- Replaced by posting_category_lists.
                DROP INDEX IF EXISTS ix_posting_search_places_newest;
                DROP INDEX IF EXISTS ix_posting_search_places_category_ids;
                ANALYZE posting_search_places, posting_category_places, posting_category_lists;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                {{SearchFilterKeys.RefreshFunction}}
                DROP VIEW posting_category_lists_source;
                DROP TABLE posting_category_lists;
                DROP VIEW posting_category_places_source;
                DROP TABLE posting_category_places;
                DROP VIEW posting_search_places_source;
                ALTER TABLE posting_search_places DROP COLUMN title, DROP COLUMN work_mode, DROP COLUMN applicant_countries, DROP COLUMN skill_ids,
                    DROP COLUMN latitude, DROP COLUMN longitude;
                {{SearchPlaces.PlacesSourceView}}
                CREATE INDEX ix_posting_search_places_newest ON posting_search_places (date_posted DESC, posting_id DESC) WHERE position = 0;
                CREATE INDEX ix_posting_search_places_category_ids ON posting_search_places USING gin (category_ids) WHERE position = 0;
                """);
        }
    }
}
