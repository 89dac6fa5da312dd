using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobBoard.Data.Migrations
{
    /// <summary>
    /// "Did you mean" suggestions kept by the database, in the transaction that changes the search rows, whoever writes
    /// them (an EF save, an import, the demo loader, psql). Before, <c>search_suggestions</c> was filled by a migration
    /// that ran before there was data and by the bulk loader, so a board loaded any other way suggested nothing.
    /// <list type="bullet">
    /// <item><c>posting_search_places</c> gains <c>place_name</c>, the place as suggestions name it, so that the rows a
    /// refresh deletes still say which title and places they counted (the posting itself has changed by then).</item>
    /// <item><c>search_suggestions</c> holds a row per title and place of published postings with their postings counted
    /// by closing date (<c>open_until</c>, infinity for none), so that a title stops being suggested on the day its last
    /// posting closes, with no job to run, while the trigram index stays on one row per term; statement triggers on
    /// <c>posting_search_places</c> add the rows inserted and subtract those deleted; a term with no postings left goes.</item>
    /// <item><c>search_suggestions_source</c> is the same count over every place row: the bulk loader, which switches
    /// the triggers off for its connections (<c>jobboard.bulk_load</c>), rebuilds the table from it once at the end
    /// (<c>search_suggestions_refresh</c>), and the tests compare the two.</item>
    /// </list>
    /// </summary>
    public partial class SearchSuggestionsKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                ALTER TABLE posting_search_places ADD COLUMN place_name text;

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
                       s.salary_yearly,
                       -- The place as suggestions name it: "Chicago, IL" in the US, "Bucharest, Romania" elsewhere.
                       CASE WHEN l.country_code = 'US' AND l.region_code IS NOT NULL THEN l.city || ', ' || l.region_code
                            ELSE l.city || ', ' || coalesce(l.country_name, l.country_code) END AS place_name
                FROM posting_search s
                JOIN job_postings p ON p.id = s.posting_id
                LEFT JOIN posting_locations l ON l.posting_id = s.posting_id;

                -- Existing rows, set-based (before the triggers exist).
                UPDATE posting_search_places p SET place_name = v.place_name
                FROM posting_search_places_source v
                WHERE v.posting_id = p.posting_id AND v.position = p.position AND v.place_name IS NOT NULL;

                DROP FUNCTION search_suggestions_refresh();
                DROP TABLE search_suggestions;

                -- The small dictionary typo-tolerant suggestions search: titles ('t') and places ('p') of published
                -- postings, a row each, with the closing dates of their postings (ascending, infinity for none) and how
                -- many close on each, so that a search reads the ones still open on its day.
                CREATE TABLE search_suggestions (
                    kind char(1) NOT NULL,
                    term text NOT NULL,
                    open_until date[] NOT NULL,
                    postings integer[] NOT NULL,
                    PRIMARY KEY (kind, term)
                );
                -- Without a pending list, so that searches and saves never read through one: new terms are rare.
                CREATE INDEX ix_search_suggestions_term ON search_suggestions USING gin (term gin_trgm_ops) WITH (fastupdate = off);

                CREATE VIEW search_suggestions_source AS
                SELECT kind, term, array_agg(open_until ORDER BY open_until) AS open_until, array_agg(postings ORDER BY open_until) AS postings
                FROM (
                    SELECT 't'::char(1) AS kind, title AS term, coalesce(valid_through, 'infinity') AS open_until, count(*)::int AS postings
                    FROM posting_search_places WHERE position = 0
                    GROUP BY 1, 2, 3
                    UNION ALL
                    SELECT 'p'::char(1), place_name, coalesce(valid_through, 'infinity'), count(DISTINCT posting_id)::int
                    FROM posting_search_places WHERE place_name IS NOT NULL
                    GROUP BY 1, 2, 3) counted
                GROUP BY kind, term;

                -- Everything again from the place rows. The lock waits for writers that have counted rows and keeps new
                -- ones out until this commits, so that no posting is counted twice or missed.
                CREATE FUNCTION search_suggestions_refresh() RETURNS void LANGUAGE sql AS $$
                    LOCK TABLE search_suggestions IN SHARE ROW EXCLUSIVE MODE;
                    DELETE FROM search_suggestions;
                    INSERT INTO search_suggestions SELECT * FROM search_suggestions_source;
                $$;

                -- What some place rows count, by closing date, as search_suggestions_source counts all of them. A
                -- posting's rows come and go together, so counting its distinct places among the changed rows is exact.
                CREATE FUNCTION search_suggestion_counts(changed posting_search_places[])
                RETURNS TABLE (kind char(1), term text, open_until date, postings integer) LANGUAGE sql IMMUTABLE AS $$
                    SELECT 't'::char(1), title, coalesce(valid_through, 'infinity'), count(*)::int
                    FROM unnest(changed) WHERE position = 0
                    GROUP BY 1, 2, 3
                    UNION ALL
                    SELECT 'p'::char(1), place_name, coalesce(valid_through, 'infinity'), count(DISTINCT posting_id)::int
                    FROM unnest(changed) WHERE place_name IS NOT NULL
                    GROUP BY 1, 2, 3;
                $$;

                -- Counts place rows in (direction 1) or out (-1): each term's counts by date are merged under its row's
                -- lock, so that concurrent saves add up; a date whose count reaches zero goes, and a term with none
                -- left. Terms are written in order, so that two saves never wait for each other crosswise. Terms are
                -- found by the primary key: the planner would otherwise take the trigram index for term equality.
                -- PL/pgSQL keeps the statements' plans for the session; a SQL function would plan them on every save.
                CREATE FUNCTION search_suggestions_add(changed posting_search_places[], direction integer) RETURNS void
                LANGUAGE plpgsql SET enable_bitmapscan = off AS $$
                BEGIN
                    INSERT INTO search_suggestions AS s (kind, term, open_until, postings)
                    SELECT c.kind, c.term, array_agg(c.open_until ORDER BY c.open_until), array_agg(direction * c.postings ORDER BY c.open_until)
                    FROM search_suggestion_counts(changed) c
                    GROUP BY c.kind, c.term
                    ORDER BY c.kind, c.term
                    ON CONFLICT (kind, term) DO UPDATE SET (open_until, postings) = (
                        SELECT coalesce(array_agg(d ORDER BY d), '{}'), coalesce(array_agg(n ORDER BY d), '{}')
                        FROM (SELECT d, sum(n)::int AS n
                              FROM unnest(s.open_until || excluded.open_until, s.postings || excluded.postings) AS u(d, n)
                              GROUP BY d HAVING sum(n) > 0) merged);
                    IF direction < 0 THEN
                        DELETE FROM search_suggestions s USING (SELECT DISTINCT c.kind, c.term FROM search_suggestion_counts(changed) c) c
                        WHERE s.kind = c.kind AND s.term = c.term AND NOT (cardinality(s.postings) > 0 AND 0 < ALL (s.postings));
                    END IF;
                END
                $$;

                CREATE FUNCTION search_suggestions_count() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- The bulk loader writes place rows by the thousand and rebuilds the suggestions once, at the end.
                    IF current_setting('jobboard.bulk_load', true) = 'on' THEN
                        RETURN NULL;
                    END IF;
                    IF TG_OP IN ('DELETE', 'UPDATE') THEN
                        PERFORM search_suggestions_add(array(SELECT o::posting_search_places FROM old_rows o), -1);
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        PERFORM search_suggestions_add(array(SELECT n::posting_search_places FROM new_rows n), 1);
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER search_suggestions_on_insert AFTER INSERT ON posting_search_places
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_suggestions_count();
                CREATE TRIGGER search_suggestions_on_delete AFTER DELETE ON posting_search_places
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_suggestions_count();
                CREATE TRIGGER search_suggestions_on_update AFTER UPDATE ON posting_search_places
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_suggestions_count();

                SELECT search_suggestions_refresh();
                ANALYZE search_suggestions;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                DROP TRIGGER search_suggestions_on_insert ON posting_search_places;
                DROP TRIGGER search_suggestions_on_delete ON posting_search_places;
                DROP TRIGGER search_suggestions_on_update ON posting_search_places;
                DROP FUNCTION search_suggestions_count();
                DROP FUNCTION search_suggestions_add(posting_search_places[], integer);
                DROP FUNCTION search_suggestion_counts(posting_search_places[]);
                DROP FUNCTION search_suggestions_refresh();
                DROP VIEW search_suggestions_source;
                DROP TABLE search_suggestions;

                DROP VIEW posting_search_places_source;
                ALTER TABLE posting_search_places DROP COLUMN place_name;
                {{SearchPlaceCells.PlacesSourceView}}

                CREATE TABLE search_suggestions (
                    kind char(1) NOT NULL,
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
                SELECT search_suggestions_refresh();
                """);
        }
    }
}
