"""Two app servers (gunicorn) and a task worker, each a process of its own on one PostgreSQL
and one Redis, prove that the app keeps no state of its own per process: a rate limit counts
once however many servers answer, a case published through one server is at once in the
other's search, facet counts and API, and an import started on one server is run by the
worker and followed to its end on the other.

The processes share the test's own database, so the test commits (a transactional test) and
runs only on PostgreSQL (DATABASE_URL), with Redis at REDIS_TEST_URL (default
redis://127.0.0.1:6379/13, a database the test empties). Without them it is skipped, except
that under CI on PostgreSQL a missing Redis fails."""

import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection, transaction
from django.urls import reverse
from django.utils.html import escape
from redis import Redis
from redis.exceptions import RedisError

from innovationskraft.accounts.models import User
from innovationskraft.accounts.services import api_token_create
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.tests.conftest import eskilstuna  # noqa: F401 - a fixture
from innovationskraft.core.testing.browser import sv, sv_count
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.tests.importpage import csv_text, row

pytestmark = [
    pytest.mark.two_processes,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two app processes need PostgreSQL (DATABASE_URL=postgres://...): they share "
        "the test's database, which SQLite's in-memory test database cannot be",
    ),
    pytest.mark.django_db(transaction=True),
]

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/13")
ANONYMOUS_LIMIT = 10
PASSWORD = "a-long-test-password"
# Every wait is bounded: a process starting, a request, a job reaching a state.
START_SECONDS = 30
REQUEST_SECONDS = 10
JOB_SECONDS = 20
STOP_SECONDS = 10
PROGRESS_BAR = '<progress id="import-progress-bar" max="100" value="'


def running_in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def new_client() -> requests.Session:
    http = requests.Session()
    # No proxy from the environment: every request goes straight to the loopback.
    http.trust_env = False
    return http


@dataclass
class Processes:
    """The app servers and the worker: started in one folder (their DATA_DIR, with a log
    each) and stopped together."""

    folder: Path
    environment: dict[str, str]
    running: dict[str, subprocess.Popen] = field(default_factory=dict)

    def start(self, name: str, *command: str) -> subprocess.Popen:
        with (self.folder / f"{name}.log").open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, *command],
                cwd=settings.PROJECT_DIR,
                env=self.environment,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.running[name] = process
        return process

    def logs(self) -> str:
        tails = []
        for name in self.running:
            text = (self.folder / f"{name}.log").read_text(errors="replace")
            tails.append(f"--- {name} (last lines) ---\n" + "\n".join(text.splitlines()[-30:]))
        return "\n".join(tails)

    def stop_all(self) -> None:
        """SIGTERM lets each finish what it is doing; SIGKILL if it does not stop in time."""
        for process in self.running.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.running.values():
            try:
                process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=STOP_SECONDS)


@dataclass
class Cluster:
    a: str
    b: str
    processes: Processes

    def fail(self, message: str) -> None:
        pytest.fail(f"{message}\n{self.processes.logs()}")


def free_ports(count: int) -> list[int]:
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def database_url() -> str:
    """The test's own database, which pytest-django created and the processes must share."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host = quote(db["HOST"] or "127.0.0.1", safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{quote(db['NAME'], safe='')}"


def environment(data_dir: Path) -> dict[str, str]:
    """What production sets, and no more: each process reads its settings from it."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(data_dir)),
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
        "DJANGO_SETTINGS_MODULE": "innovationskraft.api.tests.process_settings",
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_TEST_URL,
        "TASKS_BACKEND": "database",
        "DATA_DIR": str(data_dir),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "SECURE_COOKIES": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "API_REQUESTS_PER_MINUTE_ANONYMOUS": str(ANONYMOUS_LIMIT),
        # The administrator here signs in with her password alone: two-factor sign-in has
        # tests of its own (accounts/tests/test_two_factor.py), these are about shared state.
        "TWO_FACTOR_FOR_STAFF": "false",
    }


def wait_until_up(cluster: Cluster, name: str, url: str, deadline: float) -> None:
    process = cluster.processes.running[name]
    http = new_client()
    while True:
        if process.poll() is not None:
            cluster.fail(f"{name} stopped with exit code {process.returncode}")
        # Refused connections are expected until the server listens: ask again shortly.
        with contextlib.suppress(requests.RequestException):
            if http.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        if time.monotonic() > deadline:
            cluster.fail(f"{name} did not answer within {START_SECONDS} s")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def redis_server() -> Iterator[Redis]:
    """The test's Redis, asked before the database is set up: skipped without it, except
    under CI."""
    client = Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1, socket_timeout=5)
    try:
        client.ping()
    except RedisError as error:
        if running_in_ci():
            pytest.fail(f"CI needs Redis at {REDIS_TEST_URL} ({error}); .ci/run starts it")
        pytest.skip(f"two app processes need Redis at {REDIS_TEST_URL} ({error})")
    yield client
    client.close()


