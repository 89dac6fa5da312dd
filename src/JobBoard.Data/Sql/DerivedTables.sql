-- The tables derived from the postings: nothing but the postings, their places, categories and skills and the
-- companies, categories and skills they name decide what they hold. When this file changes, they are dropped, made
-- again and refilled from the views in SearchSources.sql (SchemaDefinitions), which is what a new database gets too.
-- A table leaving this file keeps its line here, so that upgraded databases lose it too.
DROP TABLE IF EXISTS posting_search_stale, search_suggestions, posting_category_lists, posting_category_places,
    posting_search_places, posting_search, search_keys;

-- The values filters name, numbered: ('mode', 'Remote'), ('country', 'US'), ('region', 'US:Illinois') ...
CREATE TABLE search_keys (
    id serial PRIMARY KEY,
    kind varchar(10) NOT NULL,
    value varchar(220) NOT NULL,
    UNIQUE (kind, value)
);

-- Full-text, filter and radius search read a row per published posting (filters, category ids and a weighted
-- tsvector), so that counting and faceting tens of thousands of matches never touches the wide posting rows. The
-- tsvector stays inline in most rows (about 1.5 kB of a row's 1.6): PostgreSQL only toasts a row over ~2 kB, whatever
-- toast_tuple_target says, which then moves the longest documents out of line rather than compressing them in place.
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
    document tsvector NOT NULL,
    skill_ids integer[] NOT NULL,
    applicant_countries text[] NOT NULL,
    -- The search_keys ids of its filter values, its category ids plus 100,000,000 and the grid cells of its places
    -- (search_cell_keys): one GIN index over words and filters intersects them inside the index.
    filter_keys integer[] NOT NULL,
    -- Radius searches check the exact distance on these after the cells have matched.
    latitudes float8[] NOT NULL,
    longitudes float8[] NOT NULL,
    -- The first place's, read before the arrays: most postings have one place, and reading an array element costs a
    -- radius search more per row than the distance itself (an 11,000-match search in New York, 20 ms of its 60).
    latitude float8,
    longitude float8
) WITH (toast_tuple_target = 128, fillfactor = 90);

CREATE INDEX ix_posting_search_match ON posting_search USING gin (document, filter_keys);
CREATE INDEX ix_posting_search_newest ON posting_search (date_posted DESC, posting_id DESC);
CREATE INDEX ix_posting_search_salary ON posting_search (salary_currency, salary_yearly DESC) WHERE salary_yearly IS NOT NULL;

-- A narrow row per place of each published posting (about 100 bytes where a posting_search row carries a kilobyte of
-- text vector), with what recommendations compare and what radius searches without words filter and facet on. Every
-- posting has a row at position 0 (its first place, or none), so filtering on position 0 counts each posting once.
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
    title varchar(200) NOT NULL,
    work_mode varchar(20) NOT NULL,
    applicant_countries text[] NOT NULL,
    skill_ids integer[] NOT NULL,
    latitude float8,
    longitude float8,
    -- The 0.25° grid cell, the first key search_cell_keys gives.
    cell integer,
    employment_type varchar(20),
    seniority varchar(20),
    visa_sponsorship boolean,
    salary_currency varchar(3),
    salary_yearly numeric(16, 2),
    -- The place as suggestions name it, so that the rows a refresh deletes still say what they counted.
    place_name text,
    PRIMARY KEY (posting_id, position)
) WITH (fillfactor = 90);

-- Nearest-place candidates of recommendations; buffering builds faster and answers nearest-neighbour scans faster.
CREATE INDEX ix_posting_search_places_earth ON posting_search_places USING gist (earth) WITH (buffering = on);
-- Radius searches without words: the places in the cells around a circle, their distance, filters and facets, and
-- whether a place is of the searched city, all from an index-only scan.
CREATE INDEX ix_posting_search_places_cell ON posting_search_places (cell)
    INCLUDE (posting_id, position, latitude, longitude, valid_through, date_posted, work_mode, employment_type, seniority,
             visa_sponsorship, salary_currency, salary_yearly, category_ids, country_code, region, city);

-- A row per place and category of each published posting, so the nearest postings in one category come straight out
-- of the index (btree_gist) instead of from a walk past every nearer posting of other categories.
CREATE TABLE posting_category_places (
    posting_id integer NOT NULL,
    position smallint NOT NULL,
    category_id integer NOT NULL,
    earth earth NOT NULL,
    valid_through date,
    PRIMARY KEY (posting_id, position, category_id)
);
CREATE INDEX ix_posting_category_places_nearest ON posting_category_places USING gist (category_id, earth) WITH (buffering = on);

-- A row per category of each published posting (remote key 0), and one more per country a remote posting takes
-- applicants from (the search_keys id of that "remote" key): "newest in the category" and "remote, open to this
-- country, in the category" are each a range scan of as many rows as are wanted.
CREATE TABLE posting_category_lists (
    posting_id integer NOT NULL,
    remote_key integer NOT NULL,
    category_id integer NOT NULL,
    date_posted date NOT NULL,
    valid_through date,
    PRIMARY KEY (posting_id, remote_key, category_id)
);
CREATE INDEX ix_posting_category_lists_newest ON posting_category_lists (remote_key, category_id, date_posted DESC, posting_id DESC);

-- The small dictionary typo-tolerant suggestions search: titles ('t') and places ('p') of published postings, a row
-- each, with the closing dates of their postings (ascending, infinity for none) and how many close on each, so that a
-- search reads the ones still open on its day.
CREATE TABLE search_suggestions (
    kind char(1) NOT NULL,
    term text NOT NULL,
    open_until date[] NOT NULL,
    postings integer[] NOT NULL,
    PRIMARY KEY (kind, term)
);
-- Without a pending list, so that searches and saves never read through one: new terms are rare.
CREATE INDEX ix_search_suggestions_term ON search_suggestions USING gin (term gin_trgm_ops) WITH (fastupdate = off);

-- The postings a transaction has changed, until it commits (SearchUpkeep.sql). A row lives no longer than its
-- transaction, so the table is not WAL-logged: a crash loses nothing that was committed.
CREATE UNLOGGED TABLE posting_search_stale (
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    posting_id integer NOT NULL,
    PRIMARY KEY (transaction_id, posting_id)
);
