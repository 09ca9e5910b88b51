"""The figures of the insights, for one selection of the library (the filters of the case
list), read from the same columns as the case list so that every count equals the count of
the list its bar links to."""

import hashlib
from dataclasses import dataclass
from urllib.parse import urlencode

import numpy as np
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from innovationskraft.cases import contract
from innovationskraft.cases.contract import Kind
from innovationskraft.cases.models import Case, Organisation, Term, Vocabulary
from innovationskraft.cases.registry import county_names
from innovationskraft.insights.figures import (
    Bar,
    Figure,
    count_text,
    most_common_caption,
    percent,
)
from innovationskraft.insights.spread import adoption_flows
from innovationskraft.search.columns import (
    SCALAR_FILTERS,
    TERM_FILTERS,
    LibraryColumns,
    RawCounts,
    choices_of,
    library_columns,
)
from innovationskraft.search.facets import Facet, facets_for
from innovationskraft.search.filters import CaseFilters

CACHE_SECONDS = 600
DETAILS_SHOWN = 10
MOST_ADOPTED_SHOWN = 10


@dataclass(frozen=True)
class Selection:
    filters: CaseFilters
    total: int
    figures: dict[str, Figure]
    label: str  # what was chosen, in words ("the whole library" when nothing)
    facets: list[Facet]  # each filter's options, for the form that changes the selection


def _case_list_url(filters: CaseFilters, **more: str) -> str:
    """The case list of the selection narrowed by `more`, or "" when the list cannot show
    those cases: the selection already holds another value of that filter (the cases named
    with two barriers, say, are not a list of their own)."""
    chosen = filters.active()
    if any(name in chosen and chosen[name] != value for name, value in more.items()):
        return ""
    query = chosen | more
    return reverse("search:cases") + (f"?{urlencode(query)}" if query else "")


def _positions(columns: LibraryColumns, filters: CaseFilters) -> np.ndarray:
    passing = columns.filter_mask(filters)
    return columns.all_positions() if passing is None else np.flatnonzero(passing)


def _term_figures(
    key: str, vocabulary: str, filters: CaseFilters, counts: RawCounts, terms: list[Term]
) -> list[Figure]:
    """The groups of a vocabulary (each case once under a group) and its most named terms."""
    per_term, per_root = counts.terms.get(key, ({}, {}))
    roots = sorted((t for t in terms if t.parent_id is None), key=lambda t: t.position)
    groups = [
        Bar(t.label, per_root.get(t.id, 0), t.code, _case_list_url(filters, **{key: t.code}))
        for t in roots
    ]
    groups.sort(key=lambda bar: -bar.count)
    named = sorted(
        (t for t in terms if per_term.get(t.id)), key=lambda t: (-per_term[t.id], t.label)
    )[:DETAILS_SHOWN]
    details = [
        Bar(t.label, per_term[t.id], t.code, _case_list_url(filters, **{key: t.code}))
        for t in named
    ]
    unit = _("Cases")
    if vocabulary == Vocabulary.BARRIER:
        titles = (_("Barriers met, by group"), _("The barriers named most often"))
    else:
        titles = (_("What helped, by group"), _("The enablers named most often"))
    return [
        Figure(
            key,
            titles[0],
            most_common_caption(groups, counts.total, unit),
            tuple(groups),
            counts.total,
            unit,
        ),
        Figure(
            f"{key}_details",
            titles[1],
            most_common_caption(details, counts.total, unit),
            tuple(details),
            counts.total,
            unit,
        ),
    ]


def _choice_figure(
    key: str, field: str, title: str, filters: CaseFilters, counts: RawCounts, *, ordered: bool
) -> Figure:
    labels = dict(contract.model_field(field).choices or [])
    values = choices_of(field)
    found = counts.values.get(key, {})
    bars = [
        Bar(str(labels[value]), found.get(index, 0), value, _case_list_url(filters, **{key: value}))
        for index, value in enumerate(values)
        if value
    ]
    stated = sum(bar.count for bar in bars)
    if counts.total > stated:
        bars.append(Bar(_("Not stated"), counts.total - stated))
    if not ordered:
        bars.sort(key=lambda bar: -bar.count)
    unit = _("Cases")
    caption = most_common_caption(bars, counts.total, unit)
    return Figure(key, title, caption, tuple(bars), counts.total, unit)


def _evaluated_figure(filters: CaseFilters, counts: RawCounts) -> Figure:
    found = counts.values.get("evaluated", {})
    evaluated, total = found.get(1, 0), counts.total
    bars = (
        Bar(_("Evaluated"), evaluated, "1", _case_list_url(filters, evaluated="1")),
        Bar(_("Not evaluated"), total - evaluated, "0", _case_list_url(filters, evaluated="0")),
    )
    caption = (
        _("The effects of %(count)s of %(total)s cases (%(share)s) have been evaluated.")
        % {
            "count": count_text(evaluated),
            "total": count_text(total),
            "share": percent(100 * evaluated / total),
        }
        if total
        else _("Nothing in this selection.")
    )
    return Figure("evaluated", _("Effects evaluated"), caption, bars, total, _("Cases"))


