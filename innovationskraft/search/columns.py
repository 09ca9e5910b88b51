"""The published library held in memory as columns, one array per field, for filters, facet
counts and sorting over any set of matches.

A search engine keeps such columns beside its word index; with them a query costs one match
in the index, and the filters, every facet count and a page in any order are array operations
over the matches instead of a query each. The columns are built once per library version (see
`library_version`) and shared by the requests of a process: about 30 bytes per case."""

import threading
from dataclasses import dataclass

import numpy as np
from django.db import connection

from innovationskraft.cases.facets import TERM_RELATIONS, RawCounts, library_version
from innovationskraft.cases.filters import (
    SORTS,
    TERM_FILTERS,
    CaseFilters,
    organisation_ids,
    term_and_descendants,
)
from innovationskraft.cases.models import CASE_FIELD_OF_VOCABULARY, Case, Term, Vocabulary
from innovationskraft.cases.selectors import published_cases

STAGES = list(Case.Stage.values)
FACETS = list(Case.Facet.values)
NONE = -1


@dataclass(frozen=True)
class Links:
    """A many-to-many field as (case position, term) pairs, and the distinct (case position,
    top-level term) pairs that count each case once under a parent term."""

    positions: np.ndarray
    terms: np.ndarray
    root_positions: np.ndarray
    roots: np.ndarray


def _tally(values: np.ndarray) -> dict[int, int]:
    """How often each value occurs, leaving out NONE."""
    values = values[values >= 0]
    if not len(values):
        return {}
    counts = np.bincount(values)
    return {int(value): int(counts[value]) for value in np.flatnonzero(counts)}


@dataclass(frozen=True)
class LibraryColumns:
    version: str
    ids: np.ndarray  # ascending
    position_of_id: np.ndarray  # NONE where an id is not a published case
    sector: np.ndarray
    stage: np.ndarray  # index in STAGES
    facet: np.ndarray  # index in FACETS
    year: np.ndarray
    organisation: np.ndarray
    links: dict[str, Links]
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

    def filter_mask(self, filters: CaseFilters) -> np.ndarray | None:
        """Which cases pass the filters other than the words; None when no filter is set."""
        masks = []
        if filters.sector:
            sector = Term.objects.filter(vocabulary=Vocabulary.SECTOR, code=filters.sector).first()
            masks.append(self.sector == (sector.pk if sector else NONE - 1))
        if filters.stage:
            masks.append(self.stage == _index(STAGES, filters.stage))
        if filters.facet:
            masks.append(self.facet == _index(FACETS, filters.facet))
        if filters.org_type:
            masks.append(np.isin(self.organisation, organisation_ids(kind=filters.org_type)))
        if filters.county:
            masks.append(np.isin(self.organisation, organisation_ids(county_code=filters.county)))
        if filters.year:
            masks.append(self.year == int(filters.year))
        for vocabulary in TERM_FILTERS:
            code = getattr(filters, vocabulary)
            if code:
                links = self.links[CASE_FIELD_OF_VOCABULARY[vocabulary]]
                chosen = np.isin(links.terms, term_and_descendants(vocabulary, code))
                mask = np.zeros(self.size, dtype=bool)
                mask[links.positions[chosen]] = True
                masks.append(mask)
        if not masks:
            return None
        return np.logical_and.reduce(masks)

    def counts(self, positions: np.ndarray) -> RawCounts:
        counts = RawCounts(
            total=len(positions),
            sector=_tally(self.sector[positions]),
            stage={STAGES[i]: n for i, n in _tally(self.stage[positions]).items()},
            facet={FACETS[i]: n for i, n in _tally(self.facet[positions]).items()},
            year=_tally(self.year[positions]),
            organisation=_tally(self.organisation[positions]),
        )
        chosen = np.zeros(self.size, dtype=bool)
        chosen[positions] = True
        for relation, links in self.links.items():
            per_term = _tally(links.terms[chosen[links.positions]])
            per_root = _tally(links.roots[chosen[links.root_positions]])
            counts.terms[relation] = (per_term, per_root)
        return counts

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


def _index(values: list[str], value: str) -> int:
    return values.index(value) if value in values else NONE - 1


def _column(rows: list[tuple], index: int) -> np.ndarray:
    return np.array([NONE if row[index] is None else row[index] for row in rows], dtype=np.int64)


def _links(relation: str, position_of_id: np.ndarray) -> Links:
    table = getattr(Case, relation).through._meta.db_table
    term_table = Term._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT link.case_id, link.term_id, COALESCE(term.parent_id, term.id) "
            f"FROM {table} link JOIN {term_table} term ON term.id = link.term_id"
        )
        rows = cursor.fetchall()
    if not rows:
        empty = np.array([], dtype=np.int64)
        return Links(empty, empty, empty, empty)
    cases, terms, roots = (np.array(column, dtype=np.int64) for column in zip(*rows, strict=True))
    inside = cases < len(position_of_id)
    positions = np.where(inside, position_of_id[np.where(inside, cases, 0)], NONE)
    published = positions != NONE
    positions, terms, roots = positions[published], terms[published], roots[published]
    pairs = np.unique(np.stack([positions, roots], axis=1), axis=0)
    return Links(positions, terms, pairs[:, 0], pairs[:, 1])


def _sort_places(ids: np.ndarray, position_of_id: np.ndarray) -> dict[str, np.ndarray]:
    places = {}
    for sort, ordering in SORTS.items():
        ordered = np.fromiter(
            published_cases().order_by(*ordering).values_list("id", flat=True).iterator(),
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
    columns = ("id", "sector_id", "stage", "facet", "start_year", "lead_organisation_id")
    rows = list(published_cases().order_by("id").values_list(*columns))
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    position_of_id = np.full(int(ids.max()) + 1 if len(ids) else 0, NONE, dtype=np.int64)
    position_of_id[ids] = np.arange(len(ids))
    stage_index = {value: i for i, value in enumerate(STAGES)}
    facet_index = {value: i for i, value in enumerate(FACETS)}
    return LibraryColumns(
        version=version,
        ids=ids,
        position_of_id=position_of_id,
        sector=_column(rows, 1),
        stage=np.array([stage_index.get(row[2], NONE) for row in rows], dtype=np.int64),
        facet=np.array([facet_index.get(row[3], NONE) for row in rows], dtype=np.int64),
        year=_column(rows, 4),
        organisation=_column(rows, 5),
        links={relation: _links(relation, position_of_id) for relation in TERM_RELATIONS.values()},
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
