"""Participants' names and organisations are removed WORKSHOP_PARTICIPANT_KEEP_DAYS after
their workshop closed; what they wrote stays. The join page says so before anyone types a name."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from innovationskraft.core.schedule import scheduled
from innovationskraft.workshops import services
from innovationskraft.workshops.models import Contribution, Participant, Workshop
from innovationskraft.workshops.report import workshop_report
from innovationskraft.workshops.tasks import workshop_participants_forget

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(workshop, facilitator, join, send):
    """The open workshop with two named participants from two organisations, one anonymous,
    and a contribution from each; closed by its facilitator."""
    people = [
        join(name="Karin", organisation_name="Eskilstuna kommun"),
        join(name="Omar", organisation_name="Mälardalens universitet"),
        join(),
    ]
    for number, person in enumerate(people):
        send(f"Bidrag nummer {number}", participant=person)
    services.workshop_close(actor=facilitator, workshop=workshop)
    return workshop


def closed_days_ago(workshop: Workshop, days: int) -> None:
    Workshop.objects.filter(pk=workshop.pk).update(closed_at=timezone.now() - timedelta(days=days))


def test_participants_of_a_workshop_closed_91_days_ago_are_forgotten(held):
    closed_days_ago(held, 91)

    assert services.participants_forget() == 3
    for participant in Participant.objects.filter(workshop=held):
        assert (participant.name, participant.organisation_name) == ("", "")
        assert participant.organisation is None
        assert participant.address_key == ""


def test_their_contributions_stay_without_an_address(held):
    closed_days_ago(held, 91)
    services.participants_forget()

    texts = sorted(Contribution.objects.filter(workshop=held).values_list("text", flat=True))
    assert texts == ["Bidrag nummer 0", "Bidrag nummer 1", "Bidrag nummer 2"]
    assert not Contribution.objects.exclude(address_key="").exists()
    assert Contribution.objects.filter(participant=None).count() == 0


def test_participants_of_a_workshop_closed_89_days_ago_are_kept(held):
    closed_days_ago(held, 89)

    assert services.participants_forget() == 0
    names = sorted(Participant.objects.filter(workshop=held).values_list("name", flat=True))
    assert names == ["", "Karin", "Omar"]
    assert Participant.objects.get(name="Karin").organisation.name == "Eskilstuna kommun"


def test_an_open_workshop_keeps_its_participants_however_long_ago_it_was_closed(held, facilitator):
    services.workshop_open(actor=facilitator, workshop=held)
    Workshop.objects.filter(pk=held.pk).update(opened_at=timezone.now() - timedelta(days=400))

    assert services.participants_forget() == 0


def test_the_days_come_from_the_setting(held, settings):
    settings.WORKSHOP_PARTICIPANT_KEEP_DAYS = 10
    closed_days_ago(held, 11)
    assert services.participants_forget() == 3


def test_the_report_still_counts_the_organisations_after_the_names_are_gone(held):
    before = workshop_report(workshop=held)
    closed_days_ago(held, 91)
    services.participants_forget()
    held.refresh_from_db()

    after = workshop_report(workshop=held)
    assert (after.participants, after.organisations) == (before.participants, 2)
    assert services.participants_forget() == 0  # nothing left to forget, nothing counted twice
    held.refresh_from_db()
    assert workshop_report(workshop=held).organisations == 2


def test_the_scheduler_runs_the_task_every_hour():
    [entry] = [e for e in scheduled() if e.name == "workshop-participants-forget"]
    assert entry.task is workshop_participants_forget
    assert entry.every == timedelta(hours=1)


def test_the_join_page_tells_how_long_names_are_kept_before_one_is_typed(
    client, workshop, settings
):
    settings.WORKSHOP_PARTICIPANT_KEEP_DAYS = 60
    html = client.get(f"/w/{workshop.join_code}/").content.decode()

    notice = html.index('id="privacy-notice"')
    assert notice < html.index('name="name"')
    assert "tas bort 60 dagar efter att workshoppen stängs" in html
    assert f'href="{reverse("core:privacy")}"' in html[notice:]
