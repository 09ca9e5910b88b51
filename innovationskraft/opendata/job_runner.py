"""The runner of an import job, run by a task worker (tasks.py): checks every row of the job's
file, then imports the file, unless the job only checks it or a row has errors and the user did
not choose to skip those. Progress goes to the cache as it runs; the outcome to the job's row at
the end. A crash marks the job failed and leaves the library as it was, since the import is one
transaction."""

import logging
from dataclasses import asdict

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from innovationskraft.opendata.importing import FileUnreadable, import_plan
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.progress import ProgressReporter, progress_forget
from innovationskraft.opendata.services import cases_import

logger = logging.getLogger(__name__)
State = ImportJob.State


class _CountingLines:
    """The stream's lines, counting the bytes read: the share of the file checked so far."""

    def __init__(self, stream):
        self.stream = stream
        self.read = 0

    def __iter__(self):
        for line in self.stream:
            self.read += len(line)
            yield line


def import_job_run(*, job_id: int, language: str) -> None:
    """Check the job's file, then import it unless told only to check or a row has errors.
    Messages are in the language of the user who started the job. A job that is no longer
    waiting is left alone: a queue may deliver its task twice, and a job may have been given up."""
    taken = ImportJob.objects.filter(pk=job_id, state=State.WAITING).update(
        state=State.CHECKING, taken_at=timezone.now()
    )
    if not taken:
        logger.warning("Import job %s is not waiting; its task did nothing", job_id)
        return
    job = ImportJob.objects.select_related("started_by").get(pk=job_id)
    try:
        with translation.override(language):
            _check_and_import(job, ProgressReporter(job.pk))
    except Exception:
        logger.exception("Import job %s failed", job_id)
        with translation.override(language):
            message = _("The import stopped because of an error on the server.")
        import_job_fail(job=job, message=message)
    finally:
        progress_forget(job.pk)


def _check_and_import(job: ImportJob, reporter: ProgressReporter) -> None:
    try:
        with job.upload.open("rb") as stream:
            size, lines = job.upload.size, _CountingLines(stream)
            plan = import_plan(
                lines,
                file_format=job.file_format,
                progress=lambda count: reporter.rows_read(count, lines.read, size),
                carry_long_summaries=job.carry_long_summaries,
            )
    except FileUnreadable as unreadable:
        job.message = str(unreadable)
        _finish(job, State.REFUSED, keep_file=False)
        return
    job.total_rows, job.invalid_rows = plan.total, plan.invalid_rows
    job.errors = [asdict(error) for error in plan.errors]
    job.warnings = [asdict(warning) for warning in plan.warnings]
    if job.check_only or (plan.errors and not job.skip_invalid):
        _finish(job, State.DONE if job.check_only else State.REFUSED, keep_file=True)
        return
    job.state = State.IMPORTING
    job.save(update_fields=["state", "total_rows", "invalid_rows", "errors", "warnings"])
    reporter.report("cases", 0, len(plan.rows))
    result = cases_import(
        actor=job.started_by, plan=plan, skip_invalid=job.skip_invalid, progress=reporter.report
    )
    job.cases_created, job.cases_updated = result.created, result.updated
    job.rows_skipped, job.organisations_created = result.skipped, result.organisations_created
    _finish(job, State.DONE, keep_file=False)


def _finish(job: ImportJob, state: str, *, keep_file: bool) -> None:
    if not keep_file and job.upload:
        job.upload.delete(save=False)
    job.state, job.finished_at = state, timezone.now()
    job.save()


def import_job_fail(*, job: ImportJob, message: str) -> None:
    """Only the state, the message and the file: whatever the runner held may be wrong."""
    if job.upload:
        try:
            job.upload.delete(save=False)
        except OSError:
            logger.exception("Could not delete the file of import job %s", job.pk)
    ImportJob.objects.filter(pk=job.pk).update(
        state=State.FAILED, message=message, finished_at=timezone.now(), upload=""
    )
