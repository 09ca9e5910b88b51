"""What insights adds to the pages of cases and vocabulary terms (registered in apps.py)."""

from urllib.parse import urlencode

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from innovationskraft.cases.models import Adoption, Case, Organisation, Term, Vocabulary
from innovationskraft.insights.charts import chart_of
from innovationskraft.insights.figures import percent
from innovationskraft.insights.maps import adoption_map
from innovationskraft.insights.resources import resource_list, resources_helping_with
from innovationskraft.insights.selectors import selection_insights
from innovationskraft.search.filters import CaseFilters, term_filter


def case_resources(request: HttpRequest, case: Case) -> str:
    """Resources that helped others past the barriers the case met."""
    if not case.is_public:
        return ""
    resources = resources_helping_with(case.barriers.all())
    if not resources:
        return ""
    return render_to_string(
        "insights/panels/case_resources.html", {"resources": resources}, request
    )


def case_adoption_map(request: HttpRequest, case: Case) -> str:
    """The municipalities and counties that adopted the case, on a map of Sweden."""
    if not case.is_public:
        return ""
    adopters = Organisation.objects.filter(adoptions__case=case, country="SE").values_list(
        "kind", "official_code", "county_code", "name"
    )
    municipality = Organisation.Kind.MUNICIPALITY
    drawn = adoption_map(
        municipalities={code: name for kind, code, _c, name in adopters if kind == municipality},
        county_codes={county for kind, _code, county, _n in adopters if kind != municipality},
    )
    if drawn is None:
        return ""
    return render_to_string("insights/panels/case_adoption_map.html", {"map": drawn}, request)


def term_resources(request: HttpRequest, term: Term) -> str:
    if term.vocabulary not in (Vocabulary.BARRIER, Vocabulary.ENABLER):
        return ""
    resources = resource_list(term=term)
    if not resources:
        return ""
    return render_to_string(
        "insights/panels/term_resources.html", {"resources": resources, "term": term}, request
    )


def organisation_insights(request: HttpRequest, organisation: Organisation) -> str:
    """The barriers its cases name against the whole library's, and its adoptions in and out."""
    own = selection_insights(filters=CaseFilters(organisation=organisation.slug))
    if not own.total:
        return ""
    country = selection_insights(filters=CaseFilters())
    nationally = {bar.code: bar for bar in country.figures["barrier"].bars}
    national_figure = country.figures["barrier"]
    own_figure = own.figures["barrier"]
    rows = [
        (bar, percent(own_figure.share(bar)), percent(national_figure.share(nationally[bar.code])))
        for bar in own_figure.bars
        if bar.count and bar.code in nationally
    ]
    context = {
        "organisation": organisation,
        "rows": rows,
        "adopted_from_others": Adoption.objects.filter(organisation=organisation).count(),
        "adopted_by_others": own.figures["adopted"].total,
        "compare_url": reverse("insights:index")
        + "?"
        + urlencode({"organisation": organisation.slug, "compare": "1"}),
    }
    return render_to_string("insights/panels/organisation_insights.html", context, request)


def term_insights(request: HttpRequest, term: Term) -> str:
    """A barrier's or enabler's cases by start year, and what is named together with it."""
    by_term = term_filter(term)
    if term.vocabulary not in (Vocabulary.BARRIER, Vocabulary.ENABLER) or not by_term:
        return ""
    selection = selection_insights(filters=CaseFilters(**by_term))
    if not selection.total:
        return ""
    other = "enabler" if term.vocabulary == Vocabulary.BARRIER else "barrier"
    figures = [selection.figures["year"], selection.figures[f"{other}_details"]]
    context = {
        "term": term,
        "charts": [(f, chart_of(f), f"term-{f.key}-caption") for f in figures if not f.is_empty],
        "insights_url": reverse("insights:index") + "?" + urlencode(by_term),
    }
    return render_to_string("insights/panels/term_insights.html", context, request)
