"""The case library's fixtures, tokens for them, and a client that speaks JSON."""

import pytest
from django.test import Client

from innovationskraft.accounts.services import api_token_create
from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures shared with cases
    editor,
    eskilstuna,
    make_case,
    moderator,
    other_editor,
    outsider,
    region_skane,
    term,
    vasteras,
)
from innovationskraft.workshops.tests.conftest import (  # noqa: F401 - the workshop fixtures
    draft_workshop,
    facilitator,
    join,
    prompt_of,
    send,
    workshop,
)


@pytest.fixture
def token_of():
    """token_of(user) -> the secret of a new token of hers that may write (scope="read" for
    one that may only read)."""

    def make(user, name: str = "Test", scope: str = "write") -> str:
        return api_token_create(user=user, name=name, scope=scope)[1]

    return make


class ApiClient(Client):
    """JSON bodies; `token=` sends `Authorization: Bearer <token>`. PUT and PATCH send
    If-Match with the ETag of a fresh read, as a careful client does, unless `if_match` says
    otherwise (None: no header)."""

    def call(
        self,
        method: str,
        path: str,
        data=None,
        *,
        token: str | None = None,
        if_match: str | None = "read",
        **headers,
    ):
        if token is not None:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        if method in {"put", "patch"} and if_match == "read":
            if_match = self.get(path, **headers).headers.get("ETag")
        if method in {"put", "patch"} and if_match is not None:
            headers["HTTP_IF_MATCH"] = if_match
        request = getattr(self, method)
        if data is None:
            return request(path, **headers)
        return request(path, data, content_type="application/json", **headers)


@pytest.fixture
def api():
    return ApiClient()
