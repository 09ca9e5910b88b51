"""Personal API tokens: made with a secret shown once, kept as a hash, revoked by their owner."""

import datetime
import hashlib

import pytest
from django.utils import timezone

from innovationskraft.accounts.models import ApiToken, User
from innovationskraft.accounts.selectors import api_token_by_hash
from innovationskraft.accounts.services import (
    api_token_create,
    api_token_hash,
    api_token_mark_used,
    api_token_revoke,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna():
    return User.objects.create_user(email="anna@eskilstuna.example", password="x" * 20)


def test_only_the_hash_of_the_secret_is_stored(anna):
    token, secret = api_token_create(user=anna, name="Import")

    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert secret not in {str(value) for value in row.values()}
    assert secret.startswith(stored.prefix)
    assert len(stored.prefix) < len(secret) / 4


def test_every_token_has_its_own_secret(anna):
    secrets = {api_token_create(user=anna, name=f"T{n}")[1] for n in range(5)}

    assert len(secrets) == 5


def test_a_secret_finds_its_token_until_it_is_revoked(anna):
    token, secret = api_token_create(user=anna, name="Import")

    assert api_token_by_hash(secret_hash=api_token_hash(secret)) == token
    api_token_revoke(user=anna, token_id=token.pk)
    assert api_token_by_hash(secret_hash=api_token_hash(secret)) is None


def test_the_token_of_an_inactive_user_finds_nothing(anna):
    _token, secret = api_token_create(user=anna, name="Import")
    User.objects.filter(pk=anna.pk).update(is_active=False)

    assert api_token_by_hash(secret_hash=api_token_hash(secret)) is None


def test_a_user_cannot_revoke_someone_elses_token(anna):
    bo = User.objects.create_user(email="bo@vasteras.example", password="x" * 20)
    token, _secret = api_token_create(user=anna, name="Import")

    with pytest.raises(ApiToken.DoesNotExist):
        api_token_revoke(user=bo, token_id=token.pk)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_time_of_use_is_written_at_most_once_a_minute(anna, django_assert_num_queries):
    token, _secret = api_token_create(user=anna, name="Import")

    with django_assert_num_queries(1):
        api_token_mark_used(token=token)
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    with django_assert_num_queries(0):
        api_token_mark_used(token=token)
    token.last_used_at = timezone.now() - datetime.timedelta(minutes=2)
    with django_assert_num_queries(1):
        api_token_mark_used(token=token)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first
