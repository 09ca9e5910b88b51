"""Moderation that holds: an editor's change to a published case waits for a moderator as a
PendingRevision, while the case, its page, the index and the API keep the reviewed text. A
trusted organisation's editors are moderated afterwards instead (their changes go live)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from innovationskraft.accounts.types import Actor
from innovationskraft.cases import permissions
from innovationskraft.cases.contract import CaseInput, input_from_case
from innovationskraft.cases.models import Case, Organisation, PendingRevision, ReviewDecision
from innovationskraft.cases.pending_data import input_from_data, input_to_data
from innovationskraft.cases.services.cases import EditConflict, case_lock, case_update
from innovationskraft.cases.services.common import require, user_or_none
from innovationskraft.cases.signals import CaseEvent, case_event_sent
from innovationskraft.core.audit import AuditAction, audit_record


@dataclass(frozen=True)
class Edit:
    """What became of an edit: live on `case`, or held as `pending` for review."""

    case: Case
    pending: PendingRevision | None = None


@transaction.atomic
def case_edit(
    *, actor: Actor, case: Case, data: CaseInput, loaded_revision: int | None = None
) -> Edit:
    """An editor's change, from the form or the API: live at once, or held for review when it
    changes a published case of an organisation that is not trusted."""
    require(permissions.can_edit_case(actor, case))
    case_lock(case=case)
    # Read again under the lock: the case may have been published since it was fetched.
    case.refresh_from_db(fields=["status"])
    if permissions.can_edit_live(actor, case):
        return Edit(case_update(actor=actor, case=case, data=data, loaded_revision=loaded_revision))
    if input_to_data(data) == input_to_data(input_from_case(case)):
        # Back to the reviewed text: nothing is left to review.
        PendingRevision.objects.filter(case=case).delete()
        return Edit(case)
    pending = pending_revision_submit(
        actor=actor, case=case, data=data, loaded_revision=loaded_revision
    )
    return Edit(case, pending)


@transaction.atomic
def pending_revision_submit(
    *, actor: Actor, case: Case, data: CaseInput, loaded_revision: int | None = None
) -> PendingRevision:
    """Holds the change for review, in place of any change waiting before it."""
    require(permissions.can_edit_case(actor, case))
    if case.status != Case.Status.PUBLISHED:
        raise ValidationError(_("Only a change to a published case waits for review."))
    saved = case_lock(case=case)
    if loaded_revision is not None and loaded_revision != saved:
        case.refresh_from_db()
        raise EditConflict(case)
    pending, _created = PendingRevision.objects.update_or_create(
        case=case,
        defaults={
            "data": input_to_data(data),
            "author": user_or_none(actor),
            "base_revision": saved,
            "state": PendingRevision.State.WAITING,
            "comment": "",
            "created_at": timezone.now(),
        },
    )
    event = CaseEvent(CaseEvent.Kind.CHANGE_SUBMITTED)
    case_event_sent(case_ids=[case.pk], actor=actor, event=event)
    return pending


def _waiting(actor: Actor, pending: PendingRevision) -> None:
    require(permissions.can_review_cases(actor))
    if pending.state != PendingRevision.State.WAITING:
        raise ValidationError(_("The change no longer waits for review."))


def _decided(pending: PendingRevision, actor: Actor, outcome: str, comment: str) -> None:
    ReviewDecision.objects.create(
        case=pending.case, moderator=user_or_none(actor), outcome=outcome, comment=comment
    )
    action = f"case.{outcome}"  # as cases' own review decisions are recorded
    audit_record(actor=actor, action=action, target=pending.case, detail={"comment": comment})


@transaction.atomic
def pending_revision_approve(*, actor: Actor, pending: PendingRevision, comment: str = "") -> Case:
    """Applies the change through the one write path, crediting its author. It is applied
    even when the case changed after the change was written (the queue says so)."""
    _waiting(actor, pending)
    case = case_update(
        actor=actor, case=pending.case, data=input_from_data(pending.data), author=pending.author
    )
    _decided(pending, actor, ReviewDecision.Outcome.CHANGE_APPROVED, comment)
    pending.delete()
    event = CaseEvent(CaseEvent.Kind.CHANGE_APPROVED, comment=comment)
    case_event_sent(case_ids=[case.pk], actor=actor, event=event)
    return case


@transaction.atomic
def pending_revision_return(
    *, actor: Actor, pending: PendingRevision, comment: str
) -> PendingRevision:
    """Back to its editors with what to change; they go on from their text."""
    _waiting(actor, pending)
    if not comment.strip():
        raise ValidationError(_("Tell the owner what to change."))
    pending.state, pending.comment = PendingRevision.State.RETURNED, comment
    pending.save(update_fields=["state", "comment"])
    _decided(pending, actor, ReviewDecision.Outcome.CHANGE_RETURNED, comment)
    event = CaseEvent(CaseEvent.Kind.CHANGE_RETURNED, comment=comment)
    case_event_sent(case_ids=[pending.case_id], actor=actor, event=event)
    return pending


@transaction.atomic
def organisation_set_trusted(
    *, actor: Actor, organisation: Organisation, trusted: bool
) -> Organisation:
    if actor is not None:
        require(permissions.can_review_cases(actor))
    organisation.trusted = trusted
    organisation.save(update_fields=["trusted"])
    trust = AuditAction.ORGANISATION_TRUSTED if trusted else AuditAction.ORGANISATION_UNTRUSTED
    audit_record(actor=actor, action=trust, target=organisation)
    return organisation
