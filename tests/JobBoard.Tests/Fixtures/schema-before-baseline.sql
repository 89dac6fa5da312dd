-- The schema the eleven migrations before the baseline made (pg_dump --schema-only, owners left out), for
-- SchemaDefinitionsTests: a developer's database of before the squash.
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: btree_gist; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;


--
-- Name: EXTENSION btree_gist; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';


--
-- Name: cube; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public;


--
-- Name: EXTENSION cube; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION cube IS 'data type for multidimensional cubes';


--
-- Name: earthdistance; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS earthdistance WITH SCHEMA public;


--
-- Name: EXTENSION earthdistance; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION earthdistance IS 'calculate great-circle distances on the surface of the Earth';


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: unaccent; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;


--
-- Name: EXTENSION unaccent; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION unaccent IS 'text search dictionary that removes accents';


--
-- Name: posting_search_refresh(integer[]); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.posting_search_refresh(ids integer[]) RETURNS void
    LANGUAGE sql
    AS $$
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



--
-- Name: search_cell_keys(double precision, double precision); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.search_cell_keys(latitude double precision, longitude double precision) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT ARRAY[
        200000000 + least(719, greatest(0, floor((latitude + 90) * 4)::int)) * 1440 + floor((longitude + 180) * 4)::int % 1440,
        300000000 + least(89, greatest(0, floor((latitude + 90) / 2)::int)) * 180 + floor((longitude + 180) / 2)::int % 180]
$$;



SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: posting_search_places; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.posting_search_places (
    posting_id integer NOT NULL,
    "position" smallint NOT NULL,
    earth public.earth,
    city character varying(200),
    country_code character varying(2),
    region character varying(200),
    date_posted date NOT NULL,
    valid_through date,
    category_ids integer[] NOT NULL,
    title character varying(200) DEFAULT ''::character varying NOT NULL,
    work_mode character varying(20) DEFAULT 'OnSite'::character varying NOT NULL,
    applicant_countries text[] DEFAULT '{}'::text[] NOT NULL,
    skill_ids integer[] DEFAULT '{}'::integer[] NOT NULL,
    latitude double precision,
    longitude double precision,
    cell integer,
    employment_type character varying(20),
    seniority character varying(20),
    visa_sponsorship boolean,
    salary_currency character varying(3),
    salary_yearly numeric(16,2),
    place_name text
)
WITH (fillfactor='90');



--
-- Name: search_suggestion_counts(public.posting_search_places[]); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.search_suggestion_counts(changed public.posting_search_places[]) RETURNS TABLE(kind character, term text, open_until date, postings integer)
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT 't'::char(1), title, coalesce(valid_through, 'infinity'), count(*)::int
    FROM unnest(changed) WHERE position = 0
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT 'p'::char(1), place_name, coalesce(valid_through, 'infinity'), count(DISTINCT posting_id)::int
    FROM unnest(changed) WHERE place_name IS NOT NULL
    GROUP BY 1, 2, 3;
$$;



--
-- Name: search_suggestions_add(public.posting_search_places[], integer); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.search_suggestions_add(changed public.posting_search_places[], direction integer) RETURNS void
    LANGUAGE plpgsql
    SET enable_bitmapscan TO 'off'
    AS $$
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



