"""Single sign-on in Chromium against a real OpenID Connect provider (django-oauth-toolkit in a
second process, core/testing/oidc.py): a person signs in on her organisation's provider, comes
back with an account, and is a member of her organisation by the rule for her e-mail domain."""

import re

import pytest
from playwright.sync_api import expect

from innovationskraft.accounts.models import Membership, User
from innovationskraft.connect.models import SsoRule
from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sv
from innovationskraft.core.testing.oidc import oidc_provider_started

pytestmark = pytest.mark.browser

PASSWORD = "provider-lösenord-2026"


@pytest.fixture(scope="module")
def provider():
    started = oidc_provider_started(
        redirect_uris=["http://localhost/oidc/callback/", "http://127.0.0.1/oidc/callback/"],
        users=[
            {
                "username": "sara",
                "password": PASSWORD,
                "email": "Sara.Lind@eskilstuna.example",
                "given_name": "Sara",
                "family_name": "Lind",
            }
        ],
    )
    yield started
    started.stop()


@pytest.fixture
def sso(settings, provider):
    settings.OIDC_RP_CLIENT_ID = provider.client_id
    settings.OIDC_RP_CLIENT_SECRET = provider.client_secret
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = provider.authorization_endpoint
    settings.OIDC_OP_TOKEN_ENDPOINT = provider.token_endpoint
    settings.OIDC_OP_USER_ENDPOINT = provider.userinfo_endpoint
    settings.OIDC_OP_JWKS_ENDPOINT = provider.jwks_endpoint
    settings.OIDC_PROVIDER_NAME = "Eskilstunas inloggning"
    settings.AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.ModelBackend",
        "innovationskraft.connect.sso.OrganisationOidcBackend",
    ]
    return provider


def test_a_person_signs_in_through_her_organisations_provider_and_is_a_member(
    page, sso, eskilstuna
):
    SsoRule.objects.create(organisation=eskilstuna, email_domain="eskilstuna.example")
    page.goto("/konto/logga-in/?next=/konto/")
    violations = axe_violations(page)
    assert not violations, describe(violations)
    page.get_by_role("link", name=re.compile("Eskilstunas inloggning")).click()

    # On the provider's own page, in its own process.
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.locator("#id_username").fill("sara")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit], input[type=submit]").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(sv("My account"))
    expect(page.locator("#membership-list")).to_contain_text("Eskilstuna kommun")
    user = User.objects.get(email="sara.lind@eskilstuna.example")
    assert (user.first_name, user.last_name) == ("Sara", "Lind")
    assert Membership.objects.get(user=user).organisation == eskilstuna


def test_a_wrong_password_on_the_provider_signs_no_one_in(page, sso):
    page.goto("/konto/logga-in/")
    page.get_by_role("link", name=re.compile("Eskilstunas inloggning")).click()
    page.locator("#id_username").fill("sara")
    page.locator("#id_password").fill("fel")
    page.locator("button[type=submit], input[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    assert not User.objects.exists()
