"""Requests per minute: per token with one, per network address without."""

import pytest

from innovationskraft.core.clients import address_key
from innovationskraft.core.ratelimit import window_hit
from innovationskraft.core.testing.shared_cache import two_processes  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_limits(settings):
    settings.API_REQUESTS_PER_MINUTE_ANONYMOUS = 3
    settings.API_REQUESTS_PER_MINUTE_TOKEN = 5


def test_an_address_without_a_token_is_limited_and_told_when_to_come_back(api, low_limits):
    answers = [api.call("get", "/api/v1/vocabularies") for _ in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    limited = answers[-1]
    assert limited.json()["code"] == "rate_limited"
    assert 1 <= int(limited["Retry-After"]) <= 60


def test_another_address_has_its_own_count(api, low_limits):
    for _ in range(3):
        api.call("get", "/api/v1/vocabularies")

    elsewhere = api.call("get", "/api/v1/vocabularies", REMOTE_ADDR="198.51.100.7")

    assert elsewhere.status_code == 200


def test_a_token_has_its_own_higher_limit(api, low_limits, editor, token_of):
    token = token_of(editor)
    for _ in range(3):
        api.call("get", "/api/v1/vocabularies")

    answers = [api.call("get", "/api/v1/vocabularies", token=token) for _ in range(6)]

    assert [a.status_code for a in answers] == [200] * 5 + [429]
    assert answers[-1]["Retry-After"]


def test_a_second_token_of_the_same_person_adds_no_requests(api, low_limits, editor, token_of):
    first, second = token_of(editor), token_of(editor)
    answers = [api.call("get", "/api/v1/vocabularies", token=first) for _ in range(3)]
    answers += [api.call("get", "/api/v1/vocabularies", token=second) for _ in range(3)]

    assert [a.status_code for a in answers] == [200] * 5 + [429]


def test_guessing_tokens_counts_against_the_address(api, low_limits):
    answers = [api.call("get", "/api/v1/vocabularies", token="ik_guess") for _ in range(4)]

    assert [a.status_code for a in answers] == [401, 401, 401, 429]


def test_writes_are_limited_too(api, low_limits, editor, token_of):
    token = token_of(editor)
    answers = [api.call("post", "/api/v1/cases", {}, token=token) for _ in range(6)]

    assert [a.status_code for a in answers] == [422] * 5 + [429]


def test_the_limit_holds_across_app_processes_sharing_one_redis(
    two_processes,  # noqa: F811 - the fixture
    monkeypatch,
    api,
    low_limits,
):
    answers = []
    for process in (*two_processes, *two_processes):
        monkeypatch.setattr("innovationskraft.core.ratelimit.cache", process)
        answers.append(api.call("get", "/api/v1/vocabularies").status_code)

    assert answers == [200, 200, 200, 429]


def test_a_spoofed_forwarded_header_buys_no_requests(api, low_limits):
    answers = [
        api.call("get", "/api/v1/vocabularies", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        for n in range(4)
    ]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]


def test_behind_a_trusted_proxy_each_client_has_its_own_count(api, low_limits, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    through_proxy = {"REMOTE_ADDR": "10.0.0.5"}
    for _ in range(3):
        api.call("get", "/api/v1/vocabularies", HTTP_X_FORWARDED_FOR="203.0.113.1", **through_proxy)

    limited = api.call(
        "get", "/api/v1/vocabularies", HTTP_X_FORWARDED_FOR="203.0.113.1", **through_proxy
    )
    other = api.call(
        "get", "/api/v1/vocabularies", HTTP_X_FORWARDED_FOR="203.0.113.2", **through_proxy
    )

    assert (limited.status_code, other.status_code) == (429, 200)


def test_the_count_is_kept_under_the_shared_address_key(api):
    api.call("get", "/api/v1/vocabularies", REMOTE_ADDR="198.51.100.7")

    key = f"api:address:{address_key('198.51.100.7')}"
    assert window_hit(key, seconds=60).hits == 2
