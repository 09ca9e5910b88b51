"""Search latency with N generated cases on SQLite (or on the PostgreSQL that DATABASE_URL
names), next to tantivy on the same corpus.

    python bench/search.py --cases 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python bench/search.py --cases 100000

Builds (or reuses) the database of bench/case_pages.py in bench/data/, then times:
- rebuilding our search index from the published cases, once;
- 200 seeded Swedish queries (one to three words, some inflected, a third with a filter)
  through `case_search` with facet counts: by words alone (vectors off), then hybrid (fused
  with the nearest cases in meaning; see bench/vectors.py for how the vectors are made), and
  through the search page (Django's test client);
- the duplicate warning (`possible_duplicates`) for 100 plausible new titles;
- tantivy: building an index of the same cases and running the same queries, each with the
  top 20 hits and counts per facet field (terms aggregations).

Django's cache is cleared before every timed call of ours, so facet counts are computed, not
read from the cache. The last line is machine-readable: `p95_ms=... ratio_vs_tantivy=...
hybrid_p95_ms=...`."""

import argparse
import logging
import math
import random
import shutil
import statistics
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

# The sibling benchmark owns Django setup and data generation, so both share one database:
# the same command with the same seed makes identical cases, and our index is rebuilt below.
from case_pages import ROOT, ensure_cases, percentile, setup_django
from vectors import ensure_vectors

QUERIES = 200
# Cases whose vectors are computed for real before the hybrid timing (the others get copies).
VECTOR_SAMPLE = 1000
DUPLICATE_TITLES = 100
WARMUP = 10
TOP_HITS = 20
SEED = 11
FILTER_SHARE = 1 / 3
DUPLICATES_TARGET_MS = 100
# A call of ours still running after this long is stopped and counted at this time (a lower
# bound): at 100,000 cases a single filtered query has been seen to take minutes.
DEFAULT_LIMIT_S = 10.0
# SQLite calls the deadline check every this many virtual machine steps.
PROGRESS_STEPS = 10_000
# Column weights as in our SQLite backend's bm25: title over summary over description.
TANTIVY_BOOSTS = {"title": 10.0, "summary": 5.0, "description": 1.0}
# Facet fields: one code per case, several codes per case, and the start year.
ONE_CODE = ("sector", "stage", "facet", "org_kind", "county")
MANY_CODES = ("barrier", "enabler", "target_group")
TANTIVY_FACETS = (*ONE_CODE, *MANY_CODES, "start_year")

# Inflected forms of words the generator writes in their base form (or the other way round),
# so the mix checks that both engines stem Swedish rather than match letters.
INFLECTED = {
    "tjänst": ["tjänsten", "tjänster", "tjänsterna"],
    "modell": ["modellen", "modeller"],
    "plattform": ["plattformen", "plattformar"],
    "arbetssätt": ["arbetssättet", "arbetssätten"],
    "satsning": ["satsningen", "satsningar"],
    "lösning": ["lösningen", "lösningarna"],
    "pilot": ["piloten", "piloter"],
    "hemsjukvård": ["hemsjukvården"],
    "återbruk": ["återbruket"],
    "skolskjuts": ["skolskjutsen", "skolskjutsar"],
    "medborgardialog": ["medborgardialogen", "medborgardialoger"],
    "trygghetsvandring": ["trygghetsvandringen", "trygghetsvandringar"],
    "demensvård": ["demensvården"],
    "kollektivtrafik": ["kollektivtrafiken"],
    "klimatanpassning": ["klimatanpassningen"],
    "upphandling": ["upphandlingen", "upphandlingar"],
    "fritidsbank": ["fritidsbanken"],
    "ensamhet": ["ensamheten"],
    "kommun": ["kommunen", "kommuner"],
    "användare": ["användarna"],
    "prototyper": ["prototyp", "prototypen"],
    "verksamhet": ["verksamheten"],
    "väntetider": ["väntetid"],
    "konferenser": ["konferens"],
    "förvaltningar": ["förvaltning", "förvaltningen"],
}


@dataclass(frozen=True)
class SearchQuery:
    text: str
    filters: dict[str, str] = field(default_factory=dict)

    def label(self) -> str:
        extra = " ".join(f"{name}={value}" for name, value in self.filters.items())
        return f"{self.text!r} {extra}".strip()


