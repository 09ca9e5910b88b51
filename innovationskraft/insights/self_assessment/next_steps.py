"""Where a weak dimension leads: the resources about its barriers and enablers, and the
published innovations that got past those barriers or named those enablers."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from innovationskraft.cases.models import Term, Vocabulary
from innovationskraft.insights.models import Resource
from innovationskraft.insights.resources import published_resources
from innovationskraft.insights.self_assessment.profiles import Profile, weak_dimensions
from innovationskraft.insights.self_assessment.statements import Dimension
from innovationskraft.search.filters import term_filter

RESOURCES_SHOWN = 3


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class NextStep:
    dimension: Dimension
    score: int
    resources: list[Resource]
    cases: list[Link]  # the case list filtered by each of the dimension's terms
    more_resources: list[Link]  # the resources page filtered by each term


def _terms_of(dimensions: list[Dimension]) -> dict[tuple[str, str], Term]:
    wanted = Q(pk__in=[])
    for d in dimensions:
        wanted |= Q(vocabulary=Vocabulary.BARRIER, code__in=d.barriers)
        wanted |= Q(vocabulary=Vocabulary.ENABLER, code__in=d.enablers)
    return {(t.vocabulary, t.code): t for t in Term.objects.filter(wanted)}


def _case_link(term: Term) -> Link:
    if term.vocabulary == Vocabulary.BARRIER:
        text = _("Innovations that got past “%(term)s”")
    else:
        text = _("Innovations helped by “%(term)s”")
    url = f"{reverse('search:cases')}?{urlencode(term_filter(term))}"
    return Link(text % {"term": term.label}, url)


def _resources_link(term: Term) -> Link:
    url = f"{reverse('insights:resources')}?{urlencode({'term': f'{term.vocabulary}:{term.code}'})}"
    return Link(_("Resources about “%(term)s”") % {"term": term.label}, url)


def _resources_about(terms: list[Term]) -> list[Resource]:
    """Those about the terms or their narrower terms."""
    ids = [t.pk for t in terms]
    about = Term.objects.filter(Q(pk__in=ids) | Q(parent_id__in=ids)).values_list("pk", flat=True)
    found = published_resources().filter(Q(barriers__in=about) | Q(enablers__in=about))
    return list(found.distinct().order_by("title")[:RESOURCES_SHOWN])


def next_steps(profile: Profile) -> list[NextStep]:
    """For each weak dimension, the lowest first."""
    weak = weak_dimensions(profile)
    terms = _terms_of(weak)
    steps = []
    for dimension in weak:
        codes = [(Vocabulary.BARRIER, c) for c in dimension.barriers] + [
            (Vocabulary.ENABLER, c) for c in dimension.enablers
        ]
        found = [terms[key] for key in codes if key in terms]
        steps.append(
            NextStep(
                dimension,
                profile.score(dimension) or 0,
                _resources_about(found),
                [_case_link(t) for t in found],
                [_resources_link(t) for t in found],
            )
        )
    return steps
