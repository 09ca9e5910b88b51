"""A facilitator's moderation of contributions is in the audit log: what she hid or showed
again, and which duplicate she merged into which contribution."""

import pytest
from django.core.exceptions import PermissionDenied

from innovationskraft.core.audit import AuditAction, AuditEntry
from innovationskraft.workshops import services

pytestmark = pytest.mark.django_db


def contribution_actions() -> list[tuple[str, str]]:
    entries = AuditEntry.objects.filter(action__startswith="contribution.").order_by("id")
    return list(entries.values_list("action", "target_repr"))


def test_hiding_and_showing_a_contribution_is_recorded(facilitator, send):
    contribution = send("Något olämpligt")
    services.contribution_set_status(actor=facilitator, contribution=contribution, status="hidden")
    services.contribution_set_status(actor=facilitator, contribution=contribution, status="visible")
    assert contribution_actions() == [
        (AuditAction.CONTRIBUTION_HIDDEN, "Något olämpligt"),
        (AuditAction.CONTRIBUTION_SHOWN, "Något olämpligt"),
    ]
    assert set(
        AuditEntry.objects.values_list("actor", flat=True).filter(
            action__startswith="contribution."
        )
    ) == {facilitator.pk}


def test_merging_and_unmerging_a_duplicate_is_recorded_with_the_survivor(facilitator, send):
    survivor, duplicate = send("Krånglig upphandling"), send("Upphandlingen är krånglig")
    services.contribution_merge(actor=facilitator, duplicate=duplicate, into=survivor)
    services.contribution_unmerge(actor=facilitator, contribution=duplicate)
    assert contribution_actions() == [
        (AuditAction.CONTRIBUTION_MERGED, "Upphandlingen är krånglig"),
        (AuditAction.CONTRIBUTION_UNMERGED, "Upphandlingen är krånglig"),
    ]
    merged = AuditEntry.objects.get(action=AuditAction.CONTRIBUTION_MERGED)
    assert merged.detail == {"into": survivor.pk}


def test_someone_who_may_not_moderate_leaves_no_entry(other_editor, send):
    contribution = send("Något olämpligt")
    with pytest.raises(PermissionDenied):
        services.contribution_set_status(
            actor=other_editor, contribution=contribution, status="hidden"
        )
    assert contribution_actions() == []
