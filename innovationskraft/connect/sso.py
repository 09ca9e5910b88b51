"""Single sign-on with OpenID Connect (mozilla-django-oidc), on when OIDC_RP_CLIENT_ID is set:
a person signs in through her organisation's identity provider (which may itself sign her in
with BankID or Freja eID), gets an account the first time, and becomes a member of the
organisations whose rules (SsoRule) match her address or a claim. docs/connect.md."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend  # type: ignore[import-untyped]

from innovationskraft.accounts.models import Membership, User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.connect.models import SsoRule


def sso_memberships_granted(*, user: User, claims: dict) -> list[Membership]:
    """Memberships from the rules that match; an existing membership keeps its role."""
    granted = []
    for rule in SsoRule.objects.select_related("organisation"):
        if not rule.matches(user.email, claims):
            continue
        if Membership.objects.filter(user=user, organisation=rule.organisation).exists():
            continue
        granted.append(membership_grant(user=user, organisation=rule.organisation, role=rule.role))
    return granted


class OrganisationOidcBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims: dict) -> bool:
        # An address the provider has not verified could be anyone's (a provider shared by
        # many organisations lets people type any address): it must say it is verified,
        # unless the site is set to trust a provider that never says so.
        if not claims.get("email"):
            return False
        verified = claims.get("email_verified")
        return verified is True or verified == "true" or settings.OIDC_TRUST_EMAIL

    @transaction.atomic
    def create_user(self, claims: dict) -> User:
        user = User.objects.create_user(
            claims["email"],
            password=None,
            verified_at=timezone.now(),
            first_name=str(claims.get("given_name", ""))[:150],
            last_name=str(claims.get("family_name", ""))[:150],
        )
        sso_memberships_granted(user=user, claims=claims)
        return user

    @transaction.atomic
    def update_user(self, user: User, claims: dict) -> User:
        # The provider has verified the address: an account still waiting for its sign-up
        # link is hers, with no password that whoever signed up could know. One an
        # administrator turned off stays off.
        if user.is_waiting_for_confirmation:
            user.set_unusable_password()
            user.is_active, user.verified_at = True, timezone.now()
            user.save(update_fields=["password", "is_active", "verified_at"])
        sso_memberships_granted(user=user, claims=claims)
        return user
