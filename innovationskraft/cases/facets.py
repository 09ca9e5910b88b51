"""Counts for each filter of the case list, over the cases matching the current filters."""

import hashlib
import json
import uuid
from dataclasses import asdict, dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.filters import TERM_FILTERS, CaseFilters
from innovationskraft.cases.models import (
    CASE_FIELD_OF_VOCABULARY,
    Case,
    LibraryVersion,
    Organisation,
    Term,
)
from innovationskraft.cases.registry import county_names

# Up to this many matches the rows are counted in Python from one scan; above it, the
# database groups them, which beats moving every row into Python.
SCAN_LIMIT = 5000
# Counts are kept under the library's version, so these only bound how long unused entries
# stay. Large sets cost more to count.
CACHE_SECONDS = 60
LARGE_SET_CACHE_SECONDS = 600
TERM_RELATIONS = {str(v): CASE_FIELD_OF_VOCABULARY[v] for v in TERM_FILTERS}
LIBRARY_ROW = 1


def library_version() -> str:
    """The token of the library as this transaction sees it ("" before the first change)."""
    tokens = LibraryVersion.objects.filter(pk=LIBRARY_ROW).values_list("token", flat=True)
    return tokens.first() or ""


def library_changed() -> None:
    """Called by the services on every change to the library, inside their transaction: a
    reader that sees the change also sees the new token, so nothing computed from the old
    library is served for the new one, in this process or another."""
    token = uuid.uuid4().hex
    if not LibraryVersion.objects.filter(pk=LIBRARY_ROW).update(token=token):
        LibraryVersion.objects.update_or_create(pk=LIBRARY_ROW, defaults={"token": token})


@dataclass
class RawCounts:
    total: int = 0
    sector: dict = field(default_factory=dict)
    stage: dict = field(default_factory=dict)
    facet: dict = field(default_factory=dict)
    year: dict = field(default_factory=dict)
    organisation: dict = field(default_factory=dict)
    # relation name -> (cases per term, distinct cases per top-level term)
    terms: dict = field(default_factory=dict)


def _count(values) -> dict:
    counts: dict = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _scanned(rows: list[tuple], terms: dict[int, Term]) -> RawCounts:
    counts = RawCounts(total=len(rows))
    for index, name in enumerate(["sector", "stage", "facet", "year", "organisation"], start=1):
        setattr(counts, name, _count(row[index] for row in rows))
    per_term = {relation: {} for relation in TERM_RELATIONS.values()}
    roots = {relation: set() for relation in TERM_RELATIONS.values()}
    for relation, case_id, term_id in _term_links([row[0] for row in rows]):
        per_term[relation][term_id] = per_term[relation].get(term_id, 0) + 1
        term = terms.get(term_id)
        roots[relation].add((case_id, (term.parent_id or term_id) if term else term_id))
    for relation in TERM_RELATIONS.values():
        root_counts = _count(root for _case, root in roots[relation])
        counts.terms[relation] = (per_term[relation], root_counts)
    return counts


def _term_links(case_ids: list[int]) -> list[tuple[str, int, int]]:
    """(relation, case, term) for the given cases, in one query with the ids as one parameter.

    Thousands of ids as separate parameters cost more to build than the query takes, and a
    subquery would run the filters again for each relation."""
    if connection.vendor == "postgresql":
        matching, parameter = "= ANY(%s)", case_ids
    else:
        matching, parameter = "IN (SELECT value FROM json_each(%s))", json.dumps(case_ids)
    tables = {r: getattr(Case, r).through._meta.db_table for r in TERM_RELATIONS.values()}
    parts = [
        f"SELECT '{relation}', case_id, term_id FROM {table} WHERE case_id {matching}"
        for relation, table in tables.items()
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), [parameter] * len(parts))
        return cursor.fetchall()


def _grouped(queryset: QuerySet[Case], total: int) -> RawCounts:
    counts = RawCounts(total=total)
    columns = {
        "sector": "sector_id",
        "stage": "stage",
        "facet": "facet",
        "year": "start_year",
        "organisation": "lead_organisation_id",
    }
    for name, column in columns.items():
        rows = queryset.values(column).annotate(n=Count("id")).values_list(column, "n")
        setattr(counts, name, dict(rows))
    ids = queryset.values("id")
    for relation in TERM_RELATIONS.values():
        links = getattr(Case, relation).through.objects.filter(case_id__in=ids)
        per_term = links.values("term_id").annotate(n=Count("case_id")).values_list("term_id", "n")
        per_root = (
            links.annotate(root=Coalesce("term__parent_id", "term_id"))
            .values("root")
            .annotate(n=Count("case_id", distinct=True))
            .values_list("root", "n")
        )
        counts.terms[relation] = (dict(per_term), dict(per_root))
    return counts


