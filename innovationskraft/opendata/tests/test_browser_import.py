"""The import page in real Chromium: an administrator uploads a file and watches the job run
to its end on the page, which updates itself without being reloaded.

The job waits in the queue until the test starts a task worker, as `manage.py db_worker` would
be; the worker's import waits at its start until the test has seen the page in that state, so
the update is seen and not only its end."""

import re
import threading

import pytest
from django.db import connections
from django.utils.translation import gettext, ngettext
from django_tasks_db.management.commands.db_worker import Worker
from playwright.sync_api import expect

from innovationskraft.accounts.models import User
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.services import organisation_upsert
from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sign_in
from innovationskraft.opendata import job_runner
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.tests.importpage import csv_text, import_dir, row  # noqa: F401

pytestmark = pytest.mark.browser


def worker_started() -> threading.Thread:
    """A database task worker that runs what is queued, then stops: in a thread, since the
    test drives the browser meanwhile (the command itself needs the main thread for signals)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="browser-test",
        excluded_queue_names=[],
    )

    def work():
        try:
            worker.run()
        finally:
            connections.close_all()

    thread = threading.Thread(target=work, name="task-worker", daemon=True)
    thread.start()
    return thread


def queue_worked_off() -> None:
    worker_started().join(timeout=30)


@pytest.fixture
def import_waits(monkeypatch):
    """An event the import waits for before it writes (for at most 20 seconds)."""
    go_on = threading.Event()
    real_import = job_runner.cases_import

    def waiting_import(**kwargs):
        go_on.wait(timeout=20)
        return real_import(**kwargs)

    monkeypatch.setattr(job_runner, "cases_import", waiting_import)
    yield go_on
    go_on.set()


def test_an_administrator_imports_a_file_and_watches_it_finish(
    page, live_server, tmp_path, import_waits
):
    organisation_upsert(
        name="Eskilstuna kommun", kind=Organisation.Kind.MUNICIPALITY, official_code="0484"
    )
    admin = User.objects.create_superuser("admin@import.example", "ett-lösenord-för-test")
    sign_in(page, admin, live_server.url)
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message))
    path = tmp_path / "fall.csv"
    path.write_text(csv_text(row("opsi-1", title="Språkcafé på biblioteket")), encoding="utf-8")

    page.goto("/admin/cases/case/")
    page.get_by_role("link", name=gettext("Import cases")).click()
    assert axe_violations(page) == [], describe(axe_violations(page))
    page.get_by_label(f"{gettext('File')}:", exact=True).set_input_files(path)
    page.get_by_role("button", name=gettext("Upload and check")).click()

    status = page.get_by_role("status")
    expect(status).to_have_text(gettext("Waiting to start."))
    assert page.url.endswith(f"/admin/cases/case/import/{ImportJob.objects.get().pk}/")
    page.evaluate("window.notReloaded = true")

    worker = worker_started()
    expect(status).to_have_text(gettext("Importing the cases."))
    expect(page.get_by_label(gettext("Writing the cases"))).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    import_waits.set()
    worker.join(timeout=30)
    done = gettext(
        "The import is done. Cases created: %(created)d, cases updated: %(updated)d, rows "
        "skipped: %(skipped)d."
    ) % {"created": 1, "updated": 0, "skipped": 0}
    expect(status).to_have_text(done)
    expect(page.locator("#import-progress progress")).to_have_count(0)
    created = page.get_by_role("row", name=re.compile(gettext("Cases created")))
    expect(created.get_by_role("cell")).to_have_text("1")
    assert page.evaluate("window.notReloaded") is True, "the page updated itself"
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert Case.objects.get(identifier="opsi-1").title == "Språkcafé på biblioteket"
    assert [m.text for m in console_errors if "Content Security Policy" in m.text] == []


def test_a_refused_file_shows_its_errors_and_imports_its_valid_rows_on_request(
    page, live_server, tmp_path
):
    organisation_upsert(
        name="Eskilstuna kommun", kind=Organisation.Kind.MUNICIPALITY, official_code="0484"
    )
    admin = User.objects.create_superuser("admin@import.example", "ett-lösenord-för-test")
    sign_in(page, admin, live_server.url)
    path = tmp_path / "fall.csv"
    path.write_text(csv_text(row("opsi-1"), row("opsi-2", stage="someday")), encoding="utf-8")

    page.goto("/admin/cases/case/import/")
    page.locator("#id_file").set_input_files(path)
    page.get_by_role("button", name=gettext("Upload and check")).click()
    expect(page.get_by_role("status")).to_have_text(gettext("Waiting to start."))
    queue_worked_off()

    refused = ngettext(
        "%(count)d row has errors; nothing was imported.",
        "%(count)d rows have errors; nothing was imported.",
        1,
    ) % {"count": 1}
    expect(page.get_by_role("status")).to_have_text(refused)
    expect(page.get_by_role("table").last.get_by_role("row").nth(1)).to_contain_text("stage")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert not Case.objects.exists()

    skip = ngettext(
        "Import the %(counter)s valid row and skip the rest",
        "Import the %(counter)s valid rows and skip the rest",
        1,
    ) % {"counter": 1}
    page.get_by_role("button", name=skip).click()
    expect(page.get_by_role("status")).to_have_text(gettext("Waiting to start."))
    queue_worked_off()
    expect(page.get_by_role("row", name=re.compile(gettext("Rows skipped")))).to_contain_text("1")
    assert list(Case.objects.values_list("identifier", flat=True)) == ["opsi-1"]
