from django.core.exceptions import PermissionDenied
from django.db.models import F

from innovationskraft.accounts.types import Actor
from innovationskraft.workshops import permissions
from innovationskraft.workshops.models import Workshop


def require_facilitator(actor: Actor, workshop: Workshop) -> None:
    """`actor` None is a system process, such as loading the demo; never a web request."""
    if actor is not None and not permissions.can_facilitate(actor, workshop):
        raise PermissionDenied


def board_changed(workshop: Workshop) -> None:
    """Tell polling boards there is something new; call inside the writing transaction."""
    Workshop.objects.filter(pk=workshop.pk).update(revision=F("revision") + 1)
