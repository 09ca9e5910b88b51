"""What a participant does from her phone: contribute, edit and withdraw."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from innovationskraft.core.clients import address_key
from innovationskraft.workshops.models import (
    MAX_CONTRIBUTION_LENGTH,
    Contribution,
    Participant,
    Prompt,
    Workshop,
)
from innovationskraft.workshops.moderation import looks_offensive
from innovationskraft.workshops.services.common import (
    SPACES,
    RateLimited,
    board_changed,
    over_limit,
)


def _clean(text: str) -> str:
    text = SPACES.sub(" ", (text or "").replace("\x00", "")).strip()
    if not text:
        raise ValidationError({"text": _("Write something before you send.")})
    if len(text) > MAX_CONTRIBUTION_LENGTH:
        raise ValidationError(
            {
                "text": _("At most %(limit)d characters, this has %(count)d.")
                % {"limit": MAX_CONTRIBUTION_LENGTH, "count": len(text)}
            }
        )
    return text


def _require_open(workshop: Workshop) -> None:
    if workshop.state != Workshop.State.OPEN:
        raise ValidationError(_("The workshop is not open for contributions."))
    if workshop.locked:
        raise ValidationError(_("The facilitator has paused contributions for a moment."))


def _held(workshop: Workshop, flagged: bool) -> bool:
    """Approve-first holds everything for the facilitator; the word list holds what it flags,
    since a projector shows a word before anyone could hide it."""
    return workshop.approve_first or flagged


def contribution_send(
    *,
    participant: Participant,
    prompt: Prompt,
    text: str,
    address: str = "",
    client_key: str = "",
) -> Contribution:
    """Store a contribution once, however many times an unsure browser resends it."""
    workshop = participant.workshop
    if prompt.workshop_id != workshop.pk:
        raise ValidationError({"prompt": _("This question belongs to another workshop.")})
    text = _clean(text)
    client_key = client_key[:36]
    if client_key:
        sent = Contribution.objects.filter(participant=participant, client_key=client_key).first()
        if sent is not None:
            return sent
    _require_open(workshop)
    key = address_key(address) if address else ""
    limit = settings.WORKSHOP_CONTRIBUTIONS_PER_PARTICIPANT_MINUTE
    if over_limit(Contribution.objects.filter(participant=participant), limit):
        raise RateLimited
    limit = settings.WORKSHOP_CONTRIBUTIONS_PER_ADDRESS_MINUTE
    if key and over_limit(Contribution.objects.filter(address_key=key), limit):
        raise RateLimited
    flagged = looks_offensive(text)
    held = _held(workshop, flagged)
    contribution = Contribution(
        workshop=workshop,
        prompt=prompt,
        participant=participant,
        text=text,
        status=Contribution.Status.PENDING if held else Contribution.Status.VISIBLE,
        flagged=flagged,
        address_key=key,
        client_key=client_key,
    )
    try:
        # Only the two writes hold SQLite's single write lock; everything else came before.
        with transaction.atomic():
            contribution.save(force_insert=True)
            board_changed(workshop)
    except IntegrityError:
        # The same contribution, resent while the first request was still being written.
        return Contribution.objects.get(participant=participant, client_key=client_key)
    return contribution


@transaction.atomic
def contribution_edit_own(
    *, participant: Participant, contribution: Contribution, text: str
) -> Contribution:
    if contribution.participant_id != participant.pk:
        raise ValidationError(_("This is not your contribution."))
    _require_open(contribution.workshop)
    if contribution.status in (Contribution.Status.WITHDRAWN, Contribution.Status.HIDDEN):
        raise ValidationError(_("This contribution can no longer be changed."))
    text = _clean(text)
    if text == contribution.text:
        return contribution
    contribution.text = text
    contribution.flagged = looks_offensive(text)
    # An edit may hold what was approved, never release what waits: the facilitator approved
    # (or has yet to approve) a text, not whatever it becomes.
    if _held(contribution.workshop, contribution.flagged):
        contribution.status = Contribution.Status.PENDING
    contribution.save(update_fields=["text", "flagged", "status", "updated_at"])
    board_changed(contribution.workshop)
    return contribution


@transaction.atomic
def contribution_withdraw(*, participant: Participant, contribution: Contribution) -> Contribution:
    if contribution.participant_id != participant.pk:
        raise ValidationError(_("This is not your contribution."))
    _require_open(contribution.workshop)
    contribution.status = Contribution.Status.WITHDRAWN
    contribution.save(update_fields=["status", "updated_at"])
    board_changed(contribution.workshop)
    return contribution
