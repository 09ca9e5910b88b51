"""Answers for what goes wrong around an operation rather than in it: a body over the limit
(413) and a database that cannot be reached (503), as JSON in the API's error shape. ninja's
handlers catch them inside an operation; the middleware catches them on the way there (the
token's check) and on every other address under /api/."""

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from innovationskraft.api.errors import ApiError, error_response

logger = logging.getLogger(__name__)
PREFIX = "/api/"
RETRY_AFTER_SECONDS = 30


def too_large(request: HttpRequest, exc: Exception) -> HttpResponse:
    message = _("The body has more than %(limit)s bytes, the most the API takes.") % {
        "limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    }
    return error_response(ApiError(413, "too_large", message))


def database_down(request: HttpRequest, exc: Exception) -> HttpResponse:
    # The reason stays in the log: it may name the database's host.
    logger.error("The database cannot be reached: %s", exc)
    message = _("The service is unavailable for a moment. Try again in a while.")
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return error_response(ApiError(503, "unavailable", message, headers=headers))


HANDLERS: dict[type[Exception], Callable[..., HttpResponse]] = {
    RequestDataTooBig: too_large,
    OperationalError: database_down,
    InterfaceError: database_down,
}


def install(api: NinjaAPI) -> None:
    for exception, handler in HANDLERS.items():
        api.add_exception_handler(exception, handler)


class ApiFailuresMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if not request.path.startswith(PREFIX):
            return None
        handler = next((h for kind, h in HANDLERS.items() if isinstance(exc, kind)), None)
        return handler(request, exc) if handler else None
