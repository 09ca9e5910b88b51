import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from innovationskraft.accounts.models import ApiToken, Membership, User
from innovationskraft.accounts.types import Actor
from innovationskraft.core.audit import AuditAction, audit_record
from innovationskraft.core.personal_data import personal_data_erase

# The part of a secret shown in lists: the "ik_" marker and a few characters of the random part.
TOKEN_PREFIX_LENGTH = 10
# Writing the time of use on every request would make every API read a write.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


@transaction.atomic
def membership_grant(
    *,
    actor: Actor = None,
    user: User,
    # A cases.Organisation: accounts sits below cases and does not import it.
    organisation: models.Model,
    role: str = Membership.Role.EDITOR,
) -> Membership:
    """`actor`: who decided (an organisation's administrator, a moderator, or the invited person
    accepting); None for a system process such as a sign-in rule."""
    before = Membership.objects.filter(user=user, organisation_id=organisation.pk).first()
    membership, created = Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    if created:
        audit_record(actor=actor, action=AuditAction.MEMBERSHIP_GRANTED, target=membership)
    elif before is not None and before.role != role:
        changed = {"from": before.role, "to": role}
        audit_record(
            actor=actor,
            action=AuditAction.MEMBERSHIP_ROLE_CHANGED,
            target=membership,
            detail=changed,
        )
    return membership


@transaction.atomic
def membership_leave(*, user: User, membership_id: int) -> Membership:
    """Ends one of the user's own memberships; Membership.DoesNotExist for anyone else's."""
    membership = Membership.objects.select_related("organisation").get(pk=membership_id, user=user)
    audit_record(actor=user, action=AuditAction.MEMBERSHIP_LEFT, target=membership)
    membership.delete()
    api_tokens_end_without_organisation(user=user)
    return membership


def api_tokens_end_without_organisation(*, user: User) -> int:
    """Tokens are not tied to one organisation: they end when she has left the last of hers,
    since what she wrote through them she wrote as a member. The number ended."""
    if Membership.objects.filter(user=user).exists():
        return 0
    return api_tokens_end(user=user)


def api_token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_token_create(
    *,
    user: User,
    name: str,
    scope: str = ApiToken.Scope.READ,
    days: int | None = None,
) -> tuple[ApiToken, str]:
    """A new token and its secret, which is returned here once and never stored. It expires
    after `days` (API_TOKEN_DAYS unless given)."""
    secret = "ik_" + secrets.token_urlsafe(32)
    lifetime = datetime.timedelta(days=days or settings.API_TOKEN_DAYS)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:100],
        scope=ApiToken.Scope(scope),
        expires_at=timezone.now() + lifetime,
        prefix=secret[:TOKEN_PREFIX_LENGTH],
        secret_hash=api_token_hash(secret),
    )
    audit_record(
        actor=user,
        action=AuditAction.API_TOKEN_CREATED,
        target=token,
        detail={"scope": token.scope},
    )
    return token, secret


def api_tokens_end(*, user: User) -> int:
    """Revokes all of her tokens that still work (a new password, leaving her organisations).
    The number revoked."""
    ended = ApiToken.objects.filter(user=user, revoked_at=None).update(revoked_at=timezone.now())
    if ended:
        audit_record(
            actor=user, action=AuditAction.API_TOKENS_ENDED, target=user, detail={"count": ended}
        )
    return ended


@transaction.atomic
def api_token_revoke(*, user: User, token_id: int) -> ApiToken:
    """Raises ApiToken.DoesNotExist for a token that is not the user's own."""
    token = ApiToken.objects.get(user=user, pk=token_id)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=user, action=AuditAction.API_TOKEN_REVOKED, target=token)
    return token


def api_token_mark_used(*, token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_PRECISION:
        return
    token.last_used_at = now
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Deletes her account for good: her memberships, tokens, follows and saved answers go with
    it; the cases, workshops and history she wrote stay with their organisations, their
    references to her set to nothing (on_delete=SET_NULL). The apps above remove first what no
    foreign key ties to her (core/personal_data.py). The caller has checked that it is her."""
    personal_data_erase(user=user)
    audit_record(actor=user, action=AuditAction.ACCOUNT_DELETED, target=user)
    user.delete()
