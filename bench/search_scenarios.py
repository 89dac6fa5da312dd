#!/usr/bin/env python3
"""Random searches drawn from the loaded board, one file of paths per scenario of DESIGN.md §5, for wrk (random-paths.lua).

    bench/search_scenarios.py PSQL_URL BASE_URL OUT_DIR [SEED]

Keywords are the words and whole titles of the board's own postings (search_suggestions), drawn uniformly, so common
words ("nurse", "senior") come up as often as people type them; places are the 60 busiest cities (by open postings);
filters are the values the board's facets list. A word's share of the postings is estimated from a 2% sample of the
search documents (ts_stat), which sorts out the worst-case words (in at least 5% of postings). Prints the seed and what
was drawn to stderr and writes OUT_DIR/<scenario>.txt with 20,000 paths each; the names are listed in SCENARIOS.
"""
import json
import random
import subprocess
import sys
import urllib.request
from urllib.parse import urlencode

SCENARIOS = {
    "typical-place": "typical: a keyword + one of the 60 busiest cities, default radius",
    "typical-filters": "typical: a keyword + filters",
    "dense-metro": "dense metro: a keyword + New York or London (the two busiest), default radius",
    "radius": "radius 25–100 km + a keyword (half with a filter)",
    "worst-case": "worst case: a term in ≥ 5% of postings",
    "api-typical-place": "api: a keyword + one of the 60 busiest cities",
}
PATHS_PER_SCENARIO = 20_000


def psql(url, sql):
    out = subprocess.run(["psql", url, "-qAt", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def main():
    psql_url, base, out_dir = sys.argv[1:4]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else random.SystemRandom().randrange(1, 1_000_000)
    rng = random.Random(seed)

    searchable = int(psql(psql_url, "SELECT count(*) FROM posting_search")[0][0])
    # Open postings per place and title, as the suggestions count them (the closing dates of those still open today).
    counted = """
        SELECT term, (SELECT coalesce(sum(n), 0) FROM unnest(open_until, postings) AS o(until, n) WHERE until >= current_date)
        FROM search_suggestions WHERE kind = '{0}' ORDER BY 2 DESC"""
    places = [(term, int(n)) for term, n in psql(psql_url, counted.format("p"))]
    busiest = [term for term, _ in places[:60]]
    # DESIGN.md's dense metros, New York and London: the two busiest places (2.9% and 1.8% of a synthetic board's
    # postings at the place itself, more within the default radius).
    dense = busiest[:2]
    titles = [term for term, _ in psql(psql_url, counted.format("t"))]

    # Each title word once (by its stem, as the search sees it), with its share of a 2% sample of the documents.
    sample = dict((word, int(n)) for word, n in psql(psql_url, """
        SELECT word, ndoc FROM ts_stat('SELECT document FROM posting_search TABLESAMPLE SYSTEM (2) REPEATABLE (1)')"""))
    sample_size = int(psql(psql_url, "SELECT count(*) FROM posting_search TABLESAMPLE SYSTEM (2) REPEATABLE (1)")[0][0])
    stems = psql(psql_url, "SELECT DISTINCT ON (stem) w, stem FROM (SELECT lower(w) AS w, (SELECT lexeme FROM unnest(to_tsvector('jobboard', w)) LIMIT 1) AS stem "
                 "FROM search_suggestions, regexp_split_to_table(term, '[^[:alpha:]-]+') w WHERE kind = 't' AND length(w) > 2) x "
                 "WHERE stem IS NOT NULL ORDER BY stem, w")
    share = {word: sample.get(stem, 0) / max(sample_size, 1) for word, stem in stems}
    words = sorted(share)
    # On a small board no title word may reach 5%: its five most common words stand in.
    worst = sorted(w for w in words if share[w] >= 0.05) or sorted(words, key=share.get, reverse=True)[:5]

    facets = json.load(urllib.request.urlopen(f"{base}/api/v1/jobs?limit=1"))["facets"]
    filters = [(name, value) for name, values in facets.items() for value in values]

    def keyword():
        return rng.choice(words) if rng.random() < 0.5 else rng.choice(titles).lower()

    def some_filters():
        return rng.sample(filters, rng.choice([1, 1, 2]))

    def path(route, params):
        return f"{route}?{urlencode(params)}"

    draw = {
        "typical-place": lambda: path("/jobs", [("q", keyword()), ("location", rng.choice(busiest))]),
        "typical-filters": lambda: path("/jobs", [("q", keyword()), *some_filters()]),
        "dense-metro": lambda: path("/jobs", [("q", keyword()), ("location", rng.choice(dense))]),
        "radius": lambda: path("/jobs", [("q", keyword()), ("location", rng.choice(busiest)), ("radius", rng.choice([25, 50, 100])),
                                         *(some_filters()[:1] if rng.random() < 0.5 else [])]),
        "worst-case": lambda: path("/jobs", [("q", rng.choice(worst))]),
        "api-typical-place": lambda: path("/api/v1/jobs", [("q", keyword()), ("location", rng.choice(busiest))]),
    }
    for name, make in draw.items():
        with open(f"{out_dir}/{name}.txt", "w", encoding="utf-8") as out:
            out.writelines(make() + "\n" for _ in range(PATHS_PER_SCENARIO))

    print(f"seed {seed}: {len(words)} title words and {len(titles)} titles, {len(busiest)} busiest cities "
          f"(from {busiest[0]} to {busiest[-1]}), dense metros {', '.join(dense)}, worst-case words {', '.join(worst)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
