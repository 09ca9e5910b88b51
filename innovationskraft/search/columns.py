"""The published library held in memory as columns, one array per field, for filters, facet
counts and sorting over any set of matches.

A search engine keeps such columns beside its word index; with them a query costs one match
in the index, and the filters, every facet count and a page in any order are array operations
over the matches instead of a query each. The columns are built once per library version (see
`library.py`) and shared by the requests of a process: about 230 bytes a case (23 MB at
100,000). Which columns there are follows the case contract: each filtered field of
`cases.contract` has one."""

import threading
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from django.db import connection

from innovationskraft.cases import contract
from innovationskraft.cases.contract import Kind
from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.search.filters import SORTS, years_between
from innovationskraft.search.library import library_version

NONE = -1
# Filters on one value per case: filter name -> case field.
SCALAR_FILTERS = {f.filter: f for f in contract.FILTERED if f.kind is not Kind.TERMS}
# Filters on terms linked to a case: filter name -> case field.
TERM_FILTERS = {f.filter: f for f in contract.FILTERED if f.kind is Kind.TERMS}


def choices_of(name: str) -> list[str]:
    return [str(value) for value, _label in contract.model_field(name).choices or []]


@dataclass(frozen=True)
class CaseSets:
    """For each of some values (term ids), the cases that have it, as a row of bits with one
    bit per case position (12 bytes a case for the shipped vocabularies). Counting how many
    chosen cases have each value is then one AND and one population count over all rows,
    whatever the number of chosen cases: every term field of 20,000 of 100,000 cases counted
    in 1 ms, where gathering their terms took 8."""

    values: np.ndarray
    bits: np.ndarray  # (values, words) of uint64

    @classmethod
    def of(cls, positions: np.ndarray, values: np.ndarray, size: int) -> "CaseSets":
        distinct, row = np.unique(values, return_inverse=True)
        bits = np.zeros((len(distinct), _words(size)), dtype=np.uint64)
        bit = np.left_shift(np.uint64(1), (positions & 63).astype(np.uint64))
        np.bitwise_or.at(bits, (row, positions >> 6), bit)
        return cls(distinct, bits)

    def counted(self, chosen: np.ndarray) -> dict[int, int]:
        """Value -> how many of the chosen cases (`bits_of` a mask) have it."""
        hits = np.bitwise_count(self.bits & chosen).sum(axis=1)
        return {int(value): int(n) for value, n in zip(self.values, hits, strict=True) if n}


def _words(size: int) -> int:
    return (size + 63) // 64


def bits_of(mask: np.ndarray) -> np.ndarray:
    """A mask over the case positions as the rows of CaseSets hold it."""
    padded = np.zeros(_words(len(mask)) * 64, dtype=bool)
    padded[: len(mask)] = mask
    return np.packbits(padded, bitorder="little").view(np.uint64)


@dataclass(frozen=True)
class Links:
    """A many-to-many field as (case position, other id) pairs ordered by case position."""

    positions: np.ndarray
    others: np.ndarray

    def mask(self, size: int, wanted) -> np.ndarray:
        mask = np.zeros(size, dtype=bool)
        mask[self.positions[np.isin(self.others, wanted)]] = True
        return mask


@dataclass(frozen=True)
class TermLinks(Links):
    """Links to terms, with the cases of each term and of each top-level term (a case counted
    once under a parent whichever of its children it has)."""

    terms: CaseSets
    roots: CaseSets


@dataclass(frozen=True)
class PartnerLinks(Links):
    """Links to the organisations that took part, read case by case (`organisation_cases`)."""

    # Where each case's pairs begin: case p's are [starts[p], starts[p + 1]).
    starts: np.ndarray


def _gathered(values: np.ndarray, starts: np.ndarray, chosen: np.ndarray) -> np.ndarray:
    """The values of the chosen cases' pairs, read by their ranges (a third of the time of
    testing every pair when a quarter of the library is chosen)."""
    first = starts[chosen]
    counts = starts[chosen + 1] - first
    # Each pair's index: its case's first, counted up from there.
    begins = np.repeat(first - np.cumsum(counts) + counts, counts)
    return values[begins + np.arange(len(begins))]


