"""What a facilitator does with contributions: approve, hide, correct, flag and merge."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from innovationskraft.accounts.types import Actor
from innovationskraft.core.audit import AuditAction, audit_record
from innovationskraft.workshops.models import Contribution
from innovationskraft.workshops.moderation import looks_offensive
from innovationskraft.workshops.services.common import board_changed, require_facilitator
from innovationskraft.workshops.services.participation import _clean

Status = Contribution.Status


def _save(contribution: Contribution, *fields: str) -> Contribution:
    contribution.save(update_fields=[*fields, "updated_at"])
    board_changed(contribution.workshop)
    return contribution


@transaction.atomic
def contribution_set_status(
    *, actor: Actor, contribution: Contribution, status: str
) -> Contribution:
    """Approve, hide or show again; a hidden contribution is kept, never deleted."""
    require_facilitator(actor, contribution.workshop)
    if status not in (Status.VISIBLE, Status.HIDDEN):
        raise ValidationError(_("A contribution can only be shown or hidden."))
    if contribution.status == Status.WITHDRAWN:
        raise ValidationError(_("The participant has withdrawn this contribution."))
    contribution.status = status
    shown = (
        AuditAction.CONTRIBUTION_HIDDEN
        if status == Status.HIDDEN
        else AuditAction.CONTRIBUTION_SHOWN
    )
    audit_record(actor=actor, action=shown, target=contribution)
    return _save(contribution, "status")


@transaction.atomic
def contribution_correct(*, actor: Actor, contribution: Contribution, text: str) -> Contribution:
    require_facilitator(actor, contribution.workshop)
    contribution.text = _clean(text)
    contribution.flagged = looks_offensive(contribution.text)
    return _save(contribution, "text", "flagged")


@transaction.atomic
def contribution_set_flags(
    *,
    actor: Actor,
    contribution: Contribution,
    highlighted: bool | None = None,
    done: bool | None = None,
) -> Contribution:
    require_facilitator(actor, contribution.workshop)
    if highlighted is not None:
        contribution.highlighted = highlighted
    if done is not None:
        contribution.done = done
    return _save(contribution, "highlighted", "done")


@transaction.atomic
def contribution_merge(
    *, actor: Actor, duplicate: Contribution, into: Contribution
) -> Contribution:
    """The duplicate leaves the board and counts towards the one it was merged into."""
    require_facilitator(actor, duplicate.workshop)
    if duplicate.workshop_id != into.workshop_id or duplicate.pk == into.pk:
        raise ValidationError(_("Choose another contribution from the same workshop."))
    target = into.merged_into or into  # merging into a merged one goes to its survivor
    if target.pk == duplicate.pk:
        raise ValidationError(_("Choose another contribution from the same workshop."))
    duplicate.merged_into = target
    audit_record(
        actor=actor,
        action=AuditAction.CONTRIBUTION_MERGED,
        target=duplicate,
        detail={"into": target.pk},
    )
    _save(duplicate, "merged_into")
    Contribution.objects.filter(merged_into=duplicate).update(merged_into=target)
    return duplicate


@transaction.atomic
def contribution_unmerge(*, actor: Actor, contribution: Contribution) -> Contribution:
    require_facilitator(actor, contribution.workshop)
    audit_record(actor=actor, action=AuditAction.CONTRIBUTION_UNMERGED, target=contribution)
    contribution.merged_into = None
    return _save(contribution, "merged_into")
