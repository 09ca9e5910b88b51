from django.conf import settings
from django.db.models import Q, QuerySet

from innovationskraft.accounts.models import Membership, User
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.connect.models import JoinRequest


def _editors(case: Case) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True, memberships__organisation_id=case.lead_organisation_id
    )


def contact_recipients(*, case: Case) -> list[str]:
    """Where a message about the case goes: its contact person, or else the people who edit
    for its lead organisation."""
    if case.contact_email:
        return [case.contact_email]
    editors = _editors(case).order_by("email")
    return list(editors.values_list("email", flat=True).distinct())


def contact_possible(*, case: Case) -> bool:
    """Whether anyone can be reached about the case (for its page: reads no address)."""
    return bool(case.contact_email) or _editors(case).exists()


def recipient_language(*, case: Case) -> str:
    """The people behind a case read what the site writes to them in the case's language."""
    codes = [code for code, _name in settings.LANGUAGES]
    return case.language if case.language in codes else settings.LANGUAGE_CODE


def join_requests_to_decide(*, user: User) -> QuerySet[JoinRequest]:
    """The pending requests the user may decide: all of them for a moderator, those to her
    organisations for an administrator."""
    pending = JoinRequest.objects.filter(state=JoinRequest.State.PENDING).select_related(
        "user", "organisation"
    )
    if user.is_moderator:
        return pending
    return pending.filter(
        organisation__memberships__user=user,
        organisation__memberships__role=Membership.Role.ADMIN,
    )


def pending_join_requests_of(*, user: User) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(user=user, state=JoinRequest.State.PENDING).select_related(
        "organisation"
    )


def organisations_administered_by(*, user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.ADMIN
    ).order_by("name")


def moderators() -> QuerySet[User]:
    return User.objects.filter(is_active=True).filter(
        Q(is_superuser=True) | ~Q(site_role=User.SiteRole.NONE)
    )
