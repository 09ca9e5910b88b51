"""Moderators and administrators use the site only in a session that a code confirmed: without a
device they are sent to set one up, with one to type its code. A list of the pages that need it
would miss the next moderation page someone adds, so every page does, except the few a person
needs to get there (TWO_FACTOR_OPEN_VIEWS: URL names or namespaces). Creating an API token is
not among them: a token would carry her powers past the code."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import ResolverMatch, reverse
from django.utils.http import urlencode

from innovationskraft.accounts.two_factor import confirmed_device_of, needs_two_factor


def is_guarded(match: ResolverMatch | None) -> bool:
    if match is None:
        return False
    names = set(settings.TWO_FACTOR_OPEN_VIEWS)
    return match.view_name not in names and not any(space in names for space in match.namespaces)


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if not settings.TWO_FACTOR_FOR_STAFF or not user.is_authenticated:
            return None
        if not is_guarded(request.resolver_match) or not needs_two_factor(user):
            return None
        # django-otp's middleware gives the user is_verified().
        if user.is_verified():  # type: ignore[attr-defined]
            return None
        has_device = confirmed_device_of(user) is not None
        target = reverse("accounts:sign_in_code" if has_device else "accounts:two_factor")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
