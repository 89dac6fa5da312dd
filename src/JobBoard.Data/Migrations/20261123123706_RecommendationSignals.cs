using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <summary>
    /// What recommendations compare besides place and category: the skills of each published posting and, for remote
    /// work, the countries it takes applicants from, kept on its search row so candidates are scored without joins.
    /// </summary>
    public partial class RecommendationSignals : Migration
    {
        /// <summary>The search row source as this migration defines it (a later migration's Down restores it).</summary>
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
                       p.applicant_countries
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
                WHERE p.status = 'Published';
                """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                ALTER TABLE posting_search
                    ADD COLUMN skill_ids integer[] NOT NULL DEFAULT '{}',
                    ADD COLUMN applicant_countries text[] NOT NULL DEFAULT '{}';

                {{SearchSourceView}}

                UPDATE posting_search s SET skill_ids = src.skill_ids, applicant_countries = src.applicant_countries
                FROM posting_search_source src
                WHERE src.posting_id = s.posting_id AND (src.skill_ids <> '{}' OR src.applicant_countries <> '{}');

                -- Remote postings open to a country, for recommendations next to any posting in it.
                CREATE INDEX ix_posting_search_remote_countries ON posting_search USING gin (applicant_countries) WHERE work_mode = 'Remote';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_posting_search_remote_countries;
                DROP VIEW posting_search_source;
                ALTER TABLE posting_search DROP COLUMN skill_ids, DROP COLUMN applicant_countries;
                """);
            // The view as the SearchIndex migration defines it.
            migrationBuilder.Sql(SearchIndex.SearchSourceView);
        }
    }
}
