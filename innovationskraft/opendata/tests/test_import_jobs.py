"""The import job as a task: queued once its row is committed, run by a worker, on a crash,
when its worker died or none comes, and with the files it keeps."""

import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult

from innovationskraft.cases.models import Case
from innovationskraft.cases.tests.conftest import eskilstuna  # noqa: F401 - a fixture
from innovationskraft.opendata import job_runner, jobs, tasks
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.progress import Progress, ProgressReporter, progress_of
from innovationskraft.opendata.tests.importpage import (  # noqa: F401 - fixtures
    committed,
    csv_text,
    import_dir,
    importer,
    row,
    started,
    upload,
    worked,
)

State = ImportJob.State


@pytest.mark.django_db
def test_a_job_is_queued_once_its_row_is_committed(importer, eskilstuna):  # noqa: F811
    with TestCase.captureOnCommitCallbacks() as callbacks:
        job = started(importer, csv_text(row("opsi-1")))
    assert not DBTaskResult.objects.exists(), "a worker could not find the job before"
    for callback in callbacks:
        callback()
    task = DBTaskResult.objects.get()
    assert task.task_path == "innovationskraft.opendata.tasks.import_job_run"
    assert task.args_kwargs["kwargs"] == {"job_id": job.pk, "language": "sv"}
    assert task.status == "READY"
    job.refresh_from_db()
    assert job.state == State.WAITING
    assert Case.objects.count() == 0, "nothing is imported within the request"


@pytest.mark.django_db(transaction=True)
def test_a_worker_takes_the_job_and_imports_the_file(
    importer,  # noqa: F811
    eskilstuna,  # noqa: F811
    import_dir,  # noqa: F811
    monkeypatch,
):
    job = started(importer, csv_text(row("opsi-1"), row("opsi-2")))
    assert DBTaskResult.objects.get().status == "READY", "queued at the commit"
    seen_by_the_page = []
    real_import = job_runner.cases_import

    def watched_import(**kwargs):
        seen_by_the_page.append(progress_of(job.pk))
        return real_import(**kwargs)

    monkeypatch.setattr(job_runner, "cases_import", watched_import)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    job.refresh_from_db()
    assert (job.state, job.cases_created) == (State.DONE, 2)
    assert job.taken_at is not None
    assert Case.objects.count() == 2
    assert seen_by_the_page == [Progress(step="cases", done=0, total=2, rows=2)]
    assert progress_of(job.pk) is None, "the outcome is in the job's row"
    task = DBTaskResult.objects.get()
    assert (task.status, task.return_value) == ("SUCCESSFUL", State.DONE)
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
    worked(importer, text)
    size = len(text.encode("utf-8"))
    checks = [r for r in reported if r[0] == "check"]
    first_row_read, total, rows = checks[0][1:]
    assert (total, rows) == (size, 1)
    assert 0 < first_row_read < size, "while checking, done counts the bytes read"
    assert checks[-1] == ("check", size, size, 3)
    assert ("cases", 3, 3, 3) in reported
    assert reported[-1] == ("index", 3, 3, 3)


@pytest.mark.django_db
def test_a_crash_in_the_import_fails_the_job_and_leaves_the_library_as_it_was(
    importer,  # noqa: F811
    eskilstuna,  # noqa: F811
    monkeypatch,
    caplog,
    import_dir,  # noqa: F811
):
    worked(importer, csv_text(row("opsi-1", title="Språkcafé")))
    before = list(Case.objects.values_list("identifier", "title"))

    def crash(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("innovationskraft.opendata.services._write_relations", crash)
    with caplog.at_level(logging.ERROR, logger="innovationskraft.opendata.job_runner"):
        job = worked(importer, csv_text(row("opsi-1", title="Nytt namn"), row("opsi-2")))
    assert list(Case.objects.values_list("identifier", "title")) == before
    assert job.state == State.FAILED
    assert job.message == gettext("The import stopped because of an error on the server.")
    assert (job.cases_created, job.cases_updated) == (0, 0)
    assert job.total_rows == 2, "what the check found stays"
    assert "disk full" in caplog.text
    assert list(import_dir.iterdir()) == []


@pytest.mark.django_db
def test_a_job_that_cannot_be_queued_fails_at_once(importer, settings, caplog, import_dir):  # noqa: F811
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0"}}
    with caplog.at_level(logging.ERROR, logger="innovationskraft.opendata.jobs"):
        job = committed(started, importer, csv_text(row("opsi-1")))
    job.refresh_from_db()
    assert job.state == State.FAILED
    assert job.message == gettext("The import could not be queued for a worker; try again later.")
    assert "Could not queue import job" in caplog.text
    assert list(import_dir.iterdir()) == []


@pytest.mark.django_db
def test_a_task_delivered_twice_imports_once(importer, eskilstuna, caplog):  # noqa: F811
    job = worked(importer, csv_text(row("opsi-1")))
    finished_at = job.finished_at
    with caplog.at_level(logging.WARNING, logger="innovationskraft.opendata.job_runner"):
        assert tasks.import_job_run.call(job_id=job.pk, language="sv") == State.DONE
    job.refresh_from_db()
    assert (job.state, job.cases_created, job.finished_at) == (State.DONE, 1, finished_at)
    assert "is not waiting" in caplog.text


@pytest.mark.django_db
def test_a_file_of_an_unknown_format_is_not_started(importer):  # noqa: F811
    with pytest.raises(jobs.ImportJobInvalid):
        jobs.import_job_start(
            actor=importer, upload=upload("x", "fall.txt"), skip_invalid=False, check_only=False
        )
    assert ImportJob.objects.count() == 0
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_kept_files_are_deleted_once_old(importer, eskilstuna, import_dir):  # noqa: F811
    old = worked(importer, csv_text(row("opsi-1")), check_only=True)
    recent = worked(importer, csv_text(row("opsi-2")), check_only=True)
    ImportJob.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=2))
    assert jobs.import_files_forget(older_than=timedelta(days=1)) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert not old.upload
    assert recent.upload
    assert [path.name for path in import_dir.iterdir()] == [recent.upload.name]


def test_a_job_whose_worker_died_is_marked_failed_when_its_page_is_read(admin_client, settings):
    settings.OPEN_DATA_IMPORT_STALE_MINUTES = 60
    two_hours_ago = timezone.now() - timedelta(hours=2)
    dead = ImportJob.objects.create(file_name="fall.csv", file_format="csv", state="importing")
    ImportJob.objects.filter(pk=dead.pk).update(created_at=two_hours_ago, taken_at=two_hours_ago)
    queued_long = ImportJob.objects.create(file_name="kö.csv", file_format="csv")
    ImportJob.objects.filter(pk=queued_long.pk).update(created_at=two_hours_ago)
    taken_now = ImportJob.objects.create(file_name="ny.csv", file_format="csv", state="checking")
    ImportJob.objects.filter(pk=taken_now.pk).update(
        created_at=two_hours_ago, taken_at=timezone.now()
    )

    admin_client.get(reverse("admin:cases_case_import_job", args=[dead.pk]))

    for job in (dead, queued_long, taken_now):
        job.refresh_from_db()
    assert dead.state == State.FAILED
    assert "startade om" in dead.message
    assert queued_long.state == State.WAITING, "it still waits for a worker"
    assert taken_now.state == State.CHECKING, "it waited long, but runs since a moment"
