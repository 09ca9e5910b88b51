"""Who may run a workshop. Participants need no permission: the join code is their key."""

from innovationskraft.accounts.selectors import is_member_of


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


def can_create_workshop_for(user, organisation) -> bool:
    return _active(user) and (user.is_moderator or is_member_of(user, organisation.pk))


def can_facilitate(user, workshop) -> bool:
    """The organiser's members and moderators run the workshop together."""
    if not _active(user):
        return False
    return (
        user.is_moderator
        or workshop.created_by_id == user.pk
        or is_member_of(user, workshop.organiser_id)
    )
