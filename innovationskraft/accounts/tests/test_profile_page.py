"""/konto/: the signed-in user's page, where she makes and revokes her API tokens."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from innovationskraft.accounts.models import ApiToken, User
from innovationskraft.accounts.services import api_token_create, api_token_hash

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")
CREATE = reverse("accounts:api_token_create")


@pytest.fixture
def anna():
    return User.objects.create_user(email="anna@eskilstuna.example", password="x" * 20)


@pytest.fixture
def signed_in(client, anna):
    client.force_login(anna)
    return client


def shown_secret(response) -> str | None:
    found = re.search(r'id="new-token-secret"[^>]*value="([^"]+)"', response.content.decode())
    return found.group(1) if found else None


def test_the_page_needs_a_signed_in_user(client):
    response = client.get(PROFILE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_header_links_to_the_page_for_a_signed_in_user(signed_in, client):
    assert f'href="{PROFILE}"' in signed_in.get(reverse("home")).content.decode()


def test_the_page_is_at_konto(signed_in):
    assert PROFILE == "/konto/"
    assert signed_in.get(PROFILE).status_code == 200


def test_a_new_token_is_shown_once_and_only_its_hash_is_kept(signed_in, anna):
    response = signed_in.post(CREATE, {"name": "Regionens portal", "scope": "read", "days": 90})

    assert response.status_code == 200
    secret = shown_secret(response)
    assert secret is not None
    assert secret.startswith("ik_")
    token = ApiToken.objects.get(user=anna)
    assert token.name == "Regionens portal"
    assert token.secret_hash == api_token_hash(secret)
    assert "no-store" in response["Cache-Control"]
    again = signed_in.get(PROFILE)
    assert shown_secret(again) is None
    assert secret not in again.content.decode()
    assert token.prefix in again.content.decode()
    assert "Regionens portal" in again.content.decode()


def test_the_new_token_works_against_the_api(signed_in):
    secret = shown_secret(signed_in.post(CREATE, {"name": "Test", "scope": "write", "days": 90}))

    response = Client().post(
        "/api/v1/cases", {}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )

    assert response.status_code == 422


def test_a_token_needs_a_name(signed_in):
    response = signed_in.post(CREATE, {"name": ""})

    assert response.status_code == 400
    assert not ApiToken.objects.exists()
    assert shown_secret(response) is None


def test_a_revoked_token_leaves_the_list_and_stops_working(signed_in, anna):
    token, secret = api_token_create(user=anna, name="Gammal")

    response = signed_in.post(reverse("accounts:api_token_revoke", args=[token.pk]))

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    page = signed_in.get(PROFILE)
    assert "Gammal" in page.content.decode()  # named in the message that it no longer works
    assert list(page.context["tokens"]) == []
    api = Client().get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.status_code == 401


def test_someone_elses_token_cannot_be_revoked(signed_in):
    bo = User.objects.create_user(email="bo@vasteras.example", password="x" * 20)
    token, _secret = api_token_create(user=bo, name="Bos")

    response = signed_in.post(reverse("accounts:api_token_revoke", args=[token.pk]))

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_needs_a_post_with_the_csrf_token(anna):
    token, _secret = api_token_create(user=anna, name="Import")
    client = Client(enforce_csrf_checks=True)
    client.force_login(anna)
    path = reverse("accounts:api_token_revoke", args=[token.pk])

    assert client.get(path).status_code == 405
    assert client.post(path).status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_token_is_made_with_its_scope_and_lifetime_and_listed_with_them(signed_in, anna):
    response = signed_in.post(CREATE, {"name": "Portal", "scope": "write", "days": 30})

    token = ApiToken.objects.get(user=anna)
    assert token.scope == ApiToken.Scope.WRITE
    assert 29 <= (token.expires_at - token.created_at).days <= 30
    page = response.content.decode()
    assert 'name="scope"' in page
    assert 'name="days"' in page
    assert token.expires_at.strftime("%Y") in page.split('id="token-list"')[1]


def test_an_expired_token_is_no_longer_listed(signed_in, anna):
    import datetime

    from django.utils import timezone

    api_token_create(user=anna, name="Gammal")
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(days=1))

    assert 'id="token-list"' not in signed_in.get(PROFILE).content.decode()
