from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from innovationskraft.accounts.models import ApiToken, Membership, User
from innovationskraft.accounts.types import Visitor
from innovationskraft.core.personal_data import personal_data_export


def organisation_ids_of(user: Visitor) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))


def is_member_of(user: Visitor, organisation_id: int) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, organisation_id=organisation_id).exists()
    )


def active_api_tokens(*, user: User) -> QuerySet[ApiToken]:
    """Her tokens that work: not revoked, not expired."""
    return ApiToken.objects.filter(user=user, revoked_at=None).exclude(
        expires_at__lte=timezone.now()
    )


def api_token_by_hash(*, secret_hash: str) -> ApiToken | None:
    """The token with this hash if it is not revoked and its owner may still sign in; an
    expired one too (the caller tells its client so)."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(secret_hash=secret_hash, revoked_at=None)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    return token


def memberships_of(*, user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def personal_data_of(*, user: User) -> dict[str, Any]:
    """All the site holds about her, for the download on the account page: her account, her
    memberships and tokens, and what the apps above add (core/personal_data.py)."""
    account = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "site_role": user.site_role,
        "is_active": user.is_active,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "address_confirmed": user.verified_at,
        # Only whether there is one: the hash is no one's business, not even hers.
        "has_password": user.has_usable_password(),
    }
    memberships = [
        {
            "organisation": m.organisation.name,
            "role": m.role,
            "since": m.created_at,
        }
        for m in memberships_of(user=user)
    ]
    tokens = [
        {
            "name": t.name,
            "starts_with": t.prefix,
            "created": t.created_at,
            "last_used": t.last_used_at,
            "revoked": t.revoked_at,
        }
        for t in ApiToken.objects.filter(user=user).order_by("created_at", "id")
    ]
    return {
        "site": settings.SITE_URL,
        "exported_at": timezone.now(),
        "account": account,
        "memberships": memberships,
        "api_tokens": tokens,
    } | personal_data_export(user=user)
