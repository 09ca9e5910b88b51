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
    """A vote the rules do not allow: over budget, over the limit on one item, or the round
    closed."""


@transaction.atomic
def round_open(
    *,
    actor: Actor,
    workshop: Workshop,
    target: str,
    budget: int,
    question: str = "",
    max_per_item: int = 1,
) -> VotingRound:
    """One round at a time: opening a new one closes the one before."""
    require_facilitator(actor, workshop)
    if workshop.state != Workshop.State.OPEN:
        raise ValidationError(_("Open the workshop before voting."))
    if not 1 <= budget <= 20:
        raise ValidationError({"budget": _("Give each participant between 1 and 20 votes.")})
    if not 1 <= max_per_item <= budget:
        raise ValidationError(
            {"max_per_item": _("One item can get between 1 vote and all of a participant's.")}
        )
    workshop.rounds.filter(is_open=True).update(is_open=False)
    voting_round = VotingRound.objects.create(
        workshop=workshop,
        target=target,
        budget=budget,
        max_per_item=max_per_item,
        question=question.strip()[:200],
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


def _first_free(taken: set[int], last: int) -> int | None:
    return next((number for number in range(1, last + 1) if number not in taken), None)


def vote_cast(
    *, participant: Participant, voting_round: VotingRound, item: Theme | Contribution
) -> Vote:
    if not voting_round.is_open or participant.workshop_id != voting_round.workshop_id:
        raise VoteRefused(_("Voting has closed."))
    if participant.workshop.locked:
        raise VoteRefused(_("The facilitator has paused the workshop for a moment."))
    fields = _item_fields(voting_round, item)
    mine = Vote.objects.filter(round=voting_round, participant=participant)
    # Each failed INSERT means another request of hers took a slot, so the loop ends.
    for _attempt in range(voting_round.budget + 1):
        item_slot = _first_free(
            set(mine.filter(**fields).values_list("item_slot", flat=True)),
            voting_round.max_per_item,
        )
        if item_slot is None:
            if voting_round.max_per_item == 1:
                raise VoteRefused(_("You have already voted for this."))
            raise VoteRefused(_("You have given this as many votes as one item may get."))
        slot = _first_free(set(mine.values_list("slot", flat=True)), voting_round.budget)
        if slot is None:
            break
        try:
            with transaction.atomic():
                vote = Vote.objects.create(
                    round=voting_round,
                    participant=participant,
                    slot=slot,
                    budget=voting_round.budget,
                    item_slot=item_slot,
                    max_per_item=voting_round.max_per_item,
                    **fields,
                )
                board_changed(voting_round.workshop)
                return vote
        except IntegrityError:
            continue  # the database refused the loser of a race: read her slots again
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
    mine = Vote.objects.filter(round=voting_round, participant=participant, **fields)
    # One dot back at a time: she may have given the item several.
    last = mine.order_by("-item_slot").first()
    if last is not None:
        last.delete()
        board_changed(voting_round.workshop)
