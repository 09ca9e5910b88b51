"""Running queued tasks inside a test."""

from unittest import mock

from django.core.management import call_command
from django.test import TestCase


def run_worker() -> None:
    """Runs what the test queued, as `manage.py db_worker --batch` does, inside the test's
    transaction. The worker closes connections it thinks stale, and on PostgreSQL it would take
    the test's own (in a transaction, so not in autocommit) for one; Django's test client keeps
    its requests from closing it in the same way."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def committed(callable_, *args, **kwargs):
    """Calls it and runs what it left for the commit, which a test's transaction never makes."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return callable_(*args, **kwargs)
