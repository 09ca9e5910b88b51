"""The audit log itself: entries are never changed or deleted, and only the site's
administrators read them in the admin, where no one may add, change or delete one."""

import pytest
from django.contrib.auth import get_user_model

from innovationskraft.core.audit import AuditAction, AuditEntry, AuditLogImmutable, audit_record

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def _user(email: str, **fields):
    return get_user_model().objects.create_user(email=email, password=PASSWORD, **fields)


@pytest.fixture
def administrator():
    return _user("ada@admin.example", first_name="Ada", site_role="administrator")


@pytest.fixture
def moderator():
    return _user("mona@moderator.example", site_role="moderator")


@pytest.fixture
def entry(administrator):
    return audit_record(actor=administrator, action=AuditAction.CASE_ARCHIVED, target=administrator)


def test_an_entry_freezes_who_did_it_and_to_what(entry, administrator):
    assert entry.actor == administrator
    assert entry.actor_name == "Ada"
    assert entry.target_repr == "Ada"
    assert entry.target_id == str(administrator.pk)
    assert entry.target_type.model_class() is type(administrator)


def test_a_system_process_is_recorded_without_a_person():
    entry = audit_record(actor=None, action=AuditAction.CASES_IMPORTED, detail={"created": 3})
    assert (entry.actor, entry.actor_name, entry.detail) == (None, "", {"created": 3})


def test_an_unknown_action_is_refused(administrator):
    with pytest.raises(ValueError, match="burnt"):
        audit_record(actor=administrator, action="case.burnt")
    assert not AuditEntry.objects.exists()


def test_an_entry_cannot_be_changed_or_deleted(entry):
    entry.target_repr = "Someone else"
    with pytest.raises(AuditLogImmutable):
        entry.save()
    with pytest.raises(AuditLogImmutable):
        entry.delete()
    with pytest.raises(AuditLogImmutable):
        AuditEntry.objects.filter(pk=entry.pk).update(target_repr="Someone else")
    with pytest.raises(AuditLogImmutable):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().target_repr == "Ada"


def test_moderators_get_403_on_the_audit_log_and_do_not_see_it_listed(client, moderator, entry):
    client.force_login(moderator)
    assert "/admin/core/auditentry/" not in client.get("/admin/").content.decode()
    assert client.get("/admin/core/auditentry/").status_code == 403
    assert client.get(f"/admin/core/auditentry/{entry.pk}/change/").status_code == 403


def test_administrators_see_search_and_filter_the_audit_log(client, administrator, entry):
    client.force_login(administrator)
    assert "/admin/core/auditentry/" in client.get("/admin/").content.decode()
    page = client.get("/admin/core/auditentry/", {"action__exact": "case.archived", "q": "Ada"})
    assert page.status_code == 200
    assert page.context["cl"].result_count == 1
    other = client.get("/admin/core/auditentry/", {"action__exact": "case.published"})
    assert other.context["cl"].result_count == 0
    assert client.get(f"/admin/core/auditentry/{entry.pk}/change/").status_code == 200


@pytest.mark.parametrize("superuser", [False, True])
def test_no_one_may_add_change_or_delete_an_entry_in_the_admin(client, entry, superuser):
    user = _user("root@admin.example", site_role="administrator", is_superuser=superuser)
    client.force_login(user)
    url = f"/admin/core/auditentry/{entry.pk}/"
    assert client.get("/admin/core/auditentry/add/").status_code == 403
    assert client.get(url + "delete/").status_code == 403
    assert client.post(url + "change/", {"target_repr": "Someone else"}).status_code == 403
    bulk = {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    client.post("/admin/core/auditentry/", bulk)
    assert AuditEntry.objects.get().target_repr == "Ada"


def test_the_privacy_page_says_what_the_audit_log_holds_and_that_it_is_kept(client):
    page = client.get("/personuppgifter/").content.decode()
    assert "granskningslogg" in page
    assert "så länge webbplatsen finns" in page
    assert "ingen nätverksadress" in page
