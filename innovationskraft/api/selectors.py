"""The API's reads: what it may show and in which order. Every ordering ends with the id, so
pages never overlap or skip."""

from typing import TYPE_CHECKING

from django.core.paginator import EmptyPage
from django.db.models import Count, QuerySet

from innovationskraft.accounts.types import Visitor
from innovationskraft.cases import permissions
from innovationskraft.cases.models import Adoption, Case, Term
from innovationskraft.cases.selectors import organisation_directory, published_cases
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import case_search
from innovationskraft.workshops.models import Workshop
from innovationskraft.workshops.selectors import published_reports

if TYPE_CHECKING:
    from innovationskraft.cases.selectors import CountedOrganisation


def case_visible_to(*, user: Visitor, identifier: str) -> Case | None:
    """A published case, or a draft the user may edit; None for anything else, so that a case
    someone may not even read does not exist for her."""
    if "\x00" in identifier:
        return None
    case = Case.objects.select_related("lead_organisation").filter(identifier=identifier).first()
    if case is None or not permissions.can_view_case(user, case):
        return None
    return case


def organisations(*, name: str = "", kind: str = "") -> "QuerySet[CountedOrganisation]":
    directory = organisation_directory(name=name.replace("\x00", ""), kind=kind)
    return directory.select_related("parent").order_by("-case_count", "name", "id")


def organisation_by_slug(slug: str) -> "CountedOrganisation | None":
    if "\x00" in slug:
        return None
    found = organisation_directory().select_related("parent").filter(slug=slug).first()
    if found is not None:
        # Only where it confirmed it took part, as the library's organisation filter counts.
        confirmed = {"casepartner__organisation": found, "casepartner__confirmed": True}
        partner_cases = published_cases().filter(**confirmed).exclude(lead_organisation=found)
        # For organisation_out, which shows it when it is there.
        found.partner_case_count = partner_cases.count()  # type: ignore[attr-defined]
    return found


def vocabulary_terms(vocabulary: str) -> list[Term]:
    return list(Term.objects.filter(vocabulary=vocabulary).select_related("parent"))


def term_counts() -> dict[str, int]:
    rows = Term.objects.order_by().values_list("vocabulary").annotate(n=Count("id"))
    return dict(rows)


def adoptions(*, case: str = "", organisation: str = "") -> QuerySet[Adoption]:
    queryset = Adoption.objects.filter(case__status=Case.Status.PUBLISHED)
    if case:
        queryset = queryset.filter(case__identifier=case.replace("\x00", ""))
    if organisation:
        queryset = queryset.filter(organisation__slug=organisation.replace("\x00", ""))
    return queryset.select_related("case", "organisation").order_by("-id")


def reports() -> QuerySet[Workshop]:
    return published_reports().order_by("-date", "-id")


def report_by_slug(slug: str) -> Workshop | None:
    if "\x00" in slug:
        return None
    return published_reports().filter(slug=slug).first()


def case_page(*, filters: CaseFilters, page: int, page_size: int) -> tuple[list[Case], int, int]:
    """A page of the published cases that pass the filters, found and ordered as on the case
    list and (with words) the search page: (cases, count, pages). Raises EmptyPage."""
    results = case_search(filters=filters, page_number=page, page_size=page_size)
    paginator = results.page.paginator
    if results.page.number != page and paginator.count:
        raise EmptyPage
    if page > 1 and not paginator.count:
        raise EmptyPage
    return list(results.page.object_list), paginator.count, paginator.num_pages
