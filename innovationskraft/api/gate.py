"""What every operation goes through: the token, the rate limit, and ETags on reads."""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, quote_etag
from django.utils.translation import gettext as _

from innovationskraft.api import auth, ratelimit
from innovationskraft.api.errors import ApiError, error_response, read_only_token
from innovationskraft.core.clients import client_address

READS = {"GET", "HEAD"}
# What a read token may ask for: nothing that changes anything.
SAFE = READS | {"OPTIONS"}
View = Callable[..., HttpResponse]


def _rate_limited(wait: int) -> HttpResponse:
    message = _("Too many requests. Try again in %(seconds)s seconds.") % {"seconds": wait}
    return error_response(
        ApiError(429, "rate_limited", message, headers={"Retry-After": str(wait)})
    )


def with_etag(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """A strong ETag from the body: the same answer has the same tag, and a client that
    already has it gets 304 without a body."""
    if request.method not in READS or response.status_code != 200 or response.streaming:
        return response
    # An operation may name its own (a case's, which writes check If-Match against).
    tag = response.get("ETag") or quote_etag(hashlib.sha256(response.content).hexdigest()[:40])
    response["ETag"] = tag
    sent = parse_etags(request.headers.get("If-None-Match", ""))
    if "*" in sent or tag in (etag.removeprefix("W/") for etag in sent):
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Vary", "Cache-Control"):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response


def gate(run: View) -> View:
    @wraps(run)
    def operation(request: auth.ApiRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        address = client_address(request)
        try:
            token = auth.token_of(request)
        except ApiError as error:
            # Guesses count against the address like any request without a token.
            wait = ratelimit.seconds_to_wait(user_id=None, address=address)
            return _rate_limited(wait) if wait else error_response(error)
        auth.attach(request, token)
        wait = ratelimit.seconds_to_wait(user_id=token.user_id if token else None, address=address)
        if wait:
            return _rate_limited(wait)
        if token is not None and not token.may_write and request.method not in SAFE:
            return error_response(read_only_token())
        response = run(request, *args, **kwargs)
        # Answers differ by token (drafts) and by language (error messages).
        patch_vary_headers(response, ["Authorization", "Accept-Language"])
        return with_etag(request, response)

    return operation


def docs_with_etag(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return with_etag(request, view(request, *args, **kwargs))

    return wrapped


def json_method_not_allowed(view: View) -> View:
    """ninja answers a method an address does not take with a bare 405; ours is JSON too."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != 405 or response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return response
        message = _("This address does not take %(method)s requests.") % {"method": request.method}
        answer = error_response(ApiError(405, "method_not_allowed", message))
        answer["Allow"] = response.get("Allow", "")
        return answer

    return wrapped