def _organisation_figures(filters: CaseFilters, counts: RawCounts) -> list[Figure]:
    kinds: dict[str, int] = {}
    counties: dict[str, int] = {}
    of = {
        pk: (kind, county)
        for pk, kind, county in Organisation.objects.values_list("id", "kind", "county_code")
    }
    for organisation_id, n in counts.organisation.items():
        kind, county = of.get(organisation_id, ("", ""))
        kinds[kind] = kinds.get(kind, 0) + n
        counties[county] = counties.get(county, 0) + n
    kind_labels = dict(Organisation.Kind.choices)
    by_kind = [
        Bar(str(kind_labels.get(kind, kind)), n, kind, _case_list_url(filters, org_type=kind))
        for kind, n in sorted(kinds.items(), key=lambda item: -item[1])
        if kind
    ]
    names = county_names()
    by_county = [
        Bar(names.get(code, code), n, code, _case_list_url(filters, county=code))
        for code, n in sorted(counties.items(), key=lambda item: -item[1])
        if code
    ]
    outside = counts.total - sum(bar.count for bar in by_county)
    if outside:
        by_county.append(Bar(_("No Swedish county"), outside))
    unit = _("Cases")
    return [
        Figure(
            "org_type",
            _("Lead organisations, by type"),
            most_common_caption(by_kind, counts.total, unit),
            tuple(by_kind),
            counts.total,
            unit,
        ),
        Figure(
            "county",
            _("Lead organisations, by county"),
            most_common_caption(by_county, counts.total, unit),
            tuple(by_county),
            counts.total,
            unit,
        ),
    ]


def _years_figure(filters: CaseFilters, counts: RawCounts) -> Figure:
    found = counts.values.get("year", {})
    bars = [
        Bar(str(year), n, str(year), _case_list_url(filters, year=str(year)))
        for year, n in sorted(found.items())
    ]
    unit = _("Cases")
    caption = most_common_caption(bars, counts.total, unit)
    return Figure("year", _("Cases by start year"), caption, tuple(bars), counts.total, unit)


def _most_adopted(columns: LibraryColumns, positions: np.ndarray) -> Figure:
    ids = columns.ordered_ids(positions, "adopted", 0, MOST_ADOPTED_SHOWN)
    cases = Case.objects.in_bulk(ids)
    shown = [cases[pk] for pk in ids if pk in cases and cases[pk].adoption_count]
    bars = tuple(Bar(c.title, c.adoption_count, c.slug, c.get_absolute_url()) for c in shown)
    total = sum(bar.count for bar in bars)
    caption = (
        _("%(title)s has been adopted most often: by %(count)s organisations.")
        % {"title": bars[0].label, "count": count_text(bars[0].count)}
        if bars
        else _("No case in this selection has been adopted by another organisation yet.")
    )
    return Figure("adopted", _("The most adopted cases"), caption, bars, total, _("Adoptions"))


def filter_labels(filters: CaseFilters) -> list[tuple[str, str]]:
    """The chosen filters as (what, which) in words: ("County", "Skåne län")."""
    chosen = []
    for name, value in filters.active().items():
        if name in TERM_FILTERS or (name in SCALAR_FILTERS and SCALAR_FILTERS[name].vocabulary):
            case_field = TERM_FILTERS.get(name) or SCALAR_FILTERS[name]
            term = Term.objects.filter(vocabulary=case_field.vocabulary, code=value).first()
            chosen.append((str(case_field.filter_label), term.label if term else value))
        elif name in SCALAR_FILTERS:
            case_field = SCALAR_FILTERS[name]
            choices = {
                str(k): str(v) for k, v in contract.model_field(case_field.name).choices or []
            }
            if case_field.kind is Kind.FLAG:
                choices = {"1": _("Yes"), "0": _("No")}
            chosen.append((str(case_field.filter_label), choices.get(value, value)))
        elif name == "org_type":
            kinds = {k: str(v) for k, v in Organisation.Kind.choices}
            chosen.append((_("Type of organisation"), kinds.get(value, value)))
        elif name == "county":
            chosen.append((_("County"), county_names().get(value, value)))
        elif name == "organisation":
            organisation = Organisation.objects.filter(slug=value).first()
            chosen.append((_("Organisation"), organisation.name if organisation else value))
    return chosen


def _selection_label(filters: CaseFilters) -> str:
    chosen = filter_labels(filters)
    if not chosen:
        return _("The whole library")
    return "; ".join(f"{what}: {which}" for what, which in chosen)


def _computed(filters: CaseFilters) -> Selection:
    columns = library_columns()
    positions = _positions(columns, filters)
    counts = columns.counts(positions)
    terms = list(Term.objects.filter(vocabulary__in=[Vocabulary.BARRIER, Vocabulary.ENABLER]))
    figures = [
        *_term_figures(
            "barrier",
            Vocabulary.BARRIER,
            filters,
            counts,
            [t for t in terms if t.vocabulary == Vocabulary.BARRIER],
        ),
        *_term_figures(
            "enabler",
            Vocabulary.ENABLER,
            filters,
            counts,
            [t for t in terms if t.vocabulary == Vocabulary.ENABLER],
        ),
        _choice_figure("stage", "stage", _("Stages"), filters, counts, ordered=True),
        _choice_figure("facet", "facet", _("The OPSI portfolio"), filters, counts, ordered=True),
        _evaluated_figure(filters, counts),
        _choice_figure(
            "evidence", "evidence", _("Evidence of effects"), filters, counts, ordered=True
        ),
        *_organisation_figures(filters, counts),
        _years_figure(filters, counts),
        _most_adopted(columns, positions),
        *adoption_flows(columns, positions),
    ]
    return Selection(
        filters,
        counts.total,
        {f.key: f for f in figures},
        _selection_label(filters),
        facets_for(filters, counts),
    )


def selection_insights(*, filters: CaseFilters) -> Selection:
    """The figures of the published cases that pass the filters (the words are not used)."""
    filters = filters.with_values(q="", sort="newest")
    query = urlencode(sorted(filters.active().items()))
    key = hashlib.blake2b(query.encode(), digest_size=12).hexdigest()
    cache_key = f"insights:{library_columns().version}:{get_language()}:{key}"
    found = cache.get(cache_key)
    if found is None:
        found = _computed(filters)
        cache.set(cache_key, found, CACHE_SECONDS)
    return found
