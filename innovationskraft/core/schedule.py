"""Tasks queued on a schedule by `manage.py run_schedule` (docs/tasks.md): an app adds its
entries in AppConfig.ready(). Any number of schedulers may run: each entry's time is moved on
in the database by one update that only one of them wins, so a task is queued once a period."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django_tasks.base import Task

from innovationskraft.core.models import ScheduledRun

NEVER = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Scheduled:
    name: str
    task: Task
    every: timedelta


_schedule: dict[str, Scheduled] = {}


def schedule_add(*, name: str, task: Task, every: timedelta) -> None:
    _schedule[name] = Scheduled(name, task, every)


def scheduled() -> list[Scheduled]:
    return sorted(_schedule.values(), key=lambda entry: entry.name)


def schedule_run_due(*, now: datetime | None = None) -> list[str]:
    """Queues every entry whose period has passed since it was last queued; returns their
    names."""
    now = now or timezone.now()
    queued = []
    for entry in scheduled():
        run, _created = ScheduledRun.objects.get_or_create(
            name=entry.name, defaults={"last_queued_at": NEVER}
        )
        if run.last_queued_at + entry.every > now:
            continue
        won = ScheduledRun.objects.filter(pk=run.pk, last_queued_at=run.last_queued_at).update(
            last_queued_at=now
        )
        if won:
            entry.task.enqueue()
            queued.append(entry.name)
    return queued
