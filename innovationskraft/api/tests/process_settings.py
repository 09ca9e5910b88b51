"""Settings for the app servers and the worker that test_two_processes.py starts: the real
settings, read from the environment as in production, except that static file addresses
come without a manifest. Collecting and compressing every static file for the manifest takes
over a minute, and which static files a page names has nothing to do with per-process state."""

from innovationskraft.settings import *  # noqa: F403

STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
