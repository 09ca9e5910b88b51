"""Fixtures and helpers for the tests of the import page: a folder for the uploaded files,
admins with and without the permission, small import files written by hand, and a task worker
that runs the jobs a test queued."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from innovationskraft.accounts.models import User
from innovationskraft.core.testing.tasks import committed, run_worker
from innovationskraft.opendata import jobs
from innovationskraft.opendata.models import ImportJob

PASSWORD = "a-long-test-password"
HEADER = ["identifier", "title", "summary", "stage", "lead_organisation"]


@pytest.fixture(autouse=True)
def import_dir(settings, tmp_path):
    """Uploaded files go to a folder of the test's own."""
    settings.DATA_DIR = tmp_path
    return tmp_path / "imports"


@pytest.fixture
def importer():
    """Staff who may add and change cases, what an import does."""
    user = User.objects.create_user(email="ida@import.example", password=PASSWORD, is_staff=True)
    codenames = ["add_case", "change_case", "view_case"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def staff_without_permission():
    return User.objects.create_user(email="sam@staff.example", password=PASSWORD, is_staff=True)


def row(identifier: str, **fields) -> dict:
    return {
        "identifier": identifier,
        "title": f"Språkcafé {identifier}",
        "summary": "Nyanlända övar svenska med volontärer.",
        "stage": "implemented",
        "lead_organisation": "eskilstuna-kommun",
    } | fields


def csv_text(*rows: dict) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def upload(text: str | bytes, name: str = "fall.csv") -> SimpleUploadedFile:
    content = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, content, content_type="text/csv")


def started(actor, text: str, **options) -> ImportJob:
    """Started through the service; queued only once the test commits (see `committed`)."""
    options = {"skip_invalid": False, "check_only": False} | options
    return jobs.import_job_start(actor=actor, upload=upload(text), **options)


def worked(actor, text: str, **options) -> ImportJob:
    """Started, committed, and run by a worker."""
    job = committed(started, actor, text, **options)
    run_worker()
    job.refresh_from_db()
    return job


def start(client, text: str | bytes, *, name: str = "fall.csv", **options):
    """Posts the upload form, lets a worker run the job, and opens the job page."""
    data = {"file": upload(text, name)} | {key: "on" for key, on in options.items() if on}
    response = committed(client.post, reverse("admin:cases_case_import"), data)
    if response.status_code != 302:
        return response
    run_worker()
    return client.get(response["Location"])


def last_job() -> ImportJob:
    return ImportJob.objects.latest("pk")


def job_url(job: ImportJob, name: str = "cases_case_import_job") -> str:
    return reverse(f"admin:{name}", args=[job.pk])
