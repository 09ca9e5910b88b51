import datetime
import re
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import F, QuerySet
from django.utils import timezone

from innovationskraft.accounts.types import Actor
from innovationskraft.workshops import permissions
from innovationskraft.workshops.models import Workshop

SPACES = re.compile(r"\s+")
MINUTE = datetime.timedelta(minutes=1)


class RateLimited(Exception):
    """Too much from one participant or one address in the last minute."""


def require_facilitator(actor: Actor, workshop: Workshop) -> None:
    """`actor` None is a system process, such as loading the demo; never a web request."""
    if actor is not None and not permissions.can_facilitate(actor, workshop):
        raise PermissionDenied


def board_changed(workshop: Workshop) -> None:
    """Tell polling boards there is something new; call inside the writing transaction."""
    Workshop.objects.filter(pk=workshop.pk).update(revision=F("revision") + 1)


def over_limit(queryset: QuerySet[Any], limit: int, *, stamp: str = "created_at") -> bool:
    """At least `limit` rows in the last minute; counts no further than the limit."""
    recent = queryset.filter(**{f"{stamp}__gte": timezone.now() - MINUTE})
    return recent[:limit].count() >= limit
