from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from innovationskraft.core.models import ScheduledRun
from innovationskraft.core.schedule import schedule_run_due, scheduled

pytestmark = pytest.mark.django_db


def queued_tasks() -> list[str]:
    return sorted(DBTaskResult.objects.values_list("task_path", flat=True))


def test_every_scheduled_task_is_queued_the_first_time():
    names = schedule_run_due()
    assert sorted(names) == [entry.name for entry in scheduled()]
    assert "mail-outbox" in names
    assert "contact-messages-expire" in names
    assert len(queued_tasks()) == len(names)


def test_a_task_is_queued_again_only_when_its_period_has_passed():
    now = timezone.now()
    schedule_run_due(now=now)
    assert schedule_run_due(now=now + timedelta(seconds=30)) == []
    assert "mail-outbox" in schedule_run_due(now=now + timedelta(minutes=1))


def test_a_scheduler_that_read_a_time_another_has_since_moved_on_queues_nothing():
    now = timezone.now()
    schedule_run_due(now=now)
    read_by_the_slow_one = ScheduledRun.objects.get(name="mail-outbox")
    later = now + timedelta(minutes=2)
    assert "mail-outbox" in schedule_run_due(now=later)  # the quick one moves the time on
    before = len(queued_tasks())

    with mock.patch.object(
        ScheduledRun.objects, "get_or_create", return_value=(read_by_the_slow_one, False)
    ):
        assert schedule_run_due(now=later) == []
    assert len(queued_tasks()) == before
