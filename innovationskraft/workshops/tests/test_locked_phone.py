"""A locked workshop's phone page: nothing to press, and the lock said once."""

import re

import pytest

from innovationskraft.workshops import services
from innovationskraft.workshops.models import Contribution

pytestmark = pytest.mark.django_db

PAUSED = "pausat"


def _active_submit_buttons(html: str) -> list[str]:
    buttons = re.findall(r"<button[^>]*>", html)
    return [b for b in buttons if 'type="submit"' in b and "disabled" not in b]


@pytest.fixture
def locked_phone(client, facilitator, workshop, send, join, signed_in_as):
    participant = join()
    signed_in_as(client, participant)
    send("ReTuna", participant=participant)
    services.round_open(actor=facilitator, workshop=workshop, target="contributions", budget=2)
    services.workshop_set_locked(actor=facilitator, workshop=workshop, locked=True)
    return client


def test_while_locked_the_phone_page_has_no_active_button_and_says_so_once(locked_phone, workshop):
    page = locked_phone.get(f"/w/{workshop.join_code}/").text
    assert "data-contribute" not in page
    assert "Rösta" in page  # the round is still shown, its buttons disabled
    assert _active_submit_buttons(page) == []
    assert page.count(PAUSED) == 1


def test_a_send_refused_by_the_lock_says_it_once_and_keeps_the_text(locked_phone, workshop):
    prompt = workshop.prompts.first()
    response = locked_phone.post(
        f"/w/{workshop.join_code}/skicka/", {"prompt": prompt.pk, "text": "Medborgarbudget"}
    )
    assert response.status_code == 400
    assert response.text.count(PAUSED) == 1
    assert "Medborgarbudget" in response.text
    assert Contribution.objects.count() == 1


def test_a_vote_or_an_edit_refused_by_the_lock_says_it_once(locked_phone, workshop):
    contribution = Contribution.objects.get()
    code = workshop.join_code
    voted = locked_phone.post(f"/w/{code}/rosta/", {"item": contribution.pk}, follow=True)
    assert voted.text.count(PAUSED) == 1
    edited = locked_phone.post(f"/w/{code}/mina/{contribution.pk}/", {"text": "x"}, follow=True)
    assert edited.text.count(PAUSED) == 1
    assert not contribution.votes.exists()


def test_the_voting_poll_tells_a_phone_that_the_workshop_was_locked_or_goes_on(
    client, facilitator, workshop, join, signed_in_as
):
    signed_in_as(client, join())
    url = f"/w/{workshop.join_code}/rostning/"
    assert client.get(url, {"round": "", "locked": ""}).status_code == 204
    services.workshop_set_locked(actor=facilitator, workshop=workshop, locked=True)
    response = client.get(url, {"round": "", "locked": ""})
    assert response.status_code == 200
    assert 'data-locked="1"' in response.text
    assert client.get(url, {"round": "", "locked": "1"}).status_code == 204
