"""Imports started from the admin page. A job keeps the uploaded file; once its row is
committed its task is queued, and a task worker checks every row, then imports (or refuses)
while the page polls for progress (job_runner.py, tasks.py).

The file is deleted when the job finishes, except after a check or a refusal: then it waits
(OPEN_DATA_IMPORT_KEEP_HOURS) for the user to import it after all, skipping the bad rows."""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from innovationskraft.opendata.formats import format_of
from innovationskraft.opendata.job_runner import import_job_fail
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.tasks import import_job_run

logger = logging.getLogger(__name__)
State = ImportJob.State


class ImportJobInvalid(Exception):
    """The job cannot be started: a file of an unknown format, or a file no longer kept."""


def import_job_start(
    *,
    actor,
    upload: UploadedFile,
    skip_invalid: bool,
    check_only: bool,
    carry_long_summaries: bool = False,
) -> ImportJob:
    name = upload.name or ""
    file_format = format_of(name)
    if file_format is None:
        raise ImportJobInvalid(_("The file name must end in .csv or .jsonl."))
    import_files_forget(older_than=timedelta(hours=settings.OPEN_DATA_IMPORT_KEEP_HOURS))
    job = ImportJob(
        started_by=actor,
        file_name=name[-255:],
        file_format=file_format,
        skip_invalid=skip_invalid,
        check_only=check_only,
        carry_long_summaries=carry_long_summaries,
    )
    job.upload.save(upload.name, upload, save=True)
    return _run(job)


def import_job_restart(*, actor, job: ImportJob, skip_invalid: bool) -> ImportJob:
    """Import the file of a checked or refused job, which hands its file to the new job."""
    with transaction.atomic():
        claimed = (
            ImportJob.objects.filter(pk=job.pk, state__in=[State.DONE, State.REFUSED])
            .exclude(upload="")
            .update(upload="")
        )
        if not claimed:
            raise ImportJobInvalid(_("The file is no longer kept; upload it again."))
        new = ImportJob.objects.create(
            started_by=actor,
            file_name=job.file_name,
            file_format=job.file_format,
            upload=job.upload.name,
            skip_invalid=skip_invalid,
            carry_long_summaries=job.carry_long_summaries,
        )
    return _run(new)


def import_files_forget(*, older_than: timedelta) -> int:
    """Delete the files that finished jobs kept for longer than `older_than`."""
    jobs = ImportJob.objects.exclude(upload="").filter(finished_at__lt=timezone.now() - older_than)
    for job in jobs:
        job.upload.delete(save=False)
        job.save(update_fields=["upload"])
    return len(jobs)


def import_jobs_give_up(*, older_than: timedelta) -> int:
    """Mark failed the jobs a worker took more than `older_than` ago and has not finished: the
    worker died with its process (a restart), and the import's transaction with it, so nothing
    was written. A job no worker has taken yet is left waiting for one."""
    message = _(
        "The import stopped without finishing, probably because the server restarted. "
        "Nothing was imported; start it again."
    )
    stale = ImportJob.objects.filter(
        state__in=[State.CHECKING, State.IMPORTING], taken_at__lt=timezone.now() - older_than
    )
    return stale.update(state=State.FAILED, message=message, finished_at=timezone.now())


def _run(job: ImportJob) -> ImportJob:
    language = translation.get_language() or settings.LANGUAGE_CODE
    # Once the job's row is committed, or the worker may not find it.
    transaction.on_commit(partial(_enqueue, job, language))
    return job


def _enqueue(job: ImportJob, language: str) -> None:
    try:
        import_job_run.enqueue(job_id=job.pk, language=language)
    except Exception:
        # The queue is down (Redis unreachable, say): the job would otherwise wait for ever.
        logger.exception("Could not queue import job %s", job.pk)
        with translation.override(language):
            message = _("The import could not be queued for a worker; try again later.")
        import_job_fail(job=job, message=message)