@dataclass
class Timing:
    name: str
    times: list[float]
    note: str = ""
    # The shortest time of a call that was stopped at the limit: values from it up are bounds.
    stopped_from: float = math.inf

    @classmethod
    def of(cls, name: str, outcomes: list["Outcome"], note: str = "") -> "Timing":
        stopped = [o.ms for o in outcomes if o.timed_out]
        if stopped:
            note = f"{note}; {len(stopped)} stopped at the limit".lstrip("; ")
        return cls(name, [o.ms for o in outcomes], note, min(stopped, default=math.inf))

    def shown(self, value: float) -> str:
        return f"{'>=' if value >= self.stopped_from else ''}{value:.1f}"

    @property
    def p50(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        return percentile(self.times, 0.95)


def milliseconds(call: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


# --- The query mix -------------------------------------------------------------------------


def vocabulary() -> dict[str, list[str]]:
    """The generator's words by kind, without function words (neither engine indexes them)."""
    from innovationskraft.cases import generation, registry
    from innovationskraft.search.analysis import STOP_WORDS, words

    def meaningful(texts: list[str], shortest: int = 3) -> list[str]:
        found = (w for text in texts for w in words(text))
        return sorted({w for w in found if w not in STOP_WORDS and len(w) >= shortest})

    # Places as people type them ("Umeå", "Vallentuna"); multi-word names are left out.
    places = [row["municipality"] for row in registry.swedish_municipalities()]
    return {
        "subject": meaningful(generation.SUBJECTS),
        "approach": meaningful(generation.APPROACHES),
        "form": meaningful(generation.FORMS),
        # Long words only: the short ones in the sentences are mostly function words.
        "sentence": meaningful(generation.SENTENCES, shortest=6),
        "place": sorted(p for p in places if " " not in p and "-" not in p),
        "inflected": sorted(form for forms in INFLECTED.values() for form in forms),
    }


def filter_choices() -> dict[str, list[str]]:
    from django.utils import timezone

    from innovationskraft.cases.models import Case, Term

    sectors = Term.objects.filter(vocabulary="sector").values_list("code", flat=True)
    years = range(2000, timezone.now().year + 1)  # the generator's start years
    return {
        "sector": sorted(sectors),
        "stage": list(Case.Stage.values),
        "facet": list(Case.Facet.values),
        "year": [str(year) for year in years],
    }


def query_mix(count: int) -> list[SearchQuery]:
    """Deterministic queries: title words most often, as people search for what a case is."""
    rng = random.Random(SEED)
    words_by_kind = vocabulary()
    kinds = ["subject", "approach", "form", "sentence", "place", "inflected"]
    weights = [4, 1, 2, 2, 2, 3]
    filters = filter_choices()
    queries = []
    for _ in range(count):
        picked: list[str] = []
        for _word in range(rng.randint(1, 3)):
            kind = rng.choices(kinds, weights)[0]
            word = rng.choice(words_by_kind[kind])
            if word not in picked:
                picked.append(word)
        chosen = {}
        if rng.random() < FILTER_SHARE:
            name = rng.choice(sorted(filters))
            chosen[name] = rng.choice(filters[name])
        queries.append(SearchQuery(" ".join(picked), chosen))
    return queries


def duplicate_titles(count: int) -> list[tuple[str, str]]:
    """Titles a person might write for a new case, each with a one-sentence summary."""
    from innovationskraft.cases import generation

    rng = random.Random(SEED + 1)
    places = vocabulary()["place"]
    templates = [
        "{approach} {form} för {subject} i {place}",
        "{approach} {form} för {subject}",
        "Ny {form} för {subject} i {place}",
        "{subject} med {form_lower} i {place}",
    ]
    titles = []
    for _ in range(count):
        form = rng.choice(generation.FORMS)
        title = rng.choice(templates).format(
            approach=rng.choice(generation.APPROACHES),
            form=form,
            form_lower=form.lower(),
            subject=rng.choice(generation.SUBJECTS),
            place=rng.choice(places),
        )
        titles.append((title[0].upper() + title[1:], rng.choice(generation.SENTENCES)))
    return titles


# --- A time limit for calls of ours -------------------------------------------------------


class TimedOut(Exception):
    """A call ran past its limit and SQLite interrupted the statement it was running."""


class _Deadline:
    at = math.inf  # time.monotonic() after which SQLite aborts the running statement


def _past_deadline() -> bool:
    return time.monotonic() > _Deadline.at


def _watch(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.set_progress_handler(_past_deadline, PROGRESS_STEPS)


def install_time_limit() -> None:
    """Watch every connection: the test client closes its connection after each request."""
    from django.db import connection
    from django.db.backends.signals import connection_created

    connection_created.connect(_watch)
    if connection.connection is not None:
        _watch(None, connection)


@contextmanager
def time_limit(seconds: float):
    from django.db import OperationalError

    _Deadline.at = time.monotonic() + seconds if seconds > 0 else math.inf
    try:
        yield
    except OperationalError as error:
        if "interrupted" not in str(error):
            raise  # a real error of our search: let its traceback show
        raise TimedOut from error
    finally:
        _Deadline.at = math.inf


@dataclass
class Outcome:
    query: SearchQuery
    ms: float
    total: int | None = None
    # "all" when every word matched; otherwise the fallback our search used.
    mode: str = "all"
    timed_out: bool = False


def limited(query: SearchQuery, call: Callable[[], object], limit_s: float) -> Outcome:
    start = time.perf_counter()
    try:
        with time_limit(limit_s):
            total, mode = call()
    except TimedOut:
        return Outcome(query, (time.perf_counter() - start) * 1000, mode="", timed_out=True)
    return Outcome(query, (time.perf_counter() - start) * 1000, total, mode)


# --- Ours ----------------------------------------------------------------------------------


def time_index_rebuild() -> float:
    from innovationskraft.search.indexing import index_rebuilt

    seconds, _count = milliseconds(index_rebuilt)
    return seconds / 1000


def run_case_search(query: SearchQuery) -> tuple[int, str]:
    from innovationskraft.search.filters import CaseFilters
    from innovationskraft.search.selectors import case_search

    filters = CaseFilters(q=query.text, sort="relevance", **query.filters)
    results = case_search(filters=filters, page_number=1)
    # case_search has already listed the page and counted the facets: nothing lazy is left.
    return results.total, results.mode.value if results.mode else ""


def get_search_page(client, query: SearchQuery) -> tuple[None, str]:
    response = client.get(f"/sok/?{urlencode({'q': query.text, **query.filters})}")
    assert response.status_code == 200, (query, response.status_code)
    return None, "all"


def time_calls(
    queries: list[SearchQuery], call: Callable[[SearchQuery], tuple], limit_s: float
) -> list[Outcome]:
    """Each query once after a warm-up, with Django's cache cleared before each, as the facet
    counts are cached: this measures computing them."""
    from django.core.cache import cache

    for query in queries[:WARMUP]:
        limited(query, lambda q=query: call(q), limit_s)  # templates, connection, page cache
    outcomes = []
    for query in queries:
        cache.clear()
        outcomes.append(limited(query, lambda q=query: call(q), limit_s))
    return outcomes


def time_duplicates(titles: list[tuple[str, str]]) -> list[float]:
    """possible_duplicates reads no cache, so there is nothing to clear between calls."""
    from innovationskraft.search.similarity import possible_duplicates

    def check(title: str, summary: str) -> list:
        return possible_duplicates(title=title, summary=summary)

    for title, summary in titles[:WARMUP]:
        check(title, summary)
    return [milliseconds(lambda t=t, s=s: check(t, s))[0] for t, s in titles]


# --- tantivy -------------------------------------------------------------------------------


def read_corpus() -> list[dict]:
    """The published cases with the fields the tantivy schema holds, read in bulk."""
    from innovationskraft.cases.models import Case

    columns = ("id", "title", "summary", "description", "stage", "facet", "start_year")
    rows = Case.objects.filter(status=Case.Status.PUBLISHED).values_list(
        *columns, "sector__code", "lead_organisation__kind", "lead_organisation__county_code"
    )
    documents = {}
    for row in rows.iterator(chunk_size=5000):
        document = dict(zip(columns, row[: len(columns)], strict=True))
        document.update(sector=row[-3] or "", org_kind=row[-2] or "", county=row[-1] or "")
        document.update({name: [] for name in MANY_CODES})
        documents[document["id"]] = document
    for name, relation in [
        ("barrier", "barriers"),
        ("enabler", "enablers"),
        ("target_group", "target_groups"),
    ]:
        through = getattr(Case, relation).through
        links = through.objects.values_list("case_id", "term__code")
        for case_id, code in links.iterator(chunk_size=20000):
            if case_id in documents:
                documents[case_id][name].append(code)
    return list(documents.values())


def tantivy_schema():
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    for name in TANTIVY_BOOSTS:
        builder.add_text_field(name, tokenizer_name="swedish")
    for name in TANTIVY_FACETS:
        if name == "start_year":
            builder.add_integer_field(name, indexed=True, fast=True)
        else:
            # "raw" keeps each code as one term, as the aggregation counts them.
            builder.add_text_field(name, tokenizer_name="raw", fast=True)
    return builder.build()


def swedish_analyzer():
    import tantivy

    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stopword("swedish"))  # ours drops function words too
        .filter(tantivy.Filter.stemmer("swedish"))
        .build()
    )


def tantivy_document(case: dict):
    import tantivy

    document = tantivy.Document()
    document.add_integer("id", case["id"])
    for name in TANTIVY_BOOSTS:
        document.add_text(name, case[name] or "")
    if case["start_year"] is not None:
        document.add_integer("start_year", case["start_year"])
    for name in ONE_CODE:
        if case[name]:
            document.add_text(name, case[name])
    for name in MANY_CODES:
        for code in case[name]:
            document.add_text(name, code)
    return document


def build_tantivy(path: Path):
    """Reads the cases and indexes them; returns the index and the seconds both took."""
    import tantivy

    start = time.perf_counter()
    corpus = read_corpus()
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    index = tantivy.Index(tantivy_schema(), path=str(path))
    index.register_tokenizer("swedish", swedish_analyzer())
    # One thread, as our index is built on one: compare the engines, not the core count.
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    for case in corpus:
        writer.add_document(tantivy_document(case))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index, time.perf_counter() - start


def tantivy_query(index, schema, query: SearchQuery):
    import tantivy

    text = index.parse_query(
        query.text,
        list(TANTIVY_BOOSTS),
        field_boosts=TANTIVY_BOOSTS,
        conjunction_by_default=True,  # all words must match, as ours tries first
    )
    clauses = [(tantivy.Occur.Must, text)]
    for name, value in query.filters.items():
        field_name, term = ("start_year", int(value)) if name == "year" else (name, value)
        # A score of 0 so a filter narrows the hits without changing their order.
        match = tantivy.Query.term_query(schema, field_name, term)
        clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(match, 0.0)))
    return tantivy.Query.boolean_query(clauses)


