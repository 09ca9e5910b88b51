"""/api/v1/docs: the API's documentation as a page of the site, written from the OpenAPI
document, in Swedish or English. Swagger UI (/api/v1/docs/swagger), which tries calls out,
does not meet WCAG 2.1 AA and is linked from here as the second way."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.views.decorators.http import require_safe
from ninja import NinjaAPI

from innovationskraft.api.openapi_outline import tags_of
from innovationskraft.api.openapi_schemas import schemas_of


def _language(request: HttpRequest) -> str:
    """?lang= when given, else the browser's: the address has no language prefix to go by."""
    asked = request.GET.get("lang", "")
    if asked in dict(settings.LANGUAGES):
        return asked
    return translation.get_language_from_request(request)


def docs_view(api: NinjaAPI) -> Callable[[HttpRequest], HttpResponse]:
    """The page of `api`, which hands itself over as it mounts its URLs."""

    @require_safe
    def docs(request: HttpRequest) -> HttpResponse:
        with translation.override(_language(request)):
            # In the page's language: the filters' labels in the document are translated.
            document = api.get_openapi_schema()
            context = {
                "api": document["info"],
                "tags": tags_of(document, base=request.build_absolute_uri("/").rstrip("/")),
                "schemas": schemas_of(document),
                "openapi_url": document_url(request, "openapi.json"),
                "swagger_url": document_url(request, "docs/swagger"),
                "language_links": [
                    {"code": code, "url": f"{request.path}?{urlencode({'lang': code})}"}
                    for code, _name in settings.LANGUAGES
                ],
            }
            response = render(request, "api/docs.html", context)
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        return response

    return docs


def document_url(request: HttpRequest, name: str) -> str:
    return request.path.rsplit("/", 1)[0] + "/" + name