@pytest.fixture
def cluster(redis_server, transactional_db, tmp_path) -> Iterator[Cluster]:
    """Two gunicorn servers and a db_worker on the test's database and an emptied Redis.
    Started for each test, so that no process carries memory from a test whose data is gone
    (the database is emptied after each test, not rolled back)."""
    redis_server.flushdb()
    processes = Processes(tmp_path, environment(tmp_path))
    ports = free_ports(2)
    a, b = (f"http://127.0.0.1:{port}" for port in ports)
    cluster = Cluster(a=a, b=b, processes=processes)
    try:
        for name, port in zip(("server-a", "server-b"), ports, strict=True):
            processes.start(
                name,
                *("-m", "gunicorn", "innovationskraft.wsgi:application"),
                f"--bind=127.0.0.1:{port}",
                "--workers=1",
                "--timeout=30",
                "--graceful-timeout=5",
                "--error-logfile=-",
            )
        processes.start(
            "worker",
            "manage.py",
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval=0.2",
        )
        deadline = time.monotonic() + START_SECONDS
        wait_until_up(cluster, "server-a", cluster.a, deadline)
        wait_until_up(cluster, "server-b", cluster.b, deadline)
        yield cluster
    finally:
        processes.stop_all()
        redis_server.flushdb()


@pytest.fixture
def admin() -> User:
    """A superuser, who moderates and imports. Her password is hashed with a hasher the app
    processes know: the suite's own (MD5, for speed) is not in their settings."""
    user = User.objects.create_superuser(
        email="ada@admin.example", password=None, site_role=User.SiteRole.MODERATOR
    )
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    user.save(update_fields=["password"])
    return user


def csrf(http: requests.Session) -> str:
    token = http.cookies.get("csrftoken")
    assert token, "no CSRF cookie: read a page with a form first"
    return token


def signed_in(server: str, user: User) -> requests.Session:
    """Signed in through the admin's sign-in page of one server: the session lives in the
    database, so the other server knows it too."""
    http = new_client()
    url = server + reverse("admin:login")
    assert http.get(url, timeout=REQUEST_SECONDS).status_code == 200
    answer = http.post(
        url,
        data={
            "username": user.email,
            "password": PASSWORD,
            "next": reverse("admin:index"),
            "csrfmiddlewaretoken": csrf(http),
        },
        allow_redirects=False,
        timeout=REQUEST_SECONDS,
    )
    assert answer.status_code == 302, answer.text[:2000]
    return http


def wait_for(cluster: Cluster, what: str, ask: Callable[[], str], until: Callable[[str], bool]):
    """Asks until the answer is the one awaited, for at most JOB_SECONDS."""
    deadline = time.monotonic() + JOB_SECONDS
    while True:
        answer = ask()
        if until(answer):
            return answer
        if time.monotonic() > deadline:
            cluster.fail(f"waited {JOB_SECONDS} s for {what}; the last answer:\n{answer}")
        time.sleep(0.1)


