"""What the API answers to a body over its limit and while the database is down: JSON in its
own error shape, never a traceback or the site's HTML error page."""

from unittest import mock

import pytest
from django.db import connections
from django.db.utils import InterfaceError, OperationalError

from innovationskraft.api.tests.test_case_writes import NEW_CASE

pytestmark = pytest.mark.django_db


def test_a_body_over_the_limit_gets_a_json_413(api, editor, token_of, settings):
    token = token_of(editor)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = api.call(
        "post", "/api/v1/cases", NEW_CASE | {"description": "x" * 2000}, token=token
    )

    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == "too_large"
    assert "1000" in body["message"]


def test_a_body_within_the_limit_is_read(api, editor, token_of, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100_000
    response = api.call("post", "/api/v1/cases", NEW_CASE, token=token_of(editor))
    assert response.status_code == 201


@pytest.fixture
def database_down():
    """Every new cursor fails as when the database server is gone."""
    error = OperationalError("could not connect to server: Connection refused")
    with mock.patch.object(connections["default"], "ensure_connection", side_effect=error):
        yield


@pytest.mark.parametrize("path", ["/api/v1/cases", "/api/v1/organisations", "/api/v1/vocabularies"])
def test_a_read_while_the_database_is_down_gets_a_json_503(api, database_down, path):
    response = api.call("get", path)

    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "unavailable"
    assert response["Retry-After"]
    assert "Connection refused" not in response.content.decode()


def test_a_token_checked_while_the_database_is_down_gets_a_json_503(api, editor, token_of):
    token = token_of(editor)
    error = InterfaceError("connection already closed")
    with mock.patch.object(connections["default"], "ensure_connection", side_effect=error):
        response = api.call("post", "/api/v1/cases", NEW_CASE, token=token)

    assert response.status_code == 503
    assert response.json()["code"] == "unavailable"
