from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from django.core.paginator import EmptyPage
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Body, Field, Query, Router
from ninja.responses import Status
from pydantic import BaseModel, create_model

from innovationskraft.api import selectors, services
from innovationskraft.api.auth import OPTIONAL_TOKEN, ApiRequest, BearerToken
from innovationskraft.api.case_schemas import (
    CaseCreateIn,
    CaseIn,
    CaseOut,
    CasePage,
    CaseReplaceIn,
)
from innovationskraft.api.errors import not_found
from innovationskraft.api.outputs import case_etag, case_out, case_outputs
from innovationskraft.api.pagination import PageQuery, figures, no_such_page
from innovationskraft.api.routers import reads, writes
from innovationskraft.api.schemas import ChangeAwaitingReviewOut
from innovationskraft.cases import contract
from innovationskraft.cases.contract import Kind
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.services import Edit
from innovationskraft.search.filters import FILTER_NAMES, CaseFilters

router = Router(tags=["cases"])


def _filter_field(name: str) -> tuple[Any, Any]:
    """A filter of the library as a query parameter: choices as an enum, the start year a year
    or a range of years."""
    case_field = FIELD_OF_FILTER.get(name)
    label = str(case_field.filter_label) if case_field else FILTER_HELP[name]
    if case_field is not None and case_field.kind is Kind.CHOICE:
        choices = contract.model_field(case_field.name).choices or ()
        values = tuple(value for value, _label in choices)
        return Literal[values] | None, Field(None, description=label)
    if case_field is not None and case_field.kind is Kind.YEAR:
        return str, Field(
            "",
            pattern=r"^([0-9]{4}(-[0-9]{4})?)?$",
            description=f"{label}: a year (2019) or a range of years (2015-2019).",
        )
    if name == "org_type":
        return Literal[tuple(Organisation.Kind.values)] | None, Field(None, description=label)
    hierarchy = (
        " A parent code matches its children." if case_field and case_field.vocabulary else ""
    )
    return str, Field("", max_length=100, description=label + hierarchy)


FIELD_OF_FILTER = {f.filter: f for f in contract.FILTERED}
FILTER_HELP = {
    "org_type": "The lead organisation's type.",
    "county": "The lead organisation's county code.",
    "organisation": "An organisation's slug: cases it leads or is a partner in.",
}


class _CaseListQuery(PageQuery):
    q: str = Field("", max_length=200, description="Words to search for, as on the search page.")
    sort: Literal["relevance", "newest", "adopted", "title"] | None = Field(
        None, description="Relevance (the default with q) needs q; newest is the default."
    )
    include: Literal["description"] | None = Field(
        None,
        description="description: each case with its whole description, which list items "
        "leave out otherwise (one case's has up to 20,000 characters).",
    )

    def filters(self) -> Any:
        values = self.model_dump(exclude={"page", "page_size"})
        query = {name: "" if value is None else str(value) for name, value in values.items()}
        return CaseFilters.from_query(query, default_sort="relevance" if self.q else "newest")


# Every filter of the library, as the case list and the search page have them. Made at
# import: to a type checker, its base (the filters are read through `filters()`).
if TYPE_CHECKING:
    CaseListQuery = _CaseListQuery
else:
    CaseListQuery = create_model(
        "CaseListQuery",
        __base__=_CaseListQuery,
        **{name: _filter_field(name) for name in FILTER_NAMES if name != "q"},
    )


def _writable(request: ApiRequest, identifier: str) -> Case:
    case = selectors.case_visible_to(user=request.auth, identifier=identifier)
    if case is None:
        raise not_found()
    return case


@router.get(
    "",
    response={200: CasePage, **reads(404)},
    summary="Published cases",
    description="Filtered, searched and sorted as on the site. Without q the cases are in the "
    "order of `sort`; with q, by relevance unless `sort` says otherwise. Each case as "
    "`GET /cases/{identifier}` gives it, without its description unless include=description.",
    openapi_extra=OPTIONAL_TOKEN,
    # A field the list leaves out is left out, not sent as null.
    exclude_unset=True,
)
def case_list(request: HttpRequest, query: Query[CaseListQuery]) -> dict[str, Any]:
    try:
        cases, count, pages = selectors.case_page(
            filters=query.filters(), page=query.page, page_size=query.page_size
        )
    except EmptyPage:
        raise no_such_page() from None
    results = case_outputs(request, cases)
    if query.include != "description":
        for result in results:
            del result["description"]
    return figures(request, count=count, number=query.page, pages=pages) | {"results": results}


def _shown(request: HttpRequest, case: Case, response: HttpResponse) -> dict[str, Any]:
    output = case_out(request, case)
    response["ETag"] = case_etag(output)
    return output