def facet_count(page: str, name: str, value: str) -> int:
    """The count beside one option of a facet's select on a page of cases (0 if missing)."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.DOTALL)
    assert select, f"no facet {name} on the page"
    option = re.search(rf'<option value="{value}"[^>]*>[^<]*\((\d+)\)</option>', select.group(1))
    return int(option.group(1)) if option else 0


def test_the_rate_limit_is_counted_once_for_both_servers(cluster):
    http = new_client()
    # Twelve requests take well under a second; not at the end of a minute, whose window
    # would start the count again halfway.
    seconds_left = 60 - time.time() % 60
    if seconds_left < 5:
        time.sleep(seconds_left + 0.1)

    answers = [
        http.get(f"{server}/api/v1/vocabularies", timeout=REQUEST_SECONDS).status_code
        for server in (cluster.a, cluster.b) * 6
    ]

    assert answers == [200] * ANONYMOUS_LIMIT + [429] * 2, "each server counted on its own"


def test_a_case_published_through_one_server_is_at_once_in_the_others_lists(
    cluster,
    admin,
    eskilstuna,  # noqa: F811 - the fixture
):
    word = "tvåprocessprovet"
    anonymous, moderator = new_client(), signed_in(cluster.a, admin)
    token = api_token_create(user=admin, name="Two processes", scope="write")[1]

    def on_b(path: str, **params) -> requests.Response:
        answer = anonymous.get(cluster.b + path, params=params, timeout=REQUEST_SECONDS)
        assert answer.status_code == 200, answer.text[:2000]
        return answer

    # Server B reads the library first, so it holds what it computes from it (columns in
    # memory, cached counts) from before the case.
    sector_before = facet_count(on_b("/sok/").text, "sector", "elderly_care")
    assert on_b("/api/v1/cases", q=word).json()["count"] == 0
    assert on_b("/api/v1/cases", sector="elderly_care").json()["count"] == sector_before

    created = anonymous.post(
        f"{cluster.a}/api/v1/cases",
        json={
            "title": f"Kvarterslabb för {word}",
            "summary": "Grannar och förvaltningar prövar idéer i ett kvarter.",
            "stage": "pilot",
            "lead_organisation": eskilstuna.slug,
            "sector": "elderly_care",
        },
        headers={"Authorization": f"Bearer {token}"},
        timeout=REQUEST_SECONDS,
    )
    assert created.status_code == 201, created.text[:2000]
    slug = created.json()["slug"]
    for path, data in [
        (reverse("cases:submit", args=[slug]), {}),
        (reverse("cases:review", args=[slug]), {"decision": "publish", "comment": ""}),
    ]:
        answer = moderator.post(
            cluster.a + path,
            data=data | {"csrfmiddlewaretoken": csrf(moderator)},
            allow_redirects=False,
            timeout=REQUEST_SECONDS,
        )
        assert answer.status_code == 302, answer.text[:2000]
    assert Case.objects.get(slug=slug).status == Case.Status.PUBLISHED

    found = on_b("/sok/", q=word).text
    assert escape(f"Kvarterslabb för {word}") in found.replace(f"<mark>{word}</mark>", word)
    assert sv_count("%(counter)s innovation", "%(counter)s innovations", 1) in found
    assert facet_count(found, "sector", "elderly_care") == 1
    assert facet_count(on_b("/sok/").text, "sector", "elderly_care") == sector_before + 1
    listed = on_b("/api/v1/cases", q=word).json()
    assert [case["slug"] for case in listed["results"]] == [slug]
    assert on_b("/api/v1/cases", sector="elderly_care").json()["count"] == sector_before + 1


def test_an_import_started_on_one_server_is_run_by_the_worker_and_followed_on_the_other(
    cluster,
    admin,
    eskilstuna,  # noqa: F811 - the fixture
):
    http = signed_in(cluster.a, admin)
    upload = csv_text(*(row(f"two-processes-{n}") for n in range(3)))

    # The session signed in on server A is good on server B: it lives in the database.
    def fragment_on_b(job: ImportJob) -> str:
        answer = http.get(
            cluster.b + reverse("admin:cases_case_import_progress", args=[job.pk]),
            params={"state": ImportJob.State.WAITING},
            headers={"HX-Request": "true"},
            timeout=REQUEST_SECONDS,
        )
        assert answer.status_code == 200, answer.text[:2000]
        return answer.text

    # The lead organisation's row locked: the worker's import waits to write its cases (an
    # insert, or the commit that checks its foreign keys) after it has reported progress,
    # until the lock goes, so that server B is seen showing a running job's progress.
    with transaction.atomic():
        Organisation.objects.select_for_update().get(pk=eskilstuna.pk)
        started = http.post(
            cluster.a + reverse("admin:cases_case_import"),
            data={"csrfmiddlewaretoken": csrf(http)},
            files={"file": ("fall.csv", upload.encode("utf-8"), "text/csv")},
            allow_redirects=False,
            timeout=REQUEST_SECONDS,
        )
        assert started.status_code == 302, started.text[:2000]
        job = ImportJob.objects.latest("pk")
        assert started.headers["Location"] == reverse("admin:cases_case_import_job", args=[job.pk])

        # Checking the file may show progress too, but briefly; importing waits for the lock.
        importing = escape(sv("Importing the cases."))
        running = wait_for(
            cluster,
            "server B to show the worker's progress in importing the cases",
            lambda: fragment_on_b(job),
            until=lambda page: importing in page and PROGRESS_BAR in page,
        )
        assert 'hx-trigger="every 1s"' in running, "a running job is polled"

    finished = wait_for(
        cluster,
        "the job to finish",
        lambda: fragment_on_b(job),
        until=lambda page: "hx-trigger" not in page,
    )

    job.refresh_from_db()
    assert (job.state, job.cases_created, job.cases_updated) == (ImportJob.State.DONE, 3, 0)
    assert job.taken_at is not None
    done = sv(
        "The import is done. Cases created: %(created)d, cases updated: %(updated)d, rows "
        "skipped: %(skipped)d."
    ) % {"created": 3, "updated": 0, "skipped": 0}
    assert escape(done) in finished
    assert escape(sv("Cases created")) in finished
    listed = http.get(f"{cluster.b}/api/v1/cases", timeout=REQUEST_SECONDS).json()
    assert sorted(case["identifier"] for case in listed["results"]) == [
        f"two-processes-{n}" for n in range(3)
    ]
