"""Discovery: similar cases with the reason, who else works on the same thing, and likely
duplicates of a case being written."""

from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import gettext as _

from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.selectors import published_cases_by_id
from innovationskraft.search.analysis import STOP_WORDS, stems, word_stems, words
from innovationskraft.search.backends import Mode, get_backend
from innovationskraft.search.columns import library_columns
from innovationskraft.search.embeddings import passage_text
from innovationskraft.search.fusion import fused
from innovationskraft.search.library import library_version
from innovationskraft.search.query import ParsedQuery, QueryTerm
from innovationskraft.search.vectors import case_vector, nearest, passage_vector_soon

CANDIDATES = 30
MAX_QUERY_WORDS = 12
CACHE_SECONDS = 600
# Similar cases by their words are ranked among this many of the newest published cases; the
# vectors reach the whole library.
RANKED_AT_MOST = 2000


@dataclass
class SimilarCase:
    case: Case
    score: float
    reasons: list[str] = field(default_factory=list)


def _words_query(text: str) -> ParsedQuery:
    meaningful = [w for w in dict.fromkeys(words(text)) if w not in STOP_WORDS and len(w) > 2]
    return ParsedQuery(tuple(QueryTerm((w,)) for w in meaningful[:MAX_QUERY_WORDS]))


def _candidates(
    text: str, exclude_ids: set[int], limit: int, *, direct: bool = False, newest: bool = False
) -> list[int]:
    """The best matches of any of the text's words. `newest`: ranked among the newest
    RANKED_AT_MOST published cases only, since a case's words match most of a large library
    and ranking them all costs half a second at 100,000 cases (the search page ranks within
    the same budget; the vectors, when computed, reach the older ones). A duplicate check
    ranks them all: an old duplicate is still one."""
    query = _words_query(text)
    if query.is_empty:
        return []
    from_id = None
    if newest:
        published = library_columns().ids
        if len(published) > RANKED_AT_MOST:
            from_id = int(published[-RANKED_AT_MOST])
    ids = get_backend().ranked_ids(
        query, Mode.ANY, direct=direct, from_id=from_id, limit=limit + len(exclude_ids)
    )
    return [pk for pk in ids if pk not in exclude_ids][:limit]


def _shared_title_words(case: Case, other: Case) -> list[str]:
    """The other case's title words that share a stem with this case's title or summary."""
    own = {stem for word in words(f"{case.title} {case.summary}") for stem in word_stems(word)}
    shared = [
        word
        for word in dict.fromkeys(words(other.title))
        if word not in STOP_WORDS and len(word) > 2 and own.intersection(word_stems(word))
    ]
    return shared[:3]


def _term_ids(case: Case, relation: str) -> set[int]:
    return {term.pk for term in getattr(case, relation).all()}


def _scored(
    case: Case, own: dict[str, set[int]], other: Case, text_rank: int, by_meaning: bool
) -> SimilarCase:
    reasons = []
    score = (CANDIDATES - text_rank) / CANDIDATES * 2
    shared_words = _shared_title_words(case, other)
    if shared_words:
        reasons.append(_("also about %(words)s") % {"words": ", ".join(shared_words)})
    elif by_meaning:
        # Found by meaning, perhaps in the other language: no words in common to name.
        reasons.append(_("about the same thing"))
    if case.sector_id and case.sector_id == other.sector_id and other.sector:
        score += 1
        reasons.append(_("also in %(sector)s") % {"sector": other.sector.label.lower()})
    groups = [t for t in other.target_groups.all() if t.pk in own["target_groups"]]
    if groups:
        score += 0.5 * len(groups)
        labels = ", ".join(t.label.lower() for t in groups[:2])
        reasons.append(_("also for %(groups)s") % {"groups": labels})
    barriers = [t for t in other.barriers.all() if t.pk in own["barriers"]]
    if barriers:
        score += 1.0 * len(barriers)
        labels = ", ".join(t.label.lower() for t in barriers[:2])
        reasons.append(_("also met: %(barriers)s") % {"barriers": labels})
    return SimilarCase(case=other, score=score, reasons=reasons)


def _nearest_ids(vector, exclude_ids: set[int], limit: int) -> list[int]:
    columns = library_columns()
    positions, _similarity, _standing_out = nearest(vector, columns, None, limit + len(exclude_ids))
    return [pk for pk in columns.ids[positions].tolist() if pk not in exclude_ids][:limit]


