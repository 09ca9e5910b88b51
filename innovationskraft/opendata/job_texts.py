"""What the import pages say about a job, in words: kept in one place so that the page and the
fragment it polls say the same, and the refusal says what the command says."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.progress import Progress

State = ImportJob.State


def job_phase(job: ImportJob) -> str:
    """The job's state as the page tells it: a job no worker has taken in time has a sentence
    of its own, announced once like a new state."""
    return "waiting-for-worker" if job.waits_for_worker else job.state


def job_state_sentence(job: ImportJob) -> str:
    """One sentence for the page's status region: it changes only when the phase does."""
    if job.waits_for_worker:
        return _(
            "Waiting for a worker: no task worker has taken the import yet. It starts by itself "
            "as soon as one runs; if it keeps waiting, ask whoever runs the site to start one."
        )
    if job.state == State.WAITING:
        return _("Waiting to start.")
    if job.state == State.CHECKING:
        return _("Checking every row of the file.")
    if job.state == State.IMPORTING:
        return _("Importing the cases.")
    if job.state == State.FAILED:
        return f"{job.message} " + _("Nothing was imported.")
    if job.state == State.REFUSED and job.message:
        return _("The file could not be read: %(reason)s Nothing was imported.") % {
            "reason": job.message
        }
    if job.state == State.REFUSED:
        return ngettext(
            "%(count)d row has errors; nothing was imported.",
            "%(count)d rows have errors; nothing was imported.",
            job.invalid_rows,
        ) % {"count": job.invalid_rows}
    if job.check_only:
        return ngettext(
            "The file has %(total)d row: %(valid)d valid, %(invalid)d with errors. "
            "Nothing was written.",
            "The file has %(total)d rows: %(valid)d valid, %(invalid)d with errors. "
            "Nothing was written.",
            job.total_rows or 0,
        ) % {"total": job.total_rows or 0, "valid": job.valid_rows, "invalid": job.invalid_rows}
    return _(
        "The import is done. Cases created: %(created)d, cases updated: %(updated)d, rows "
        "skipped: %(skipped)d."
    ) % {"created": job.cases_created, "updated": job.cases_updated, "skipped": job.rows_skipped}


def progress_label(job: ImportJob, progress: Progress | None) -> str:
    if progress:
        return {
            "check": _("Checking every row"),
            "cases": _("Writing the cases"),
            "index": _("Updating the search index"),
        }[progress.step]
    if job.state == State.CHECKING:
        return _("Checking every row")
    if job.waits_for_worker:
        return _("Waiting for a worker")
    return _("Importing the cases") if job.state == State.IMPORTING else _("Waiting to start")


def progress_text(job: ImportJob, progress: Progress | None) -> str:
    """The bar's value in words, for those who do not see the bar."""
    if progress is None:
        return _("Not started yet.") if job.state == State.WAITING else _("No figures yet.")
    if progress.step == "check":
        return ngettext(
            "%(percent)d %% of the file: %(rows)d row read.",
            "%(percent)d %% of the file: %(rows)d rows read.",
            progress.rows,
        ) % {"percent": progress.percent, "rows": progress.rows}
    return ngettext(
        "%(done)d of %(total)d case (%(percent)d %%).",
        "%(done)d of %(total)d cases (%(percent)d %%).",
        progress.total,
    ) % {"done": progress.done, "total": progress.total, "percent": progress.percent}
