"""The case list's filters: parsed from the query string, applied to a queryset, and counted."""

from dataclasses import dataclass, fields

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Case, Organisation, Term, Vocabulary
from innovationskraft.cases.registry import county_names

SORTS = {
    "newest": ("-published_at", "-id"),
    "adopted": ("-adoption_count", "-published_at", "-id"),
    "title": ("title", "id"),
}


@dataclass(kw_only=True)
class CaseFilters:
    q: str = ""
    sector: str = ""
    stage: str = ""
    facet: str = ""
    org_type: str = ""
    county: str = ""
    barrier: str = ""
    enabler: str = ""
    target_group: str = ""
    year: str = ""
    sort: str = "newest"

    @classmethod
    def from_query(cls, query) -> "CaseFilters":
        values = {f.name: query.get(f.name, "").strip()[:100] for f in fields(cls)}
        if values["sort"] not in SORTS:
            values["sort"] = "newest"
        if values["year"] and not values["year"].isdigit():
            values["year"] = ""
        return cls(**values)

    def active(self) -> dict[str, str]:
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in {"sort"} and getattr(self, f.name)
        }


def _term_and_descendants(vocabulary: str, code: str) -> list[int]:
    ids = list(Term.objects.filter(vocabulary=vocabulary, code=code).values_list("id", flat=True))
    children = list(Term.objects.filter(parent_id__in=ids).values_list("id", flat=True))
    return ids + children


def _organisation_ids(**lookup) -> list[int]:
    return list(Organisation.objects.filter(**lookup).values_list("id", flat=True))


def apply_filters(queryset: QuerySet[Case], filters: CaseFilters) -> QuerySet[Case]:
    if filters.q:
        for word in filters.q.split()[:8]:
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if filters.sector:
        sector = Term.objects.filter(vocabulary=Vocabulary.SECTOR, code=filters.sector).first()
        queryset = queryset.filter(sector_id=sector.pk if sector else None)
    if filters.stage:
        queryset = queryset.filter(stage=filters.stage)
    if filters.facet:
        queryset = queryset.filter(facet=filters.facet)
    # Organisation filters become id lists: the registry is small, the case table is not.
    if filters.org_type:
        queryset = queryset.filter(
            lead_organisation_id__in=_organisation_ids(kind=filters.org_type)
        )
    if filters.county:
        queryset = queryset.filter(
            lead_organisation_id__in=_organisation_ids(county_code=filters.county)
        )
    if filters.year:
        queryset = queryset.filter(start_year=int(filters.year))
    for name, vocabulary, relation in [
        ("barrier", Vocabulary.BARRIER, "barriers"),
        ("enabler", Vocabulary.ENABLER, "enablers"),
        ("target_group", Vocabulary.TARGET_GROUP, "target_groups"),
    ]:
        code = getattr(filters, name)
        if code:
            term_ids = _term_and_descendants(vocabulary, code)
            through = getattr(Case, relation).through
            case_ids = through.objects.filter(term_id__in=term_ids).values("case_id")
            queryset = queryset.filter(pk__in=case_ids)
    return queryset


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
    options = [
        FacetOption(str(value), labels.get(value, str(value)), count, str(value) == selected)
        for value, count in counts.items()
        if value not in (None, "") and (count or str(value) == selected)
    ]
    return sorted(options, key=lambda option: (-option.count, option.label))


def _count(values) -> dict:
    counts: dict = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _term_counts(case_ids, relation: str, terms: dict[int, Term]) -> tuple[dict, dict]:
    """Cases per term, and distinct cases per top-level term (itself or any child)."""
    through = getattr(Case, relation).through
    links = through.objects.filter(case_id__in=case_ids).values_list("case_id", "term_id")
    per_term: dict[int, int] = {}
    roots_seen: set[tuple[int, int]] = set()
    for case_id, term_id in links.iterator(chunk_size=5000):
        per_term[term_id] = per_term.get(term_id, 0) + 1
        term = terms.get(term_id)
        roots_seen.add((case_id, (term.parent_id or term_id) if term else term_id))
    return per_term, _count(root for _case, root in roots_seen)


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
    """The number of matching cases, and counts for each filter over those cases.

    One pass reads the matching rows; the counts are made in Python, so the filter query is
    not run again for every facet."""
    terms = {t.id: t for t in Term.objects.all()}
    by_vocabulary: dict[str, dict[int, Term]] = {}
    for term in terms.values():
        by_vocabulary.setdefault(term.vocabulary, {})[term.id] = term
    organisations = {
        pk: (kind, county)
        for pk, kind, county in Organisation.objects.values_list("id", "kind", "county_code")
    }
    rows = list(
        queryset.order_by().values_list(
            "id", "sector_id", "stage", "facet", "start_year", "lead_organisation_id"
        )
    )
    total = len(rows)
    # A short id list is cheaper as parameters than as a subquery that re-runs the filters.
    case_ids = [row[0] for row in rows] if total <= 5000 else queryset.order_by().values("id")
    sectors = _count(row[1] for row in rows)
    sector_codes = {terms[i].code: n for i, n in sectors.items() if i in terms}
    sector_labels = {terms[i].code: terms[i].label for i in sectors if i in terms}
    kinds = _count(organisations.get(row[5], ("", ""))[0] for row in rows)
    counties = _count(organisations.get(row[5], ("", ""))[1] for row in rows)
    facets = [
        Facet("sector", _("Sector"), _options(sector_codes, sector_labels, filters.sector)),
        Facet(
            "stage",
            _("Stage"),
            _options(_count(r[2] for r in rows), dict(Case.Stage.choices), filters.stage),
        ),
        Facet(
            "facet",
            _("OPSI facet"),
            _options(_count(r[3] for r in rows), dict(Case.Facet.choices), filters.facet),
        ),
        Facet(
            "org_type",
            _("Type of organisation"),
            _options(kinds, dict(Organisation.Kind.choices), filters.org_type),
        ),
        Facet("county", _("County"), _options(counties, county_names(), filters.county)),
    ]
    for name, label, relation, vocabulary in [
        ("barrier", _("Barrier"), "barriers", Vocabulary.BARRIER),
        ("enabler", _("Enabler"), "enablers", Vocabulary.ENABLER),
        ("target_group", _("Target group"), "target_groups", Vocabulary.TARGET_GROUP),
    ]:
        counts = _term_counts(case_ids, relation, terms) if total else ({}, {})
        options = _tree_options(counts, by_vocabulary.get(vocabulary, {}), getattr(filters, name))
        facets.append(Facet(name, label, options))
    year_options = _options(_count(r[4] for r in rows), {}, filters.year)
    facets.append(
        Facet("year", _("Start year"), sorted(year_options, key=lambda o: o.value, reverse=True))
    )
    return total, facets
