"""A participant joins from her phone, with no account."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from innovationskraft.cases.models import Organisation
from innovationskraft.core.clients import address_key
from innovationskraft.workshops.models import Participant, Workshop
from innovationskraft.workshops.services.common import SPACES, RateLimited, over_limit


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
    if key and over_limit(from_address, limit, stamp="joined_at"):
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
