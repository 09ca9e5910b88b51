"""Reads for the import pages: the jobs a user may see, and a job's errors as CSV."""

from collections.abc import Iterator

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from innovationskraft.accounts.models import User
from innovationskraft.opendata.error_files import error_csv_lines
from innovationskraft.opendata.models import ImportJob

# An import adds cases and updates those whose identifier the library has: both rights.
IMPORT_PERMISSIONS = ("cases.add_case", "cases.change_case")


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
    """Every error and warning of the job, one a row (see error_files.py)."""
    return error_csv_lines(job.errors, job.warnings)
