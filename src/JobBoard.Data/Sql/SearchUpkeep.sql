-- How the database keeps the derived rows (DerivedTables.sql) equal to what the views of SearchSources.sql compute,
-- in the transaction that changes a posting, whoever writes it: the app, an import, raw SQL, psql. Statement triggers
-- on what the views read note the postings a transaction changes in posting_search_stale; at commit a deferred trigger
-- refreshes them all at once, so a save of a posting with its places, categories and skills (several statements) and
-- an UPDATE of many postings each refresh once. A failing refresh fails the commit. The bulk loader, which writes the
-- derived rows itself, switches all of this off for its connections (jobboard.bulk_load = 'on').

-- Brings the derived rows of these postings up to date: published ones are (re)written, others removed.
CREATE FUNCTION posting_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
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

-- Notes postings as changed by this transaction. The first note also queues the transaction's one refresh: a row for
-- posting 0 (never a posting's id), the only row the deferred trigger below fires for.
CREATE FUNCTION posting_search_mark_stale(posting_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    marked integer;
BEGIN
    INSERT INTO posting_search_stale (posting_id) SELECT DISTINCT id FROM unnest(posting_ids) AS id ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS marked = ROW_COUNT;
    IF marked > 0 THEN
        INSERT INTO posting_search_stale (posting_id) VALUES (0) ON CONFLICT DO NOTHING;
    END IF;
END
$$;

-- For job_postings (its id) and the rows of a posting the views read (their posting_id). Transition tables are named
-- alike on every table; an UPDATE notes both sides, in case a row moved to another posting.
CREATE FUNCTION posting_search_on_postings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('jobboard.bulk_load', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'job_postings' THEN
        CASE TG_OP
            WHEN 'INSERT' THEN PERFORM posting_search_mark_stale(array(SELECT id FROM new_rows));
            WHEN 'DELETE' THEN PERFORM posting_search_mark_stale(array(SELECT id FROM old_rows));
            ELSE PERFORM posting_search_mark_stale(array(SELECT id FROM new_rows UNION SELECT id FROM old_rows));
        END CASE;
    ELSE
        CASE TG_OP
            WHEN 'INSERT' THEN PERFORM posting_search_mark_stale(array(SELECT posting_id FROM new_rows));
            WHEN 'DELETE' THEN PERFORM posting_search_mark_stale(array(SELECT posting_id FROM old_rows));
            ELSE PERFORM posting_search_mark_stale(array(SELECT posting_id FROM new_rows UNION SELECT posting_id FROM old_rows));
        END CASE;
    END IF;
    RETURN NULL;
END
$$;

-- For a renamed company, category or skill: the postings that carry its name in their search document. Other columns
-- of these tables reach no derived row. (Deleting one that postings name is refused by the foreign keys.)
CREATE FUNCTION posting_search_on_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('jobboard.bulk_load', true) = 'on' THEN
        RETURN NULL;
    END IF;
    CASE TG_TABLE_NAME
        WHEN 'companies' THEN PERFORM posting_search_mark_stale(array(
            SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN job_postings p ON p.company_id = n.id
            WHERE n.name IS DISTINCT FROM o.name));
        WHEN 'categories' THEN PERFORM posting_search_mark_stale(array(
            SELECT pc.posting_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN posting_categories pc ON pc.category_id = n.id
            WHERE n.name IS DISTINCT FROM o.name));
        WHEN 'skills' THEN PERFORM posting_search_mark_stale(array(
            SELECT ps.posting_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN posting_skills ps ON ps.skill_id = n.id
            WHERE n.name IS DISTINCT FROM o.name));
    END CASE;
    RETURN NULL;
END
$$;

-- At commit (or SET CONSTRAINTS ... IMMEDIATE): takes this transaction's noted postings and refreshes them.
CREATE FUNCTION posting_search_refresh_stale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids integer[];
BEGIN
    WITH drained AS (DELETE FROM posting_search_stale WHERE transaction_id = pg_current_xact_id() RETURNING posting_id)
    SELECT array_agg(posting_id ORDER BY posting_id) INTO ids FROM drained WHERE posting_id <> 0;
    IF ids IS NOT NULL THEN
        PERFORM posting_search_refresh(ids);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER posting_search_refresh_at_commit AFTER INSERT ON posting_search_stale
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.posting_id = 0) EXECUTE FUNCTION posting_search_refresh_stale();

-- Transition tables allow one event per trigger, hence three triggers a table.
CREATE TRIGGER posting_search_on_insert AFTER INSERT ON job_postings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();
CREATE TRIGGER posting_search_on_update AFTER UPDATE ON job_postings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();
CREATE TRIGGER posting_search_on_delete AFTER DELETE ON job_postings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();

CREATE TRIGGER posting_search_on_insert AFTER INSERT ON posting_locations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();
CREATE TRIGGER posting_search_on_update AFTER UPDATE ON posting_locations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();
CREATE TRIGGER posting_search_on_delete AFTER DELETE ON posting_locations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();

CREATE TRIGGER posting_search_on_insert AFTER INSERT ON posting_categories
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();
CREATE TRIGGER posting_search_on_update AFTER UPDATE ON posting_categories
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();
CREATE TRIGGER posting_search_on_delete AFTER DELETE ON posting_categories
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();

CREATE TRIGGER posting_search_on_insert AFTER INSERT ON posting_skills
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();
CREATE TRIGGER posting_search_on_update AFTER UPDATE ON posting_skills
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();
CREATE TRIGGER posting_search_on_delete AFTER DELETE ON posting_skills
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_changed();

CREATE TRIGGER posting_search_on_rename AFTER UPDATE ON companies
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_names_changed();
CREATE TRIGGER posting_search_on_rename AFTER UPDATE ON categories
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_names_changed();
CREATE TRIGGER posting_search_on_rename AFTER UPDATE ON skills
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_names_changed();

-- TRUNCATE fires no DELETE trigger: emptying the postings empties what is derived from them. DELETE, not TRUNCATE,
-- because the statement that fired this may be truncating these tables too and still holds them; deleting the place
-- rows takes their suggestions with them through the triggers below.
CREATE FUNCTION posting_search_on_postings_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('jobboard.bulk_load', true) = 'on' THEN
        RETURN NULL;
    END IF;
    DELETE FROM posting_category_lists;
    DELETE FROM posting_category_places;
    DELETE FROM posting_search_places;
    DELETE FROM posting_search;
    RETURN NULL;
END
$$;

CREATE TRIGGER posting_search_on_truncate AFTER TRUNCATE ON job_postings
    FOR EACH STATEMENT EXECUTE FUNCTION posting_search_on_postings_truncated();

-- Suggestions (search_suggestions) are counted from the place rows as they come and go, so that a title stops being
-- suggested on the day its last posting closes with no job to run.

-- Everything again from the place rows. The lock waits for writers that have counted rows and keeps new ones out
-- until this commits, so that no posting is counted twice or missed.
CREATE FUNCTION search_suggestions_refresh() RETURNS void LANGUAGE sql AS $$
    LOCK TABLE search_suggestions IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM search_suggestions;
    INSERT INTO search_suggestions SELECT * FROM search_suggestions_source;
$$;

-- What some place rows count, by closing date, as search_suggestions_source counts all of them. A posting's rows come
-- and go together, so counting its distinct places among the changed rows is exact.
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

-- Counts place rows in (direction 1) or out (-1): each term's counts by date are merged under its row's lock, so that
-- concurrent saves add up; a date whose count reaches zero goes, and a term with none left. Terms are written in
-- order, so that two saves never wait for each other crosswise. Terms are found by the primary key: the planner would
-- otherwise take the trigram index for term equality. PL/pgSQL keeps the statements' plans for the session; a SQL
-- function would plan them on every save.
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
