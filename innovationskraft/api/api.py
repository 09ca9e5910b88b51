"""The REST API, version 1, mounted at /api/v1/ (see urls.py)."""

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, path, re_path
from ninja import NinjaAPI, Swagger
from ninja.operation import Operation

from innovationskraft.api import errors, failures
from innovationskraft.api.docs_page import docs_view
from innovationskraft.api.gate import docs_with_etag, gate, json_method_not_allowed
from innovationskraft.api.routers import adoptions, cases, organisations, reports, vocabularies

DESCRIPTION = """Innovation cases of the Swedish public sector: read them, and write your
organisations' cases with a personal API token (made on your account page).

Reads are open to everyone and never carry personal data. Send a token as
`Authorization: Bearer <token>` to write, or to read your organisations' drafts.

Every error is JSON: `{"code", "message", "errors"}`; `errors` lists every bad field at once.
Reads have an ETag: send it back in If-None-Match to get 304 when nothing changed. Requests
are limited per token and per address each minute; 429 says how long to wait (Retry-After)."""


class Api(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        # The view's own name (case_list, adoption_create...): short, and unique in this API.
        return operation.view_func.__name__


api = Api(
    title="Innovationskraft API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    # The bundled Swagger UI (ninja is an installed app, so nothing comes from a CDN), and no
    # badge from the public validator. It fails WCAG 2.1 AA (nested buttons, unnamed selects,
    # contrast), so /docs is our own page (docs_page.py) and Swagger the second way.
    docs=Swagger(settings={"validatorUrl": None}),
    docs_url="/docs/swagger",
    docs_decorator=docs_with_etag,
    openapi_extra={
        "tags": [
            {"name": "cases", "description": "Innovation cases, as in the open-data export."},
            {"name": "organisations"},
            {"name": "vocabularies", "description": "The controlled vocabularies' codes."},
            {"name": "adoptions", "description": "Who took up which case."},
            {"name": "workshop reports"},
        ]
    },
)
errors.install(api)
failures.install(api)
api.add_decorator(gate, mode="view")
# Identifiers from other catalogues may hold "/" (see converters.py): cases/<id>/adoptions
# is tried before cases/<id>, so an identifier ending in "/adoptions" cannot be read.
api.add_router("", adoptions.router)
api.add_router("/cases", cases.router)
api.add_router("/organisations", organisations.router)
api.add_router("/vocabularies", vocabularies.router)
api.add_router("/reports", reports.router)


RESOURCES = ("cases", "organisations", "vocabularies", "adoptions", "reports")


@docs_with_etag
def index(request: HttpRequest, **kwargs: Any) -> JsonResponse:
    """/api/v1/ itself (ninja's own answer there is a 404): where everything is."""
    base = request.build_absolute_uri(request.path)
    return JsonResponse(
        {
            "title": api.title,
            "version": api.version,
            "openapi": base + "openapi.json",
            "docs": base + "docs",
            "resources": {name: base + name for name in RESOURCES},
        }
    )


def no_such_address(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    """An address under /api/v1/ that names nothing: a JSON 404 like every other answer."""
    return errors.error_response(errors.not_found())


def urls() -> tuple[list[URLPattern | URLResolver], str, str]:
    """For innovationskraft/urls.py: the API's addresses, every answer JSON."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        assert isinstance(pattern, URLPattern)  # ninja includes no other URLconfs
        if pattern.name == "api-root":
            pattern.callback = index
        pattern.callback = json_method_not_allowed(pattern.callback)
    docs = path("docs", json_method_not_allowed(docs_with_etag(docs_view(api))), name="docs")
    return [*patterns, docs, re_path(r"", no_such_address)], app_name, namespace
