"""A flood of searches from one address (a query of many unknown words costs the server each
time) is answered with 429 before it costs anything; others search on."""

import pytest
from django.urls import reverse

from innovationskraft.accounts.models import User

pytestmark = pytest.mark.django_db


def search(client, address: str = "10.1.1.1", q: str = "skola"):
    return client.get(reverse("search:results"), {"q": q}, REMOTE_ADDR=address)


def test_the_search_page_answers_429_with_retry_after_once_an_address_passes_the_limit(
    client, settings
):
    settings.SEARCH_REQUESTS_PER_MINUTE = 3
    assert [search(client).status_code for _ in range(3)] == [200, 200, 200]
    refused = search(client)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "För många förfrågningar" in refused.content.decode()


def test_another_address_searches_on_while_one_is_refused(client, settings):
    settings.SEARCH_REQUESTS_PER_MINUTE = 2
    for _ in range(3):
        search(client, address="10.1.1.1")
    assert search(client, address="10.1.1.1").status_code == 429
    assert search(client, address="10.2.2.2").status_code == 200


def test_a_signed_in_person_counts_on_her_own_not_with_her_offices_address(client, settings):
    settings.SEARCH_REQUESTS_PER_MINUTE = 2
    for _ in range(3):
        search(client)
    assert search(client).status_code == 429
    user = User.objects.create_user(email="reader@example.se", password="a-long-test-password")
    client.force_login(user)
    assert search(client).status_code == 200


def test_the_duplicate_warning_shares_the_search_limit(client, settings):
    settings.SEARCH_REQUESTS_PER_MINUTE = 2
    search(client)
    search(client)
    response = client.get(
        reverse("search:duplicates"), {"title": "Digital skola"}, REMOTE_ADDR="10.1.1.1"
    )
    assert response.status_code == 429


def test_a_limit_of_zero_turns_the_limit_off(client, settings):
    settings.SEARCH_REQUESTS_PER_MINUTE = 0
    assert {search(client).status_code for _ in range(5)} == {200}
