"""Becoming a member of an organisation: by asking to join (its administrators, or a moderator
when it has none, decide), or by an administrator's invitation."""

from collections.abc import Callable

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from innovationskraft.accounts.models import Membership, User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases.models import Organisation
from innovationskraft.connect.models import Invitation, JoinRequest
from innovationskraft.connect.notifications import Kind, notify
from innovationskraft.connect.selectors import moderators
from innovationskraft.core.audit import AuditAction, audit_record
from innovationskraft.core.mail import mail_queue

INVITATION_SALT = "innovationskraft.connect.invitation"
INVITATION_DAYS = 14


class JoinRefused(Exception):
    """Why a request or an invitation cannot go through, in words for the person."""


def organisation_admins(*, organisation: Organisation) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        memberships__organisation=organisation,
        memberships__role=Membership.Role.ADMIN,
    )


def join_deciders(*, organisation: Organisation) -> QuerySet[User]:
    """Who is told of a request: the organisation's administrators, or the moderators when it
    has none."""
    admins = organisation_admins(organisation=organisation)
    return admins if admins.exists() else moderators()


def can_manage_members(user, organisation: Organisation) -> bool:
    """An administrator of the organisation, or a moderator."""
    if not user.is_authenticated or not user.is_active:
        return False
    return (
        user.is_moderator
        or organisation_admins(organisation=organisation).filter(pk=user.pk).exists()
    )


@transaction.atomic
def join_request_create(
    *, user: User, organisation: Organisation, message: str, decide_url: str
) -> JoinRequest:
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        raise JoinRefused(
            _("You are already a member of %(organisation)s.") % {"organisation": organisation}
        )
    pending = JoinRequest.objects.filter(
        user=user, organisation=organisation, state=JoinRequest.State.PENDING
    ).first()
    if pending is not None:
        return pending
    try:
        with transaction.atomic():
            request = JoinRequest.objects.create(
                user=user, organisation=organisation, message=message.strip()
            )
    except IntegrityError:
        # The same request sent twice at once: the other one is kept and its mail sent.
        return JoinRequest.objects.get(
            user=user, organisation=organisation, state=JoinRequest.State.PENDING
        )
    notify(
        join_deciders(organisation=organisation),
        kind=Kind.JOIN_REQUEST,
        template="connect/mail/join_request",
        context={"join_request": request, "decide_url": decide_url},
    )
    return request


@transaction.atomic
def join_request_decide(
    *, actor: User, join_request: JoinRequest, approve: bool, role: str, account_url: str
) -> JoinRequest:
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if not can_manage_members(actor, join_request.organisation):
        raise PermissionDenied
    if join_request.state != JoinRequest.State.PENDING:
        raise JoinRefused(_("This request has already been decided."))
    if approve:
        _membership_at_least(actor, join_request.user, join_request.organisation, role)
    join_request.state = JoinRequest.State.APPROVED if approve else JoinRequest.State.REFUSED
    join_request.decided_at, join_request.decided_by = timezone.now(), actor
    join_request.save(update_fields=["state", "decided_at", "decided_by"])
    decided = AuditAction.JOIN_REQUEST_APPROVED if approve else AuditAction.JOIN_REQUEST_REFUSED
    audit_record(actor=actor, action=decided, target=join_request, detail={"role": role})
    # An answer to her own request: not a notification she can turn off.
    mail_queue(
        kind="join_decision",
        to=[join_request.user.email],
        template="connect/mail/join_decision",
        context={"join_request": join_request, "account_url": account_url},
        language=join_request.user.language,
    )
    return join_request


def _membership_at_least(
    actor: User, user: User, organisation: Organisation, role: str
) -> Membership:
    """A member with the role, or the one she has when it is higher (an administrator who
    accepts an editor's invitation stays an administrator)."""
    existing = Membership.objects.filter(user=user, organisation=organisation).first()
    if existing is not None and existing.role == Membership.Role.ADMIN:
        return existing
    return membership_grant(actor=actor, user=user, organisation=organisation, role=role)


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=INVITATION_SALT)


@transaction.atomic
def invitation_create(
    *,
    actor: User,
    organisation: Organisation,
    email: str,
    role: str,
    language: str,
    accept_link: Callable[[str], str],
) -> Invitation:
    if not can_manage_members(actor, organisation):
        raise PermissionDenied
    invitation = Invitation.objects.create(
        organisation=organisation, email=email.strip().lower(), role=role, invited_by=actor
    )
    audit_record(
        actor=actor, action=AuditAction.INVITATION_SENT, target=invitation, detail={"role": role}
    )
    mail_queue(
        kind="invitation",
        to=[invitation.email],
        template="connect/mail/invitation",
        context={
            "invitation": invitation,
            "accept_url": accept_link(invitation_token(invitation)),
            "days": INVITATION_DAYS,
        },
        language=language,
    )
    return invitation


def invitation_by_token(token: str) -> Invitation | None:
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    return (
        Invitation.objects.select_related("organisation").filter(pk=data.get("invitation")).first()
    )


@transaction.atomic
def invitation_accept(*, user: User, invitation: Invitation) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise JoinRefused(_("This invitation has already been used."))
    if invitation.email.lower() != user.email.lower():
        raise JoinRefused(
            _("This invitation was sent to another address. Sign in with that address.")
        )
    membership = _membership_at_least(user, user, invitation.organisation, invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    JoinRequest.objects.filter(
        user=user, organisation=invitation.organisation, state=JoinRequest.State.PENDING
    ).update(state=JoinRequest.State.APPROVED, decided_at=invitation.accepted_at)
    return membership
