"""Repeated failed sign-ins (django-axes, settings AXES_*): what counts as the account, and
the page a locked-out sign-in gets instead of axes' bare text."""

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def username_of(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """The address typed, in lower case as accounts store it: "Anna@x" and "anna@x" are one
    account, and so count as one. Django's forms call the field `username`."""
    given = credentials or {}
    typed = given.get("username") or given.get("email") or request.POST.get("username") or ""
    return str(typed).strip().lower()


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(
        request, "accounts/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )


def is_locked_out(request: HttpRequest, credentials: dict[str, Any]) -> bool:
    """For the steps after the password (the code), which axes does not watch by itself."""
    return AxesProxyHandler.is_locked(request, credentials)


class LockoutBackend(AxesStandaloneBackend):
    """axes' check, first among the backends. Without a request (a command, the shell) there is
    no form to guard and no address to count, and axes' own refusal would break them."""

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
