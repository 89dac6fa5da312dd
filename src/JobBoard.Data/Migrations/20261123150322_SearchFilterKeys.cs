using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <summary>
    /// Every filter as a key in one GIN index with the text. Each <c>posting_search</c> row gets <c>filter_keys</c>:
    /// the ids (in <c>search_keys</c>) of its work mode, employment type, seniority, visa, countries and regions (and,
    /// for remote work, the countries it takes applicants from, which recommendations ask for), its
    /// category ids (plus 100,000,000), and the grid cells of its places, 0.25° (plus 200,000,000) and 2° (plus
    /// 300,000,000). One GIN index over (document, filter_keys) intersects words and filters inside the index, so a
    /// search only reads the rows that match all of them; radius searches ask for the cells around the point and
    /// check the exact distance on the row's own coordinates (<c>latitudes</c>, <c>longitudes</c>).
    /// </summary>
    public partial class SearchFilterKeys : Migration
    {
        /// <summary>The search rows' source as this migration defines it (a later migration's Down restores it).</summary>
        internal const string SearchSourceView = """
                CREATE OR REPLACE VIEW posting_search_source AS
                SELECT p.id AS posting_id,
                       p.company_id,
                       coalesce(p.date_posted, p.created_at::date) AS date_posted,
                       p.valid_through,
                       p.work_mode,
                       p.employment_type,
                       p.seniority,
                       p.visa_sponsorship,
                       p.salary_currency,
                       coalesce(p.salary_max, p.salary_min) * CASE p.salary_period
                           WHEN 'Hour' THEN 2080 WHEN 'Day' THEN 260 WHEN 'Week' THEN 52 WHEN 'Month' THEN 12 ELSE 1 END AS salary_yearly,
                       coalesce(tags.category_ids, '{}') AS category_ids,
                       setweight(to_tsvector('jobboard', p.title), 'A')
                       || setweight(to_tsvector('jobboard', concat_ws(' ', c.name, tags.category_names, skills.skill_names)), 'B')
                       || setweight(to_tsvector('jobboard', coalesce(p.summary, ''))
                                    || jsonb_to_tsvector('jobboard', coalesce(jsonb_path_query_array(p.requirements, '$[*].Text'), '[]'), '["string"]'), 'C')
                       || setweight(to_tsvector('jobboard', concat_ws(' ', p.core_responsibilities, array_to_string(p.responsibilities, ' '), p.benefits))
                                    || jsonb_to_tsvector('jobboard', coalesce(jsonb_path_query_array(p.sections, '$[*].Body'), '[]'), '["string"]'), 'D')
                           AS document,
                       coalesce(skills.skill_ids, '{}') AS skill_ids,
                       p.applicant_countries,
                       ARRAY(SELECT key FROM (
                           SELECT k.id AS key FROM search_key_values v JOIN search_keys k ON k.kind = v.kind AND k.value = v.value WHERE v.posting_id = p.id
                           UNION SELECT 100000000 + c FROM unnest(tags.category_ids) c
                           UNION SELECT unnest(places.cells)) keys ORDER BY key) AS filter_keys,
                       coalesce(places.latitudes, '{}') AS latitudes,
                       coalesce(places.longitudes, '{}') AS longitudes
                FROM job_postings p
                JOIN companies c ON c.id = p.company_id
                LEFT JOIN LATERAL (
                    SELECT array_agg(pc.category_id ORDER BY pc.position) AS category_ids, string_agg(cat.name, ' ') AS category_names
                    FROM posting_categories pc JOIN categories cat ON cat.id = pc.category_id
                    WHERE pc.posting_id = p.id) tags ON true
                LEFT JOIN LATERAL (
                    SELECT string_agg(s.name, ' ') AS skill_names, array_agg(s.id ORDER BY ps.position) AS skill_ids
                    FROM posting_skills ps JOIN skills s ON s.id = ps.skill_id
                    WHERE ps.posting_id = p.id) skills ON true
                LEFT JOIN LATERAL (
                    SELECT array_agg(l.latitude ORDER BY l.position) AS latitudes, array_agg(l.longitude ORDER BY l.position) AS longitudes,
                           array_agg(search_cell_keys(l.latitude, l.longitude)) AS cells
                    FROM posting_locations l
                    WHERE l.posting_id = p.id) places ON true
                WHERE p.status = 'Published';
                """;

        /// <summary>The refresh as this migration defines it (a later migration's Down restores it).</summary>
        internal const string RefreshFunction = """
                CREATE OR REPLACE FUNCTION posting_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO search_keys (kind, value)
                    SELECT DISTINCT v.kind, v.value FROM search_key_values v
                    WHERE v.posting_id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM search_keys k WHERE k.kind = v.kind AND k.value = v.value)
                    ON CONFLICT DO NOTHING;
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
                -- The values filters name, numbered: ('mode', 'Remote'), ('country', 'US'), ('region', 'US:Illinois') ...
                CREATE TABLE search_keys (
                    id serial PRIMARY KEY,
                    kind varchar(10) NOT NULL,
                    value varchar(220) NOT NULL,
                    UNIQUE (kind, value)
                );

                -- The grid cells of a point: 0.25° (about 28 km) for radii up to ~150 km, 2° beyond.
                CREATE FUNCTION search_cell_keys(latitude float8, longitude float8) RETURNS integer[]
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT ARRAY[
                        200000000 + least(719, greatest(0, floor((latitude + 90) * 4)::int)) * 1440 + floor((longitude + 180) * 4)::int % 1440,
                        300000000 + least(89, greatest(0, floor((latitude + 90) / 2)::int)) * 180 + floor((longitude + 180) / 2)::int % 180]
                $$;

                -- The keyed values of each published posting, before they are numbered.
                CREATE VIEW search_key_values AS
                SELECT p.id AS posting_id, 'mode' AS kind, p.work_mode AS value FROM job_postings p WHERE p.status = 'Published'
                UNION ALL SELECT p.id, 'type', p.employment_type FROM job_postings p WHERE p.status = 'Published' AND p.employment_type IS NOT NULL
                UNION ALL SELECT p.id, 'level', p.seniority FROM job_postings p WHERE p.status = 'Published' AND p.seniority IS NOT NULL
                UNION ALL SELECT p.id, 'visa', 'true' FROM job_postings p WHERE p.status = 'Published' AND p.visa_sponsorship
                UNION ALL SELECT l.posting_id, 'country', l.country_code FROM posting_locations l
                UNION ALL SELECT l.posting_id, 'region', l.country_code || ':' || l.region FROM posting_locations l WHERE l.region IS NOT NULL
                UNION ALL SELECT p.id, 'remote', c FROM job_postings p, unnest(p.applicant_countries) c WHERE p.status = 'Published' AND p.work_mode = 'Remote';

                ALTER TABLE posting_search
                    ADD COLUMN filter_keys integer[] NOT NULL DEFAULT '{}',
                    ADD COLUMN latitudes float8[] NOT NULL DEFAULT '{}',
                    ADD COLUMN longitudes float8[] NOT NULL DEFAULT '{}';

                {{SearchSourceView}}

                {{RefreshFunction}}

                -- Words and filters in one index, intersected inside it.
                DROP INDEX IF EXISTS ix_posting_search_document;
                DROP INDEX IF EXISTS ix_posting_search_category_ids;
                -- Existing rows, set-based (a refresh over every id at once would test each row against the whole list).
                INSERT INTO search_keys (kind, value) SELECT DISTINCT kind, value FROM search_key_values ON CONFLICT DO NOTHING;
                UPDATE posting_search s SET filter_keys = v.filter_keys, latitudes = v.latitudes, longitudes = v.longitudes
                FROM posting_search_source v WHERE v.posting_id = s.posting_id;
                CREATE INDEX ix_posting_search_match ON posting_search USING gin (document, filter_keys);
                -- Recommendations find remote postings open to a country through the "remote" keys now.
                DROP INDEX IF EXISTS ix_posting_search_remote_countries;
                ANALYZE posting_search;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                DROP INDEX IF EXISTS ix_posting_search_match;
                CREATE INDEX ix_posting_search_remote_countries ON posting_search USING gin (applicant_countries) WHERE work_mode = 'Remote';
                {{SearchPlaces.RefreshFunction}}
                DROP VIEW posting_search_source;
                ALTER TABLE posting_search DROP COLUMN filter_keys, DROP COLUMN latitudes, DROP COLUMN longitudes;
                DROP VIEW search_key_values;
                DROP FUNCTION search_cell_keys(float8, float8);
                DROP TABLE search_keys;
                CREATE INDEX ix_posting_search_document ON posting_search USING gin (document);
                CREATE INDEX ix_posting_search_category_ids ON posting_search USING gin (category_ids);
                """);
            // The view as the RecommendationSignals migration defines it.
            migrationBuilder.Sql(RecommendationSignals.SearchSourceView);
        }
    }
}
