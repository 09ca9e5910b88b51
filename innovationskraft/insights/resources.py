"""Reading the resources: the list with its filters, and those that help with given terms."""

from collections.abc import Iterable

from django.core.cache import cache
from django.db.models import Q, QuerySet

from innovationskraft.cases.models import Term
from innovationskraft.insights.models import Resource

SHOWN_WITH_A_CASE = 4
CACHE_SECONDS = 600
VERSION_KEY = "resources-version"


def resources_changed() -> None:
    """After any change of a resource: the cached lists beside cases are read again."""
    cache.set(VERSION_KEY, (cache.get(VERSION_KEY) or 0) + 1, None)


def published_resources() -> QuerySet[Resource]:
    return Resource.objects.filter(is_published=True).prefetch_related("barriers", "enablers")


def resource_list(*, kind: str = "", term: Term | None = None, stage: str = "") -> list[Resource]:
    """The published resources of a type, about a term (or its narrower terms), for a stage."""
    resources = published_resources()
    if kind:
        resources = resources.filter(kind=kind)
    if term is not None:
        about = Q(pk=term.pk) | Q(parent_id=term.pk)
        terms = list(Term.objects.filter(about).values_list("pk", flat=True))
        resources = resources.filter(Q(barriers__in=terms) | Q(enablers__in=terms)).distinct()
    found = list(resources)
    if stage:
        found = [r for r in found if not r.stages or stage in r.stages]
    return found


def resources_helping_with(terms: Iterable[Term], *, limit: int = SHOWN_WITH_A_CASE) -> list:
    """Resources about the terms or their broader terms, those about the most of them first.
    Cached: every case page asks, and the resources change seldom."""
    wanted = {t.pk for t in terms} | {t.parent_id for t in terms if t.parent_id}
    if not wanted:
        return []
    ids = ",".join(str(pk) for pk in sorted(wanted))
    key = f"resources-for:{cache.get(VERSION_KEY) or 0}:{limit}:{ids}"
    found = cache.get(key)
    if found is None:
        found = _helping_with(wanted, limit)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _helping_with(wanted: set[int], limit: int) -> list[Resource]:
    resources = (
        published_resources().filter(Q(barriers__in=wanted) | Q(enablers__in=wanted)).distinct()
    )

    def matches(resource: Resource) -> int:
        linked = {t.pk for t in resource.barriers.all()} | {t.pk for t in resource.enablers.all()}
        return len(linked & wanted)

    return sorted(resources, key=lambda r: (-matches(r), r.title))[:limit]
