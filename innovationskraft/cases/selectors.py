from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict

from django.db.models import Count, Q, QuerySet

from innovationskraft.accounts.models import User
from innovationskraft.accounts.selectors import organisation_ids_of
from innovationskraft.accounts.types import Visitor
from innovationskraft.cases.models import (
    Adoption,
    Case,
    Organisation,
    Term,
)

CARD_RELATIONS = ("lead_organisation", "sector")


class OrganisationCounts(TypedDict):
    case_count: int  # published cases it leads
    adopted_count: int  # published cases it adopted


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # An organisation of the directory, with its counts.
    CountedOrganisation: TypeAlias = WithAnnotations[Organisation, OrganisationCounts]


def published_cases() -> QuerySet[Case]:
    return Case.objects.filter(status=Case.Status.PUBLISHED)


def published_cases_by_id(ids: Iterable[int], *, prefetch: Sequence[str] = ()) -> dict[int, Case]:
    """The published cases among the ids, as cards, by id.

    Looked up by primary key alone with the status checked here: with the status in the query,
    SQLite may walk the status index through every published case (10 ms instead of under one
    at 100,000 cases)."""
    # By id, so in no order: the model's default ordering would only cost compiling it.
    queryset = Case.objects.filter(pk__in=list(ids)).select_related(*CARD_RELATIONS).order_by()
    return {
        case.pk: case
        for case in queryset.prefetch_related(*prefetch)
        if case.status == Case.Status.PUBLISHED
    }


def case_adoptions(*, case: Case) -> list[Adoption]:
    return list(case.adoptions.select_related("organisation").order_by("-year", "organisation"))


def _published_by_ids(ids: Iterable[int]) -> list[Case]:
    # Ids first: joined with the status filter, SQLite would walk the status index instead.
    queryset = published_cases().filter(pk__in=list(ids)).select_related(*CARD_RELATIONS)
    return list(queryset.order_by("title"))


def cases_inspired_by(*, case: Case) -> list[Case]:
    """The cases that name this case as their inspiration."""
    links = Case.inspired_by.through.objects.filter(to_case_id=case.pk)
    return _published_by_ids(links.values_list("from_case_id", flat=True))


def case_inspirations(*, case: Case) -> list[Case]:
    """The cases this case was inspired by."""
    links = Case.inspired_by.through.objects.filter(from_case_id=case.pk)
    return _published_by_ids(links.values_list("to_case_id", flat=True))


def terms_by_parent(*, terms: Iterable[Term]) -> list[tuple[Term | None, list[Term]]]:
    """Group a case's barrier or enabler terms under their top-level term for display."""
    groups: dict[int | None, list[Term]] = {}
    parents: dict[int | None, Term | None] = {}
    for term in terms:
        key = term.parent_id or term.id
        parents.setdefault(key, term.parent if term.parent_id else term)
        if term.parent_id:
            groups.setdefault(key, []).append(term)
        else:
            groups.setdefault(key, [])
    return [(parents[key], children) for key, children in groups.items()]


def adoptable_organisations(*, user: Visitor, case: Case) -> list[Organisation]:
    """The user's organisations that could record that they adopted the case."""
    ids = organisation_ids_of(user) - {case.lead_organisation_id}
    already = set(case.adoptions.values_list("organisation_id", flat=True))
    return list(Organisation.objects.filter(id__in=ids - already))


def organisation_adopted_cases(*, organisation: Organisation) -> list[Adoption]:
    return list(
        Adoption.objects.filter(organisation=organisation, case__status=Case.Status.PUBLISHED)
        .select_related("case", "case__lead_organisation")
        .order_by("-year")
    )


def organisation_portfolio(*, organisation: Organisation) -> dict[str, Any]:
    """How the organisation's published cases spread over the OPSI facets and the stages."""
    led = published_cases().filter(lead_organisation=organisation)
    by_facet = dict(led.order_by().values_list("facet").annotate(n=Count("id")))
    by_stage = dict(led.order_by().values_list("stage").annotate(n=Count("id")))
    total = sum(by_facet.values())
    facets = [
        {"value": value, "label": label, "count": by_facet.get(value, 0)}
        for value, label in Case.Facet.choices
    ]
    stages = [
        {"value": value, "label": label, "count": by_stage.get(value, 0)}
        for value, label in Case.Stage.choices
    ]
    for row in facets + stages:
        row["percent"] = round(100 * row["count"] / total) if total else 0
    return {"total": total, "facets": facets, "stages": stages}


def review_queue() -> QuerySet[Case]:
    return (
        Case.objects.filter(status=Case.Status.IN_REVIEW)
        .select_related(*CARD_RELATIONS)
        .order_by("updated_at")
    )


def cases_of_user_organisations(*, user: Visitor) -> QuerySet[Case]:
    return (
        Case.objects.filter(lead_organisation_id__in=organisation_ids_of(user))
        .exclude(status=Case.Status.ARCHIVED)
        .select_related(*CARD_RELATIONS, "pending_revision")
        .prefetch_related("reviews")
        .order_by("status", "-updated_at")
    )


def organisation_directory(*, name: str = "", kind: str = "") -> "QuerySet[CountedOrganisation]":
    """Organisations with how many published cases they lead and how many they adopted."""
    queryset = Organisation.objects.all()
    if name:
        queryset = queryset.filter(name__icontains=name)
    if kind:
        queryset = queryset.filter(kind=kind)
    published = Q(led_cases__status=Case.Status.PUBLISHED)
    return queryset.annotate(
        case_count=Count("led_cases", filter=published, distinct=True),
        adopted_count=Count(
            "adoptions",
            filter=Q(adoptions__case__status=Case.Status.PUBLISHED),
            distinct=True,
        ),
    ).order_by("-case_count", "name")


def organisations_user_writes_for(*, user: User) -> QuerySet[Organisation]:
    """The organisations a user may create cases and workshops for, by name."""
    organisations = Organisation.objects.order_by("name")
    if user.is_moderator:
        return organisations
    return organisations.filter(pk__in=organisation_ids_of(user))