def _starts(positions: np.ndarray, size: int) -> np.ndarray:
    return np.searchsorted(positions, np.arange(size + 1))


@dataclass
class RawCounts:
    total: int = 0
    # Filter name -> {value: cases}: a choice's value, a term's id or a year.
    values: dict[str, dict] = field(default_factory=dict)
    # Lead organisation id -> cases.
    organisation: dict[int, int] = field(default_factory=dict)
    # Filter name -> (cases per term, distinct cases per top-level term).
    terms: dict[str, tuple[dict, dict]] = field(default_factory=dict)


def _tally(values: np.ndarray) -> dict[int, int]:
    """How often each value occurs, leaving out NONE."""
    values = values[values >= 0]
    if not len(values):
        return {}
    counts = np.bincount(values)
    return {int(value): int(counts[value]) for value in np.flatnonzero(counts)}


def _subtracted(whole: dict[int, int], part: dict[int, int]) -> dict[int, int]:
    if not part:
        return dict(whole)  # never the cached counts themselves, which a caller could change
    left = {value: n - part.get(value, 0) for value, n in whole.items()}
    return {value: n for value, n in left.items() if n}


def _less(whole: RawCounts, part: RawCounts) -> RawCounts:
    """The counts of the cases in `whole` but not in `part` (a subset of them)."""
    return RawCounts(
        total=whole.total - part.total,
        values={
            name: _subtracted(counted, part.values[name]) for name, counted in whole.values.items()
        },
        organisation=_subtracted(whole.organisation, part.organisation),
        terms={
            name: (_subtracted(terms, part.terms[name][0]), _subtracted(roots, part.terms[name][1]))
            for name, (terms, roots) in whole.terms.items()
        },
    )


def term_and_descendants(vocabulary: str, code: str) -> list[int]:
    ids = list(Term.objects.filter(vocabulary=vocabulary, code=code).values_list("id", flat=True))
    children = list(Term.objects.filter(parent_id__in=ids).values_list("id", flat=True))
    return ids + children


def organisation_ids(**lookup) -> list[int]:
    return list(Organisation.objects.filter(**lookup).values_list("id", flat=True))


