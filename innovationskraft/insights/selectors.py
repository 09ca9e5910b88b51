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
from innovationskraft.cases.models import Case, Organisation, Term, Vocabulary
from innovationskraft.core.term_counts import TermTally, term_sources
from innovationskraft.insights.figures import (
    Bar,
    Figure,
    count_text,
    most_common_caption,
    percent,
)
from innovationskraft.insights.geography import (
    adoptions_on_maps,
    cases_by_county,
    cases_by_municipality,
)
from innovationskraft.insights.spread import adoption_flows
from innovationskraft.search.columns import (
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
    url: str  # the case list of the selection


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


def _source_figures(
    key: str, filters: CaseFilters, counts: RawCounts, terms: list[Term]
) -> list[Figure]:
    """The groups of the vocabulary as other sources name them (workshop reports), alone and
    added to the cases' counts; their bars link to the terms' pages."""
    roots = sorted((t for t in terms if t.parent_id is None), key=lambda t: t.position)
    _per_term, case_roots = counts.terms.get(key, ({}, {}))
    unfiltered = not filters.active()
    figures = []
    for source in term_sources():
        tally = source.tally(roots[0].vocabulary) if roots else TermTally()
        named = [
            Bar(t.label, tally.per_root.get(t.id, 0), t.code, t.get_absolute_url()) for t in roots
        ]
        both = [
            Bar(
                t.label,
                tally.per_root.get(t.id, 0) + case_roots.get(t.id, 0),
                t.code,
                t.get_absolute_url(),
            )
            for t in roots
        ]
        named.sort(key=lambda bar: -bar.count)
        both.sort(key=lambda bar: -bar.count)
        note = "" if unfiltered else " " + _("The reports are not narrowed by the filters.")
        if key == "barrier":
            titles = (_("Barriers named in %(origin)s"), _("Barriers in cases and %(origin)s"))
        else:
            titles = (_("Enablers named in %(origin)s"), _("Enablers in cases and %(origin)s"))
        mentions = _("Mentions")
        figures += [
            Figure(
                f"{key}_{source.key}",
                titles[0] % {"origin": source.origin},
                most_common_caption(named, tally.total, str(source.name)) + note,
                tuple(named),
                tally.total,
                str(source.name),
            ),
            Figure(
                f"{key}_{source.key}_and_cases",
                titles[1] % {"origin": source.origin},
                most_common_caption(both, tally.total + counts.total, mentions) + note,
                tuple(both),
                tally.total + counts.total,
                mentions,
            ),
        ]
    return figures


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


def _facet_figure(
    facet: Facet, title: str, filters: CaseFilters, total: int, outside: str = ""
) -> Figure:
    """A figure of the case list's facet for the same selection (its options, most first); the
    cases without a value make a last bar named `outside`."""
    bars = [
        Bar(
            str(option.label),
            option.count,
            option.value,
            _case_list_url(filters, **{facet.name: option.value}),
        )
        for option in facet.options
        if option.count
    ]
    missing = total - sum(bar.count for bar in bars)
    if outside and missing:
        bars.append(Bar(outside, missing))
    unit = _("Cases")
    return Figure(
        facet.name, title, most_common_caption(bars, total, unit), tuple(bars), total, unit
    )


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


def _selection_label(filters: CaseFilters, facets: dict[str, Facet]) -> str:
    """What was chosen, in words, as the case list's chips name it."""
    chosen = [
        f"{facet.label}: {option.label}"
        for facet in facets.values()
        for option in facet.options
        if option.selected
    ]
    if filters.organisation:
        organisation = Organisation.objects.filter(slug=filters.organisation).first()
        name = organisation.name if organisation else filters.organisation
        chosen.append(f"{_('Organisation')}: {name}")
    return "; ".join(chosen) if chosen else _("The whole library")


def _computed(filters: CaseFilters) -> Selection:
    columns = library_columns()
    positions = _positions(columns, filters)
    counts = columns.counts(positions)
    terms = list(Term.objects.filter(vocabulary__in=[Vocabulary.BARRIER, Vocabulary.ENABLER]))
    barriers = [t for t in terms if t.vocabulary == Vocabulary.BARRIER]
    enablers = [t for t in terms if t.vocabulary == Vocabulary.ENABLER]
    facets = {facet.name: facet for facet in facets_for(filters, counts)}
    figures = [
        *_term_figures("barrier", Vocabulary.BARRIER, filters, counts, barriers),
        *_source_figures("barrier", filters, counts, barriers),
        *_term_figures("enabler", Vocabulary.ENABLER, filters, counts, enablers),
        *_source_figures("enabler", filters, counts, enablers),
        _choice_figure("stage", "stage", _("Stages"), filters, counts, ordered=True),
        _choice_figure("facet", "facet", _("The OPSI portfolio"), filters, counts, ordered=True),
        _evaluated_figure(filters, counts),
        _choice_figure(
            "evidence", "evidence", _("Evidence of effects"), filters, counts, ordered=True
        ),
        _facet_figure(facets["org_type"], _("Lead organisations, by type"), filters, counts.total),
        cases_by_county(
            _facet_figure(
                facets["county"],
                _("Lead organisations, by county"),
                filters,
                counts.total,
                outside=_("No Swedish county"),
            )
        ),
        cases_by_municipality(columns, positions, lambda **more: _case_list_url(filters, **more)),
        _years_figure(filters, counts),
        _most_adopted(columns, positions),
        *adoption_flows(columns, positions),
        *adoptions_on_maps(columns, positions),
    ]
    return Selection(
        filters,
        counts.total,
        {f.key: f for f in figures},
        _selection_label(filters, facets),
        list(facets.values()),
        _case_list_url(filters),
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
