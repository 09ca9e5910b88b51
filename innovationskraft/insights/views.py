import hashlib
from functools import cached_property

from django.core.cache import cache
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from innovationskraft.cases.models import Case, Term, Vocabulary
from innovationskraft.insights.charts import Chart, chart_of
from innovationskraft.insights.csv import figure_csv
from innovationskraft.insights.figures import Figure
from innovationskraft.insights.maps import DrawnMap, map_of, sweden
from innovationskraft.insights.models import Resource
from innovationskraft.insights.resources import resource_list
from innovationskraft.insights.selectors import Selection, selection_insights
from innovationskraft.search.columns import library_columns
from innovationskraft.search.filters import CaseFilters

# The second selection's filters carry this prefix in the address: ?county=12&b-org_type=region
SECOND = "b-"


def _second_filters(query: QueryDict) -> CaseFilters:
    return CaseFilters.from_query(
        {
            name.removeprefix(SECOND): value
            for name, value in query.items()
            if name.startswith(SECOND)
        }
    )


def _selections(request) -> list[Selection]:
    selections = [selection_insights(filters=CaseFilters.from_query(request.GET))]
    if request.GET.get("compare"):
        selections.append(selection_insights(filters=_second_filters(request.GET)))
    return selections


def _drawn(figure: Figure) -> Chart | DrawnMap:
    return map_of(figure) if figure.map else chart_of(figure)


class _FigureRow:
    """One figure of every selection; charts are drawn only when the page is not cached."""

    def __init__(self, key: str, figure, selections: list[Selection]):
        self.key, self.figure, self.selections = key, figure, selections

    @cached_property
    def charts(self) -> list[tuple]:
        return [
            (s, s.figures[self.key], _drawn(s.figures[self.key]), f"{self.key}-caption-{n}")
            for n, s in enumerate(self.selections, start=1)
        ]


# A whole page, for visitors who are not signed in (whose pages differ by nothing but the
# address): a warm request then reads one string instead of unpickling the figures, whose
# many objects set off Python's full garbage collections (150 ms, one request in ten).
RESPONSE_SECONDS = 600


def insights(request):
    if request.user.is_authenticated:
        return _insights_page(request)
    path = hashlib.blake2b(request.get_full_path().encode(), digest_size=12).hexdigest()
    key = f"insights-page:{library_columns().version}:{get_language()}:{path}"
    body = cache.get(key)
    if body is None:
        response = _insights_page(request)
        cache.set(key, response.content, RESPONSE_SECONDS)
        return response
    return HttpResponse(body)


def _insights_page(request):
    selections = _selections(request)
    first = selections[0]
    figures = [_FigureRow(key, figure, selections) for key, figure in first.figures.items()]
    context = {
        "selections": selections,
        "first": first,
        "figures": figures,
        "comparing": len(selections) > 1,
        "second_facets": (
            selections[1] if len(selections) > 1 else selection_insights(filters=CaseFilters())
        ).facets,
        "second_prefix": SECOND,
        "version": library_columns().version,
        "outlines": sweden(),
    }
    return render(request, "insights/insights.html", context)


def insights_csv(request, key: str):
    """One figure's table as CSV; `which=2` for the second selection of a comparison."""
    filters = (
        _second_filters(request.GET)
        if request.GET.get("which") == "2"
        else CaseFilters.from_query(request.GET)
    )
    selection = selection_insights(filters=filters)
    figure = selection.figures.get(key)
    if figure is None:
        raise Http404(_("There is no such figure."))
    dialect = request.GET.get("dialect", "excel-sv")
    response = HttpResponse(
        figure_csv(figure, dialect=dialect), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="insikter-{key}.csv"'
    return response


def resources(request):
    """The curated resources, filtered by a barrier or enabler, a type and a stage."""
    vocabulary, _sep, code = request.GET.get("term", "").partition(":")
    chosen_term = Term.objects.filter(
        vocabulary__in=[Vocabulary.BARRIER, Vocabulary.ENABLER], vocabulary=vocabulary, code=code
    ).first()
    kind = request.GET.get("kind", "")
    kind = kind if kind in Resource.Kind.values else ""
    stage = request.GET.get("stage", "")
    stage = stage if stage in Case.Stage.values else ""
    terms = Term.objects.filter(
        vocabulary__in=[Vocabulary.BARRIER, Vocabulary.ENABLER]
    ).select_related("parent")
    ordered = sorted(
        terms,
        key=lambda t: (t.parent.position if t.parent else t.position, t.parent_id or 0, t.position),
    )
    context = {
        "resources": resource_list(kind=kind, term=chosen_term, stage=stage),
        "term_groups": [
            (_("Barriers"), [t for t in ordered if t.vocabulary == Vocabulary.BARRIER]),
            (_("Enablers"), [t for t in ordered if t.vocabulary == Vocabulary.ENABLER]),
        ],
        "chosen_term": chosen_term,
        "kinds": Resource.Kind.choices,
        "kind": kind,
        "stages": Case.Stage.choices,
        "stage": stage,
    }
    return render(request, "insights/resources.html", context)
