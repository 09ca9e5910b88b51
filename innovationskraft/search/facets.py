"""Each filter's options with how many of the matching cases each would leave."""

from dataclasses import dataclass
from typing import NamedTuple

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases import contract
from innovationskraft.cases.contract import Kind
from innovationskraft.cases.models import Organisation, Term
from innovationskraft.cases.registry import county_names
from innovationskraft.search.columns import SCALAR_FILTERS, TERM_FILTERS, RawCounts, choices_of

# The filters people reach for first; the others follow in the contract's order, the start
# year last.
FIRST = ("sector", "stage", "facet", "org_type", "county")
LAST = ("year",)


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
    label: str | Promise
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


class _Term(NamedTuple):
    """What a facet shows of a term (read as rows: the model's instances cost twice as much)."""

    id: int
    vocabulary: str
    code: str
    parent_id: int | None
    position: int
    label: str


def _terms() -> dict[int, _Term]:
    label = "label_en" if get_language() == "en" else "label_sv"
    rows = Term.objects.order_by().values_list(
        "id", "vocabulary", "code", "parent_id", "position", label
    )
    return {row[0]: _Term(*row) for row in rows}


def _tree_options(counts: tuple[dict, dict], terms: list[_Term], selected: str):
    per_term, per_root = counts
    options = []
    roots = [t for t in terms if t.parent_id is None]
    for root in sorted(roots, key=lambda t: t.position):
        total = per_root.get(root.id, 0)
        if not total and root.code != selected:
            continue
        options.append(FacetOption(root.code, root.label, total, root.code == selected))
        children = [t for t in terms if t.parent_id == root.id]
        for child in sorted(children, key=lambda t: t.position):
            count = per_term.get(child.id, 0)
            if count or child.code == selected:
                options.append(
                    FacetOption(child.code, child.label, count, child.code == selected, depth=1)
                )
    return options


def _scalar_facet(name: str, filters, counts: RawCounts, terms: dict[int, _Term]) -> Facet:
    case_field, found, selected = SCALAR_FILTERS[name], counts.values[name], getattr(filters, name)
    if case_field.kind is Kind.CHOICE:
        choices = dict(contract.model_field(case_field.name).choices or [])
        values = choices_of(case_field.name)
        options = _options({values[i]: n for i, n in found.items()}, choices, selected)
    elif case_field.kind is Kind.FLAG:
        options = _options(found, {1: _("Yes"), 0: _("No")}, selected)
    elif case_field.kind is Kind.TERM:
        known = {i: terms[i] for i in found if i in terms}
        codes = {term.code: found[i] for i, term in known.items()}
        options = _options(codes, {t.code: t.label for t in known.values()}, selected)
    else:
        years = sorted(_options(found, {}, selected), key=lambda o: o.value, reverse=True)
        options = _periods(found, selected) + [o for o in years if "-" not in o.value]
    return Facet(name, case_field.filter_label, options)


PERIOD_YEARS = 5


def _periods(per_year: dict[int, int], selected: str) -> list[FacetOption]:
    """Five-year periods ("2020-2024") before the single years, those with cases, the latest
    first; a chosen range that is no such period stays an option of its own."""
    periods: dict[int, int] = {}
    for year, count in per_year.items():
        if year >= 0:
            start = year - year % PERIOD_YEARS
            periods[start] = periods.get(start, 0) + count
    options = []
    for start in sorted(periods, reverse=True):
        value = f"{start}-{start + PERIOD_YEARS - 1}"
        options.append(FacetOption(value, _years_label(value), periods[start], value == selected))
    if "-" in selected and all(o.value != selected for o in options):
        first, last = (int(year) for year in selected.split("-"))
        count = sum(n for year, n in per_year.items() if first <= year <= last)
        options.insert(0, FacetOption(selected, _years_label(selected), count, True))
    return options


def _years_label(value: str) -> str:
    return value.replace("-", "\u2013")  # an en dash between the years


def _organisation_facets(filters, counts: RawCounts) -> list[Facet]:
    organisations = {
        pk: (kind, county)
        for pk, kind, county in Organisation.objects.order_by().values_list(
            "id", "kind", "county_code"
        )
    }
    kinds: dict[str, int] = {}
    counties: dict[str, int] = {}
    for organisation_id, n in counts.organisation.items():
        kind, county = organisations.get(organisation_id, ("", ""))
        kinds[kind] = kinds.get(kind, 0) + n
        counties[county] = counties.get(county, 0) + n
    return [
        Facet(
            "org_type",
            _("Type of organisation"),
            _options(kinds, dict(Organisation.Kind.choices), filters.org_type),
        ),
        Facet("county", _("County"), _options(counties, county_names(), filters.county)),
    ]


def facets_for(filters, counts: RawCounts) -> list[Facet]:
    """Each filter's options with their counts, in the order the pages show them."""
    terms = _terms()
    facets = {name: _scalar_facet(name, filters, counts, terms) for name in SCALAR_FILTERS}
    facets |= {facet.name: facet for facet in _organisation_facets(filters, counts)}
    for name, case_field in TERM_FILTERS.items():
        vocabulary = [t for t in terms.values() if t.vocabulary == case_field.vocabulary]
        options = _tree_options(
            counts.terms.get(name, ({}, {})), vocabulary, getattr(filters, name)
        )
        facets[name] = Facet(name, case_field.filter_label, options)
    middle = [name for name in facets if name not in FIRST + LAST]
    return [facets[name] for name in (*FIRST, *middle, *LAST) if name in facets]
