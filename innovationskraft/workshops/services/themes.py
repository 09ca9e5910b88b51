"""Themes: automatic clustering that never undoes the facilitator's arrangement, and the
facilitator's own renaming, moving, splitting and tagging."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from innovationskraft.accounts.types import Actor
from innovationskraft.cases.models import Term
from innovationskraft.workshops import clustering
from innovationskraft.workshops.models import (
    TAG_VOCABULARIES,
    THEME_NAME_LENGTH,
    Contribution,
    Theme,
    Workshop,
)
from innovationskraft.workshops.selectors import board_contributions
from innovationskraft.workshops.services.common import board_changed, require_facilitator


@dataclass(frozen=True)
class ClusterOutcome:
    joined: int
    new_themes: int


def _next_position(prompt_id: int) -> int:
    last = Theme.objects.filter(prompt_id=prompt_id).aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def themes_cluster(*, actor: Actor, workshop: Workshop) -> ClusterOutcome:
    require_facilitator(actor, workshop)
    joined = created = 0
    fields = ("id", "text", "prompt_id", "theme_id", "placed_by_hand")
    contributions = list(board_contributions(workshop=workshop).only(*fields))
    for prompt in workshop.prompts.all():
        mine = [c for c in contributions if c.prompt_id == prompt.pk]
        placed: dict[int, list[str]] = {
            theme_id: [] for theme_id in prompt.themes.values_list("pk", flat=True)
        }
        for contribution in mine:
            if contribution.theme_id in placed:
                placed[contribution.theme_id].append(contribution.text)
        unplaced = [(c.pk, c.text) for c in mine if c.theme_id is None and not c.placed_by_hand]
        plan = clustering.plan(
            placed={k: v for k, v in placed.items() if v},
            unplaced=unplaced,
            language=workshop.language,
            name_length=THEME_NAME_LENGTH,
        )
        for contribution_id, theme_id in plan.joins.items():
            Contribution.objects.filter(pk=contribution_id).update(theme_id=theme_id)
        position = _next_position(prompt.pk)
        for name, members in plan.new_themes:
            theme = Theme.objects.create(prompt=prompt, name=name, position=position)
            Contribution.objects.filter(pk__in=members).update(theme=theme)
            position += 1
        joined += len(plan.joins)
        created += len(plan.new_themes)
    if joined or created:
        board_changed(workshop)
    return ClusterOutcome(joined=joined, new_themes=created)


def _require_name(name: str) -> str:
    name = " ".join((name or "").split())[:THEME_NAME_LENGTH]
    if not name:
        raise ValidationError({"name": _("Give the theme a name.")})
    return name


@transaction.atomic
def theme_rename(*, actor: Actor, theme: Theme, name: str) -> Theme:
    require_facilitator(actor, theme.prompt.workshop)
    theme.name = _require_name(name)
    theme.save(update_fields=["name"])
    board_changed(theme.prompt.workshop)
    return theme


@transaction.atomic
def contribution_move(
    *, actor: Actor, contribution: Contribution, theme: Theme | None
) -> Contribution:
    """Put a contribution in a theme, or in none; clustering will leave it there."""
    require_facilitator(actor, contribution.workshop)
    if theme is not None and theme.prompt_id != contribution.prompt_id:
        raise ValidationError(_("Move it to a theme of the same question."))
    contribution.theme = theme
    contribution.placed_by_hand = True
    contribution.save(update_fields=["theme", "placed_by_hand", "updated_at"])
    board_changed(contribution.workshop)
    return contribution


@transaction.atomic
def theme_split(
    *, actor: Actor, theme: Theme, contributions: list[Contribution], name: str
) -> Theme:
    """Move some of a theme's contributions to a new theme of their own."""
    workshop = theme.prompt.workshop
    require_facilitator(actor, workshop)
    ids = {c.pk for c in contributions}
    if not ids or theme.contributions.filter(pk__in=ids).count() != len(ids):
        raise ValidationError(_("Choose contributions from this theme to split off."))
    new = Theme.objects.create(
        prompt=theme.prompt, name=_require_name(name), position=_next_position(theme.prompt_id)
    )
    Contribution.objects.filter(pk__in=ids).update(theme=new, placed_by_hand=True)
    board_changed(workshop)
    return new


@transaction.atomic
def theme_dissolve(*, actor: Actor, theme: Theme) -> None:
    """Its contributions stay unthemed: a re-run does not put them back."""
    workshop = theme.prompt.workshop
    require_facilitator(actor, workshop)
    theme.contributions.update(theme=None, placed_by_hand=True)
    theme.delete()
    board_changed(workshop)


def _tag_terms(terms: list[Term]) -> list[Term]:
    if any(term.vocabulary not in TAG_VOCABULARIES for term in terms):
        raise ValidationError({"terms": _("Only barriers and enablers can be tags.")})
    return terms


@transaction.atomic
def theme_set_terms(*, actor: Actor, theme: Theme, terms: list[Term]) -> Theme:
    require_facilitator(actor, theme.prompt.workshop)
    theme.terms.set(_tag_terms(terms))
    board_changed(theme.prompt.workshop)
    return theme


@transaction.atomic
def contribution_set_terms(
    *, actor: Actor, contribution: Contribution, terms: list[Term]
) -> Contribution:
    require_facilitator(actor, contribution.workshop)
    contribution.terms.set(_tag_terms(terms))
    board_changed(contribution.workshop)
    return contribution