def _ranked_similar(case: Case) -> list[SimilarCase]:
    text = f"{case.title} {case.summary}"
    by_words = _candidates(text, {case.pk}, CANDIDATES, newest=True)
    vector = case_vector(case.pk)
    by_meaning = [] if vector is None else _nearest_ids(vector, {case.pk}, CANDIDATES)
    ids = fused([(by_words, 1.0), (by_meaning, 1.0)])[:CANDIDATES]
    meaning_only = set(by_meaning) - set(by_words)
    by_id = published_cases_by_id(ids, prefetch=["target_groups", "barriers"])
    own = {relation: _term_ids(case, relation) for relation in ("target_groups", "barriers")}
    scored = [
        _scored(case, own, by_id[pk], rank, pk in meaning_only)
        for rank, pk in enumerate(ids)
        if pk in by_id
    ]
    return sorted(scored, key=lambda similar: -similar.score)


def _cache_key(kind: str, case: Case) -> str:
    version = library_version()
    return f"{kind}:{version}:{case.pk}:{case.updated_at.isoformat()}"


def _related(case: Case) -> list[SimilarCase]:
    """The ranked similar cases, computed once for both lists that draw on them."""
    key = _cache_key("related", case)
    found = cache.get(key)
    if found is None:
        found = _ranked_similar(case)
        cache.set(key, found, CACHE_SECONDS)
    return found


def similar_cases(*, case: Case, limit: int = 5) -> list[SimilarCase]:
    """The published cases most like this one by text and vocabularies, with the reasons."""
    return _related(case)[:limit]


def organisations_working_on(*, case: Case, limit: int = 5) -> list[tuple[Organisation, int]]:
    """Other organisations leading the most cases related to this one."""
    counts = Counter(
        s.case.lead_organisation_id
        for s in _related(case)
        if s.case.lead_organisation_id != case.lead_organisation_id
    )
    top = counts.most_common(limit)
    organisations = Organisation.objects.in_bulk([pk for pk, _n in top])
    return [(organisations[pk], n) for pk, n in top if pk in organisations]


def _overlap(first: str, second: str) -> float:
    a, b = set(stems(first)), set(stems(second))
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


DUPLICATE_TITLE_OVERLAP = 0.75
DUPLICATE_COMBINED_OVERLAP = 0.5
# By meaning (measured on the registry's 755 records, docs/search.md): distinct records' nearest
# neighbours lie at 0.89 (median) to 0.95 (95th percentile); the same innovation in the same
# language lies above 0.95. Written in the other language it lies near 0.9, as related ones
# do, but stands far out from the rest of the library.
DUPLICATE_SIMILARITY = 0.95
DUPLICATE_SIMILARITY_STANDING_OUT = (0.88, 4.5)


def possible_duplicates(
    *, title: str, summary: str = "", exclude_slug: str | None = None, limit: int = 3
) -> list[Case]:
    """Published cases that are likely the same innovation as the one being written."""
    if len(stems(title)) < 1:
        return []
    # A duplicate shares the words themselves (see _overlap), so compound parts are not
    # looked for: leaving them out makes the check three times faster.
    vector_soon = passage_vector_soon(passage_text(title, summary))
    # With vectors, meaning reaches every case, so words need only rank the newest.
    ids = _candidates(title, set(), 10, direct=True, newest=vector_soon is not None)
    near_in_meaning: dict[int, float] = {}
    if vector_soon is not None:
        vector = vector_soon.result()
        columns = library_columns()
        positions, similarity, standing_out = nearest(vector, columns, None, 5, centred=False)
        least, far_out = DUPLICATE_SIMILARITY_STANDING_OUT
        duplicate = (similarity >= DUPLICATE_SIMILARITY) | (
            (similarity >= least) & (standing_out >= far_out)
        )
        near_in_meaning = {
            pk: float(score)
            for pk, score in zip(
                columns.ids[positions[duplicate]].tolist(), similarity[duplicate], strict=True
            )
        }
    ids = list(dict.fromkeys([*ids, *near_in_meaning]))
    candidates = [c for c in published_cases_by_id(ids).values() if c.slug != exclude_slug]
    found = []
    for candidate in candidates:
        if candidate.pk in near_in_meaning:
            found.append((2 * near_in_meaning[candidate.pk], candidate))
            continue
        title_overlap = _overlap(title, candidate.title)
        summary_overlap = _overlap(summary, candidate.summary) if summary else 0.0
        if (
            title_overlap >= DUPLICATE_TITLE_OVERLAP
            or (title_overlap + summary_overlap) / 2 >= DUPLICATE_COMBINED_OVERLAP
        ):
            found.append((title_overlap + summary_overlap, candidate))
    found.sort(key=lambda pair: -pair[0])
    return [candidate for _score, candidate in found[:limit]]