@dataclass(frozen=True)
class LibraryColumns:
    version: str
    ids: np.ndarray  # ascending
    position_of_id: np.ndarray  # NONE where an id is not a published case
    scalars: dict[str, np.ndarray]  # filter name -> a choice's index, a term id or a year
    organisation: np.ndarray
    links: dict[str, TermLinks]  # filter name -> the terms
    partners: PartnerLinks
    # For each sort, the place of each case in that order.
    sort_places: dict[str, np.ndarray]

    @property
    def size(self) -> int:
        return len(self.ids)

    def positions(self, ids: np.ndarray) -> np.ndarray:
        """The positions of the published cases among the ids, ascending with the ids."""
        ids = ids[(ids >= 0) & (ids < len(self.position_of_id))]
        positions = self.position_of_id[ids]
        return positions[positions != NONE]

    def all_positions(self) -> np.ndarray:
        return np.arange(self.size)

    def _scalar_mask(self, name: str, value: str) -> np.ndarray:
        case_field, column = SCALAR_FILTERS[name], self.scalars[name]
        if case_field.kind is Kind.CHOICE:
            choices = choices_of(case_field.name)
            return column == (choices.index(value) if value in choices else NONE - 1)
        if case_field.kind is Kind.TERM:
            term = Term.objects.filter(vocabulary=case_field.vocabulary, code=value).first()
            return column == (term.pk if term else NONE - 1)
        if case_field.kind is Kind.YEAR:
            years = years_between(value)
            if years is None:
                return np.zeros(len(column), dtype=bool)
            return (column >= years[0]) & (column <= years[1])
        return column == (int(value) if value.isdigit() else NONE - 1)

    def filter_mask(self, filters) -> np.ndarray | None:
        """Which cases pass the filters other than the words; None when no filter is set."""
        masks = [
            self._scalar_mask(name, getattr(filters, name))
            for name in SCALAR_FILTERS
            if getattr(filters, name)
        ]
        for name, case_field in TERM_FILTERS.items():
            code = getattr(filters, name)
            if code:
                wanted = term_and_descendants(case_field.vocabulary, code)
                masks.append(self.links[name].mask(self.size, wanted))
        if filters.org_type:
            masks.append(np.isin(self.organisation, organisation_ids(kind=filters.org_type)))
        if filters.county:
            masks.append(np.isin(self.organisation, organisation_ids(county_code=filters.county)))
        if filters.organisation:
            wanted = organisation_ids(slug=filters.organisation)
            lead = np.isin(self.organisation, wanted)
            masks.append(lead | self.partners.mask(self.size, wanted))
        return np.logical_and.reduce(masks) if masks else None

    def counts(self, positions: np.ndarray) -> RawCounts:
        """The facet counts of the cases at the positions (ascending, distinct). When they are
        most of the library, the whole library's counts less those of the rest: a common word
        matches nearly every case, and the few it does not are quicker to count."""
        chosen = np.zeros(self.size, dtype=bool)
        chosen[positions] = True
        if 2 * len(positions) <= self.size:
            return self._counted(positions, chosen)
        left_out = ~chosen
        rest = self._counted(np.flatnonzero(left_out), left_out)
        return _less(self._all_counts, rest)

    @cached_property
    def _all_counts(self) -> RawCounts:
        return self._counted(self.all_positions(), np.ones(self.size, dtype=bool))

    def _counted(self, positions: np.ndarray, chosen: np.ndarray) -> RawCounts:
        counts = RawCounts(
            total=len(positions),
            values={name: _tally(column[positions]) for name, column in self.scalars.items()},
            organisation=_tally(self.organisation[positions]),
        )
        chosen_bits = bits_of(chosen)
        for name, links in self.links.items():
            counts.terms[name] = (
                links.terms.counted(chosen_bits),
                links.roots.counted(chosen_bits),
            )
        return counts

    def organisation_cases(self, positions: np.ndarray) -> dict[int, int]:
        """Organisation id -> the cases among the positions it leads or takes part in, as the
        `organisation` filter finds them (a lead also named a partner counts once)."""
        starts, others = self.partners.starts, self.partners.others
        per_case = starts[positions + 1] - starts[positions]
        cases = np.concatenate([positions, np.repeat(positions, per_case)])
        organisations = np.concatenate(
            [self.organisation[positions], _gathered(others, starts, positions)]
        )
        known = organisations >= 0
        cases, organisations = cases[known], organisations[known]
        if not len(organisations):
            return {}
        # Each (case, organisation) pair once, as one number per pair.
        width = int(organisations.max()) + 1
        pairs = np.unique(cases * width + organisations)
        return _tally(pairs % width)

    def ordered_ids(self, positions: np.ndarray, sort: str, start: int, stop: int) -> list[int]:
        """The ids of one page of the cases at the positions, in the order of the sort."""
        stop = min(stop, len(positions))
        if start >= stop:
            return []
        places = self.sort_places[sort][positions]
        first = np.argpartition(places, stop - 1)[:stop] if stop < len(places) else None
        if first is None:
            first = np.arange(len(places))
        page = first[np.argsort(places[first])][start:stop]
        return self.ids[positions[page]].tolist()


def _scalar(rows: list[tuple], index: int, case_field) -> np.ndarray:
    if case_field.kind is Kind.CHOICE:
        place = {value: i for i, value in enumerate(choices_of(case_field.name))}
        return np.array([place.get(row[index], NONE) for row in rows], dtype=np.int64)
    return np.array([NONE if row[index] is None else row[index] for row in rows], dtype=np.int64)


