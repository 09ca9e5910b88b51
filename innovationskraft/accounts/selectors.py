from django.db.models import QuerySet

from innovationskraft.accounts.models import ApiToken, Membership, User
from innovationskraft.accounts.types import Visitor


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
    return ApiToken.objects.filter(user=user, revoked_at=None)


def api_token_by_hash(*, secret_hash: str) -> ApiToken | None:
    """The token with this hash if it is not revoked and its owner may still sign in."""
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
