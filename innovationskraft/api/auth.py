"""Personal API tokens: `Authorization: Bearer <token>`.

The gate (gate.py) reads the token of every request: without one a request is anonymous and
may read what is public; with an unknown, revoked or expired one, or one whose owner may no
longer sign in, it gets 401 whatever it asks; with a read token, a write gets 403 (gate.py).
`BearerToken` then marks the operations that need a token,
which is also how the OpenAPI document learns about them."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.security import HttpBearer

from innovationskraft.accounts import selectors, services
from innovationskraft.accounts.models import ApiToken, User
from innovationskraft.api.errors import token_expired, unauthorized


class ApiRequest(HttpRequest):
    """A request as the API's operations get it: what the gate attaches, and the user that
    ninja sets as `auth` on the operations that need a token (`auth=BearerToken()`). Only a
    type: the requests are Django's own."""

    api_token: ApiToken | None
    api_user: User | AnonymousUser
    auth: User


def token_of(request: HttpRequest) -> ApiToken | None:
    """The request's token, None without one; raises ApiError(401) for a bad one."""
    header = request.headers.get("Authorization", "")
    if not header:
        return None
    scheme, _space, secret = header.strip().partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        raise unauthorized()
    token = selectors.api_token_by_hash(secret_hash=services.api_token_hash(secret))
    if token is None:
        raise unauthorized()
    if token.is_expired:
        raise token_expired()
    services.api_token_mark_used(token=token)
    return token


def attach(request: ApiRequest, token: ApiToken | None) -> None:
    request.api_token = token
    request.api_user = token.user if token is not None else AnonymousUser()


class BearerToken(HttpBearer):
    def __call__(self, request: HttpRequest) -> User | None:
        token: ApiToken | None = getattr(request, "api_token", None)
        return token.user if token is not None else None

    # Never called: __call__ above does its work.
    def authenticate(self, request: HttpRequest, token: str) -> None:  # pragma: no cover
        return None


# For the operations anyone may call: a token is optional (it shows the owner's drafts too).
OPTIONAL_TOKEN: dict[str, Any] = {"security": [{}, {"BearerToken": []}]}
