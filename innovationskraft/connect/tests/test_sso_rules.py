"""Who becomes a member by single sign-on: the rules an administrator sets (e-mail domain or
a claim), applied by the OpenID Connect backend to the claims a provider sends. The whole
flow against a real provider is in test_browser_sso.py."""

import pytest

from innovationskraft.accounts.models import Membership, User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.connect.models import SsoRule
from innovationskraft.connect.sso import OrganisationOidcBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend(settings):
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://provider.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "http://provider.example/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "http://provider.example/jwks"
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET = "innovationskraft", "secret"
    return OrganisationOidcBackend()


CLAIMS = {
    "email": "Sara.Lind@Eskilstuna.example",
    "email_verified": True,
    "given_name": "Sara",
    "family_name": "Lind",
    "organisation": "eskilstuna",
}


def test_a_new_person_gets_an_account_and_the_memberships_of_her_domain(
    backend, eskilstuna, vasteras
):
    SsoRule.objects.create(organisation=eskilstuna, email_domain="eskilstuna.example")
    SsoRule.objects.create(organisation=vasteras, email_domain="vasteras.example")
    user = backend.create_user(CLAIMS)
    assert user.email == "sara.lind@eskilstuna.example"
    assert (user.first_name, user.last_name) == ("Sara", "Lind")
    assert not user.has_usable_password()
    memberships = Membership.objects.filter(user=user)
    assert [(m.organisation, m.role) for m in memberships] == [(eskilstuna, "editor")]


def test_a_claim_and_its_value_make_a_member_with_the_rules_role(backend, vasteras):
    SsoRule.objects.create(
        organisation=vasteras, claim="organisation", claim_value="eskilstuna", role="admin"
    )
    user = backend.create_user(CLAIMS)
    assert Membership.objects.get(user=user).role == "admin"
    other = backend.create_user(CLAIMS | {"email": "bo@x.example", "organisation": "other"})
    assert not Membership.objects.filter(user=other).exists()


def test_an_existing_membership_keeps_its_role(backend, eskilstuna):
    user = User.objects.create_user("sara.lind@eskilstuna.example", "x")
    membership_grant(user=user, organisation=eskilstuna, role="admin")
    SsoRule.objects.create(organisation=eskilstuna, email_domain="eskilstuna.example")
    backend.update_user(user, CLAIMS)
    assert Membership.objects.get(user=user).role == "admin"


def test_an_address_the_provider_has_not_verified_is_refused(backend, settings):
    assert backend.verify_claims(CLAIMS)
    assert backend.verify_claims(CLAIMS | {"email_verified": "true"})
    unverified = {k: v for k, v in CLAIMS.items() if k != "email_verified"}
    for claims in (CLAIMS | {"email_verified": False}, CLAIMS | {"email_verified": "false"}):
        assert not backend.verify_claims(claims)
    assert not backend.verify_claims(unverified)
    assert not backend.verify_claims({"given_name": "Sara"})
    settings.OIDC_TRUST_EMAIL = True  # a provider that never says
    assert backend.verify_claims(unverified)


def test_an_account_waiting_for_its_link_is_opened_but_one_turned_off_stays_off(backend):
    waiting = User.objects.create_user("sara.lind@eskilstuna.example", "x", is_active=False)
    opened = backend.update_user(waiting, CLAIMS)
    assert opened.is_active
    assert not opened.has_usable_password()  # whoever signed up with the address knows none
    turned_off = User.objects.create_user("bo@eskilstuna.example", "x")
    User.objects.filter(pk=turned_off.pk).update(is_active=False)
    turned_off.refresh_from_db()
    assert not backend.update_user(turned_off, CLAIMS | {"email": turned_off.email}).is_active


def test_a_rule_names_a_domain_or_a_claim_with_its_value(eskilstuna):
    from django.db import IntegrityError, transaction

    for incomplete in ({}, {"claim": "organisation"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            SsoRule.objects.create(organisation=eskilstuna, **incomplete)


def test_a_claim_rule_needs_the_claim(backend, eskilstuna):
    SsoRule.objects.create(organisation=eskilstuna, claim="department", claim_value="0")
    user = backend.create_user(CLAIMS)
    assert not Membership.objects.filter(user=user).exists()
