"""Rebuilding the index as a task: `rebuild_search_index --enqueue` leaves it to a worker."""

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from innovationskraft.cases.models import Case
from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures
    eskilstuna,
    make_case,
    moderator,
)
from innovationskraft.search.backends import get_backend
from innovationskraft.search.tasks import index_rebuild


# Committed for real, so that the worker runs as `manage.py db_worker` does in its own process.
@pytest.mark.django_db(transaction=True)
def test_the_command_queues_the_rebuild_and_a_worker_does_it(make_case, capsys):  # noqa: F811
    case = make_case(title="ReTuna återbruksgalleria", status=Case.Status.PUBLISHED)
    backend = get_backend()
    backend.remove(sorted(backend.indexed_ids()))

    call_command("rebuild_search_index", "--enqueue", "--without-vectors")
    [queued] = DBTaskResult.objects.filter(task_path=index_rebuild.module_path)
    assert str(queued.id) in capsys.readouterr().out, "the command names the task"
    result = index_rebuild.get_result(str(queued.id))
    assert result.status == TaskResultStatus.READY
    assert backend.indexed_ids() == set(), "nothing is indexed by the command itself"

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    result.refresh()
    assert (result.status, result.return_value) == (TaskResultStatus.SUCCESSFUL, 1)
    assert backend.indexed_ids() == {case.pk}
