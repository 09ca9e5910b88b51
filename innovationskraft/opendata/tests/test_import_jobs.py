"""The import job's runner: in a thread, on a crash, and with the files it keeps."""

import logging
import threading
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from innovationskraft.cases.models import Case
from innovationskraft.cases.tests.conftest import eskilstuna  # noqa: F401 - a fixture
from innovationskraft.opendata import jobs
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.progress import ProgressReporter, progress_of
from innovationskraft.opendata.tests.importpage import (  # noqa: F401 - fixtures
    csv_text,
    import_dir,
    importer,
    row,
    upload,
)


def started(actor, text: str, **options) -> ImportJob:
    options = {"skip_invalid": False, "check_only": False} | options
    return jobs.import_job_start(actor=actor, upload=upload(text), **options)


@pytest.mark.django_db(transaction=True)
def test_the_thread_runner_finishes_a_job(settings, importer, eskilstuna, import_dir):  # noqa: F811
    settings.OPEN_DATA_IMPORT_RUNNER = "thread"
    job = started(importer, csv_text(row("opsi-1"), row("opsi-2")))
    thread = next(t for t in threading.enumerate() if t.name == f"import-job-{job.pk}")
    thread.join(timeout=30)
    assert not thread.is_alive()
    job.refresh_from_db()
    assert (job.state, job.cases_created) == ("done", 2)
    assert Case.objects.count() == 2
    assert progress_of(job.pk) is None, "the outcome is in the job's row"
    assert list(import_dir.iterdir()) == []


@pytest.mark.django_db
def test_the_runner_reports_each_step_to_the_cache(importer, eskilstuna, monkeypatch):  # noqa: F811
    reported = []
    real_report = ProgressReporter.report

    def report(self, step, done, total):
        real_report(self, step, done, total)
        reported.append((step, done, total, progress_of(self.job_id).rows))

    monkeypatch.setattr(ProgressReporter, "report", report)
    text = csv_text(*(row(f"opsi-{n}") for n in range(3)))
    started(importer, text)
    size = len(text.encode("utf-8"))
    checks = [r for r in reported if r[0] == "check"]
    first_row_read, total, rows = checks[0][1:]
    assert (total, rows) == (size, 1)
    assert 0 < first_row_read < size, "while checking, done counts the bytes read"
    assert checks[-1] == ("check", size, size, 3)
    assert ("cases", 3, 3, 3) in reported
    assert reported[-1] == ("index", 3, 3, 3)


@pytest.mark.django_db
def test_a_crash_in_the_import_leaves_the_library_as_it_was(
    importer,  # noqa: F811
    eskilstuna,  # noqa: F811
    monkeypatch,
    caplog,
    import_dir,  # noqa: F811
):
    started(importer, csv_text(row("opsi-1", title="Språkcafé")))
    before = list(Case.objects.values_list("identifier", "title"))

    def crash(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("innovationskraft.opendata.services._write_relations", crash)
    with caplog.at_level(logging.ERROR, logger="innovationskraft.opendata.job_runner"):
        job = started(importer, csv_text(row("opsi-1", title="Nytt namn"), row("opsi-2")))
    assert list(Case.objects.values_list("identifier", "title")) == before
    assert job.state == ImportJob.State.FAILED
    assert job.message == gettext("The import stopped because of an error on the server.")
    assert (job.cases_created, job.cases_updated) == (0, 0)
    assert job.total_rows == 2, "what the check found stays"
    assert "disk full" in caplog.text
    assert list(import_dir.iterdir()) == []


@pytest.mark.django_db
def test_a_file_of_an_unknown_format_is_not_started(importer):  # noqa: F811
    with pytest.raises(jobs.ImportJobInvalid):
        jobs.import_job_start(
            actor=importer, upload=upload("x", "fall.txt"), skip_invalid=False, check_only=False
        )
    assert ImportJob.objects.count() == 0


@pytest.mark.django_db
def test_kept_files_are_deleted_once_old(importer, eskilstuna, import_dir):  # noqa: F811
    old = started(importer, csv_text(row("opsi-1")), check_only=True)
    recent = started(importer, csv_text(row("opsi-2")), check_only=True)
    ImportJob.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=2))
    assert jobs.import_files_forget(older_than=timedelta(days=1)) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert not old.upload
    assert recent.upload
    assert [path.name for path in import_dir.iterdir()] == [recent.upload.name]


def test_a_job_whose_runner_died_is_marked_failed_when_its_page_is_read(admin_client, settings):
    settings.OPEN_DATA_IMPORT_STALE_MINUTES = 60
    job = ImportJob.objects.create(file_name="fall.csv", file_format="csv", state="importing")
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=2))
    fresh = ImportJob.objects.create(file_name="ny.csv", file_format="csv", state="importing")

    admin_client.get(reverse("admin:cases_case_import_job", args=[job.pk]))

    job.refresh_from_db()
    fresh.refresh_from_db()
    assert job.state == ImportJob.State.FAILED
    assert "startade om" in job.message
    assert fresh.state == ImportJob.State.IMPORTING
