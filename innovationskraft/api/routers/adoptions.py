from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router
from ninja.responses import Status

from innovationskraft.api import selectors, services
from innovationskraft.api.auth import OPTIONAL_TOKEN, ApiRequest, BearerToken
from innovationskraft.api.errors import not_found
from innovationskraft.api.outputs import adoption_out
from innovationskraft.api.pagination import PageQuery, page_of
from innovationskraft.api.routers import reads, writes
from innovationskraft.api.schemas import AdoptionIn, AdoptionOut, AdoptionPage
from innovationskraft.cases.models import Adoption

router = Router(tags=["adoptions"])


class AdoptionQuery(PageQuery):
    case: str = Field("", description="A case identifier.")
    organisation: str = Field("", description="The adopting organisation's slug.")


@router.get(
    "/adoptions",
    response={200: AdoptionPage, **reads(404)},
    summary="Adoptions of published cases",
    description="Newest first.",
    openapi_extra=OPTIONAL_TOKEN,
)
def adoption_list(request: HttpRequest, query: Query[AdoptionQuery]) -> dict[str, Any]:
    matching = selectors.adoptions(case=query.case, organisation=query.organisation)
    adoptions, page = page_of(request, matching, query=query)
    return page | {"results": [adoption_out(a) for a in adoptions]}


@router.post(
    "/cases/{anytext:identifier}/adoptions",
    response={201: AdoptionOut, **writes(404, 409)},
    auth=BearerToken(),
    summary="Record that one of your organisations adopted a published case",
)
def adoption_create(
    request: ApiRequest, identifier: str, payload: AdoptionIn
) -> Status[dict[str, Any]]:
    case = selectors.case_visible_to(user=request.auth, identifier=identifier)
    if case is None or not case.is_public:
        raise not_found()
    adoption = services.adoption_record_from_payload(
        actor=request.auth, case=case, payload=payload.model_dump()
    )
    adoption = Adoption.objects.select_related("case", "organisation").get(pk=adoption.pk)
    return Status(201, adoption_out(adoption))
