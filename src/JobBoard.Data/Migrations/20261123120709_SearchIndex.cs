using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <summary>
    /// Full-text, filter and radius search. Searches read <c>posting_search</c>, a narrow row per published posting
    /// (filters, category ids and a weighted <c>tsvector</c> kept out of line), so that counting and faceting tens of
    /// thousands of matches never touches the wide posting rows. <c>posting_search_source</c> says how a posting
    /// becomes its search row; the app refreshes rows after every save, the bulk loader in ranges.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        /// <summary>How a published posting becomes its search row, as this migration defines it (a later Down restores it).</summary>
        internal const string SearchSourceView = """
                -- Weights: title A; company, categories and skills B; summary and requirements C; everything else D.
                CREATE VIEW posting_search_source AS
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
                           AS document
                FROM job_postings p
                JOIN companies c ON c.id = p.company_id
                LEFT JOIN LATERAL (
                    SELECT array_agg(pc.category_id ORDER BY pc.position) AS category_ids, string_agg(cat.name, ' ') AS category_names
                    FROM posting_categories pc JOIN categories cat ON cat.id = pc.category_id
                    WHERE pc.posting_id = p.id) tags ON true
                LEFT JOIN LATERAL (
                    SELECT string_agg(s.name, ' ') AS skill_names
                    FROM posting_skills ps JOIN skills s ON s.id = ps.skill_id
                    WHERE ps.posting_id = p.id) skills ON true
                WHERE p.status = 'Published';
                """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE EXTENSION IF NOT EXISTS cube;
                CREATE EXTENSION IF NOT EXISTS earthdistance;

                -- English stemming with accents folded first, so "Iași" finds "Iasi" and "nurse" finds "Nursing".
                CREATE TEXT SEARCH CONFIGURATION jobboard (COPY = english);
                ALTER TEXT SEARCH CONFIGURATION jobboard
                    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
                """);

            migrationBuilder.Sql($$"""
                CREATE TABLE posting_search (
                    posting_id integer PRIMARY KEY REFERENCES job_postings (id) ON DELETE CASCADE,
                    company_id integer NOT NULL,
                    date_posted date NOT NULL,
                    valid_through date,
                    work_mode varchar(20) NOT NULL,
                    employment_type varchar(20),
                    seniority varchar(20),
                    visa_sponsorship boolean,
                    salary_currency varchar(3),
                    -- The top of the range (or its only figure) a year, so salaryMin compares ads paid by the hour or month.
                    salary_yearly numeric(16, 2),
                    category_ids integer[] NOT NULL,
                    document tsvector NOT NULL
                ) WITH (toast_tuple_target = 128, fillfactor = 90);

                CREATE INDEX ix_posting_search_document ON posting_search USING gin (document);
                CREATE INDEX ix_posting_search_newest ON posting_search (date_posted DESC, posting_id DESC);
                CREATE INDEX ix_posting_search_category_ids ON posting_search USING gin (category_ids);
                CREATE INDEX ix_posting_search_salary ON posting_search (salary_currency, salary_yearly DESC) WHERE salary_yearly IS NOT NULL;

                {{SearchSourceView}}

                -- Brings the search rows of these postings up to date: published ones are (re)written, others removed.
                CREATE FUNCTION posting_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM posting_search WHERE posting_id = ANY (ids);
                    INSERT INTO posting_search SELECT * FROM posting_search_source WHERE posting_id = ANY (ids);
                $$;

                -- Radius search: a GiST index on each place's point on the earth, queried through earth_box.
                CREATE INDEX ix_posting_locations_earth ON posting_locations USING gist (ll_to_earth(latitude, longitude));
                CREATE INDEX ix_posting_locations_region ON posting_locations (country_code, region);

                -- The small dictionary typo-tolerant suggestions search: titles and places of open postings.
                CREATE TABLE search_suggestions (
                    kind char(1) NOT NULL,          -- 't' title, 'p' place
                    term text NOT NULL,
                    postings integer NOT NULL,
                    PRIMARY KEY (kind, term)
                );
                CREATE INDEX ix_search_suggestions_term ON search_suggestions USING gin (term gin_trgm_ops);

                CREATE FUNCTION search_suggestions_refresh() RETURNS void LANGUAGE sql AS $$
                    DELETE FROM search_suggestions;
                    INSERT INTO search_suggestions (kind, term, postings)
                    SELECT 't', min(p.title), count(*)
                    FROM job_postings p JOIN posting_search s ON s.posting_id = p.id
                    WHERE s.valid_through IS NULL OR s.valid_through >= current_date
                    GROUP BY lower(p.title);
                    INSERT INTO search_suggestions (kind, term, postings)
                    SELECT 'p', place, count(DISTINCT posting_id) FROM (
                        SELECT l.posting_id,
                               CASE WHEN l.country_code = 'US' AND l.region_code IS NOT NULL THEN l.city || ', ' || l.region_code
                                    ELSE l.city || ', ' || coalesce(l.country_name, l.country_code) END AS place
                        FROM posting_locations l JOIN posting_search s ON s.posting_id = l.posting_id
                        WHERE s.valid_through IS NULL OR s.valid_through >= current_date) places
                    GROUP BY place;
                $$;

                SELECT posting_search_refresh(array(SELECT id FROM job_postings));
                SELECT search_suggestions_refresh();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS search_suggestions_refresh();
                DROP TABLE IF EXISTS search_suggestions;
                DROP INDEX IF EXISTS ix_posting_locations_region;
                DROP INDEX IF EXISTS ix_posting_locations_earth;
                DROP FUNCTION IF EXISTS posting_search_refresh(integer[]);
                DROP VIEW IF EXISTS posting_search_source;
                DROP TABLE IF EXISTS posting_search;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS jobboard;
                """);
        }
    }
}
