"""Who may do what with cases. The service layer calls these; views only use them to hide
buttons a user could not use anyway."""

from innovationskraft.accounts.selectors import is_member_of


def can_edit_case(user, case) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_moderator or is_member_of(user, case.lead_organisation_id)


def can_edit_live(user, case) -> bool:
    """Whether the user's change goes live at once. An editor's change to a published case
    waits for a moderator, unless her organisation is trusted (post-moderation)."""
    if not can_edit_case(user, case):
        return False
    if case.status != case.Status.PUBLISHED or user.is_moderator:
        return True
    return case.lead_organisation.trusted


def can_answer_partnership(user, organisation) -> bool:
    """Only the named partner's own people (or a moderator) say whether it took part."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_moderator or is_member_of(user, organisation.pk)


def can_view_case(user, case) -> bool:
    return case.is_public or can_edit_case(user, case)


def can_create_case_for(user, organisation) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_moderator or is_member_of(user, organisation.pk)


def can_review_cases(user) -> bool:
    return user.is_authenticated and user.is_moderator


def can_record_adoption(user, case, organisation) -> bool:
    return (
        case.is_public
        and organisation.pk != case.lead_organisation_id
        and user.is_authenticated
        and user.is_active
        and is_member_of(user, organisation.pk)
    )
