"""A participant joins from her phone, with no account, once however often the form is sent."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from innovationskraft.cases.models import Organisation
from innovationskraft.core.clients import address_key
from innovationskraft.workshops.models import Participant, Workshop
from innovationskraft.workshops.services.common import SPACES, RateLimited, over_limit

JOIN_KEY_LENGTH = 43


def new_join_key() -> str:
    return secrets.token_urlsafe(32)


def _joined_with(workshop: Workshop, join_key: str) -> Participant | None:
    if not join_key:
        return None
    return Participant.objects.filter(workshop=workshop, join_key=join_key).first()


def participant_join(
    *,
    workshop: Workshop,
    name: str = "",
    organisation_name: str = "",
    address: str = "",
    join_key: str = "",
) -> Participant:
    """`join_key` comes with the join form: the same form sent again returns the participant
    the first sending made, and is not counted against the address's limit."""
    # Everything is read before the one INSERT: SQLite has a single writer, and a room joins
    # at once, so no join holds the write lock while it looks things up.
    if workshop.state != Workshop.State.OPEN:
        raise ValidationError(_("The workshop is not open."))
    join_key = join_key[:JOIN_KEY_LENGTH]
    joined = _joined_with(workshop, join_key)
    if joined is not None:
        return joined
    key = address_key(address) if address else ""
    from_address = Participant.objects.filter(address_key=key)
    limit = settings.WORKSHOP_JOINS_PER_ADDRESS_MINUTE
    if key and over_limit(from_address, limit, stamp="joined_at"):
        raise RateLimited
    organisation_name = SPACES.sub(" ", organisation_name or "").strip()[:200]
    organisation = (
        Organisation.objects.filter(name__iexact=organisation_name).first()
        if organisation_name
        else None
    )
    try:
        with transaction.atomic():
            return Participant.objects.create(
                workshop=workshop,
                token=secrets.token_urlsafe(32),
                name=SPACES.sub(" ", name or "").strip()[:100],
                organisation=organisation,
                organisation_name="" if organisation else organisation_name,
                address_key=key,
                join_key=join_key,
            )
    except IntegrityError:
        # The same form, sent again while the first sending was being written.
        if not join_key:
            raise
        return Participant.objects.get(workshop=workshop, join_key=join_key)
