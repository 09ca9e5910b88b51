"""A moderator's decisions on cases, and what the admin deletes or changes, are in the audit
log: who, when, which case and the comment the owner reads."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import Case, Organisation, PendingRevision
from innovationskraft.core.audit import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def test_publishing_a_case_records_the_moderator_and_the_comment(make_case, moderator):
    case = make_case(title="Språkcafé", status=Case.Status.IN_REVIEW)
    services.case_publish(actor=moderator, case=case, comment="Fint beskrivet.")
    entry = AuditEntry.objects.get(action=AuditAction.CASE_PUBLISHED)
    assert (entry.actor, entry.target_repr) == (moderator, "Språkcafé")
    assert entry.target_id == str(case.pk)
    assert entry.detail == {"comment": "Fint beskrivet."}


def test_returning_a_case_records_what_the_owner_is_asked_to_change(make_case, moderator):
    case = make_case(status=Case.Status.IN_REVIEW)
    services.case_return_to_owner(actor=moderator, case=case, comment="Lägg till effekter.")
    entry = AuditEntry.objects.get(action=AuditAction.CASE_RETURNED)
    assert entry.actor == moderator
    assert entry.detail == {"comment": "Lägg till effekter."}


def test_archiving_a_case_is_recorded(make_case, editor):
    case = make_case(status=Case.Status.PUBLISHED)
    services.case_archive(actor=editor, case=case)
    entry = AuditEntry.objects.get(action=AuditAction.CASE_ARCHIVED)
    assert (entry.actor, entry.target_id) == (editor, str(case.pk))


def test_a_refused_decision_leaves_no_entry(make_case, editor):
    case = make_case(status=Case.Status.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        services.case_publish(actor=editor, case=case)
    assert not AuditEntry.objects.filter(action__startswith="case.").exists()


def test_a_case_deleted_in_the_admin_stays_in_the_log_by_its_title(admin_client, make_case):
    case = make_case(title="Digital signering")
    response = admin_client.post(
        reverse("admin:cases_case_delete", args=[case.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Case.objects.exists()
    entry = AuditEntry.objects.get(action=AuditAction.ADMIN_DELETED)
    assert (entry.target_repr, entry.target_id) == ("Digital signering", str(case.pk))


def test_organisations_deleted_together_in_the_admin_are_each_recorded(admin_client, vasteras):
    other = services.organisation_upsert(name="Tomma kommunen", kind=Organisation.Kind.MUNICIPALITY)
    chosen = {"action": "delete_selected", "_selected_action": [vasteras.pk, other.pk]}
    admin_client.post(reverse("admin:cases_organisation_changelist"), chosen | {"post": "yes"})
    deleted = AuditEntry.objects.filter(action=AuditAction.ADMIN_DELETED)
    assert sorted(deleted.values_list("target_repr", flat=True)) == [
        "Tomma kommunen",
        "Västerås stad",
    ]


def test_a_change_in_the_admin_is_recorded_with_the_fields_it_changed(admin_client, vasteras):
    url = reverse("admin:cases_organisation_change", args=[vasteras.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "parent"}
    data |= {"name": "Västerås", "aliases": "", "slug": vasteras.slug}
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action=AuditAction.ADMIN_CHANGED)
    assert entry.target_repr == "Västerås"
    assert entry.detail["change"] == [{"changed": {"fields": ["Name"]}}]


def test_a_decision_on_a_change_and_a_change_of_trust_are_recorded(
    make_case, editor, moderator, eskilstuna
):
    case = make_case(status=Case.Status.PUBLISHED)
    data = input_from_case(case)
    data.title = "Ny titel"
    services.case_edit(actor=editor, case=case, data=data)
    pending = PendingRevision.objects.get(case=case)
    services.pending_revision_return(actor=moderator, pending=pending, comment="Kortare.")
    services.organisation_set_trusted(actor=moderator, organisation=eskilstuna, trusted=True)

    returned = AuditEntry.objects.get(action=AuditAction.CASE_CHANGE_RETURNED)
    trusted = AuditEntry.objects.get(action=AuditAction.ORGANISATION_TRUSTED)
    assert (returned.actor, returned.detail) == (moderator, {"comment": "Kortare."})
    assert (trusted.actor, trusted.target_id) == (moderator, str(eskilstuna.pk))
