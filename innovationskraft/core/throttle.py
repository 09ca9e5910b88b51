"""Pages that cost the server much more than a request costs a client (a text search, a PDF
drawn) answer a flood from one address, or one account, with 429 instead of doing the work."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from innovationskraft.core.clients import address_key, client_address
from innovationskraft.core.ratelimit import window_hit

MINUTE = 60


def _requester(request: HttpRequest) -> str:
    # A whole office may share one address: a signed-in person counts on her own.
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    # Keyed, so the cache holds no readable addresses.
    return f"address:{address_key(client_address(request) or '-')}"


def too_many_requests(request: HttpRequest, seconds_left: int) -> HttpResponse:
    context = {
        "error_code": 429,
        "error_title": _("Too many requests"),
        "error_text": _(
            "You have sent many requests in a short time. Wait %(seconds)s seconds and try again."
        )
        % {"seconds": seconds_left},
    }
    response = render(request, "error.html", context, status=429)
    response["Retry-After"] = str(seconds_left)
    return response


def throttled(scope: str, *, per_minute_setting: str) -> Callable:
    """At most settings.<per_minute_setting> requests a minute per person to the view; 0 turns
    the limit off (a benchmark's client, say)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            limit = getattr(settings, per_minute_setting)
            if limit:
                count = window_hit(f"{scope}:{_requester(request)}", seconds=MINUTE)
                if count.hits > limit:
                    return too_many_requests(request, count.seconds_left)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
