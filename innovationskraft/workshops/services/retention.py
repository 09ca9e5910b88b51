"""How long a workshop remembers who took part (docs/privacy.md): WORKSHOP_PARTICIPANT_KEEP_DAYS
after it closed, its participants' names, organisations and address hashes are removed, and
the address hashes of its contributions; what they wrote, their themes, tags and votes stay."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from innovationskraft.workshops.models import Contribution, Participant, Workshop
from innovationskraft.workshops.report import organisations_named
from innovationskraft.workshops.services.common import board_changed

# A participant with anything left that could tell who she was.
KNOWN = ~Q(name="") | Q(organisation__isnull=False) | ~Q(organisation_name="") | ~Q(address_key="")
CLOSED = (Workshop.State.CLOSED, Workshop.State.PUBLISHED)


def participants_forget(*, now: datetime | None = None) -> int:
    """Forgets the participants of every workshop closed longer ago than the setting; returns
    how many participants were forgotten. A workshop opened again keeps its people until it
    has been closed that long once more."""
    now = now or timezone.now()
    closed_before = now - timedelta(days=settings.WORKSHOP_PARTICIPANT_KEEP_DAYS)
    due = Workshop.objects.filter(
        state__in=CLOSED,
        closed_at__lt=closed_before,
        pk__in=Participant.objects.filter(KNOWN).values("workshop_id"),
    )
    return sum(_forget(workshop) for workshop in due)


@transaction.atomic
def _forget(workshop: Workshop) -> int:
    # Counted before the organisations go, so that the report goes on saying how many took part.
    workshop.organisations_counted = organisations_named(workshop=workshop)
    workshop.save(update_fields=["organisations_counted"])
    Contribution.objects.filter(workshop=workshop).exclude(address_key="").update(address_key="")
    forgotten = (
        Participant.objects.filter(workshop=workshop)
        .filter(KNOWN)
        .update(name="", organisation=None, organisation_name="", address_key="")
    )
    board_changed(workshop)
    return forgotten
