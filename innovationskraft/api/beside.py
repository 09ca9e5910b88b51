"""Every bad field of a case write in one answer. The request's schema checks the JSON types
first; when a field has the wrong type, the other fields still go through the case's own
checks, and their errors join the type errors."""

import json

from django.http import HttpRequest

from innovationskraft.opendata.records import FieldError

# (url name, method) of the operations that write a case from a record.
CASE_WRITES = {("case_list", "POST"), ("case_detail", "PUT"), ("case_detail", "PATCH")}


def _body(request: HttpRequest) -> dict | None:
    try:
        body = json.loads(request.body)
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def case_errors_beside(request: HttpRequest, type_errors: list[FieldError]) -> list[FieldError]:
    # Imported here: the services raise the errors module's Conflict, which imports this.
    from innovationskraft.api import selectors, services

    match = request.resolver_match
    body = _body(request)
    if match is None or (match.url_name, request.method) not in CASE_WRITES or body is None:
        return []
    actor = getattr(request, "api_user", None)
    if actor is None or not actor.is_authenticated:
        return []
    case = None
    if "identifier" in match.kwargs:
        case = selectors.case_visible_to(user=actor, identifier=match.kwargs["identifier"])
        if case is None:
            return []
    wrong = {error.field.split(".")[0] for error in type_errors}
    record = {
        name: value
        for name, value in body.items()
        if name not in wrong and name in services.WRITABLE_FIELDS
    }
    found = services.record_errors(actor=actor, case=case, method=request.method, record=record)
    return [error for error in found if error.field not in wrong]
