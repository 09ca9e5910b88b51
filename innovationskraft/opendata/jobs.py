"""Imports started from the admin page. A job keeps the uploaded file; its runner checks every
row, then imports (or refuses) while the page polls for progress. The runner works in a thread
of the serving process (OPEN_DATA_IMPORT_RUNNER = "thread") or within the request ("inline").

The file is deleted when the job finishes, except after a check or a refusal: then it waits
(OPEN_DATA_IMPORT_KEEP_HOURS) for the user to import it after all, skipping the bad rows."""

from datetime import timedelta

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from innovationskraft.opendata.formats import format_of
from innovationskraft.opendata.job_runner import import_job_run, import_job_run_in_thread
from innovationskraft.opendata.models import ImportJob

State = ImportJob.State


class ImportJobInvalid(Exception):
    """The job cannot be started: a file of an unknown format, or a file no longer kept."""


def import_job_start(
    *, actor, upload: UploadedFile, skip_invalid: bool, check_only: bool
) -> ImportJob:
    file_format = format_of(upload.name or "")
    if file_format is None:
        raise ImportJobInvalid(_("The file name must end in .csv or .jsonl."))
    import_files_forget(older_than=timedelta(hours=settings.OPEN_DATA_IMPORT_KEEP_HOURS))
    job = ImportJob(
        started_by=actor,
        file_name=upload.name[-255:],
        file_format=file_format,
        skip_invalid=skip_invalid,
        check_only=check_only,
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
    """Mark failed the jobs still running after `older_than`: their runner died with its
    process (a restart), and the import's transaction with it, so nothing was written."""
    message = _(
        "The import stopped without finishing, probably because the server restarted. "
        "Nothing was imported; start it again."
    )
    stale = ImportJob.objects.filter(
        state__in=ImportJob.RUNNING, created_at__lt=timezone.now() - older_than
    )
    return stale.update(state=State.FAILED, message=message, finished_at=timezone.now())


def _run(job: ImportJob) -> ImportJob:
    language = translation.get_language() or settings.LANGUAGE_CODE
    if settings.OPEN_DATA_IMPORT_RUNNER == "inline":
        import_job_run(job_id=job.pk, language=language)
        job.refresh_from_db()
    else:
        # Once the job's row is committed, or the thread may not find it.
        transaction.on_commit(lambda: import_job_run_in_thread(job_id=job.pk, language=language))
    return job
