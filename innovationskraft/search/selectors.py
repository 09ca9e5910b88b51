"""Search over the published library: the query, its fallbacks, facets and a page of results."""

import difflib
import itertools
import math
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property, partial

import numpy as np
from django.core.paginator import Page, Paginator

from innovationskraft.cases import selectors as case_selectors
from innovationskraft.cases.models import Adoption, Case, Organisation
from innovationskraft.search.analysis import fold
from innovationskraft.search.backends import Mode, get_backend
from innovationskraft.search.columns import LibraryColumns, library_columns
from innovationskraft.search.expansion import (
    terms_held,
    with_completions,
    with_joins,
    words_beginning,
)
from innovationskraft.search.facets import Facet, facets_for
from innovationskraft.search.filters import SORTS, CaseFilters
from innovationskraft.search.fusion import fused
from innovationskraft.search.highlight import snippet
from innovationskraft.search.query import ParsedQuery, parse
from innovationskraft.search.translation import translated_queries
from innovationskraft.search.vectors import nearest_soon

PAGE_SIZE = 20
_counting = ThreadPoolExecutor(max_workers=1, thread_name_prefix="facet-counts")
ORGANISATIONS_SHOWN = 5


@dataclass
class SearchResults:
    query: ParsedQuery
    # None without words; otherwise how the words were matched (ALL, or a fallback).
    mode: Mode | None
    page: Page
    facets: list[Facet]
    # A spelling correction that was searched instead of the words as typed, or "".
    corrected: str = ""
    organisations: list[tuple[Organisation, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.page.paginator.count


# Relevance is computed for at most this many of the matches, the most recently added; older
# matches follow them newest first. bm25 costs one to two microseconds per match on SQLite
# (ranking a common word's newest 5,000 matches took 8 to 13 ms at 100,000 cases), and on
# PostgreSQL each ranked match is a row read from the table; a query that matches more cases
# than this is one a person narrows with the filters.
RANKED_AT_MOST = 2000


class _CasePages:
    """The found cases in their order, fetched a page at a time by the paginator."""

    def __init__(self, total: int, page_ids: Callable[[int, int], list[int]]):
        self.total, self.page_ids = total, page_ids

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, page_slice: slice) -> list[Case]:
        ids = self.page_ids(page_slice.start, page_slice.stop)
        by_id = case_selectors.published_cases_by_id(ids)
        return [by_id[pk] for pk in ids if pk in by_id]


class _RelevanceOrder:
    """Page ids by relevance among the matching `ids` (ascending). Within the RANKED_AT_MOST
    newest matches: the direct hits of the words by bm25, then the hits through compound parts
    or the completion of the last word, by bm25 too; then the older matches, newest first.
    Ranking the direct hits alone is three times cheaper, and they fill most first pages: which
    of the matches are direct is only asked when a page goes past them."""

    def __init__(self, query: ParsedQuery, mode: Mode, ids: np.ndarray, filtered: bool):
        self.query, self.mode = query, mode
        self.newest_first = ids[::-1]
        self.ranked = self.newest_first[:RANKED_AT_MOST]
        self.from_id = int(self.ranked[-1]) if len(self.ranked) else None
        # Among the ranked ones when they are not all of the index's matches from the oldest up
        # (filters, or the cases with the most of the words): the index then tests those only.
        self.among = self.ranked.tolist() if filtered else None

    @cached_property
    def _tiers(self) -> tuple[np.ndarray, np.ndarray]:
        """The ranked ids that match the words directly, and the others."""
        direct = get_backend().matching_ids(
            self.query, self.mode, direct=True, from_id=self.from_id, among=self.among
        )
        is_direct = np.isin(self.ranked, direct, assume_unique=True)
        return self.ranked[is_direct], self.ranked[~is_direct]

    def _ranked(self, *, direct: bool, among: list[int] | None, start: int, stop: int) -> list[int]:
        return get_backend().ranked_ids(
            self.query,
            self.mode,
            direct=direct,
            among=among,
            from_id=self.from_id,
            limit=stop - start,
            offset=start,
        )

    def __call__(self, start: int, stop: int) -> list[int]:
        if start >= stop or self.from_id is None:
            return []
        # The direct hits are the index's direct matches among the ranked ones (unfiltered:
        # all of them from the oldest ranked id up), so the backend needs no list of them.
        found = self._ranked(direct=True, among=self.among, start=start, stop=stop)
        if len(found) == stop - start:
            return found
        direct, indirect = self._tiers
        offset = len(direct)
        if len(indirect) and stop > offset:
            later = slice(max(0, start - offset), stop - offset)
            found += self._ranked(
                direct=False, among=indirect.tolist(), start=later.start, stop=later.stop
            )
        offset += len(indirect)
        return found + self.newest_first[max(start, offset) : stop].tolist()


# Reciprocal rank fusion (fusion.py) of the word ranking, the meaning ranking and the ranking
# by the words translated, over the first FUSED_FROM_EACH of each; the word ranking's order
# goes on after them.
FUSED_FROM_EACH = 100
# The word ranking's weight in the fusion: twice meaning's, so that the cases with all the
# words as typed come before those that only meaning and translation find (a case high in
# both would otherwise push them out: "bibliotek" answered with English libraries before the
# Swedish ones); half meaning's when no case had all the words and those with the most of them
# answer (weaker evidence than meaning). Measured over the judged queries: 1.0 gave recall@5
# 0.853, 1.2 0.857, 2.0 and above 0.865.
LEXICAL_WEIGHT = 2.0
LEXICAL_WEIGHT_SOME_WORDS = 0.5
# The ranking by the words translated (translation.py) weighs as much as meaning's: over the
# judged queries 0.7 of it gave recall@5 0.857 and 1.5 gave 0.861, against 0.869.
TRANSLATED_WEIGHT = 1.0


class _FusedOrder:
    """Page ids of the word matches and the cases nearest in meaning, fused by rank."""

    def __init__(
        self,
        lexical: Callable[[int, int], list[int]] | None,
        dense_ids: list[int],
        lexical_weight: float = 1.0,
        translated_ids: list[int] | None = None,
    ):
        self.lexical, self.dense_ids = lexical, dense_ids
        self.lexical_weight = lexical_weight
        self.translated_ids = translated_ids or []
        self._head: list[int] | None = None
        # How many of the head are not among the word ranking's first FUSED_FROM_EACH: word
        # matches ranked below it may be among them, and the pages after the head skip those.
        self._met_otherwise = 0

    @property
    def head(self) -> list[int]:
        if self._head is None:
            first = self.lexical(0, FUSED_FROM_EACH) if self.lexical else []
            # The word ranking first, so that it wins a tie.
            self._head = fused(
                [
                    (first, self.lexical_weight),
                    (self.dense_ids[:FUSED_FROM_EACH], 1.0),
                    (self.translated_ids[:FUSED_FROM_EACH], TRANSLATED_WEIGHT),
                ]
            )
            self._met_otherwise = len(self._head) - len(first)
        return self._head

    def __call__(self, start: int, stop: int) -> list[int]:
        head = self.head
        found = head[start:stop]
        if stop <= len(head) or self.lexical is None:
            return found
        # The word matches ranked below FUSED_FROM_EACH, less those already met by meaning or
        # by the translation.
        seen = set(head)
        wanted = stop - len(head)
        later = self.lexical(FUSED_FROM_EACH, FUSED_FROM_EACH + wanted + self._met_otherwise)
        tail = [pk for pk in later if pk not in seen]
        return found + tail[max(0, start - len(head)) : wanted]


# Of the cases nearest in meaning, those found: at most DENSE_CANDIDATES, standing out from the
# library by DENSE_STANDING_OUT standard deviations, and at most DENSE_MARGIN below the nearest.
# Measured over the judged queries of the registry (docs/search.md): the expected cases stand
# out by 2.7 or more in nine of ten queries, the unrelated ones below it in 95 of 100.
DENSE_CANDIDATES = 20
DENSE_STANDING_OUT = 2.7
DENSE_MARGIN = 0.03


def _nearest_in_meaning(
    columns: LibraryColumns,
    query: ParsedQuery,
    meaning_soon: Future[tuple[np.ndarray, np.ndarray, np.ndarray]] | None,
) -> np.ndarray:
    """Positions of the cases nearest the query in meaning among those passing the filters,
    nearest first: none when vectors are off or not computed yet."""
    if meaning_soon is None:
        return np.zeros(0, dtype=np.int64)
    positions, similarity, standing_out = meaning_soon.result()
    if not len(positions):
        return positions
    kept = (standing_out >= DENSE_STANDING_OUT) & (similarity >= similarity[0] - DENSE_MARGIN)
    positions = positions[kept]
    if query.negative:
        excluded = ParsedQuery(tuple(replace(t, negated=False) for t in query.negative))
        named = columns.positions(get_backend().matching_ids(excluded, Mode.ANY))
        positions = positions[~np.isin(positions, named)]
    return positions


# Of a query's translations, the first this many that find cases are searched, and at most
# TRANSLATIONS_TRIED are tried: a dictionary lists every sense of a word ("fälla": convict,
# fell, pitfall, trap), and the senses that find nothing beside the rest of the query are not
# the ones meant ("kamerafällor": "camera trap", not "camera fell").
TRANSLATIONS_SEARCHED = 2
TRANSLATIONS_TRIED = 8
# The translations are searched when the words as typed find fewer cases than this: beyond,
# the page is full of cases with the words, and each translation would cost another pass over
# the index (15 to 70 ms for a common word at 100,000 cases). Over the judged queries, 50 finds
# what no limit does.
TRANSLATED_WHEN_FEWER_THAN = 50


def _translations(columns: LibraryColumns, query: ParsedQuery) -> list[str]:
    """The query's words in the other language (translation.py), most specific first; none for
    a query with a "phrase", which asks for those words as written."""
    if any(term.is_phrase for term in query.positive):
        return []
    texts = translated_queries(
        query.all_words(),
        partial(terms_held, version=columns.version),
        partial(words_beginning, version=columns.version),
    )
    return list(itertools.islice(texts, TRANSLATIONS_TRIED))


def _translated(
    columns: LibraryColumns, passing: np.ndarray | None, query: ParsedQuery, texts: list[str]
) -> list[int]:
    """The ids of the cases that have all the words of one of the query's translations
    (`texts`), best first: the rankings of the first that find any fused, as many as the fused
    order shows (the rest would be counted and never listed). When no case has all the words
    of any, those with the most of the first's ("ocean bottom": "ocean" or "bottom"). Over the
    judged queries this raised recall@5 from 0.896 to 0.908, with these ranked as a whole
    translation (at half its weight or less: MRR 0.870 and 0.867 against 0.874)."""
    rankings = []
    first_tried: ParsedQuery | None = None
    for text in texts:
        translated = parse(f"{text} ")  # words complete as they are, not still being typed
        if translated.is_empty:
            continue
        translated = with_joins(
            replace(translated, terms=translated.terms + query.negative), version=columns.version
        )
        positions = _matches(columns, passing, translated, Mode.ALL)
        if len(positions):
            order = _RelevanceOrder(translated, Mode.ALL, columns.ids[positions], filtered=True)
            rankings.append((order(0, FUSED_FROM_EACH), 1.0))
            if len(rankings) == TRANSLATIONS_SEARCHED:
                break
        elif first_tried is None:
            first_tried = translated
    if rankings:
        return fused(rankings)[:FUSED_FROM_EACH]
    if first_tried is not None and len(first_tried.positive) > 1:
        return _most_words_ranked(columns, passing, first_tried)
    return []


def _matches(
    columns: LibraryColumns, passing: np.ndarray | None, query: ParsedQuery, mode: Mode
) -> np.ndarray:
    """Positions of the cases that match the words and pass the filters (`passing`)."""
    positions = columns.positions(get_backend().matching_ids(query, mode))
    return positions if passing is None else positions[passing[positions]]


def _correction(query: ParsedQuery, version: str) -> dict[str, str]:
    """For each word the index does not know, the closest known word, folded."""
    backend = get_backend()
    replacements = {}
    for word in query.all_words():
        folded = fold(word)
        if len(folded) < 5:
            continue
        known = backend.known_words(folded[:2], version=version)
        if any(candidate.startswith(folded) for candidate in known):
            continue
        close = difflib.get_close_matches(folded, known, n=1, cutoff=0.75)
        if close:
            replacements[word] = close[0]
    return replacements


@dataclass(frozen=True)
class _Matched:
    positions: np.ndarray  # of the matching cases that pass the filters
    mode: Mode
    query: ParsedQuery  # the query used: corrected, when it was
    corrected: str = ""  # the corrected words, when they were searched instead
    # The ids in relevance order, when finding the matches has already ranked them.
    order: list[int] | None = None


def _matching_with_fallbacks(
    columns: LibraryColumns, passing: np.ndarray | None, query: ParsedQuery
) -> _Matched:
    """All words first; then the words without å, ä and ö, or with a spelling correction;
    then the cases with the most of the words."""
    matching = _matches(columns, passing, query, Mode.ALL)
    if len(matching):
        return _Matched(matching, Mode.ALL, query)
    folded = _matches(columns, passing, query, Mode.FOLDED)
    if len(folded):
        return _Matched(folded, Mode.FOLDED, query)
    replacements = _correction(query, columns.version)
    if replacements:
        corrected = query.with_words(replacements)
        folded = _matches(columns, passing, corrected, Mode.FOLDED)
        if len(folded):
            text = " ".join(replacements.get(w, w) for w in query.all_words())
            return _Matched(folded, Mode.FOLDED, corrected, text)
    if len(query.positive) > 1:
        return _most_words(columns, passing, query)
    return _Matched(matching, Mode.ALL, query)


# When no case has all the words: the cases with the most of them, and of those at most this
# many, the best ranked. A long query otherwise answers with a good part of the library.
ANY_AT_MOST = 100
# The cases with all the words but one are one match of the groups of all but one (three groups
# of two for three words), then all but two, and so on while the groups are at most this many;
# with more, each word is matched alone and counted case by case. One match of the groups costs
# a third of matching the words one by one, as the groups' rarer words narrow the common ones.
GROUPS_AT_MOST = 10


def _most_words(
    columns: LibraryColumns, passing: np.ndarray | None, query: ParsedQuery
) -> _Matched:
    """The cases that have the most of the query's words (at least one)."""
    words = len(query.positive)
    for at_least in range(words - 1, 0, -1):
        if math.comb(words, at_least) > GROUPS_AT_MOST:
            return _most_words_counted(columns, passing, query)
        some = replace(query, at_least=at_least, joins=())
        positions = _matches(columns, passing, some, Mode.ANY)
        if len(positions):
            return _best_of(columns, some, positions)
    return _Matched(np.zeros(0, dtype=np.int64), Mode.ANY, query)


def _most_words_counted(
    columns: LibraryColumns, passing: np.ndarray | None, query: ParsedQuery
) -> _Matched:
    """The cases that have the most of the query's words, counted word by word."""
    hits = np.zeros(columns.size, dtype=np.int16)
    for term in query.positive:
        alone = replace(query, terms=(term, *query.negative), joins=())
        hits[_matches(columns, passing, alone, Mode.ALL)] += 1
    most = int(hits.max()) if columns.size else 0
    if not most:
        return _Matched(np.zeros(0, dtype=np.int64), Mode.ANY, query)
    some = replace(query, at_least=most, joins=())
    return _best_of(columns, some, np.flatnonzero(hits == most))


def _most_words_ranked(
    columns: LibraryColumns, passing: np.ndarray | None, query: ParsedQuery
) -> list[int]:
    """The ids of the cases with the most of the query's words, best first."""
    matched = _most_words(columns, passing, query)
    if matched.order is not None:
        return matched.order
    ids = columns.ids[matched.positions]
    return _RelevanceOrder(matched.query, Mode.ANY, ids, filtered=True)(0, FUSED_FROM_EACH)


def _best_of(columns: LibraryColumns, query: ParsedQuery, positions: np.ndarray) -> _Matched:
    """The matches, or the best ANY_AT_MOST of them when they are more."""
    if len(positions) <= ANY_AT_MOST:
        return _Matched(positions, Mode.ANY, query)
    # Ranked once, here: the page shows them in this order.
    best = _RelevanceOrder(query, Mode.ANY, columns.ids[positions], filtered=True)(0, ANY_AT_MOST)
    positions = np.sort(columns.positions(np.array(best, dtype=np.int64)))
    return _Matched(positions, Mode.ANY, query, order=best)


def _sliced(ids: list[int], start: int, stop: int) -> list[int]:
    return ids[start:stop]


def _organisations(counts: dict[int, int]) -> list[tuple[Organisation, int]]:
    top = sorted(counts.items(), key=lambda item: -item[1])[:ORGANISATIONS_SHOWN]
    organisations = Organisation.objects.in_bulk([pk for pk, _n in top])
    return [(organisations[pk], n) for pk, n in top if pk in organisations]


def case_search(
    *, filters: CaseFilters, page_number: int | str | None = 1, page_size: int | None = None
) -> SearchResults:
    """Every list of published cases: the case list, search, the organisation and vocabulary
    pages, the home page and the API. Words, filters, facet counts and a page in order."""
    query = parse(filters.q)
    columns = library_columns()
    passing = columns.filter_mask(filters)
    mode, used, corrected, order = None, query, "", None
    by_words = by_meaning = np.zeros(0, dtype=np.int64)
    translated: list[int] = []
    if not query.is_empty:
        translations = _translations(columns, query)
        # The model reads the translation too: it carries many a Swedish word poorly alone.
        meaning_soon = nearest_soon(
            " ".join([*query.all_words(), *translations[:1]]), columns, passing, DENSE_CANDIDATES
        )
        query = with_completions(
            with_joins(query, version=columns.version), version=columns.version
        )
        matched = _matching_with_fallbacks(columns, passing, query)
        by_words, mode, used = matched.positions, matched.mode, matched.query
        corrected, order = matched.corrected, matched.order
        by_meaning = _nearest_in_meaning(columns, query, meaning_soon)
        if len(by_words) < TRANSLATED_WHEN_FEWER_THAN:
            translated = _translated(columns, passing, query, translations)
        # Found besides the words as typed: by meaning and by the words translated.
        besides = np.union1d(by_meaning, columns.positions(np.array(translated, dtype=np.int64)))
        if not len(by_words) and len(besides):
            mode = Mode.MEANING
        matching = np.union1d(by_words, besides) if len(besides) else by_words
    else:
        matching = columns.all_positions() if passing is None else np.flatnonzero(passing)
        if query.negative:
            # Only exclusions: everything except what they name.
            excluded = ParsedQuery(tuple(replace(t, negated=False) for t in query.negative))
            named = columns.positions(get_backend().matching_ids(excluded, Mode.ALL))
            matching = np.setdiff1d(matching, named, assume_unique=True)
    # Counted on another thread while this one ranks and fetches the page: numpy and SQLite
    # both let go of the interpreter while they work, and the two take about as long.
    counts_soon = _counting.submit(columns.counts, matching)
    page_ids: Callable[[int, int], list[int]]
    if mode is not None and filters.sort == "relevance":
        lexical: Callable[[int, int], list[int]] | None = None
        if order is not None:
            lexical = partial(_sliced, order)
        elif mode is not Mode.MEANING:
            filtered = passing is not None or mode is Mode.ANY
            lexical = _RelevanceOrder(used, mode, columns.ids[by_words], filtered)
        if lexical is not None and not len(by_meaning) and not translated:
            page_ids = lexical
        else:
            weight = LEXICAL_WEIGHT_SOME_WORDS if mode is Mode.ANY else LEXICAL_WEIGHT
            dense_ids = columns.ids[by_meaning].tolist()
            page_ids = _FusedOrder(lexical, dense_ids, weight, translated)
    else:
        sort = filters.sort if filters.sort in SORTS else "newest"
        page_ids = partial(columns.ordered_ids, matching, sort)
    pages = _CasePages(len(matching), page_ids)
    # The paginator only counts and slices, all that _CasePages does.
    paginator: Paginator[Case] = Paginator(pages, page_size or PAGE_SIZE)  # type: ignore[arg-type]
    page = paginator.get_page(page_number)
    page.object_list = list(page.object_list)
    if mode is not None:
        for case in page.object_list:
            # For the case card, which shows it instead of the summary.
            case.snippet = snippet(case, used)  # type: ignore[attr-defined]
    counts = counts_soon.result()
    facets = facets_for(filters, counts)
    organisations = _organisations(counts.organisation) if mode is not None else []
    return SearchResults(
        query=query,
        mode=mode,
        page=page,
        facets=facets,
        corrected=corrected,
        organisations=organisations,
    )


def cases_in_order(*, sort: str, limit: int) -> list[Case]:
    """The first published cases in the order of a sort, such as the newest."""
    results = case_search(filters=CaseFilters(sort=sort), page_size=limit)
    return list(results.page.object_list)


def most_adopted_cases(*, limit: int) -> list[Case]:
    return [case for case in cases_in_order(sort="adopted", limit=limit) if case.adoption_count]


def library_counts() -> dict[str, int]:
    columns = library_columns()
    return {
        "cases": columns.size,
        "organisations": len(np.unique(columns.organisation)),
        "adoptions": Adoption.objects.filter(case__status=Case.Status.PUBLISHED).count(),
    }


def case_ids_matching(*, filters: CaseFilters, among: list[int]) -> list[int]:
    """Of the published cases `among`, the ids of those that the filters and all the words
    find, ascending: for telling followers what is new (no fallback to some of the words)."""
    columns = library_columns()
    positions = columns.positions(np.array(sorted(set(among)), dtype=np.int64))
    passing = columns.filter_mask(filters)
    if passing is not None:
        positions = positions[passing[positions]]
    query = parse(filters.q)
    if not query.is_empty and len(positions):
        query = with_joins(query, version=columns.version)
        ids = columns.ids[positions]
        found = get_backend().matching_ids(query, Mode.ALL, among=ids.tolist())
        return sorted(set(found.tolist()))
    return sorted(columns.ids[positions].tolist())
