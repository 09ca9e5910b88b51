"""ETag and If-None-Match on every read: 304 while nothing changed, a new tag when it did."""

import pytest

from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(make_case):
    return make_case(title="ReTuna", status=Case.Status.PUBLISHED)


READS = [
    "/api/v1/cases",
    "/api/v1/cases/{identifier}",
    "/api/v1/organisations",
    "/api/v1/organisations/eskilstuna-kommun",
    "/api/v1/vocabularies",
    "/api/v1/vocabularies/barrier",
    "/api/v1/adoptions",
    "/api/v1/reports",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("path", READS)
def test_every_read_has_the_same_tag_twice_and_304_when_it_is_sent_back(api, case, path):
    path = path.format(identifier=case.identifier)

    first, second = api.call("get", path), api.call("get", path)
    again = api.call("get", path, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert first["ETag"] == second["ETag"]
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_the_tag_changes_when_the_case_is_edited(api, case):
    path = f"/api/v1/cases/{case.identifier}"
    before = api.call("get", path)["ETag"]
    data = input_from_case(case)
    data.title = "ReTuna återbruksgalleria"
    services.case_update(actor=None, case=case, data=data)

    after = api.call("get", path, HTTP_IF_NONE_MATCH=before)

    assert after.status_code == 200
    assert after["ETag"] != before


def test_the_list_tag_changes_when_a_case_is_published(api, case, make_case):
    before = api.call("get", "/api/v1/cases")["ETag"]
    make_case(title="Ny", status=Case.Status.PUBLISHED)

    after = api.call("get", "/api/v1/cases", HTTP_IF_NONE_MATCH=before)

    assert after.status_code == 200
    assert after.json()["count"] == 2


def test_a_weak_or_listed_tag_matches_too(api, case):
    tag = api.call("get", "/api/v1/cases")["ETag"]

    assert api.call("get", "/api/v1/cases", HTTP_IF_NONE_MATCH=f'"x", W/{tag}').status_code == 304


def test_answers_vary_by_token_and_language(api, case):
    vary = api.call("get", "/api/v1/cases")["Vary"]

    assert "Authorization" in vary
    assert "Accept-Language" in vary