--
-- Name: search_suggestions_count(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.search_suggestions_count() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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



--
-- Name: search_suggestions_refresh(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.search_suggestions_refresh() RETURNS void
    LANGUAGE sql
    AS $$
    LOCK TABLE search_suggestions IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM search_suggestions;
    INSERT INTO search_suggestions SELECT * FROM search_suggestions_source;
$$;



--
-- Name: jobboard; Type: TEXT SEARCH CONFIGURATION; Schema: public; Owner: postgres
--

CREATE TEXT SEARCH CONFIGURATION public.jobboard (
    PARSER = pg_catalog."default" );

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR asciiword WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR word WITH public.unaccent, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR numword WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR email WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR url WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR host WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR sfloat WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR version WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR hword_numpart WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR hword_part WITH public.unaccent, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR hword_asciipart WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR numhword WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR asciihword WITH english_stem;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR hword WITH public.unaccent, english_stem;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR url_path WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR file WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR "float" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR "int" WITH simple;

ALTER TEXT SEARCH CONFIGURATION public.jobboard
    ADD MAPPING FOR uint WITH simple;



--
-- Name: __EFMigrationsHistory; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."__EFMigrationsHistory" (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL
);



--
-- Name: bulk_load_deferred; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.bulk_load_deferred (
    name text NOT NULL,
    statement text NOT NULL,
    method text NOT NULL
);



--
-- Name: categories; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.categories (
    id integer NOT NULL,
    name character varying(100) NOT NULL,
    slug character varying(100) NOT NULL
);



--
-- Name: categories_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.categories ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.categories_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: companies; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.companies (
    id integer NOT NULL,
    name character varying(200) NOT NULL,
    slug character varying(100) NOT NULL,
    about text,
    website character varying(500),
    logo_url character varying(500),
    employee_count integer,
    industry character varying(200),
    headquarters character varying(200)
);



--
-- Name: companies_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.companies ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.companies_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: company_sections; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.company_sections (
    id integer NOT NULL,
    key character varying(100) NOT NULL,
    heading character varying(500) NOT NULL,
    body text NOT NULL,
    company_id integer NOT NULL
);



--
-- Name: company_sections_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.company_sections ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.company_sections_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: job_postings; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.job_postings (
    id integer NOT NULL,
    company_id integer NOT NULL,
    title character varying(200) NOT NULL,
    slug character varying(100) NOT NULL,
    summary text,
    core_responsibilities text,
    requisition_reference character varying(500),
    apply_url character varying(500),
    apply_email character varying(500),
    responsibilities text[] NOT NULL,
    salary_currency character varying(3),
    salary_min numeric(14,2),
    salary_max numeric(14,2),
    salary_period character varying(10),
    salary_cash_incentive boolean,
    salary_equity_eligible boolean,
    benefits text,
    work_mode character varying(20) NOT NULL,
    relocation_support boolean,
    visa_sponsorship boolean,
    employment_type character varying(20),
    experience_years_min integer,
    experience_years_max integer,
    seniority character varying(20),
    hours_per_week numeric(5,2),
    working_language character varying(500),
    applicant_countries text[] NOT NULL,
    date_posted date,
    valid_through date,
    status character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    requirements jsonb,
    sections jsonb
);
ALTER TABLE ONLY public.job_postings ALTER COLUMN summary SET COMPRESSION lz4;
ALTER TABLE ONLY public.job_postings ALTER COLUMN core_responsibilities SET COMPRESSION lz4;
ALTER TABLE ONLY public.job_postings ALTER COLUMN responsibilities SET COMPRESSION lz4;
ALTER TABLE ONLY public.job_postings ALTER COLUMN benefits SET COMPRESSION lz4;
ALTER TABLE ONLY public.job_postings ALTER COLUMN requirements SET COMPRESSION lz4;
ALTER TABLE ONLY public.job_postings ALTER COLUMN sections SET COMPRESSION lz4;



--
-- Name: job_postings_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.job_postings ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.job_postings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: posting_categories; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.posting_categories (
    posting_id integer NOT NULL,
    category_id integer NOT NULL,
    "position" integer NOT NULL
);



--
-- Name: posting_category_lists; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.posting_category_lists (
    posting_id integer NOT NULL,
    remote_key integer NOT NULL,
    category_id integer NOT NULL,
    date_posted date NOT NULL,
    valid_through date
);



--
-- Name: posting_search; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.posting_search (
    posting_id integer NOT NULL,
    company_id integer NOT NULL,
    date_posted date NOT NULL,
    valid_through date,
    work_mode character varying(20) NOT NULL,
    employment_type character varying(20),
    seniority character varying(20),
    visa_sponsorship boolean,
    salary_currency character varying(3),
    salary_yearly numeric(16,2),
    category_ids integer[] NOT NULL,
    document tsvector NOT NULL,
    skill_ids integer[] DEFAULT '{}'::integer[] NOT NULL,
    applicant_countries text[] DEFAULT '{}'::text[] NOT NULL,
    filter_keys integer[] DEFAULT '{}'::integer[] NOT NULL,
    latitudes double precision[] DEFAULT '{}'::double precision[] NOT NULL,
    longitudes double precision[] DEFAULT '{}'::double precision[] NOT NULL
)
WITH (toast_tuple_target='128', fillfactor='90');



--
-- Name: search_keys; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.search_keys (
    id integer NOT NULL,
    kind character varying(10) NOT NULL,
    value character varying(220) NOT NULL
);



--
-- Name: posting_category_lists_source; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.posting_category_lists_source AS
 SELECT s.posting_id,
    0 AS remote_key,
    c.category_id,
    s.date_posted,
    s.valid_through
   FROM public.posting_search s,
    LATERAL unnest(s.category_ids) c(category_id)
UNION ALL
 SELECT s.posting_id,
    k.id AS remote_key,
    c.category_id,
    s.date_posted,
    s.valid_through
   FROM (((public.posting_search s
     CROSS JOIN LATERAL unnest(s.category_ids) c(category_id))
     CROSS JOIN LATERAL unnest(s.applicant_countries) a(country))
     JOIN public.search_keys k ON ((((k.kind)::text = 'remote'::text) AND ((k.value)::text = a.country))))
  WHERE ((s.work_mode)::text = 'Remote'::text);



--
-- Name: posting_category_places; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.posting_category_places (
    posting_id integer NOT NULL,
    "position" smallint NOT NULL,
    category_id integer NOT NULL,
    earth public.earth NOT NULL,
    valid_through date
);



--
-- Name: posting_category_places_source; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.posting_category_places_source AS
 SELECT p.posting_id,
    p."position",
    c.category_id,
    p.earth,
    p.valid_through
   FROM public.posting_search_places p,
    LATERAL unnest(p.category_ids) c(category_id)
  WHERE (p.earth IS NOT NULL);



--
-- Name: posting_locations; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.posting_locations (
    id integer NOT NULL,
    posting_id integer NOT NULL,
    "position" integer NOT NULL,
    city character varying(200) NOT NULL,
    region character varying(200),
    region_code character varying(20),
    country_code character varying(2) NOT NULL,
    country_name character varying(100),
    latitude double precision NOT NULL,
    longitude double precision NOT NULL
);



--
-- Name: posting_locations_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.posting_locations ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.posting_locations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: posting_search_places_source; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.posting_search_places_source AS
 SELECT s.posting_id,
    ((row_number() OVER (PARTITION BY s.posting_id ORDER BY l."position") - 1))::smallint AS "position",
        CASE
            WHEN (l.posting_id IS NOT NULL) THEN ((public.cube(public.cube(public.cube(((public.earth() * cos(radians(l.latitude))) * cos(radians(l.longitude)))), ((public.earth() * cos(radians(l.latitude))) * sin(radians(l.longitude)))), (public.earth() * sin(radians(l.latitude)))))::public.earth)::public.cube
            ELSE NULL::public.cube
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
    (public.search_cell_keys(l.latitude, l.longitude))[1] AS cell,
    s.employment_type,
    s.seniority,
    s.visa_sponsorship,
    s.salary_currency,
    s.salary_yearly,
        CASE
            WHEN (((l.country_code)::text = 'US'::text) AND (l.region_code IS NOT NULL)) THEN (((l.city)::text || ', '::text) || (l.region_code)::text)
            ELSE (((l.city)::text || ', '::text) || (COALESCE(l.country_name, l.country_code))::text)
        END AS place_name
   FROM ((public.posting_search s
     JOIN public.job_postings p ON ((p.id = s.posting_id)))
     LEFT JOIN public.posting_locations l ON ((l.posting_id = s.posting_id)));



--
-- Name: posting_skills; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.posting_skills (
    posting_id integer NOT NULL,
    skill_id integer NOT NULL,
    "position" integer NOT NULL
);



--
-- Name: search_key_values; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.search_key_values AS
 SELECT p.id AS posting_id,
    'mode'::text AS kind,
    p.work_mode AS value
   FROM public.job_postings p
  WHERE ((p.status)::text = 'Published'::text)
UNION ALL
 SELECT p.id AS posting_id,
    'type'::text AS kind,
    p.employment_type AS value
   FROM public.job_postings p
  WHERE (((p.status)::text = 'Published'::text) AND (p.employment_type IS NOT NULL))
UNION ALL
 SELECT p.id AS posting_id,
    'level'::text AS kind,
    p.seniority AS value
   FROM public.job_postings p
  WHERE (((p.status)::text = 'Published'::text) AND (p.seniority IS NOT NULL))
UNION ALL
 SELECT p.id AS posting_id,
    'visa'::text AS kind,
    'true'::character varying AS value
   FROM public.job_postings p
  WHERE (((p.status)::text = 'Published'::text) AND p.visa_sponsorship)
UNION ALL
 SELECT l.posting_id,
    'country'::text AS kind,
    l.country_code AS value
   FROM public.posting_locations l
UNION ALL
 SELECT l.posting_id,
    'region'::text AS kind,
    (((l.country_code)::text || ':'::text) || (l.region)::text) AS value
   FROM public.posting_locations l
  WHERE (l.region IS NOT NULL)
UNION ALL
 SELECT p.id AS posting_id,
    'remote'::text AS kind,
    c.c AS value
   FROM public.job_postings p,
    LATERAL unnest(p.applicant_countries) c(c)
  WHERE (((p.status)::text = 'Published'::text) AND ((p.work_mode)::text = 'Remote'::text));



--
-- Name: skills; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.skills (
    id integer NOT NULL,
    name character varying(100) NOT NULL,
    slug character varying(100) NOT NULL
);



--
-- Name: posting_search_source; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.posting_search_source AS
 SELECT p.id AS posting_id,
    p.company_id,
    COALESCE(p.date_posted, (p.created_at)::date) AS date_posted,
    p.valid_through,
    p.work_mode,
    p.employment_type,
    p.seniority,
    p.visa_sponsorship,
    p.salary_currency,
    (COALESCE(p.salary_max, p.salary_min) * (
        CASE p.salary_period
            WHEN 'Hour'::text THEN 2080
            WHEN 'Day'::text THEN 260
            WHEN 'Week'::text THEN 52
            WHEN 'Month'::text THEN 12
            ELSE 1
        END)::numeric) AS salary_yearly,
    COALESCE(tags.category_ids, '{}'::integer[]) AS category_ids,
    (((setweight(to_tsvector('public.jobboard'::regconfig, (p.title)::text), 'A'::"char") || setweight(to_tsvector('public.jobboard'::regconfig, concat_ws(' '::text, c.name, tags.category_names, skills.skill_names)), 'B'::"char")) || setweight((to_tsvector('public.jobboard'::regconfig, COALESCE(p.summary, ''::text)) || jsonb_to_tsvector('public.jobboard'::regconfig, COALESCE(jsonb_path_query_array(p.requirements, '$[*]."Text"'::jsonpath), '[]'::jsonb), '["string"]'::jsonb)), 'C'::"char")) || setweight((to_tsvector('public.jobboard'::regconfig, concat_ws(' '::text, p.core_responsibilities, array_to_string(p.responsibilities, ' '::text), p.benefits)) || jsonb_to_tsvector('public.jobboard'::regconfig, COALESCE(jsonb_path_query_array(p.sections, '$[*]."Body"'::jsonpath), '[]'::jsonb), '["string"]'::jsonb)), 'D'::"char")) AS document,
    COALESCE(skills.skill_ids, '{}'::integer[]) AS skill_ids,
    p.applicant_countries,
    ARRAY( SELECT keys.key
           FROM ( SELECT k.id AS key
                   FROM (public.search_key_values v
                     JOIN public.search_keys k ON ((((k.kind)::text = v.kind) AND ((k.value)::text = (v.value)::text))))
                  WHERE (v.posting_id = p.id)
                UNION
                 SELECT (100000000 + c_1.c)
                   FROM unnest(tags.category_ids) c_1(c)
                UNION
                 SELECT unnest(places.cells) AS unnest) keys
          ORDER BY keys.key) AS filter_keys,
    COALESCE(places.latitudes, '{}'::double precision[]) AS latitudes,
    COALESCE(places.longitudes, '{}'::double precision[]) AS longitudes
   FROM ((((public.job_postings p
     JOIN public.companies c ON ((c.id = p.company_id)))
     LEFT JOIN LATERAL ( SELECT array_agg(pc.category_id ORDER BY pc."position") AS category_ids,
            string_agg((cat.name)::text, ' '::text ORDER BY pc."position") AS category_names
           FROM (public.posting_categories pc
             JOIN public.categories cat ON ((cat.id = pc.category_id)))
          WHERE (pc.posting_id = p.id)) tags ON (true))
     LEFT JOIN LATERAL ( SELECT string_agg((s.name)::text, ' '::text ORDER BY ps."position") AS skill_names,
            array_agg(s.id ORDER BY ps."position") AS skill_ids
           FROM (public.posting_skills ps
             JOIN public.skills s ON ((s.id = ps.skill_id)))
          WHERE (ps.posting_id = p.id)) skills ON (true))
     LEFT JOIN LATERAL ( SELECT array_agg(l.latitude ORDER BY l."position") AS latitudes,
            array_agg(l.longitude ORDER BY l."position") AS longitudes,
            array_agg(public.search_cell_keys(l.latitude, l.longitude)) AS cells
           FROM public.posting_locations l
          WHERE (l.posting_id = p.id)) places ON (true))
  WHERE ((p.status)::text = 'Published'::text);



--
-- Name: posting_status_changes; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.posting_status_changes (
    id bigint NOT NULL,
    posting_id integer NOT NULL,
    at timestamp with time zone NOT NULL,
    from_status character varying(20),
    to_status character varying(20) NOT NULL,
    actor character varying(200) NOT NULL,
    reason character varying(2000)
);



--
-- Name: posting_status_changes_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.posting_status_changes ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.posting_status_changes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: search_keys_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.search_keys_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;



--
-- Name: search_keys_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.search_keys_id_seq OWNED BY public.search_keys.id;


--
-- Name: search_suggestions; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.search_suggestions (
    kind character(1) NOT NULL,
    term text NOT NULL,
    open_until date[] NOT NULL,
    postings integer[] NOT NULL
);



--
-- Name: search_suggestions_source; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.search_suggestions_source AS
 SELECT counted.kind,
    counted.term,
    array_agg(counted.open_until ORDER BY counted.open_until) AS open_until,
    array_agg(counted.postings ORDER BY counted.open_until) AS postings
   FROM ( SELECT 't'::character(1) AS kind,
            posting_search_places.title AS term,
            COALESCE(posting_search_places.valid_through, 'infinity'::date) AS open_until,
            (count(*))::integer AS postings
           FROM public.posting_search_places
          WHERE (posting_search_places."position" = 0)
          GROUP BY ('t'::character(1)), posting_search_places.title, COALESCE(posting_search_places.valid_through, 'infinity'::date)
        UNION ALL
         SELECT 'p'::character(1) AS bpchar,
            posting_search_places.place_name,
            COALESCE(posting_search_places.valid_through, 'infinity'::date) AS "coalesce",
            (count(DISTINCT posting_search_places.posting_id))::integer AS count
           FROM public.posting_search_places
          WHERE (posting_search_places.place_name IS NOT NULL)
          GROUP BY ('p'::character(1)), posting_search_places.place_name, COALESCE(posting_search_places.valid_through, 'infinity'::date)) counted
  GROUP BY counted.kind, counted.term;



--
-- Name: skills_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.skills ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.skills_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: search_keys id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.search_keys ALTER COLUMN id SET DEFAULT nextval('public.search_keys_id_seq'::regclass);


--
-- Name: bulk_load_deferred bulk_load_deferred_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.bulk_load_deferred
    ADD CONSTRAINT bulk_load_deferred_pkey PRIMARY KEY (name);


--
-- Name: __EFMigrationsHistory pk___ef_migrations_history; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."__EFMigrationsHistory"
    ADD CONSTRAINT pk___ef_migrations_history PRIMARY KEY (migration_id);


--
-- Name: categories pk_categories; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.categories
    ADD CONSTRAINT pk_categories PRIMARY KEY (id);


--
-- Name: companies pk_companies; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.companies
    ADD CONSTRAINT pk_companies PRIMARY KEY (id);


--
-- Name: company_sections pk_company_sections; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.company_sections
    ADD CONSTRAINT pk_company_sections PRIMARY KEY (id);


--
-- Name: job_postings pk_job_postings; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.job_postings
    ADD CONSTRAINT pk_job_postings PRIMARY KEY (id);


--
-- Name: posting_categories pk_posting_categories; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_categories
    ADD CONSTRAINT pk_posting_categories PRIMARY KEY (posting_id, category_id);


--
-- Name: posting_locations pk_posting_locations; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_locations
    ADD CONSTRAINT pk_posting_locations PRIMARY KEY (id);


--
-- Name: posting_skills pk_posting_skills; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_skills
    ADD CONSTRAINT pk_posting_skills PRIMARY KEY (posting_id, skill_id);


--
-- Name: posting_status_changes pk_posting_status_changes; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_status_changes
    ADD CONSTRAINT pk_posting_status_changes PRIMARY KEY (id);


--
-- Name: skills pk_skills; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.skills
    ADD CONSTRAINT pk_skills PRIMARY KEY (id);


--
-- Name: posting_category_lists posting_category_lists_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_category_lists
    ADD CONSTRAINT posting_category_lists_pkey PRIMARY KEY (posting_id, remote_key, category_id);


--
-- Name: posting_category_places posting_category_places_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_category_places
    ADD CONSTRAINT posting_category_places_pkey PRIMARY KEY (posting_id, "position", category_id);


--
-- Name: posting_search posting_search_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_search
    ADD CONSTRAINT posting_search_pkey PRIMARY KEY (posting_id);


--
-- Name: posting_search_places posting_search_places_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_search_places
    ADD CONSTRAINT posting_search_places_pkey PRIMARY KEY (posting_id, "position");


--
-- Name: search_keys search_keys_kind_value_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.search_keys
    ADD CONSTRAINT search_keys_kind_value_key UNIQUE (kind, value);


--
-- Name: search_keys search_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.search_keys
    ADD CONSTRAINT search_keys_pkey PRIMARY KEY (id);


--
-- Name: search_suggestions search_suggestions_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.search_suggestions
    ADD CONSTRAINT search_suggestions_pkey PRIMARY KEY (kind, term);


--
-- Name: ix_categories_slug; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX ix_categories_slug ON public.categories USING btree (slug);


--
-- Name: ix_companies_name; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX ix_companies_name ON public.companies USING btree (name);


--
-- Name: ix_companies_slug; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX ix_companies_slug ON public.companies USING btree (slug);


--
-- Name: ix_company_sections_company_id_key; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX ix_company_sections_company_id_key ON public.company_sections USING btree (company_id, key);


--
-- Name: ix_job_postings_company_id; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_job_postings_company_id ON public.job_postings USING btree (company_id);


--
-- Name: ix_job_postings_company_id_requisition_reference; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_job_postings_company_id_requisition_reference ON public.job_postings USING btree (company_id, requisition_reference);


--
-- Name: ix_job_postings_status_date_posted_id; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_job_postings_status_date_posted_id ON public.job_postings USING btree (status, date_posted DESC, id DESC);


--
-- Name: ix_posting_categories_category_id; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_posting_categories_category_id ON public.posting_categories USING btree (category_id);


--
-- Name: ix_posting_category_lists_newest; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_posting_category_lists_newest ON public.posting_category_lists USING btree (remote_key, category_id, date_posted DESC, posting_id DESC);


--
-- Name: ix_posting_category_places_nearest; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_posting_category_places_nearest ON public.posting_category_places USING gist (category_id, earth) WITH (buffering='on');


--
-- Name: ix_posting_locations_posting_id; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_posting_locations_posting_id ON public.posting_locations USING btree (posting_id);


--
-- Name: ix_posting_search_match; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_posting_search_match ON public.posting_search USING gin (document, filter_keys);


--
-- Name: ix_posting_search_newest; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_posting_search_newest ON public.posting_search USING btree (date_posted DESC, posting_id DESC);


--
-- Name: ix_posting_search_places_cell; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_posting_search_places_cell ON public.posting_search_places USING btree (cell) INCLUDE (posting_id, "position", latitude, longitude, valid_through, date_posted, work_mode, employment_type, seniority, visa_sponsorship, salary_currency, salary_yearly, category_ids, country_code, region, city);


--
-- Name: ix_posting_search_places_earth; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_posting_search_places_earth ON public.posting_search_places USING gist (earth) WITH (buffering='on');


--
-- Name: ix_posting_search_salary; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_posting_search_salary ON public.posting_search USING btree (salary_currency, salary_yearly DESC) WHERE (salary_yearly IS NOT NULL);


--
-- Name: ix_posting_skills_skill_id; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_posting_skills_skill_id ON public.posting_skills USING btree (skill_id);


--
-- Name: ix_posting_status_changes_posting_id_at; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_posting_status_changes_posting_id_at ON public.posting_status_changes USING btree (posting_id, at);


--
-- Name: ix_search_suggestions_term; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ix_search_suggestions_term ON public.search_suggestions USING gin (term public.gin_trgm_ops) WITH (fastupdate=off);


--
-- Name: ix_skills_slug; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX ix_skills_slug ON public.skills USING btree (slug);


--
-- Name: posting_search_places search_suggestions_on_delete; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER search_suggestions_on_delete AFTER DELETE ON public.posting_search_places REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.search_suggestions_count();


--
-- Name: posting_search_places search_suggestions_on_insert; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER search_suggestions_on_insert AFTER INSERT ON public.posting_search_places REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.search_suggestions_count();


--
-- Name: posting_search_places search_suggestions_on_update; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER search_suggestions_on_update AFTER UPDATE ON public.posting_search_places REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.search_suggestions_count();


--
-- Name: company_sections fk_company_sections_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.company_sections
    ADD CONSTRAINT fk_company_sections_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies(id) ON DELETE CASCADE;


--
-- Name: job_postings fk_job_postings_companies_company_id; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.job_postings
    ADD CONSTRAINT fk_job_postings_companies_company_id FOREIGN KEY (company_id) REFERENCES public.companies(id) ON DELETE RESTRICT;


--
-- Name: posting_categories fk_posting_categories_categories_category_id; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_categories
    ADD CONSTRAINT fk_posting_categories_categories_category_id FOREIGN KEY (category_id) REFERENCES public.categories(id) ON DELETE RESTRICT;


--
-- Name: posting_categories fk_posting_categories_job_postings_posting_id; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_categories
    ADD CONSTRAINT fk_posting_categories_job_postings_posting_id FOREIGN KEY (posting_id) REFERENCES public.job_postings(id) ON DELETE CASCADE;


--
-- Name: posting_locations fk_posting_locations_job_postings_posting_id; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_locations
    ADD CONSTRAINT fk_posting_locations_job_postings_posting_id FOREIGN KEY (posting_id) REFERENCES public.job_postings(id) ON DELETE CASCADE;


--
-- Name: posting_skills fk_posting_skills_job_postings_posting_id; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_skills
    ADD CONSTRAINT fk_posting_skills_job_postings_posting_id FOREIGN KEY (posting_id) REFERENCES public.job_postings(id) ON DELETE CASCADE;


--
-- Name: posting_skills fk_posting_skills_skills_skill_id; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_skills
    ADD CONSTRAINT fk_posting_skills_skills_skill_id FOREIGN KEY (skill_id) REFERENCES public.skills(id) ON DELETE RESTRICT;


--
-- Name: posting_status_changes fk_posting_status_changes_job_postings_posting_id; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_status_changes
    ADD CONSTRAINT fk_posting_status_changes_job_postings_posting_id FOREIGN KEY (posting_id) REFERENCES public.job_postings(id) ON DELETE CASCADE;


--
-- Name: posting_search posting_search_posting_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.posting_search
    ADD CONSTRAINT posting_search_posting_id_fkey FOREIGN KEY (posting_id) REFERENCES public.job_postings(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


