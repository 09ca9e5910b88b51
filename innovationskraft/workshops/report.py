"""The synthesis of a workshop: figures, examples, themes with votes, barriers and enablers
as a tree, and the facilitator's conclusions."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from innovationskraft.cases.markdown import render_markdown
from innovationskraft.cases.models import Term
from innovationskraft.workshops.models import Contribution, Prompt, Theme, Vote, Workshop
from innovationskraft.workshops.selectors import (
    PromptBoard,
    board,
    board_contributions,
)


@dataclass
class TermCount:
    term: Term
    count: int
    children: list["TermCount"]


@dataclass
class RankedTheme:
    theme: Theme
    contributions: int
    votes: int


@dataclass
class Report:
    workshop: Workshop
    participants: int
    organisations: int
    contributions: int
    examples: list[Contribution]
    prompts: list[PromptBoard]
    themes: list[RankedTheme]
    barriers: list[TermCount]
    enablers: list[TermCount]

    @property
    def trees(self) -> list[tuple[str, list[TermCount]]]:
        return [(_("Barriers"), self.barriers), (_("Enablers"), self.enablers)]

    @property
    def conclusions_html(self) -> str:
        return render_markdown(self.workshop.conclusions)


def _term_tree(tagged: dict[int, set[int]], vocabulary: str) -> list[TermCount]:
    """Contributions per term; a parent counts every contribution of its own and its children."""
    terms = Term.objects.filter(vocabulary=vocabulary).order_by("position", "pk")
    children = defaultdict(list)
    for term in terms:
        children[term.parent_id].append(term)
    tree = []
    for top in children[None]:
        rows = [
            TermCount(child, len(tagged.get(child.pk, ())), [])
            for child in children[top.pk]
            if tagged.get(child.pk)
        ]
        reached = set(tagged.get(top.pk, set()))
        for child in children[top.pk]:
            reached |= tagged.get(child.pk, set())
        if reached:
            rows.sort(key=lambda row: -row.count)
            tree.append(TermCount(top, len(reached), rows))
    tree.sort(key=lambda row: -row.count)
    return tree


def _tagged_contributions(workshop: Workshop, on_board: list[Contribution]) -> dict[int, set]:
    """Term id -> contributions tagged with it, themselves or through their theme."""
    tagged: dict[int, set[int]] = defaultdict(set)
    ids = {c.pk for c in on_board}
    through = Contribution.terms.through.objects.filter(contribution_id__in=ids)
    for contribution_id, term_id in through.values_list("contribution_id", "term_id"):
        tagged[term_id].add(contribution_id)
    members = defaultdict(set)
    for contribution in on_board:
        if contribution.theme_id:
            members[contribution.theme_id].add(contribution.pk)
    theme_terms = Theme.terms.through.objects.filter(theme__prompt__workshop=workshop)
    for theme_id, term_id in theme_terms.values_list("theme_id", "term_id"):
        tagged[term_id] |= members[theme_id]
    return tagged


def organisations_named(*, workshop: Workshop) -> int:
    """The organisations its participants named. Once their names were removed, the number
    counted then, and any named since (a workshop opened again)."""
    participants = workshop.participants.all()
    with_organisation = participants.exclude(organisation=None).values("organisation_id")
    named_only = participants.filter(organisation=None).exclude(organisation_name="")
    return (
        (workshop.organisations_counted or 0)
        + with_organisation.distinct().count()
        + named_only.values("organisation_name").distinct().count()
    )


def workshop_report(*, workshop: Workshop) -> Report:
    participants = workshop.participants.all()
    organisations = organisations_named(workshop=workshop)
    # The board read once: its columns are the report's questions, its notes the answers.
    prompts = board(
        workshop=workshop,
        contributions=board_contributions(workshop=workshop).select_related("case"),
    )
    on_board = [c for column in prompts for group in column.groups for c in group.contributions]
    counted = Contribution.objects.filter(workshop=workshop, status=Contribution.Status.VISIBLE)
    themes = (
        Theme.objects.filter(prompt__workshop=workshop)
        .select_related("prompt")
        .prefetch_related("terms")
        .annotate(
            size=Count(
                "contributions",
                filter=Q(contributions__status=Contribution.Status.VISIBLE)
                & Q(contributions__merged_into=None),
                distinct=True,
            )
        )
    )
    theme_votes = dict(
        Vote.objects.filter(round__workshop=workshop, theme__isnull=False)
        .values_list("theme_id")
        .annotate(n=Count("id"))
    )
    ranked = [RankedTheme(t, t.size, theme_votes.get(t.pk, 0)) for t in themes]
    ranked.sort(key=lambda row: (-row.votes, -row.contributions, row.theme.position))
    tagged = _tagged_contributions(workshop, on_board)
    return Report(
        workshop=workshop,
        participants=participants.count(),
        organisations=organisations,
        contributions=counted.count(),
        examples=[
            contribution
            for column in prompts
            if column.prompt.kind == Prompt.Kind.EXAMPLE
            for group in column.groups
            for contribution in group.contributions
        ],
        prompts=prompts,
        themes=ranked,
        barriers=_term_tree(tagged, "barrier"),
        enablers=_term_tree(tagged, "enabler"),
    )
