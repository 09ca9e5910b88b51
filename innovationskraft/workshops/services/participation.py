"""What a participant does from her phone: join, contribute, edit and withdraw."""

import datetime
import re
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from innovationskraft.cases.models import Organisation
from innovationskraft.core.clients import address_key
from innovationskraft.workshops.models import (
    MAX_CONTRIBUTION_LENGTH,
    Contribution,
    Participant,
    Prompt,
    Workshop,
)
from innovationskraft.workshops.moderation import looks_offensive
from innovationskraft.workshops.services.common import board_changed

SPACES = re.compile(r"\s+")
MINUTE = datetime.timedelta(minutes=1)


class RateLimited(Exception):
    """Too much from one participant or one address in the last minute."""


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


def _over_limit(queryset: QuerySet[Any], limit: int, *, stamp: str = "created_at") -> bool:
    """At least `limit` rows in the last minute; counts no further than the limit."""
    recent = queryset.filter(**{f"{stamp}__gte": timezone.now() - MINUTE})
    return recent[:limit].count() >= limit


def participant_join(
    *, workshop: Workshop, name: str = "", organisation_name: str = "", address: str = ""
) -> Participant:
    # Everything is read before the one INSERT: SQLite has a single writer, and a room joins
    # at once, so no join holds the write lock while it looks things up.
    if workshop.state != Workshop.State.OPEN:
        raise ValidationError(_("The workshop is not open."))
    key = address_key(address) if address else ""
    from_address = Participant.objects.filter(address_key=key)
    limit = settings.WORKSHOP_JOINS_PER_ADDRESS_MINUTE
    if key and _over_limit(from_address, limit, stamp="joined_at"):
        raise RateLimited
    organisation_name = SPACES.sub(" ", organisation_name or "").strip()[:200]
    organisation = (
        Organisation.objects.filter(name__iexact=organisation_name).first()
        if organisation_name
        else None
    )
    return Participant.objects.create(
        workshop=workshop,
        token=secrets.token_urlsafe(32),
        name=SPACES.sub(" ", name or "").strip()[:100],
        organisation=organisation,
        organisation_name="" if organisation else organisation_name,
        address_key=key,
    )


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
    if _over_limit(Contribution.objects.filter(participant=participant), limit):
        raise RateLimited
    limit = settings.WORKSHOP_CONTRIBUTIONS_PER_ADDRESS_MINUTE
    if key and _over_limit(Contribution.objects.filter(address_key=key), limit):
        raise RateLimited
    status = Contribution.Status.PENDING if workshop.approve_first else Contribution.Status.VISIBLE
    contribution = Contribution(
        workshop=workshop,
        prompt=prompt,
        participant=participant,
        text=text,
        status=status,
        flagged=looks_offensive(text),
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
    contribution.text = _clean(text)
    contribution.flagged = looks_offensive(contribution.text)
    contribution.save(update_fields=["text", "flagged", "updated_at"])
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
