"""What waits for the facilitator: edits under approve-first, and what the word list flags."""

import pytest
from django.urls import reverse

from innovationskraft.workshops import services
from innovationskraft.workshops.models import Contribution
from innovationskraft.workshops.report import workshop_report
from innovationskraft.workshops.selectors import board_contributions

pytestmark = pytest.mark.django_db

OFFENSIVE = "Fan vad krångligt med upphandling"


def _approved(facilitator, contribution):
    return services.contribution_set_status(
        actor=facilitator, contribution=contribution, status="visible"
    )


def _edit(participant, contribution, text):
    return services.contribution_edit_own(
        participant=participant, contribution=contribution, text=text
    )


def test_with_approve_first_an_edit_of_an_approved_contribution_waits_again(
    facilitator, workshop, send, join
):
    workshop.approve_first = True
    workshop.save()
    participant = join()
    contribution = _approved(facilitator, send("Retuna", participant=participant))
    assert contribution in board_contributions(workshop=workshop)

    _edit(participant, contribution, "ReTuna i Eskilstuna")
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.PENDING
    assert contribution not in board_contributions(workshop=workshop)
    _approved(facilitator, contribution)
    assert contribution in board_contributions(workshop=workshop)


def test_without_approve_first_an_edit_stays_on_the_board(workshop, send, join):
    participant = join()
    contribution = send("Retuna", participant=participant)
    services.contribution_edit_own(
        participant=participant, contribution=contribution, text="ReTuna"
    )
    contribution.refresh_from_db()
    assert contribution.on_board


def test_an_unchanged_text_saved_again_keeps_its_approval(facilitator, workshop, send, join):
    workshop.approve_first = True
    workshop.save()
    participant = join()
    contribution = _approved(facilitator, send("ReTuna", participant=participant))
    services.contribution_edit_own(
        participant=participant, contribution=contribution, text="ReTuna"
    )
    contribution.refresh_from_db()
    assert contribution.on_board


def test_a_flagged_contribution_waits_off_the_board_until_a_facilitator_shows_it(
    facilitator, workshop, send
):
    contribution = send(OFFENSIVE, kind="barrier")
    assert contribution.flagged
    assert contribution.status == Contribution.Status.PENDING
    assert contribution not in board_contributions(workshop=workshop)
    _approved(facilitator, contribution)
    contribution.refresh_from_db()
    assert contribution.on_board
    assert contribution.flagged  # still marked for the facilitators' eyes


def test_an_edit_that_brings_in_a_flagged_word_takes_it_off_the_board(workshop, send, join):
    participant = join()
    contribution = send("Krånglig upphandling", kind="barrier", participant=participant)
    services.contribution_edit_own(
        participant=participant, contribution=contribution, text=OFFENSIVE
    )
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.PENDING


def test_a_flagged_contribution_reaches_no_public_page(
    client, facilitator, workshop, send, join, signed_in_as
):
    send(OFFENSIVE, kind="barrier")
    send("Krånglig upphandling", kind="barrier")
    code = workshop.join_code
    services.round_open(actor=facilitator, workshop=workshop, target="contributions", budget=2)
    signed_in_as(client, join())
    pages = [
        client.get(f"/w/{code}/tavla/"),
        client.get(f"/w/{code}/tavla/innehall/"),
        client.get(f"/w/{code}/"),
        client.get(f"/w/{code}/rostning/", {"round": "none"}),
    ]
    for page in pages:
        assert page.status_code == 200
        assert "Krånglig upphandling" in page.text
        assert OFFENSIVE not in page.text
    assert OFFENSIVE not in [
        c.text
        for column in workshop_report(workshop=workshop).prompts
        for group in column.groups
        for c in group.contributions
    ]


def test_the_moderation_page_offers_to_show_a_flagged_contribution(
    client, facilitator, workshop, send
):
    contribution = send(OFFENSIVE, kind="barrier")
    client.force_login(facilitator)
    page = client.get(reverse("workshops:moderate", args=[workshop.slug]), {"visa": "flagged"})
    assert OFFENSIVE in page.text
    assert 'value="show"' in page.text
    assert ">Visa</button>" in page.text
    client.post(
        reverse("workshops:contribution_action", args=[workshop.slug, contribution.pk]),
        {"action": "show"},
    )
    assert client.get(f"/w/{workshop.join_code}/tavla/").text.count(OFFENSIVE) == 1
