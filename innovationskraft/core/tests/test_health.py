from unittest import mock

import pytest
from django.db import connections
from django.db.utils import InterfaceError, OperationalError


@pytest.mark.django_db
def test_the_health_check_answers_ok_and_touches_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError("connection refused"), InterfaceError("gone")])
def test_the_health_check_answers_json_503_while_the_database_is_down(client, error):
    with mock.patch.object(connections["default"], "ensure_connection", side_effect=error):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "unavailable", "database": "down"}
    assert "no-cache" in response["Cache-Control"]
