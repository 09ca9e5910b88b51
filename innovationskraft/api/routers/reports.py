from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from innovationskraft.api import selectors
from innovationskraft.api.auth import OPTIONAL_TOKEN
from innovationskraft.api.errors import not_found
from innovationskraft.api.outputs import report_out
from innovationskraft.api.pagination import PageQuery, page_of
from innovationskraft.api.report_outputs import report_detail_out
from innovationskraft.api.routers import reads
from innovationskraft.api.schemas import ReportDetailOut, ReportPage

router = Router(tags=["workshop reports"])


@router.get(
    "",
    response={200: ReportPage, **reads(404)},
    summary="Published workshop reports",
    description="Newest workshop first.",
    openapi_extra=OPTIONAL_TOKEN,
)
def report_list(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    reports, page = page_of(request, selectors.reports(), query=query)
    return page | {"results": [report_out(request, workshop) for workshop in reports]}


@router.get(
    "/{slug}",
    response={200: ReportDetailOut, **reads(404)},
    summary="One published workshop report",
    description="Figures, examples, themes with their votes, barriers and enablers counted, "
    "and the conclusions. Participants are never named.",
    openapi_extra=OPTIONAL_TOKEN,
)
def report_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    workshop = selectors.report_by_slug(slug)
    if workshop is None:
        raise not_found()
    return report_detail_out(request, workshop)
