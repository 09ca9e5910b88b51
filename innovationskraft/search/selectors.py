"""Search over the published library: the query, its fallbacks, facets and a page of results."""

import difflib
from dataclasses import dataclass, field, replace

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from innovationskraft.cases import selectors as case_selectors
from innovationskraft.cases.facets import Facet, facet_counts, raw_counts
from innovationskraft.cases.filters import SORTS, CaseFilters, apply_filters
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.search.analysis import fold
from innovationskraft.search.backends import Mode, get_backend
from innovationskraft.search.backends.base import Sql
from innovationskraft.search.highlight import snippet
from innovationskraft.search.query import ParsedQuery, parse

PAGE_SIZE = 20
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


class _RankedCases:
    """The matching cases in rank order, fetched a page at a time by the paginator."""

    def __init__(self, query: ParsedQuery, mode: Mode, within: Sql | None, total: int):
        self.query, self.mode, self.within, self.total = query, mode, within, total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, page_slice: slice) -> list[Case]:
        ids = get_backend().ranked_ids(
            self.query,
            self.mode,
            within=self.within,
            limit=page_slice.stop - page_slice.start,
            offset=page_slice.start,
        )
        by_id = {
            case.pk: case
            for case in case_selectors.published_cases()
            .filter(pk__in=ids)
            .select_related(*case_selectors.CARD_RELATIONS)
        }
        return [by_id[pk] for pk in ids if pk in by_id]


def _matching(base: QuerySet[Case], query: ParsedQuery, mode: Mode) -> QuerySet[Case]:
    sql, params = get_backend().match_sql(query, mode)
    return base.filter(pk__in=RawSQL(sql, params))


def _correction(query: ParsedQuery) -> dict[str, str]:
    """For each word the index does not know, the closest known word, folded."""
    backend = get_backend()
    replacements = {}
    for word in query.all_words():
        folded = fold(word)
        if len(folded) < 5:
            continue
        known = backend.known_words(folded[:2])
        if any(candidate.startswith(folded) for candidate in known):
            continue
        close = difflib.get_close_matches(folded, known, n=1, cutoff=0.75)
        if close:
            replacements[word] = close[0]
    return replacements


def _matching_with_fallbacks(base, query: ParsedQuery):
    """All words first; then the words without å, ä and ö, or with a spelling correction;
    then any of the words. Returns the queryset, the mode, the query used and its text."""
    matching = _matching(base, query, Mode.ALL)
    if matching.exists():
        return matching, Mode.ALL, query, ""
    folded = _matching(base, query, Mode.FOLDED)
    if folded.exists():
        return folded, Mode.FOLDED, query, ""
    replacements = _correction(query)
    if replacements:
        corrected = query.with_words(replacements)
        folded = _matching(base, corrected, Mode.FOLDED)
        if folded.exists():
            text = " ".join(replacements.get(w, w) for w in query.all_words())
            return folded, Mode.FOLDED, corrected, text
    if len(query.positive) > 1:
        return _matching(base, query, Mode.ANY), Mode.ANY, query, ""
    return matching, Mode.ALL, query, ""


def _within(base: QuerySet[Case], filters: CaseFilters) -> Sql | None:
    if not set(filters.active()) - {"q"}:
        return None  # the index holds published cases only
    sql, params = base.values("id").order_by().query.sql_with_params()
    return sql, list(params)


def _organisations(counts: dict[int, int]) -> list[tuple[Organisation, int]]:
    top = sorted(counts.items(), key=lambda item: -item[1])[:ORGANISATIONS_SHOWN]
    organisations = Organisation.objects.in_bulk([pk for pk, _n in top])
    return [(organisations[pk], n) for pk, n in top if pk in organisations]


def case_search(*, filters: CaseFilters, page_number=1) -> SearchResults:
    query = parse(filters.q)
    base = apply_filters(case_selectors.published_cases(), filters)
    if query.is_empty:
        matching, mode, used, corrected = base, None, query, ""
        if query.negative:
            # Only exclusions: everything except what they name.
            excluded = ParsedQuery(tuple(replace(t, negated=False) for t in query.negative))
            matching = base.exclude(pk__in=RawSQL(*get_backend().match_sql(excluded, Mode.ALL)))
    else:
        matching, mode, used, corrected = _matching_with_fallbacks(base, query)
    counts = raw_counts(matching, filters)
    total, facets = facet_counts(matching, filters, counts=counts)
    if mode is not None and filters.sort == "relevance":
        ordered = _RankedCases(used, mode, _within(base, filters), total)
    else:
        sort = filters.sort if filters.sort in SORTS else "newest"
        # The description stays: a snippet may come from it.
        ordered = (
            matching.select_related(*case_selectors.CARD_RELATIONS)
            .defer("user_involvement", "barriers_text", "enablers_text")
            .order_by(*SORTS[sort])
        )
    paginator = Paginator(ordered, PAGE_SIZE)
    paginator.count = total  # already counted with the facets
    page = paginator.get_page(page_number)
    page.object_list = list(page.object_list)
    if mode is not None:
        for case in page.object_list:
            case.snippet = snippet(case, used)
    organisations = _organisations(counts.organisation) if mode is not None else []
    return SearchResults(
        query=query,
        mode=mode,
        page=page,
        facets=facets,
        corrected=corrected,
        organisations=organisations,
    )