def raw_counts(queryset: QuerySet[Case], filters: CaseFilters) -> RawCounts:
    version = library_version()
    fingerprint = repr(sorted(asdict(filters).items() - {("sort", filters.sort)}))
    key = f"case-facets:{version}:{hashlib.sha256(fingerprint.encode()).hexdigest()}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    queryset = queryset.order_by()
    columns = ("id", "sector_id", "stage", "facet", "start_year", "lead_organisation_id")
    rows = list(queryset.values_list(*columns)[: SCAN_LIMIT + 1])
    if len(rows) <= SCAN_LIMIT:
        counts = _scanned(rows, {t.id: t for t in Term.objects.all()})
        cache.set(key, counts, CACHE_SECONDS)
    else:
        counts = _grouped(queryset, queryset.count())
        cache.set(key, counts, LARGE_SET_CACHE_SECONDS)
    return counts


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    depth: int = 0


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]


def _options(counts: dict, labels: dict, selected: str) -> list[FacetOption]:
    counts = {str(value): count for value, count in counts.items() if value not in (None, "")}
    if selected:
        counts.setdefault(selected, 0)  # a chosen filter stays visible, even with no matches
    labels = {str(key): label for key, label in labels.items()}
    options = [
        FacetOption(value, labels.get(value, value), count, value == selected)
        for value, count in counts.items()
        if count or value == selected
    ]
    return sorted(options, key=lambda option: (-option.count, option.label))


def _tree_options(counts: tuple[dict, dict], terms: dict[int, Term], selected: str):
    per_term, per_root = counts
    options = []
    roots = [t for t in terms.values() if t.parent_id is None]
    for root in sorted(roots, key=lambda t: t.position):
        children = [t for t in terms.values() if t.parent_id == root.id]
        total = per_root.get(root.id, 0)
        if not total and root.code != selected:
            continue
        options.append(FacetOption(root.code, root.label, total, root.code == selected))
        for child in sorted(children, key=lambda t: t.position):
            count = per_term.get(child.id, 0)
            if count or child.code == selected:
                options.append(
                    FacetOption(child.code, child.label, count, child.code == selected, depth=1)
                )
    return options


def facet_counts(queryset: QuerySet[Case], filters: CaseFilters) -> tuple[int, list[Facet]]:
    """The number of matching cases, and each filter's options with their counts."""
    counts = raw_counts(queryset, filters)
    return counts.total, facets_for(filters, counts)


def facets_for(filters: CaseFilters, counts: RawCounts) -> list[Facet]:
    """Each filter's options with their counts."""
    terms = {t.id: t for t in Term.objects.all()}
    by_vocabulary: dict[str, dict[int, Term]] = {}
    for term in terms.values():
        by_vocabulary.setdefault(term.vocabulary, {})[term.id] = term
    organisations = dict(
        (pk, (kind, county))
        for pk, kind, county in Organisation.objects.values_list("id", "kind", "county_code")
    )
    kinds: dict[str, int] = {}
    counties: dict[str, int] = {}
    for organisation_id, n in counts.organisation.items():
        kind, county = organisations.get(organisation_id, ("", ""))
        kinds[kind] = kinds.get(kind, 0) + n
        counties[county] = counties.get(county, 0) + n
    sectors = {terms[i].code: n for i, n in counts.sector.items() if i in terms}
    sector_labels = {terms[i].code: terms[i].label for i in counts.sector if i in terms}
    facets = [
        Facet("sector", _("Sector"), _options(sectors, sector_labels, filters.sector)),
        Facet("stage", _("Stage"), _options(counts.stage, dict(Case.Stage.choices), filters.stage)),
        Facet(
            "facet",
            _("OPSI facet"),
            _options(counts.facet, dict(Case.Facet.choices), filters.facet),
        ),
        Facet(
            "org_type",
            _("Type of organisation"),
            _options(kinds, dict(Organisation.Kind.choices), filters.org_type),
        ),
        Facet("county", _("County"), _options(counties, county_names(), filters.county)),
    ]
    labels = {"barrier": _("Barrier"), "enabler": _("Enabler"), "target_group": _("Target group")}
    for name, relation in TERM_RELATIONS.items():
        pair = counts.terms.get(relation, ({}, {}))
        options = _tree_options(pair, by_vocabulary.get(name, {}), getattr(filters, name))
        facets.append(Facet(name, labels[name], options))
    years = _options(counts.year, {}, filters.year)
    facets.append(
        Facet("year", _("Start year"), sorted(years, key=lambda o: o.value, reverse=True))
    )
    return facets