def _link_rows(sql: str, position_of_id: np.ndarray) -> list[np.ndarray]:
    """The columns of the rows (case id first, as case positions), of published cases only,
    ordered by case position."""
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
        width = len(cursor.description)
    if not rows:
        return [np.array([], dtype=np.int64) for _ in range(width)]
    cases, *others = (np.array(column, dtype=np.int64) for column in zip(*rows, strict=True))
    inside = cases < len(position_of_id)
    positions = np.where(inside, position_of_id[np.where(inside, cases, 0)], NONE)
    published = positions != NONE
    order = np.argsort(positions[published], kind="stable")
    return [column[published][order] for column in (positions, *others)]


def _partner_links(position_of_id: np.ndarray, size: int) -> PartnerLinks:
    # A partner counts once it confirmed it took part (cases.models.CasePartner).
    table = connection.ops.quote_name(Case.partners.through._meta.db_table)
    confirmed = connection.ops.quote_name("confirmed")
    sql = f"SELECT case_id, organisation_id FROM {table} WHERE {confirmed}"
    positions, organisations = _link_rows(sql, position_of_id)
    return PartnerLinks(positions, organisations, _starts(positions, size))


def _term_links(through, position_of_id: np.ndarray, size: int) -> TermLinks:
    table = connection.ops.quote_name(through._meta.db_table)
    term_table = connection.ops.quote_name(Term._meta.db_table)
    sql = (
        f"SELECT link.case_id, link.term_id, COALESCE(term.parent_id, term.id) "
        f"FROM {table} link JOIN {term_table} term ON term.id = link.term_id"
    )
    positions, terms, roots = _link_rows(sql, position_of_id)
    return TermLinks(
        positions,
        terms,
        terms=CaseSets.of(positions, terms, size),
        roots=CaseSets.of(positions, roots, size),
    )


def _sort_places(ids: np.ndarray, position_of_id: np.ndarray) -> dict[str, np.ndarray]:
    places = {}
    published = Case.objects.filter(status=Case.Status.PUBLISHED)
    for sort, ordering in SORTS.items():
        ordered = np.fromiter(
            published.order_by(*ordering).values_list("id", flat=True).iterator(),
            dtype=np.int64,
        )
        # A case published since the columns were read is left out of this order too.
        positions = position_of_id[ordered[ordered < len(position_of_id)]]
        positions = positions[positions != NONE]
        place = np.full(len(ids), len(ids), dtype=np.int64)
        place[positions] = np.arange(len(positions))
        places[sort] = place
    return places


def _built(version: str) -> LibraryColumns:
    scalar_fields = list(SCALAR_FILTERS.values())
    columns = ["id", "lead_organisation_id", *(f.name for f in scalar_fields)]
    published = Case.objects.filter(status=Case.Status.PUBLISHED)
    rows = list(published.order_by("id").values_list(*columns))
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    position_of_id = np.full(int(ids.max()) + 1 if len(ids) else 0, NONE, dtype=np.int64)
    position_of_id[ids] = np.arange(len(ids))
    return LibraryColumns(
        version=version,
        ids=ids,
        position_of_id=position_of_id,
        scalars={
            name: _scalar(rows, index, case_field)
            for index, (name, case_field) in enumerate(SCALAR_FILTERS.items(), start=2)
        },
        organisation=_scalar(rows, 1, contract.BY_NAME["lead_organisation"]),
        links={
            name: _term_links(getattr(Case, case_field.name).through, position_of_id, len(ids))
            for name, case_field in TERM_FILTERS.items()
        },
        partners=_partner_links(position_of_id, len(ids)),
        sort_places=_sort_places(ids, position_of_id),
    )


_lock = threading.Lock()
_current: LibraryColumns | None = None


def library_columns() -> LibraryColumns:
    """The columns of the library as this request sees it, built again after a change."""
    global _current
    version = library_version()  # read before the data, so a later change is noticed
    current = _current
    if current is not None and current.version == version:
        return current
    with _lock:
        if _current is None or _current.version != version:
            _current = _built(version)
        return _current


def forget_columns() -> None:
    """For tests, whose rolled-back data may come back under an earlier version."""
    global _current
    _current = None
