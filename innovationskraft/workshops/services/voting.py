"""Dot voting. The service tries a participant's free slots; the database has the last word."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from innovationskraft.accounts.types import Actor
from innovationskraft.workshops.models import (
    Contribution,
    Participant,
    Theme,
    Vote,
    VotingRound,
    Workshop,
)
from innovationskraft.workshops.services.common import board_changed, require_facilitator


class VoteRefused(ValidationError):
    """A vote the rules do not allow: over budget, twice on one item, or the round closed."""


@transaction.atomic
def round_open(
    *, actor: Actor, workshop: Workshop, target: str, budget: int, question: str = ""
) -> VotingRound:
    """One round at a time: opening a new one closes the one before."""
    require_facilitator(actor, workshop)
    if workshop.state != Workshop.State.OPEN:
        raise ValidationError(_("Open the workshop before voting."))
    if not 1 <= budget <= 20:
        raise ValidationError({"budget": _("Give each participant between 1 and 20 votes.")})
    workshop.rounds.filter(is_open=True).update(is_open=False)
    voting_round = VotingRound.objects.create(
        workshop=workshop, target=target, budget=budget, question=question.strip()[:200]
    )
    board_changed(workshop)
    return voting_round


@transaction.atomic
def round_close(*, actor: Actor, voting_round: VotingRound) -> VotingRound:
    require_facilitator(actor, voting_round.workshop)
    voting_round.is_open = False
    voting_round.save(update_fields=["is_open"])
    board_changed(voting_round.workshop)
    return voting_round


def _item_fields(voting_round: VotingRound, item: Theme | Contribution) -> dict:
    workshop_id = voting_round.workshop_id
    Target = VotingRound.Target
    if isinstance(item, Theme) and voting_round.target == Target.THEMES:
        if item.prompt.workshop_id == workshop_id:
            return {"theme": item}
    elif (
        isinstance(item, Contribution)
        and voting_round.target == Target.CONTRIBUTIONS
        and item.workshop_id == workshop_id
        and item.on_board
    ):
        return {"contribution": item}
    raise VoteRefused(_("This cannot be voted on in this round."))


def vote_cast(
    *, participant: Participant, voting_round: VotingRound, item: Theme | Contribution
) -> Vote:
    if not voting_round.is_open or participant.workshop_id != voting_round.workshop_id:
        raise VoteRefused(_("Voting has closed."))
    if participant.workshop.locked:
        raise VoteRefused(_("The facilitator has paused the workshop for a moment."))
    fields = _item_fields(voting_round, item)
    mine = Vote.objects.filter(round=voting_round, participant=participant)
    if mine.filter(**fields).exists():
        raise VoteRefused(_("You have already voted for this."))
    for slot in range(1, voting_round.budget + 1):
        if mine.filter(slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                vote = Vote.objects.create(
                    round=voting_round,
                    participant=participant,
                    slot=slot,
                    budget=voting_round.budget,
                    **fields,
                )
                board_changed(voting_round.workshop)
                return vote
        except IntegrityError:
            if mine.filter(**fields).exists():
                raise VoteRefused(_("You have already voted for this.")) from None
            # Another request of hers took this slot a moment ago: try the next one.
    raise VoteRefused(_("You have used all your votes."))


@transaction.atomic
def vote_withdraw(
    *, participant: Participant, voting_round: VotingRound, item: Theme | Contribution
) -> None:
    if not voting_round.is_open:
        raise VoteRefused(_("Voting has closed."))
    if participant.workshop.locked:
        raise VoteRefused(_("The facilitator has paused the workshop for a moment."))
    fields = _item_fields(voting_round, item)
    Vote.objects.filter(round=voting_round, participant=participant, **fields).delete()
    board_changed(voting_round.workshop)
