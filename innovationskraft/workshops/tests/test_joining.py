"""One participant per browser: joining again, or the join form sent twice, keeps her one."""

import datetime
import re
import threading

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from innovationskraft.workshops import services
from innovationskraft.workshops.access import participant_cookie_name
from innovationskraft.workshops.models import Participant, Vote
from innovationskraft.workshops.services import joining

pytestmark = pytest.mark.django_db


def _join_key(client, workshop) -> str:
    page = client.get(reverse("workshops:participate", args=[workshop.join_code]))
    found = re.search(r'name="join_key" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def _join(client, workshop, **data):
    return client.post(reverse("workshops:join", args=[workshop.join_code]), data)


def test_the_join_form_sent_twice_makes_one_participant(client, workshop):
    key = _join_key(client, workshop)
    first = _join(client, workshop, name="Anna", join_key=key)
    client.cookies.clear()  # the second sending left before the first answer came back
    again = _join(client, workshop, name="Anna", join_key=key)
    assert Participant.objects.count() == 1
    name = participant_cookie_name(workshop)
    assert first.cookies[name].value.split(":")[0] == again.cookies[name].value.split(":")[0]


def test_joining_again_from_the_same_browser_keeps_the_participant_and_her_votes(
    client, facilitator, workshop, send
):
    _join(client, workshop, join_key=_join_key(client, workshop))
    participant = Participant.objects.get()
    contribution = send("ReTuna", participant=participant)
    voting_round = services.round_open(
        actor=facilitator, workshop=workshop, target="contributions", budget=1
    )
    services.vote_cast(participant=participant, voting_round=voting_round, item=contribution)
    _join(client, workshop, name="Anna igen", join_key=joining.new_join_key())
    assert Participant.objects.count() == 1
    page = client.get(reverse("workshops:participate", args=[workshop.join_code]))
    assert "Du har 0 röster kvar." in page.text
    assert Vote.objects.count() == 1


def test_a_retried_join_is_not_refused_by_the_address_limit(workshop, settings):
    settings.WORKSHOP_JOINS_PER_ADDRESS_MINUTE = 1
    first = services.participant_join(workshop=workshop, address="203.0.113.5", join_key="k")
    again = services.participant_join(workshop=workshop, address="203.0.113.5", join_key="k")
    assert first == again


def test_a_join_racing_its_own_retry_meets_the_unique_key(workshop, monkeypatch):
    first = services.participant_join(workshop=workshop, join_key="same-form")
    # The retry read before the first sending was written, and saw no participant.
    monkeypatch.setattr(joining, "_joined_with", lambda workshop, key: None)
    again = services.participant_join(workshop=workshop, join_key="same-form")
    assert again == first
    assert Participant.objects.count() == 1


def test_the_cookie_is_http_only_lax_and_lasts_until_the_workshop_forgets_its_people(
    client, workshop, settings
):
    response = _join(client, workshop, join_key=_join_key(client, workshop))
    cookie = response.cookies[participant_cookie_name(workshop)]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]
    days = settings.WORKSHOP_PARTICIPANT_KEEP_DAYS
    assert abs(cookie["max-age"] - days * 24 * 3600) < 60
    client.cookies.clear()
    secure = client.post(
        reverse("workshops:join", args=[workshop.join_code]),
        {"join_key": "over-https"},
        secure=True,
    )
    assert secure.cookies[participant_cookie_name(workshop)]["secure"]


def test_after_the_workshop_closes_the_cookie_ends_with_the_retention(workshop):
    from innovationskraft.workshops.access import participant_cookie_expires

    workshop.closed_at = timezone.now() - datetime.timedelta(days=10)
    expires = participant_cookie_expires(workshop)
    assert expires == workshop.closed_at + datetime.timedelta(days=90)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers")
def test_concurrent_sendings_of_one_join_form_make_one_participant(workshop):
    start = threading.Barrier(4)

    def send_form():
        start.wait()
        try:
            services.participant_join(workshop=workshop, join_key="one-form")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send_form) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Participant.objects.filter(workshop=workshop).count() == 1
