"""Shared fixtures: a real headless Chromium driven by Playwright against a live server."""

import os
import shutil
from pathlib import Path

import pytest

from innovationskraft.core.i18n import compile_catalogues

CHROMIUM_HINT = (
    "Chromium not found: browser tests skipped (install with: apt-get install -y chromium)"
)
SCREENSHOT_DIR = Path(__file__).resolve().parent.parent / "screenshots"


def chromium_path() -> str | None:
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")]
    return next((path for path in candidates if path and os.access(path, os.X_OK)), None)


def running_in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_configure(config):
    # Tests read the Swedish catalogue as the app does; a fresh checkout has no .mo files yet.
    compile_catalogues()


def pytest_report_header(config):
    if chromium_path() is None and not running_in_ci():
        return CHROMIUM_HINT
    return None


def pytest_collection_modifyitems(config, items):
    if chromium_path() or running_in_ci():
        return
    skip = pytest.mark.skip(reason=CHROMIUM_HINT)
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches, as it starts with an empty database."""
    from django.core.cache import caches

    from innovationskraft.insights.spread import forget_adoptions
    from innovationskraft.search.columns import forget_columns
    from innovationskraft.search.expansion import forget_words
    from innovationskraft.search.vectors import forget_vectors

    for cache in caches.all():
        cache.clear()
    forget_columns()
    forget_adoptions()
    forget_words()
    forget_vectors()
    yield
    for cache in caches.all():
        cache.clear()
    forget_columns()
    forget_adoptions()
    forget_words()
    forget_vectors()


@pytest.fixture(autouse=True)
def rate_windows_stand_still(monkeypatch):
    """Rate limits count in fixed windows of the clock: a test whose requests straddle the end
    of a minute would see its count start again. In tests the clock stands still ten seconds
    into a window; a test that needs windows to pass gives window_hit its own `now`."""
    from types import SimpleNamespace

    monkeypatch.setattr(
        "innovationskraft.core.ratelimit.time", SimpleNamespace(time=lambda: 1_700_000_010.0)
    )


@pytest.fixture(autouse=True)
def swedish_by_default():
    """A request to /en/ leaves English active in the thread, which would change what
    reverse() and the labels give in the tests that follow; each test starts in Swedish."""
    from django.utils import translation

    with translation.override("sv"):
        yield


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.fail("CI needs Chromium for the browser tests: apt-get install -y chromium")
    from playwright.sync_api import expect, sync_playwright

    # As long as the pages' own timeout: on a busy machine (CI runs two suites at once) a
    # page may take more than expect()'s default five seconds to show what it will show.
    expect.set_options(timeout=10_000)

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # here are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server, transactional_db):
    context = browser.new_context(
        base_url=live_server.url, locale="sv-SE", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    browser_page = context.new_page()
    yield browser_page
    context.close()


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOT_DIR.mkdir(exist_ok=True)
    return SCREENSHOT_DIR


@pytest.fixture(scope="session")
def smtp_server():
    from innovationskraft.core.testing.smtp import smtp_server_started

    controller, inbox = smtp_server_started()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def mailbox(smtp_server, settings):
    """The site sends its mail through Django's SMTP backend to a real SMTP server started for
    the test run; this is what arrived there (core/testing/smtp.py)."""
    controller, inbox = smtp_server
    inbox.clear()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield inbox
    inbox.clear()
