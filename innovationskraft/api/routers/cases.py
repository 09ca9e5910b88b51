from typing import Literal

from django.core.paginator import EmptyPage
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router
from ninja.responses import Status

from innovationskraft.api import selectors, services
from innovationskraft.api.auth import OPTIONAL_TOKEN, BearerToken
from innovationskraft.api.errors import not_found
from innovationskraft.api.outputs import case_out, case_outputs
from innovationskraft.api.pagination import PageQuery, figures, no_such_page
from innovationskraft.api.routers import reads, writes
from innovationskraft.api.schemas import (
    CaseCreateIn,
    CaseIn,
    CaseOut,
    CasePage,
    CaseReplaceIn,
    Facet,
    OrganisationType,
    Stage,
)
from innovationskraft.cases.filters import CaseFilters
from innovationskraft.cases.models import Case

router = Router(tags=["cases"])


class CaseListQuery(PageQuery):
    q: str = Field("", max_length=200, description="Words to search for, as on the search page.")
    sector: str = Field("", description="A sector code.")
    stage: Stage | None = None
    facet: Facet | None = None
    org_type: OrganisationType | None = Field(None, description="The lead organisation's type.")
    county: str = Field("", description="The lead organisation's county code.")
    barrier: str = Field("", description="A barrier code; a parent code matches its children.")
    enabler: str = Field("", description="An enabler code; a parent code matches its children.")
    target_group: str = Field("", description="A target group code.")
    year: int | None = Field(None, ge=1000, le=9999, description="The start year.")
    sort: Literal["relevance", "newest", "adopted", "title"] | None = Field(
        None, description="Relevance (the default with q) needs q; newest is the default."
    )

    def filters(self) -> CaseFilters:
        values = self.model_dump(exclude={"page", "page_size"})
        query = {name: "" if value is None else str(value) for name, value in values.items()}
        return CaseFilters.from_query(query, default_sort="relevance" if self.q else "newest")


def _writable(request: HttpRequest, identifier: str) -> Case:
    case = selectors.case_visible_to(user=request.auth, identifier=identifier)
    if case is None:
        raise not_found()
    return case


@router.get(
    "",
    response={200: CasePage, **reads(404)},
    summary="Published cases",
    description="Filtered, searched and sorted as on the site. Without q the cases are in the "
    "order of `sort`; with q, by relevance unless `sort` says otherwise.",
    openapi_extra=OPTIONAL_TOKEN,
)
def case_list(request: HttpRequest, query: Query[CaseListQuery]):
    try:
        cases, count, pages = selectors.case_page(
            filters=query.filters(), page=query.page, page_size=query.page_size
        )
    except EmptyPage:
        raise no_such_page() from None
    results = case_outputs(request, cases)
    return figures(request, count=count, number=query.page, pages=pages) | {"results": results}


@router.get(
    "/{anytext:identifier}",
    response={200: CaseOut, **reads(404)},
    summary="One case",
    description="A published case; with a token, also a draft of one of your organisations.",
    openapi_extra=OPTIONAL_TOKEN,
)
def case_detail(request: HttpRequest, identifier: str):
    case = selectors.case_visible_to(user=request.api_user, identifier=identifier)
    if case is None:
        raise not_found()
    return case_out(request, case)


@router.post(
    "",
    response={201: CaseOut, **writes(409)},
    auth=BearerToken(),
    summary="Create a draft case",
    description="For one of your organisations. The draft is submitted for review on the site.",
)
def case_create(request: HttpRequest, payload: CaseCreateIn, response: HttpResponse):
    case = services.case_create_from_record(actor=request.auth, record=payload.record())
    response["Location"] = request.build_absolute_uri(f"{request.path}/{case.identifier}")
    return Status(201, case_out(request, case))


@router.put(
    "/{anytext:identifier}",
    response={200: CaseOut, **writes(404, 409)},
    auth=BearerToken(),
    summary="Replace a case",
)
def case_replace(request: HttpRequest, identifier: str, payload: CaseReplaceIn):
    case = _writable(request, identifier)
    services.case_replace_from_record(actor=request.auth, case=case, record=payload.record())
    return case_out(request, case)


@router.patch(
    "/{anytext:identifier}",
    response={200: CaseOut, **writes(404, 409)},
    auth=BearerToken(),
    summary="Change some fields of a case",
)
def case_update(request: HttpRequest, identifier: str, payload: CaseIn):
    case = _writable(request, identifier)
    services.case_patch_from_record(actor=request.auth, case=case, changes=payload.record())
    return case_out(request, case)
