"""A token may read, or read and write; it works until it expires, and ends with a new
password or when its owner leaves the last of her organisations."""

import datetime

import pytest
from django.utils import timezone

from innovationskraft.accounts.models import ApiToken
from innovationskraft.accounts.services import api_token_create, membership_leave
from innovationskraft.api.tests.test_case_writes import NEW_CASE
from innovationskraft.cases.models import Case

pytestmark = pytest.mark.django_db


def test_a_read_token_reads_and_is_refused_on_writes_with_json(api, editor, token_of, eskilstuna):
    secret = token_of(editor, scope="read")

    assert api.call("get", "/api/v1/cases", token=secret).status_code == 200
    response = api.call("post", "/api/v1/cases", NEW_CASE, token=secret)

    assert response.status_code == 403
    assert response.json()["code"] == "read_only_token"
    assert not Case.objects.exists()


def test_a_write_token_writes(api, editor, token_of, eskilstuna):
    response = api.call("post", "/api/v1/cases", NEW_CASE, token=token_of(editor, scope="write"))

    assert response.status_code == 201


def test_a_new_token_reads_only_and_expires_after_the_default_days_unless_told(editor, settings):
    settings.API_TOKEN_DAYS = 90
    token, _secret = api_token_create(user=editor, name="Import")
    longer, _secret = api_token_create(user=editor, name="Import", days=365)

    assert token.scope == ApiToken.Scope.READ
    expected = timezone.now() + datetime.timedelta(days=90)
    assert abs(token.expires_at - expected) < datetime.timedelta(minutes=1)
    assert longer.expires_at - token.expires_at > datetime.timedelta(days=270)


def test_an_expired_token_is_unauthorized_with_json(api, editor, token_of):
    secret = token_of(editor)
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    response = api.call("get", "/api/v1/cases", token=secret)

    assert response.status_code == 401
    assert response.json()["code"] == "token_expired"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_new_password_ends_all_her_tokens(api, editor, token_of):
    secrets = [token_of(editor), token_of(editor, scope="read")]

    editor.set_password("ett helt nytt lösenord")
    editor.save()

    for secret in secrets:
        assert api.call("get", "/api/v1/cases", token=secret).status_code == 401
    assert not ApiToken.objects.filter(revoked_at=None).exists()


def test_leaving_her_last_organisation_ends_her_tokens(api, editor, token_of, vasteras):
    from innovationskraft.accounts.services import membership_grant

    secret = token_of(editor)
    membership_grant(user=editor, organisation=vasteras)
    first, second = editor.memberships.order_by("pk")

    membership_leave(user=editor, membership_id=first.pk)
    assert api.call("get", "/api/v1/cases", token=secret).status_code == 200

    membership_leave(user=editor, membership_id=second.pk)
    assert api.call("get", "/api/v1/cases", token=secret).status_code == 401