FACET_AGGREGATIONS = {name: {"terms": {"field": name, "size": 1000}} for name in TANTIVY_FACETS}


def run_tantivy(index, schema, query: SearchQuery) -> int:
    searcher = index.searcher()
    parsed = tantivy_query(index, schema, query)
    found = searcher.search(parsed, limit=TOP_HITS, count=True)
    _ids = [searcher.doc(address)["id"][0] for _score, address in found.hits]
    counts = searcher.aggregate(parsed, FACET_AGGREGATIONS)
    assert set(counts) == set(TANTIVY_FACETS), counts.keys()
    return found.count


def time_tantivy(index, queries: list[SearchQuery]) -> list[Outcome]:
    schema = index.schema
    for query in queries[:WARMUP]:
        run_tantivy(index, schema, query)
    outcomes = []
    for query in queries:
        elapsed, total = milliseconds(lambda q=query: run_tantivy(index, schema, q))
        outcomes.append(Outcome(query, elapsed, total))
    return outcomes


# --- Report --------------------------------------------------------------------------------


def print_table(cases: int, builds: dict[str, float], timings: list[Timing]) -> None:
    print(f"\ncases={cases} queries={QUERIES} duplicate_titles={DUPLICATE_TITLES}")
    print(f"{'index build':<36} {'seconds':>10}")
    for name, seconds in builds.items():
        print(f"  {name:<34} {seconds:>10.1f}")
    print(f"{'latency':<36} {'p50 ms':>10} {'p95 ms':>10} {'max ms':>10}")
    for timing in timings:
        values = (timing.p50, timing.p95, max(timing.times))
        shown = " ".join(f"{timing.shown(value):>10}" for value in values)
        print(f"  {timing.name:<34} {shown}  {timing.note}")


