from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router

from innovationskraft.api import selectors
from innovationskraft.api.auth import OPTIONAL_TOKEN
from innovationskraft.api.errors import not_found
from innovationskraft.api.outputs import organisation_out
from innovationskraft.api.pagination import PageQuery, page_of
from innovationskraft.api.routers import reads
from innovationskraft.api.schemas import OrganisationDetailOut, OrganisationPage, OrganisationType

router = Router(tags=["organisations"])


class OrganisationQuery(PageQuery):
    name: str = Field("", max_length=100, description="A part of the name.")
    type: OrganisationType | None = None


@router.get(
    "",
    response={200: OrganisationPage, **reads(404)},
    summary="Organisations",
    description="Those leading the most published cases first, then by name.",
    openapi_extra=OPTIONAL_TOKEN,
)
def organisation_list(request: HttpRequest, query: Query[OrganisationQuery]) -> dict[str, Any]:
    matching = selectors.organisations(name=query.name.strip(), kind=query.type or "")
    organisations, page = page_of(request, matching, query=query)
    return page | {"results": [organisation_out(request, o) for o in organisations]}


@router.get(
    "/{slug}",
    response={200: OrganisationDetailOut, **reads(404)},
    summary="One organisation, with its counts of published cases",
    openapi_extra=OPTIONAL_TOKEN,
)
def organisation_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    organisation = selectors.organisation_by_slug(slug)
    if organisation is None:
        raise not_found()
    return organisation_out(request, organisation)
