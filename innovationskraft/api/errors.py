"""Every error of the API as one JSON shape: {"code", "message", "errors"?}.

`errors` lists the bad fields, each with its own code and message, and is left out when the
error is not about fields."""

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestInvalid

from innovationskraft.opendata.field_errors import FieldError, RecordInvalid


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        errors: Sequence[FieldError] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.errors, self.headers = list(errors), headers or {}


class PreconditionFailed(Exception):
    """A write whose If-Match names another state of the case than the saved one (412), or a
    write without If-Match where one is required (428)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class Conflict(Exception):
    """The request clashes with what exists: an adoption already recorded, an identifier taken."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def error_response(error: ApiError) -> HttpResponse:
    body: dict[str, Any] = {"code": error.code, "message": error.message}
    if error.errors:
        body["errors"] = [
            {"field": e.field, "code": e.code, "message": str(e.message)} for e in error.errors
        ]
    response = JsonResponse(body, status=error.status, json_dumps_params={"ensure_ascii": False})
    for name, value in error.headers.items():
        response[name] = value
    return response


def unauthorized() -> ApiError:
    return ApiError(
        401,
        "unauthorized",
        _("Send a valid personal API token: Authorization: Bearer <token>."),
        headers={"WWW-Authenticate": 'Bearer realm="api"'},
    )


def token_expired() -> ApiError:
    return ApiError(
        401,
        "token_expired",
        _("Your API token has expired. Make a new one on your account page."),
        headers={"WWW-Authenticate": 'Bearer realm="api", error="invalid_token"'},
    )


def read_only_token() -> ApiError:
    return ApiError(
        403,
        "read_only_token",
        _("Your API token may only read. Make a token that may write on your account page."),
    )


def not_found() -> ApiError:
    return ApiError(404, "not_found", _("Not found."))


def _request_message(error: dict) -> str:
    kind, context = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("This field is not allowed here.")
    if kind in {"string_too_long", "too_long"} and "max_length" in context:
        return _("Ensure this value has at most %(max)s characters.") % {
            "max": context["max_length"]
        }
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        return _("The number is out of range.")
    if kind in {"literal_error", "enum"}:
        return _("Select a valid choice.")
    if kind == "json_invalid":
        return _("The body is not valid JSON.")
    return _("Enter a valid value.")


def _field_of(error: dict) -> str:
    # ("body", "payload", "links", 0, "url") → "links.0.url"; the source and the body's
    # parameter name say nothing to the client.
    location = [str(part) for part in error.get("loc", ())]
    if location[:1] == ["body"]:
        location = location[2:] if len(location) > 2 else location[1:]
    elif location:
        location = location[1:]
    return ".".join(location)


def _on_request_invalid(request: HttpRequest, exc: RequestInvalid) -> HttpResponse:
    errors = [
        FieldError(_field_of(e), str(e.get("type", "invalid")), _request_message(e))
        for e in exc.errors
    ]
    return error_response(ApiError(422, "invalid", _("The request has errors."), errors=errors))


def _on_record_invalid(request: HttpRequest, exc: RecordInvalid) -> HttpResponse:
    message = _("The innovation has errors.")
    return error_response(ApiError(422, "invalid", message, errors=exc.errors))


def _on_django_invalid(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    return error_response(ApiError(422, "invalid", exc.messages[0]))


def _on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc, AuthenticationError):
        return error_response(unauthorized())
    if exc.status_code == 400:
        # ninja's only 400: a body that is not JSON at all.
        return error_response(ApiError(400, "malformed_body", _("The body is not valid JSON.")))
    return error_response(ApiError(exc.status_code, "error", str(exc)))


HANDLERS = {
    ApiError: lambda request, exc: error_response(exc),
    Conflict: lambda request, exc: error_response(ApiError(409, exc.code, exc.message)),
    PreconditionFailed: lambda request, exc: error_response(
        ApiError(exc.status, exc.code, exc.message)
    ),
    Http404: lambda request, exc: error_response(not_found()),
    PermissionDenied: lambda request, exc: error_response(
        ApiError(403, "forbidden", _("Your token does not allow this."))
    ),
    RequestInvalid: _on_request_invalid,
    RecordInvalid: _on_record_invalid,
    DjangoValidationError: _on_django_invalid,
    HttpError: _on_http_error,
}


def install(api: NinjaAPI) -> None:
    for exception, handler in HANDLERS.items():
        api.add_exception_handler(exception, handler)
