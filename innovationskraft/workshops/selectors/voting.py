"""Reads of the voting rounds: the open round, the dots on each item, the results."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from innovationskraft.workshops.models import (
    Contribution,
    Participant,
    Theme,
    Vote,
    VotingRound,
    Workshop,
)


def open_round(*, workshop: Workshop) -> VotingRound | None:
    return workshop.rounds.filter(is_open=True).first()


def latest_closed_round(*, workshop: Workshop) -> VotingRound | None:
    """The last round, when it is closed: its results stand until the next one opens."""
    latest = workshop.rounds.first()
    return latest if latest is not None and not latest.is_open else None


def vote_counts(*, voting_round: VotingRound | None) -> Counter:
    """Votes per item key: ("theme", id) or ("contribution", id)."""
    counts: Counter = Counter()
    if voting_round is None:
        return counts
    rows = Vote.objects.filter(round=voting_round).values("theme_id", "contribution_id")
    for row in rows.annotate(n=Count("id")):
        if row["theme_id"]:
            counts[("theme", row["theme_id"])] = row["n"]
        else:
            counts[("contribution", row["contribution_id"])] = row["n"]
    return counts


def votes_of(*, participant: Participant, voting_round: VotingRound) -> Counter:
    """Her dots per item key, as in `vote_counts`."""
    rows = Vote.objects.filter(round=voting_round, participant=participant)
    return Counter(
        ("theme", theme_id) if theme_id else ("contribution", contribution_id)
        for theme_id, contribution_id in rows.values_list("theme_id", "contribution_id")
    )


@dataclass(frozen=True)
class RoundResult:
    label: str
    votes: int


def round_results(*, voting_round: VotingRound) -> list[RoundResult]:
    """The items that got votes, most votes first; ties in the board's order. Only what is
    still on the board: a contribution hidden since is not read out with its count."""
    counts = vote_counts(voting_round=voting_round)
    if voting_round.target == VotingRound.Target.THEMES:
        themes = Theme.objects.filter(prompt__workshop_id=voting_round.workshop_id)
        items = [(("theme", t.pk), t.name) for t in themes.order_by("prompt__position", "position")]
    else:
        shown = Contribution.objects.filter(
            workshop_id=voting_round.workshop_id,
            status=Contribution.Status.VISIBLE,
            merged_into__isnull=True,
        )
        items = [(("contribution", c.pk), c.text) for c in shown.order_by("created_at", "pk")]
    results = [RoundResult(label, counts[key]) for key, label in items if counts[key]]
    return sorted(results, key=lambda result: -result.votes)
