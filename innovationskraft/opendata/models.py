import os
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


@deconstructible
class ImportStorage(FileSystemStorage):
    """Uploaded import files under DATA_DIR/imports, outside anything the site serves. The
    folder is read from the settings when used, so a test can move it."""

    @property
    def base_location(self):
        return os.fspath(settings.DATA_DIR / "imports")

    @property
    def location(self):
        return os.path.abspath(self.base_location)


# A worker looks for tasks every second: a job none has taken after this long has no worker free
# to take it, most likely none running.
WORKER_GRACE = timedelta(seconds=5)


def upload_name(job: "ImportJob", filename: str) -> str:
    # The visitor's file name stays in `file_name`; on disk a name nobody chooses.
    return f"{uuid.uuid4().hex}.{job.file_format}"


class ImportJob(models.Model):
    """One import of a file from the admin page: checked, then imported by a task worker while
    the page shows how far it has come. Progress lives in the cache; the outcome here."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        JSONL = "jsonl", "JSON Lines"

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting to start")
        CHECKING = "checking", _("Checking the file")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Done")
        REFUSED = "refused", _("Refused")
        FAILED = "failed", _("Failed")

    RUNNING = (State.WAITING, State.CHECKING, State.IMPORTING)

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    # Emptied when the job no longer needs the file (see jobs.py).
    upload = models.FileField(
        _("file"), storage=ImportStorage(), upload_to=upload_name, blank=True, max_length=200
    )
    skip_invalid = models.BooleanField(_("skip rows with errors"), default=False)
    check_only = models.BooleanField(_("only check"), default=False)
    # A summary too long for a case is shortened, and put whole in the description.
    carry_long_summaries = models.BooleanField(_("carry long summaries"), default=False)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.WAITING
    )
    total_rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    invalid_rows = models.PositiveIntegerField(_("rows with errors"), default=0)
    # Every error: [{"row": 3, "field": "stage", "code": "invalid_choice", "message": "…"}].
    errors = models.JSONField(_("errors"), default=list, blank=True)
    # Every warning, in the same shape: what the import read differently from the file.
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    # Why the job was refused as a whole (an unreadable file) or failed.
    message = models.TextField(_("message"), blank=True)
    cases_created = models.PositiveIntegerField(_("cases created"), default=0)
    cases_updated = models.PositiveIntegerField(_("cases updated"), default=0)
    rows_skipped = models.PositiveIntegerField(_("rows skipped"), default=0)
    organisations_created = models.PositiveIntegerField(_("organisations created"), default=0)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    # When a worker took the job: it may wait in the queue long before that.
    taken_at = models.DateTimeField(_("taken by a worker"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.file_name

    @property
    def is_running(self) -> bool:
        return self.state in self.RUNNING

    @property
    def waits_for_worker(self) -> bool:
        return self.state == self.State.WAITING and self.created_at < timezone.now() - WORKER_GRACE

    @property
    def valid_rows(self) -> int:
        return (self.total_rows or 0) - self.invalid_rows

    @property
    def can_import_again(self) -> bool:
        """A checked or refused file is kept, to import after all (see jobs.py)."""
        kept = self.state == self.State.REFUSED or (
            self.state == self.State.DONE and self.check_only
        )
        return kept and bool(self.upload)
