"""The one signal that a case changed. Every write path sends it inside its transaction: the
case services, the admin, the bulk import and the generator. What is derived from cases (the
search index, the history, later notifications and vectors) listens to it and so stays in step
with every write, however it was made. Business rules stay in the services."""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.dispatch import Signal

from innovationskraft.cases.models import Case
from innovationskraft.cases.snapshots import CaseSnapshot

# Arguments: case_ids (list[int]), actor (a user or None for a system process), action (an
# untranslated text for the history, such as "Edited"), versioned (whether what the case says
# changed, so that the history keeps a version; False for a count or a deletion), snapshot (the
# cases as they are now, read once for all listeners), event (a CaseEvent when a person's step
# in the review loop or the spread of the case caused the change, else None), author (the
# person to credit in the history when a moderator applied her change, else None).
case_changed = Signal()

# A step in the review loop that leaves the case as it is (a change to a published case
# submitted for review, or returned), or that rides beside a change (a change approved).
# Arguments: case_ids, actor, event.
case_noticed = Signal()


@dataclass(frozen=True)
class CaseEvent:
    """What happened, for those who tell people about it (notifications)."""

    class Kind(StrEnum):
        SUBMITTED = "submitted"
        PUBLISHED = "published"
        RETURNED = "returned"
        ADOPTED = "adopted"
        # A change to a published case: waiting for review, approved, returned, or gone live
        # at once because the case's organisation is trusted.
        CHANGE_SUBMITTED = "change_submitted"
        CHANGE_APPROVED = "change_approved"
        CHANGE_RETURNED = "change_returned"
        CHANGED_LIVE = "changed_live"

    kind: Kind
    comment: str = ""
    organisation_id: int | None = None  # the adopting organisation


def cases_changed(
    *,
    case_ids: Iterable[int],
    actor,
    action: str,
    versioned: bool = True,
    event: CaseEvent | None = None,
    author=None,
) -> None:
    case_ids = list(case_ids)
    case_changed.send(
        sender=Case,
        case_ids=case_ids,
        actor=actor,
        action=action,
        versioned=versioned,
        snapshot=CaseSnapshot(case_ids),
        event=event,
        author=author,
    )


def case_event_sent(*, case_ids: Iterable[int], actor, event: CaseEvent) -> None:
    case_noticed.send(sender=Case, case_ids=list(case_ids), actor=actor, event=event)
