"""Every import is in the audit log with who started it and what it wrote, whether from the
admin's import page, the command line or a harvest (all write through `cases_import`)."""

import pytest

from innovationskraft.accounts.models import User
from innovationskraft.core.audit import AuditAction, AuditEntry
from innovationskraft.opendata.services import ImportRefused, cases_import
from innovationskraft.opendata.tests.conftest import plan_of
from innovationskraft.opendata.tests.rows import jsonl, record

pytestmark = pytest.mark.django_db


def test_an_import_records_who_started_it_and_the_number_of_rows_written(eskilstuna):
    ada = User.objects.create_user("ada@admin.example", "x" * 20, site_role="administrator")
    text = jsonl(record(), record(identifier="opsi-2", title="Läxhjälp på biblioteket"))
    cases_import(actor=ada, plan=plan_of(text, "jsonl"))
    cases_import(actor=None, plan=plan_of(jsonl(record()), "jsonl"))
    first, second = AuditEntry.objects.filter(action=AuditAction.CASES_IMPORTED).order_by("id")
    assert first.actor == ada
    assert first.detail == {"created": 2, "updated": 0, "skipped": 0, "organisations_created": 0}
    assert (second.actor, second.detail["updated"]) == (None, 1)


def test_a_refused_import_leaves_no_entry(eskilstuna):
    with pytest.raises(ImportRefused):
        cases_import(actor=None, plan=plan_of(jsonl(record(stage="nowhere")), "jsonl"))
    assert not AuditEntry.objects.filter(action=AuditAction.CASES_IMPORTED).exists()
