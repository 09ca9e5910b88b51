"""Reads for the board, the facilitator's pages, the participant's phone and the report."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Q, QuerySet

from innovationskraft.accounts.models import User
from innovationskraft.accounts.selectors import organisation_ids_of
from innovationskraft.cases.models import Case, Term
from innovationskraft.workshops.models import (
    Contribution,
    Participant,
    Prompt,
    Theme,
    Workshop,
)
from innovationskraft.workshops.selectors.voting import (
    RoundResult,
    latest_closed_round,
    open_round,
    round_results,
    vote_counts,
    votes_of,
)

__all__ = [
    "RoundResult",
    "latest_closed_round",
    "open_round",
    "round_results",
    "vote_counts",
    "votes_of",
]

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

Status = Contribution.Status


class MergedCount(TypedDict):
    merged_count: int


def board_contributions(*, workshop: Workshop) -> QuerySet[Contribution]:
    return Contribution.objects.filter(
        workshop=workshop, status=Status.VISIBLE, merged_into__isnull=True
    )


def with_merged_counts(
    contributions: QuerySet[Contribution],
) -> "QuerySet[WithAnnotations[Contribution, MergedCount]]":
    """`merged_count`: the duplicates merged into each one, which count as naming it again."""
    return contributions.annotate(
        merged_count=Count("merged", filter=Q(merged__status__in=(Status.VISIBLE, Status.PENDING)))
    )


def workshops_for_facilitator(*, user: User) -> QuerySet[Workshop]:
    workshops = Workshop.objects.select_related("organiser").annotate(
        contribution_count=Count("contributions", filter=~Q(contributions__status=Status.WITHDRAWN))
    )
    if user.is_moderator:
        return workshops
    return workshops.filter(
        Q(created_by=user) | Q(organiser_id__in=organisation_ids_of(user))
    ).distinct()


def published_reports() -> QuerySet[Workshop]:
    return Workshop.objects.filter(state=Workshop.State.PUBLISHED).select_related("organiser")


@dataclass
class ThemeGroup:
    theme: Theme | None
    contributions: list[Contribution]
    votes: int = 0


@dataclass
class PromptBoard:
    prompt: Prompt
    groups: list[ThemeGroup] = field(default_factory=list)
    count: int = 0


def board(
    *, workshop: Workshop, contributions: QuerySet[Contribution] | None = None
) -> list[PromptBoard]:
    """The board by question, each question's themes in order and the unthemed last.
    Contributions are counted with the duplicates merged into them."""
    voting_round = open_round(workshop=workshop)
    votes = vote_counts(voting_round=voting_round)
    if contributions is None:
        contributions = board_contributions(workshop=workshop)
    counted = with_merged_counts(contributions).order_by("-highlighted", "created_at", "pk")
    themes = Theme.objects.filter(prompt__workshop=workshop).order_by("position", "pk")
    boards = {prompt.pk: PromptBoard(prompt) for prompt in workshop.prompts.all()}
    groups: dict[int | None, ThemeGroup] = {
        theme.pk: ThemeGroup(theme, [], votes[("theme", theme.pk)]) for theme in themes
    }
    unthemed = {pk: ThemeGroup(None, []) for pk in boards}
    for contribution in counted:
        # For the templates, beside the merged count the query annotated.
        contribution.vote_count = votes[("contribution", contribution.pk)]  # type: ignore[attr-defined]
        group = groups.get(contribution.theme_id) or unthemed[contribution.prompt_id]
        group.contributions.append(contribution)
        boards[contribution.prompt_id].count += 1 + contribution.merged_count
    for theme in themes:
        boards[theme.prompt_id].groups.append(groups[theme.pk])
    for pk, group in unthemed.items():
        if group.contributions:
            boards[pk].groups.append(group)
    return list(boards.values())


def participant_contributions(*, participant: Participant) -> QuerySet[Contribution]:
    return (
        Contribution.objects.filter(participant=participant)
        .exclude(status=Status.WITHDRAWN)
        .select_related("prompt")
        .order_by("-created_at", "-pk")
    )


def moderation_list(*, workshop: Workshop, show: str = "all") -> QuerySet[Contribution]:
    contributions = (
        Contribution.objects.filter(workshop=workshop)
        .exclude(status=Status.WITHDRAWN)
        .select_related("prompt", "theme", "merged_into", "case")
        .order_by("-created_at", "-pk")
    )
    if show == "pending":
        return contributions.filter(status=Status.PENDING)
    if show == "flagged":
        return contributions.filter(flagged=True)
    if show == "hidden":
        return contributions.filter(status=Status.HIDDEN)
    return contributions


def counts_for_facilitator(*, workshop: Workshop) -> dict[str, int]:
    contributions = Contribution.objects.filter(workshop=workshop).exclude(status=Status.WITHDRAWN)
    return contributions.aggregate(
        all=Count("id"),
        pending=Count("id", filter=Q(status=Status.PENDING)),
        flagged=Count("id", filter=Q(flagged=True)),
        hidden=Count("id", filter=Q(status=Status.HIDDEN)),
    ) | {"participants": workshop.participants.count()}


def tag_terms() -> list[Term]:
    """Barriers, then enablers, each parent followed by its children: the order of a tree."""
    terms = list(Term.objects.filter(vocabulary__in=("barrier", "enabler")))
    children: dict = {}
    for term in terms:
        children.setdefault(term.parent_id, []).append(term)
    ordered = []
    for vocabulary in ("barrier", "enabler"):
        tops = sorted(
            (t for t in children.get(None, []) if t.vocabulary == vocabulary),
            key=lambda t: t.position,
        )
        for top in tops:
            ordered.append(top)
            ordered += sorted(children.get(top.pk, []), key=lambda t: t.position)
    return ordered


def reports_naming(*, case: Case) -> QuerySet[Workshop]:
    """Published workshop reports in which the case was named as an example."""
    return Workshop.objects.filter(
        state=Workshop.State.PUBLISHED,
        contributions__case=case,
        # What the report shows: a hidden or withdrawn answer does not name the case there.
        contributions__status=Contribution.Status.VISIBLE,
    ).distinct()
