"""How far a running import job has come, kept in the progress cache, which the worker that
runs the job and the web processes that show its page share (settings.CACHES): the import
writes in one transaction, so its own rows say nothing to other connections until it commits."""

import time
from dataclasses import asdict, dataclass

from django.core.cache import caches

# Long enough for the slowest step; the job's row holds the outcome for good.
TIMEOUT = 60 * 60


def _cache():
    return caches["progress"]


def _key(job_id: int) -> str:
    return f"opendata:import-job:{job_id}:progress"


@dataclass(frozen=True)
class Progress:
    """`done` of `total`: bytes of the file while checking, cases while importing."""

    step: str
    done: int
    total: int
    rows: int = 0

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0


def progress_of(job_id: int) -> Progress | None:
    value = _cache().get(_key(job_id))
    return Progress(**value) if value else None


def progress_forget(job_id: int) -> None:
    _cache().delete(_key(job_id))


class ProgressReporter:
    """Writes a job's progress to the cache, at most once per `interval` seconds within a
    step: a file of 100,000 rows reports every row, and the cache may be a network away."""

    def __init__(self, job_id: int, *, interval: float = 0.5):
        self.job_id = job_id
        self.interval = interval
        self.step = ""
        self.last = 0.0
        self.rows = 0

    def report(self, step: str, done: int, total: int) -> None:
        now = time.monotonic()
        if step == self.step and done < total and now - self.last < self.interval:
            return
        self.step, self.last = step, now
        value = Progress(step=step, done=done, total=total, rows=self.rows)
        _cache().set(_key(self.job_id), asdict(value), TIMEOUT)

    def rows_read(self, count: int, bytes_read: int, size: int) -> None:
        self.rows += count
        self.report("check", bytes_read, size)
