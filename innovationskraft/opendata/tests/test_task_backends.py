"""The two task backends: TASKS_BACKEND picks one, and the RQ backend runs an import job through
a real Redis (REDIS_TEST_URL, whose database the tests empty; skipped without Redis, except
under CI, whose .ci/run starts one)."""

import json
import os
import signal
import subprocess
import sys

import django_rq
import pytest
from django.conf import settings as django_settings
from django_tasks import TaskResultStatus
from redis import Redis
from redis.exceptions import RedisError

from innovationskraft.cases.models import Case
from innovationskraft.cases.tests.conftest import eskilstuna  # noqa: F401 - a fixture
from innovationskraft.opendata import tasks
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.tests.importpage import (  # noqa: F401 - fixtures
    committed,
    csv_text,
    import_dir,
    importer,
    row,
    started,
)

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
SHOW_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "tasks": settings.TASKS,
    "apps": settings.INSTALLED_APPS,
    "rq_queues": settings.RQ_QUEUES,
    "progress": settings.CACHES["progress"]["BACKEND"],
}))
"""


def run_python(*args: str, **environ: str) -> subprocess.CompletedProcess:
    """Python in the project folder with only the given environment, as a fresh process."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=django_settings.PROJECT_DIR,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "innovationskraft.settings",
            "SECRET_KEY": "backend-test-key",
            **environ,
        },
        capture_output=True,
        text=True,
        check=False,
    )


def settings_under(**environ: str) -> dict:
    shown = run_python("-c", SHOW_SETTINGS, **environ)
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


def test_tasks_wait_in_the_database_by_default():
    shown = settings_under()
    assert shown["tasks"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert {"django_tasks", "django_tasks_db"} <= set(shown["apps"])
    assert "django_rq" not in shown["apps"], "its admin dashboard needs Redis"
    assert shown["progress"] == "django.core.cache.backends.filebased.FileBasedCache"


def test_tasks_backend_rq_queues_the_tasks_in_redis():
    url = "redis://redis.example:6379/2"
    shown = settings_under(TASKS_BACKEND="rq", REDIS_URL=url)
    assert shown["tasks"]["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert {"django_rq", "django_tasks_rq"} <= set(shown["apps"])
    assert shown["rq_queues"]["default"]["URL"] == url
    assert shown["progress"] == "django.core.cache.backends.redis.RedisCache"


def test_tasks_backend_rq_passes_the_system_checks():
    checked = run_python("manage.py", "check", TASKS_BACKEND="rq", REDIS_URL=REDIS_TEST_URL)
    assert checked.returncode == 0, checked.stderr


def test_tasks_backend_rq_without_redis_url_is_refused():
    shown = run_python("-c", SHOW_SETTINGS, TASKS_BACKEND="rq")
    assert shown.returncode != 0
    assert "set REDIS_URL too" in shown.stderr


@pytest.fixture
def redis_url():
    connection = Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except RedisError as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs Redis at {REDIS_TEST_URL} ({error}); .ci/run starts it")
        pytest.skip(f"no Redis at {REDIS_TEST_URL} ({error})")
    connection.flushdb()
    yield REDIS_TEST_URL
    connection.flushdb()
    connection.close()


@pytest.fixture
def rq_backend(settings, redis_url):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": redis_url}}


def rq_worker_burst() -> None:
    """An RQ worker runs what is queued, then stops: in this process (SimpleWorker, no fork),
    so that it sees the test's database. It takes SIGINT and SIGTERM for itself; they are given
    back to pytest."""
    worker = django_rq.get_worker("default", worker_class="rq.SimpleWorker")
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        worker.work(burst=True)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


@pytest.mark.django_db
def test_an_rq_worker_runs_the_import_job_queued_in_redis(
    rq_backend,
    importer,  # noqa: F811
    eskilstuna,  # noqa: F811
    import_dir,  # noqa: F811
):
    job = committed(started, importer, csv_text(row("opsi-1"), row("opsi-2")))
    queue = django_rq.get_queue("default")
    [task_id] = queue.job_ids
    result = tasks.import_job_run.get_result(task_id)
    assert result.status == TaskResultStatus.READY
    assert result.kwargs == {"job_id": job.pk, "language": "sv"}

    rq_worker_burst()

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == ImportJob.State.DONE
    job.refresh_from_db()
    assert (job.state, job.cases_created) == (ImportJob.State.DONE, 2)
    assert Case.objects.count() == 2
    assert queue.count == 0
    assert list(import_dir.iterdir()) == []