def by_kind(outcomes: list[Outcome]) -> list[Timing]:
    """Ours split by what the query made it do: a filter, or a fallback when no case has
    every word (our search then matches any word, so it counts a much larger set)."""
    unfiltered = [o for o in outcomes if not o.query.filters]
    groups = {
        "  no filter, all words": [o for o in unfiltered if o.mode == "all"],
        "  no filter, fell back": [o for o in unfiltered if o.mode != "all"],
        "  with a filter": [o for o in outcomes if o.query.filters],
    }
    timings = []
    for name, group in groups.items():
        if group:
            counted = [o.total for o in group if o.total is not None]
            matches = f", median matches {statistics.median(counted):.0f}" if counted else ""
            timings.append(Timing.of(name, group, f"{len(group)} queries{matches}"))
    return timings


def print_slowest(outcomes: list[Outcome]) -> None:
    print("slowest queries, ours (ms, matches, how matched, query):")
    for outcome in sorted(outcomes, key=lambda o: -o.ms)[:10]:
        total = "stopped" if outcome.timed_out else outcome.total
        print(f"  {outcome.ms:>9.1f} {total:>7} {outcome.mode:<6} {outcome.query.label()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument(
        "--limit-s",
        type=float,
        default=DEFAULT_LIMIT_S,
        help="stop a call of ours after this many seconds (0: no limit)",
    )
    args = parser.parse_args()
    data_dir = ROOT / "bench" / "data" / f"cases-{args.cases}"
    setup_django(data_dir, database_url=True)
    ensure_cases(args.cases)
    install_time_limit()

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from innovationskraft.cases.models import Case

    queries = query_mix(QUERIES)
    build_s = time_index_rebuild()
    settings.SEARCH_VECTORS = False
    ours = time_calls(queries, run_case_search, args.limit_s)
    settings.SEARCH_VECTORS = True
    vectors_note = ensure_vectors(sample=VECTOR_SAMPLE)
    hybrid = time_calls(queries, run_case_search, args.limit_s)
    # A request stopped at the limit is logged as a 500 with its traceback; the table counts
    # it, and any other error still raises through the test client.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    # One client asks 200 queries as fast as it can: the search page's limit per address
    # would answer most of them with 429.
    settings.SEARCH_REQUESTS_PER_MINUTE = 0
    client = Client()
    page = time_calls(queries, lambda q: get_search_page(client, q), args.limit_s)
    duplicates = time_duplicates(duplicate_titles(DUPLICATE_TITLES))
    index, tantivy_build_s = build_tantivy(data_dir / "tantivy")
    theirs = time_tantivy(index, queries)

    same = sum(a.total == b.total for a, b in zip(ours, theirs, strict=True))
    filtered = sum(bool(q.filters) for q in queries)
    search = Timing.of("ours: case_search + facets", ours, f"{filtered} with a filter")
    fused = Timing.of("ours: hybrid (words + meaning)", hybrid, vectors_note)
    tantivy = Timing.of(
        "tantivy: top 20 + facet terms aggs",
        theirs,
        f"same match count as ours on {same}/{len(queries)}",
    )
    timings = [
        search,
        *by_kind(ours),
        fused,
        Timing.of("ours: GET /sok/", page, "test client, hybrid"),
        Timing("ours: possible_duplicates", duplicates, f"target < {DUPLICATES_TARGET_MS} ms"),
        tantivy,
    ]
    builds = {
        "ours: index_rebuilt()": build_s,
        "tantivy: read DB + index + commit": tantivy_build_s,
    }
    print(f"\ndatabase={connection.vendor}")
    print_table(Case.objects.count(), builds, timings)
    print_slowest(ours)
    stopped = sum(o.timed_out for o in ours)
    print(
        f"p95_ms={search.p95:.1f} ratio_vs_tantivy={search.p95 / tantivy.p95:.1f} "
        f"p50_ms={search.p50:.1f} http_p95_ms={timings[-3].p95:.1f} "
        f"duplicates_p95_ms={percentile(duplicates, 0.95):.1f} "
        f"tantivy_p95_ms={tantivy.p95:.1f} build_s={build_s:.1f} "
        f"tantivy_build_s={tantivy_build_s:.1f} stopped_at_limit={stopped} "
        f"limit_s={args.limit_s:g} hybrid_p95_ms={fused.p95:.1f}"
    )


if __name__ == "__main__":
    main()