def _if_match(request: HttpRequest) -> Callable[[Case], None]:
    """Checked once the case is locked: the client's ETag against the saved case's."""

    def check(case: Case) -> None:
        sent = request.headers.get("If-Match")
        services.check_if_match(sent=sent, current=lambda: case_etag(case_out(request, case)))

    return check


def _inlined(schema: Any, definitions: dict) -> Any:
    if isinstance(schema, dict):
        if "$ref" in schema:
            return _inlined(definitions[schema["$ref"].rsplit("/", 1)[-1]], definitions)
        return {key: _inlined(value, definitions) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_inlined(item, definitions) for item in schema]
    return schema


def _request_body(model: type[BaseModel]) -> dict[str, Any]:
    """The body is checked once, by the case's own parser (every bad field in one answer);
    the schema only documents it."""
    schema = model.model_json_schema()
    schema = _inlined(schema, schema.pop("$defs", {}))
    body = {"required": True, "content": {"application/json": {"schema": schema}}}
    return {"requestBody": body}


HELD_FOR_REVIEW = (
    " An editor's change to a published case waits for a moderator's review unless her "
    "organisation is trusted: the answer is then 202 with code awaiting_review, and reads keep "
    "giving the reviewed case (and its ETag) until the change is approved. A newer change "
    "replaces one that waits. Changes to drafts, and by moderators, apply at once (200)."
)


def _answer(request: ApiRequest, edit: Edit, response: HttpResponse) -> Any:
    if edit.pending is None:
        return _shown(request, edit.case, response)
    body = {
        "message": _("The change is saved and waits for a moderator's review."),
        "identifier": edit.case.identifier,
        "submitted_at": edit.pending.created_at,
    }
    return Status(202, body)


IF_MATCH = {
    "parameters": [
        {
            "in": "header",
            "name": "If-Match",
            "required": True,
            "schema": {"type": "string"},
            "description": "The ETag of the case as you read it. A stale one gets 412; "
            "none gets 428.",
        }
    ]
}


@router.get(
    "/{anytext:identifier}",
    response={200: CaseOut, **reads(404)},
    summary="One case",
    description="A published case; with a token, also a draft of one of your organisations. "
    "Its ETag is what If-Match on PUT and PATCH names.",
    openapi_extra=OPTIONAL_TOKEN,
)
def case_detail(request: ApiRequest, identifier: str, response: HttpResponse) -> dict[str, Any]:
    case = selectors.case_visible_to(user=request.api_user, identifier=identifier)
    if case is None:
        raise not_found()
    return _shown(request, case, response)


@router.post(
    "",
    response={201: CaseOut, **writes(409)},
    auth=BearerToken(),
    summary="Create a draft case",
    description="For one of your organisations. The draft is submitted for review on the site.",
    openapi_extra=_request_body(CaseCreateIn),
)
def case_create(
    request: ApiRequest, payload: Body[dict[str, Any]], response: HttpResponse
) -> Status[dict[str, Any]]:
    case = services.case_create_from_record(actor=request.auth, record=payload)
    response["Location"] = request.build_absolute_uri(f"{request.path}/{case.identifier}")
    return Status(201, _shown(request, case, response))


@router.put(
    "/{anytext:identifier}",
    response={200: CaseOut, 202: ChangeAwaitingReviewOut, **writes(404, 409, 412, 428)},
    auth=BearerToken(),
    summary="Replace a case",
    description="Needs If-Match with the ETag of the case as read." + HELD_FOR_REVIEW,
    openapi_extra=_request_body(CaseReplaceIn) | IF_MATCH,
)
def case_replace(
    request: ApiRequest, identifier: str, payload: Body[dict[str, Any]], response: HttpResponse
) -> Any:
    case = _writable(request, identifier)
    edit = services.case_replace_from_record(
        actor=request.auth, case=case, record=payload, check=_if_match(request)
    )
    return _answer(request, edit, response)


@router.patch(
    "/{anytext:identifier}",
    response={200: CaseOut, 202: ChangeAwaitingReviewOut, **writes(404, 409, 412, 428)},
    auth=BearerToken(),
    summary="Change some fields of a case",
    description="Needs If-Match with the ETag of the case as read." + HELD_FOR_REVIEW,
    openapi_extra=_request_body(CaseIn) | IF_MATCH,
)
def case_update(
    request: ApiRequest, identifier: str, payload: Body[dict[str, Any]], response: HttpResponse
) -> Any:
    case = _writable(request, identifier)
    edit = services.case_patch_from_record(
        actor=request.auth, case=case, changes=payload, check=_if_match(request)
    )
    return _answer(request, edit, response)
