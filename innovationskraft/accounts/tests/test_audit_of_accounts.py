"""Memberships, site roles, API tokens and deleted accounts in the audit log. An entry outlives
the account of the person who acted, under the name she had."""

import pytest
from django.urls import reverse

from innovationskraft.accounts import services
from innovationskraft.accounts.models import Membership, User
from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures shared with cases
    PASSWORD,
    eskilstuna,
    moderator,
    vasteras,
)
from innovationskraft.core.audit import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def nora():
    return User.objects.create_user("nora@eskilstuna.example", PASSWORD, first_name="Nora")


def entry(action: str) -> AuditEntry:
    return AuditEntry.objects.get(action=action)


def test_granting_a_membership_records_who_granted_it(nora, eskilstuna, moderator):  # noqa: F811
    membership = services.membership_grant(actor=moderator, user=nora, organisation=eskilstuna)
    granted = entry(AuditAction.MEMBERSHIP_GRANTED)
    assert (granted.actor, granted.target_id) == (moderator, str(membership.pk))
    assert granted.target_repr == "Nora, Eskilstuna kommun (Redaktör)"


def test_a_new_role_is_recorded_with_the_old_one_and_the_same_role_again_is_not(
    nora,
    eskilstuna,  # noqa: F811
    moderator,  # noqa: F811
):
    services.membership_grant(actor=moderator, user=nora, organisation=eskilstuna)
    services.membership_grant(actor=moderator, user=nora, organisation=eskilstuna, role="admin")
    services.membership_grant(actor=moderator, user=nora, organisation=eskilstuna, role="admin")
    changed = entry(AuditAction.MEMBERSHIP_ROLE_CHANGED)
    assert changed.detail == {"from": "editor", "to": "admin"}
    assert AuditEntry.objects.count() == 2


def test_leaving_an_organisation_is_recorded_as_her_own_act(nora, eskilstuna):  # noqa: F811
    membership = services.membership_grant(user=nora, organisation=eskilstuna)
    services.membership_leave(user=nora, membership_id=membership.pk)
    left = entry(AuditAction.MEMBERSHIP_LEFT)
    assert (left.actor, left.target_id) == (nora, str(membership.pk))
    assert not Membership.objects.exists()


def test_a_deleted_account_stays_in_the_log_under_the_name_she_had(nora, eskilstuna):  # noqa: F811
    services.membership_grant(actor=nora, user=nora, organisation=eskilstuna)
    services.account_delete(user=nora)
    deleted, granted = entry(AuditAction.ACCOUNT_DELETED), entry(AuditAction.MEMBERSHIP_GRANTED)
    assert not User.objects.filter(email="nora@eskilstuna.example").exists()
    assert (deleted.actor, deleted.actor_name, deleted.target_repr) == (None, "Nora", "Nora")
    assert (granted.actor, granted.actor_name) == (None, "Nora")


def test_making_and_revoking_an_api_token_is_recorded_without_its_secret(nora):
    token, secret = services.api_token_create(user=nora, name="Import", scope="write")
    services.api_token_revoke(user=nora, token_id=token.pk)
    created = entry(AuditAction.API_TOKEN_CREATED)
    assert (created.actor, created.target_id, created.detail) == (
        nora,
        str(token.pk),
        {"scope": "write"},
    )
    assert secret not in str(created.__dict__)
    assert entry(AuditAction.API_TOKEN_REVOKED).target_id == str(token.pk)


def test_a_new_password_ending_her_tokens_is_recorded_with_their_number(nora):
    services.api_token_create(user=nora, name="A")
    services.api_token_create(user=nora, name="B")
    services.api_tokens_end(user=nora)
    assert entry(AuditAction.API_TOKENS_ENDED).detail == {"count": 2}


def test_an_administrator_making_someone_a_moderator_in_the_admin_is_recorded(client, nora):
    ada = User.objects.create_user("ada@admin.example", PASSWORD, site_role="administrator")
    ada.is_staff = ada.is_superuser = True
    ada.save()
    client.force_login(ada)
    url = reverse("admin:accounts_user_change", args=[nora.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data |= {"site_role": "moderator", "is_active": "on", "last_login_0": "", "last_login_1": ""}
    data |= {"date_joined_0": "2026-12-01", "date_joined_1": "10:00:00"}
    data |= {"memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    role = entry(AuditAction.SITE_ROLE_CHANGED)
    assert (role.actor, role.target_repr) == (ada, "Nora")
    assert role.detail == {"changed": {"site_role": ["", "moderator"]}}
    assert entry(AuditAction.ADMIN_CHANGED).actor == ada


def test_her_download_holds_what_the_log_says_she_did(client, nora):
    services.api_token_create(user=nora, name="Import")
    client.force_login(nora)
    data = client.get(reverse("accounts:data_download")).json()
    [made] = data["audit_log"]
    assert made["action"] == "api_token.created"
    assert made["target"].startswith("Import (ik_")
