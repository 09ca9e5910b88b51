import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from innovationskraft.workshops import services
from innovationskraft.workshops.models import Contribution
from innovationskraft.workshops.moderation import looks_offensive
from innovationskraft.workshops.selectors import board

pytestmark = pytest.mark.django_db


def test_the_word_list_flags_swedish_and_english_swearing_but_not_ordinary_words():
    assert looks_offensive("Vilken jävla byråkrati")
    assert looks_offensive("This is bullshit")
    assert looks_offensive("Skitsnack om innovation")
    assert not looks_offensive("Skatteverket förenklade deklarationen")
    assert not looks_offensive("Fantastiskt samarbete med regionen")


def test_a_possibly_offensive_contribution_is_flagged_for_the_facilitator(send):
    assert send("Fan vad krångligt med upphandling", kind="barrier").flagged
    assert not send("Krånglig upphandling", kind="barrier").flagged


def test_a_hidden_contribution_is_kept_but_leaves_the_board(facilitator, workshop, send):
    contribution = send("Något olämpligt")
    services.contribution_set_status(actor=facilitator, contribution=contribution, status="hidden")
    assert Contribution.objects.filter(pk=contribution.pk, status="hidden").exists()
    assert all(
        not group.contributions for prompt in board(workshop=workshop) for group in prompt.groups
    )


def test_the_facilitator_corrects_a_typo_and_sets_flags(facilitator, send):
    contribution = send("Verksamt.se  företagsportal")
    services.contribution_correct(
        actor=facilitator, contribution=contribution, text="Verksamt.se, företagsportalen"
    )
    services.contribution_set_flags(
        actor=facilitator, contribution=contribution, highlighted=True, done=True
    )
    contribution.refresh_from_db()
    assert contribution.text == "Verksamt.se, företagsportalen"
    assert contribution.highlighted
    assert contribution.done


def test_merged_duplicates_leave_the_board_and_count_towards_the_survivor(
    facilitator, workshop, send
):
    first, second, third = send("1177"), send("1177 Vårdguiden"), send("Vårdguiden 1177")
    services.contribution_merge(actor=facilitator, duplicate=second, into=first)
    services.contribution_merge(actor=facilitator, duplicate=third, into=second)
    third.refresh_from_db()
    assert third.merged_into == first  # merged into a merged one: goes to the survivor
    examples = board(workshop=workshop)[0]
    assert examples.count == 3
    assert [c.text for group in examples.groups for c in group.contributions] == ["1177"]
    with pytest.raises(ValidationError):
        services.contribution_merge(actor=facilitator, duplicate=first, into=first)


def test_only_a_facilitator_moderates(other_editor, send):
    contribution = send("ReTuna")
    with pytest.raises(PermissionDenied):
        services.contribution_set_status(
            actor=other_editor, contribution=contribution, status="hidden"
        )
