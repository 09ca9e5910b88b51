import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from innovationskraft.core.clients import address_key
from innovationskraft.workshops import services
from innovationskraft.workshops.models import Contribution, Participant, Prompt

pytestmark = pytest.mark.django_db


def test_a_participant_needs_no_name_and_gets_a_secret_token(join):
    participant = join()
    assert participant.name == ""
    assert len(participant.token) >= 40


def test_an_organisation_typed_as_in_the_registry_is_linked_to_it(join, eskilstuna):
    assert join(organisation_name="eskilstuna kommun").organisation == eskilstuna
    unknown = join(organisation_name="Innovationsbyrån AB")
    assert unknown.organisation is None
    assert unknown.organisation_label == "Innovationsbyrån AB"


def test_the_network_address_is_kept_only_as_a_daily_keyed_hash(join):
    participant = join(address="198.51.100.7")
    assert "198.51.100.7" not in participant.address_key
    assert participant.address_key == address_key("198.51.100.7")
    assert participant.address_key != address_key("198.51.100.8")


def test_a_contribution_is_stored_trimmed_and_visible(send):
    contribution = send("  ReTuna   återbruksgalleria \n")
    assert contribution.text == "ReTuna återbruksgalleria"
    assert contribution.on_board


def test_an_empty_or_too_long_contribution_gets_a_clear_error(send):
    with pytest.raises(ValidationError, match="Skriv något"):
        send("   ")
    with pytest.raises(ValidationError, match="281"):
        send("x" * 281)
    assert not Contribution.objects.exists()


def test_with_approve_first_contributions_wait_off_the_board(facilitator, workshop, send):
    workshop.approve_first = True
    contribution = send("Verksamt.se")
    assert contribution.status == Contribution.Status.PENDING
    assert not contribution.on_board
    services.contribution_set_status(actor=facilitator, contribution=contribution, status="visible")
    assert contribution.on_board


def test_a_resent_contribution_is_stored_once(send, join):
    participant = join()
    first = send("LOFT-samarbetet", participant=participant, client_key="k-1")
    again = send("LOFT-samarbetet", participant=participant, client_key="k-1")
    assert first.pk == again.pk
    assert Contribution.objects.count() == 1


def test_a_closed_or_locked_workshop_takes_no_contributions(facilitator, workshop, send, join):
    participant = join()
    services.workshop_set_locked(actor=facilitator, workshop=workshop, locked=True)
    with pytest.raises(ValidationError, match="pausat"):
        send("Avancerad hemsjukvård", participant=participant)
    services.workshop_set_locked(actor=facilitator, workshop=workshop, locked=False)
    services.workshop_close(actor=facilitator, workshop=workshop)
    with pytest.raises(ValidationError, match="tar inte emot bidrag"):
        send("Avancerad hemsjukvård", participant=participant)


@override_settings(WORKSHOP_CONTRIBUTIONS_PER_PARTICIPANT_MINUTE=3)
def test_one_participant_is_limited_per_minute(send, join):
    participant = join()
    for number in range(3):
        send(f"Exempel {number}", participant=participant)
    with pytest.raises(services.RateLimited):
        send("Ett för mycket", participant=participant)
    send("Någon annan får skicka", participant=join())


@override_settings(WORKSHOP_CONTRIBUTIONS_PER_ADDRESS_MINUTE=2)
def test_one_address_is_limited_per_minute(send, join):
    send("Första", participant=join(address="203.0.113.9"), address="203.0.113.9")
    send("Andra", participant=join(address="203.0.113.9"), address="203.0.113.9")
    with pytest.raises(services.RateLimited):
        send("Tredje", participant=join(address="203.0.113.9"), address="203.0.113.9")
    send("Från ett annat nät", participant=join(address="203.0.113.10"), address="203.0.113.10")


@override_settings(WORKSHOP_JOINS_PER_ADDRESS_MINUTE=2)
def test_joins_from_one_address_are_limited(join):
    join(address="203.0.113.5")
    join(address="203.0.113.5")
    with pytest.raises(services.RateLimited):
        join(address="203.0.113.5")
    assert Participant.objects.count() == 2


def test_a_participant_edits_and_withdraws_her_own_while_open(send, join, facilitator, workshop):
    participant = join()
    contribution = send("Retuna", participant=participant)
    services.contribution_edit_own(
        participant=participant, contribution=contribution, text="ReTuna"
    )
    assert Contribution.objects.get().text == "ReTuna"
    with pytest.raises(ValidationError):
        services.contribution_edit_own(participant=join(), contribution=contribution, text="x")
    services.contribution_withdraw(participant=participant, contribution=contribution)
    assert Contribution.objects.get().status == Contribution.Status.WITHDRAWN


def test_a_contribution_to_another_workshops_question_is_refused(
    facilitator, eskilstuna, join, workshop
):
    import datetime

    other = services.workshop_create(
        actor=facilitator, organiser=eskilstuna, title="Annan", date=datetime.date(2026, 1, 1)
    )
    with pytest.raises(ValidationError, match="annan workshop"):
        services.contribution_send(
            participant=join(), prompt=other.prompts.get(kind=Prompt.Kind.EXAMPLE), text="x"
        )
