-- How a posting becomes its derived rows: one view per table of DerivedTables.sql, which posting_search_refresh and a
-- rebuild read, and which the bulk loader's rows are tested against column by column. When this file changes, the
-- derived rows are rebuilt (SchemaDefinitions), since rows made by the old views would differ from the new ones.

-- English stemming with accents folded first, so "Iași" finds "Iasi" and "nurse" finds "Nursing".
CREATE TEXT SEARCH CONFIGURATION jobboard (COPY = english);
ALTER TEXT SEARCH CONFIGURATION jobboard
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- The grid cells of a point: 0.25° (about 28 km) for radii up to ~150 km, 2° beyond.
CREATE FUNCTION search_cell_keys(latitude float8, longitude float8) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY[
        200000000 + least(719, greatest(0, floor((latitude + 90) * 4)::int)) * 1440 + floor((longitude + 180) * 4)::int % 1440,
        300000000 + least(89, greatest(0, floor((latitude + 90) / 2)::int)) * 180 + floor((longitude + 180) / 2)::int % 180]
$$;

-- The keyed values of each published posting, before they are numbered in search_keys.
CREATE VIEW search_key_values AS
SELECT p.id AS posting_id, 'mode' AS kind, p.work_mode AS value FROM job_postings p WHERE p.status = 'Published'
UNION ALL SELECT p.id, 'type', p.employment_type FROM job_postings p WHERE p.status = 'Published' AND p.employment_type IS NOT NULL
UNION ALL SELECT p.id, 'level', p.seniority FROM job_postings p WHERE p.status = 'Published' AND p.seniority IS NOT NULL
UNION ALL SELECT p.id, 'visa', 'true' FROM job_postings p WHERE p.status = 'Published' AND p.visa_sponsorship
UNION ALL SELECT l.posting_id, 'country', l.country_code FROM posting_locations l
UNION ALL SELECT l.posting_id, 'region', l.country_code || ':' || l.region FROM posting_locations l WHERE l.region IS NOT NULL
UNION ALL SELECT p.id, 'remote', c FROM job_postings p, unnest(p.applicant_countries) c WHERE p.status = 'Published' AND p.work_mode = 'Remote';

-- A published posting's search row. Weights: title A; company, categories and skills B; summary and requirements C;
-- everything else D. Names are joined in the ad's order, so that one posting always gets the same document.
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
           AS document,
       coalesce(skills.skill_ids, '{}') AS skill_ids,
       p.applicant_countries,
       ARRAY(SELECT key FROM (
           SELECT k.id AS key FROM search_key_values v JOIN search_keys k ON k.kind = v.kind AND k.value = v.value WHERE v.posting_id = p.id
           UNION SELECT 100000000 + c FROM unnest(tags.category_ids) c
           UNION SELECT unnest(places.cells)) keys ORDER BY key) AS filter_keys,
       coalesce(places.latitudes, '{}') AS latitudes,
       coalesce(places.longitudes, '{}') AS longitudes,
       places.latitudes[1] AS latitude,
       places.longitudes[1] AS longitude
FROM job_postings p
JOIN companies c ON c.id = p.company_id
LEFT JOIN LATERAL (
    SELECT array_agg(pc.category_id ORDER BY pc.position) AS category_ids, string_agg(cat.name, ' ' ORDER BY pc.position) AS category_names
    FROM posting_categories pc JOIN categories cat ON cat.id = pc.category_id
    WHERE pc.posting_id = p.id) tags ON true
LEFT JOIN LATERAL (
    SELECT string_agg(s.name, ' ' ORDER BY ps.position) AS skill_names, array_agg(s.id ORDER BY ps.position) AS skill_ids
    FROM posting_skills ps JOIN skills s ON s.id = ps.skill_id
    WHERE ps.posting_id = p.id) skills ON true
LEFT JOIN LATERAL (
    SELECT array_agg(l.latitude ORDER BY l.position) AS latitudes, array_agg(l.longitude ORDER BY l.position) AS longitudes,
           array_agg(search_cell_keys(l.latitude, l.longitude)) AS cells
    FROM posting_locations l
    WHERE l.posting_id = p.id) places ON true
WHERE p.status = 'Published';

-- A published posting's place rows, from its search row. The earth point is computed inline, as ll_to_earth does:
-- that function cannot be inlined (its result is a domain), so it would run as a query of its own for every place.
CREATE VIEW posting_search_places_source AS
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

CREATE VIEW posting_category_places_source AS
SELECT p.posting_id, p.position, c.category_id, p.earth, p.valid_through
FROM posting_search_places p, unnest(p.category_ids) AS c(category_id)
WHERE p.earth IS NOT NULL;

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

-- The suggestions counted over every place row: what the triggers of SearchUpkeep.sql keep search_suggestions equal to.
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
