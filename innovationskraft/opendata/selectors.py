"""Reads for the import pages: the jobs a user may see, and a job's errors as CSV."""

import csv
import io
from collections.abc import Iterator

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from innovationskraft.accounts.models import User
from innovationskraft.opendata.models import ImportJob

# An import adds cases and updates those whose identifier the library has: both rights.
IMPORT_PERMISSIONS = ("cases.add_case", "cases.change_case")
ERROR_COLUMNS = ("row", "field", "code", "message")


def import_jobs_of(user: User) -> QuerySet[ImportJob]:
    """Superusers see every job; others the jobs they started."""
    jobs = ImportJob.objects.select_related("started_by")
    return jobs if user.is_superuser else jobs.filter(started_by=user)


def import_job_for(*, user: User, job_id: int) -> ImportJob:
    """The job, when the user may import cases and see it (PermissionDenied, Http404)."""
    if not user.has_perms(IMPORT_PERMISSIONS):
        raise PermissionDenied
    try:
        return import_jobs_of(user).get(pk=job_id)
    except ImportJob.DoesNotExist:
        raise Http404 from None


def import_errors_csv_lines(job: ImportJob) -> Iterator[str]:
    """Every error of the job, one a row; a byte order mark so spreadsheets read UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ERROR_COLUMNS)
    yield "\ufeff" + buffer.getvalue()
    for error in job.errors:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(error.get(name, "") for name in ERROR_COLUMNS)
        yield buffer.getvalue()
