import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from innovationskraft.workshops import services
from innovationskraft.workshops.access import is_well_formed_code, normalise_code, workshop_for_code
from innovationskraft.workshops.models import JOIN_CODE_ALPHABET, Prompt, Workshop

pytestmark = pytest.mark.django_db


def test_the_opsi_template_prefills_examples_enablers_and_barriers(draft_workshop):
    kinds = list(draft_workshop.prompts.values_list("kind", flat=True))
    assert kinds == [Prompt.Kind.EXAMPLE, Prompt.Kind.ENABLER, Prompt.Kind.BARRIER]
    assert draft_workshop.prompts.first().text.startswith("Vilka innovationer")


def test_an_english_workshop_gets_its_questions_in_english(facilitator, eskilstuna):
    workshop = services.workshop_create(
        actor=facilitator,
        organiser=eskilstuna,
        title="OPSI peer learning",
        date=datetime.date(2026, 12, 1),
        language="en",
    )
    assert workshop.prompts.first().text == "Which innovations in the public sector do you know of?"


def test_the_join_code_is_six_unambiguous_characters(draft_workshop):
    code = draft_workshop.join_code
    assert len(code) == 6
    assert is_well_formed_code(code)
    assert not set("01ILOSZB258") & set(JOIN_CODE_ALPHABET)


def test_a_code_typed_in_lower_case_with_spaces_finds_the_workshop(draft_workshop):
    typed = " ".join(draft_workshop.join_code.lower())
    assert normalise_code(typed) == draft_workshop.join_code
    assert workshop_for_code(typed) == draft_workshop
    assert workshop_for_code("ABC") is None


def test_only_members_of_the_organiser_may_create_its_workshops(other_editor, eskilstuna):
    with pytest.raises(PermissionDenied):
        services.workshop_create(
            actor=other_editor, organiser=eskilstuna, title="X", date=datetime.date(2026, 1, 1)
        )


def test_another_organisations_editor_cannot_open_the_workshop(other_editor, draft_workshop):
    with pytest.raises(PermissionDenied):
        services.workshop_open(actor=other_editor, workshop=draft_workshop)


def test_a_moderator_may_run_any_workshop(moderator, draft_workshop):
    services.workshop_open(actor=moderator, workshop=draft_workshop)
    assert draft_workshop.state == Workshop.State.OPEN


def test_a_workshop_without_questions_cannot_be_opened(facilitator, eskilstuna):
    workshop = services.workshop_create(
        actor=facilitator,
        organiser=eskilstuna,
        title="Tom",
        date=datetime.date(2026, 1, 1),
        template="blank",
    )
    with pytest.raises(ValidationError, match="minst en fråga"):
        services.workshop_open(actor=facilitator, workshop=workshop)


def test_it_goes_from_open_to_closed_to_published_and_back(facilitator, workshop):
    with pytest.raises(ValidationError):
        services.workshop_publish(actor=facilitator, workshop=workshop)
    services.workshop_close(actor=facilitator, workshop=workshop)
    services.workshop_publish(actor=facilitator, workshop=workshop)
    assert workshop.state == Workshop.State.PUBLISHED
    assert workshop.published_at
    services.workshop_unpublish(actor=facilitator, workshop=workshop)
    assert workshop.state == Workshop.State.CLOSED
    assert workshop.published_at is None


def test_every_change_on_the_board_bumps_the_revision(facilitator, workshop, send):
    before = Workshop.objects.get(pk=workshop.pk).revision
    send("Återbruksgallerian ReTuna")
    services.workshop_set_locked(actor=facilitator, workshop=workshop, locked=True)
    assert Workshop.objects.get(pk=workshop.pk).revision == before + 2


def test_a_question_with_answers_cannot_be_removed(facilitator, workshop, send, prompt_of):
    send("1177 Vårdguiden")
    with pytest.raises(ValidationError):
        services.prompt_remove(actor=facilitator, prompt=prompt_of(Prompt.Kind.EXAMPLE))
    added = services.prompt_add(
        actor=facilitator, workshop=workshop, kind=Prompt.Kind.IDEA, text="Vad vill du pröva?"
    )
    assert added.position == 3
    services.prompt_remove(actor=facilitator, prompt=added)
    assert workshop.prompts.count() == 3
