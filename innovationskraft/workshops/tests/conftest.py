"""A workshop organised by Eskilstuna kommun, its facilitator and a factory for participants."""

import datetime

import pytest
from django.core import signing

from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures shared with cases
    editor,
    eskilstuna,
    make_case,
    moderator,
    other_editor,
    outsider,
    term,
    vasteras,
)
from innovationskraft.workshops import services
from innovationskraft.workshops.access import PARTICIPANT_COOKIE_SALT, participant_cookie_name
from innovationskraft.workshops.models import Prompt, Workshop


@pytest.fixture
def facilitator(editor):  # noqa: F811 - the shared fixture
    """The editor of Eskilstuna kommun, who runs the organisation's workshops."""
    return editor


@pytest.fixture
def draft_workshop(facilitator, eskilstuna) -> Workshop:  # noqa: F811
    return services.workshop_create(
        actor=facilitator,
        organiser=eskilstuna,
        title="Innovationskraft i offentlig sektor",
        date=datetime.date(2026, 11, 30),
        template="opsi",
    )


@pytest.fixture
def workshop(facilitator, draft_workshop) -> Workshop:
    """Open, with the OPSI-style questions: examples, enablers, barriers."""
    return services.workshop_open(actor=facilitator, workshop=draft_workshop)


@pytest.fixture
def prompt_of(workshop):
    def get(kind: str) -> Prompt:
        return workshop.prompts.get(kind=kind)

    return get


@pytest.fixture
def join(workshop):
    def make(name: str = "", organisation_name: str = "", address: str = "192.0.2.1"):
        return services.participant_join(
            workshop=workshop, name=name, organisation_name=organisation_name, address=address
        )

    return make


@pytest.fixture
def send(workshop, join, prompt_of):
    """send(text, kind="example", participant=None): a contribution from someone in the room."""

    def make(text: str, kind: str = Prompt.Kind.EXAMPLE, participant=None, **extra):
        participant = participant or join()
        return services.contribution_send(
            participant=participant, prompt=prompt_of(kind), text=text, **extra
        )

    return make


@pytest.fixture
def signed_in_as():
    """signed_in_as(client, participant): the client carries her cookie, as after joining."""

    def give(client, participant) -> None:
        name = participant_cookie_name(participant.workshop)
        signer = signing.get_cookie_signer(salt=name + PARTICIPANT_COOKIE_SALT)
        client.cookies[name] = signer.sign(participant.token)

    return give
