from django.core.exceptions import PermissionDenied

from innovationskraft.accounts.models import User
from innovationskraft.accounts.types import Actor


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def user_or_none(actor: Actor) -> User | None:
    """The user to record as author: None for a system process or an anonymous visitor."""
    return actor if actor is not None and actor.is_authenticated else None
