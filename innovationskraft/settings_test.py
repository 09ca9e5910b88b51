"""Settings for the test suite: the real settings with a throwaway key and a fast hasher."""

import os

os.environ.setdefault("SECRET_KEY", "test-suite-only-key")

from innovationskraft.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Each test starts with an empty cache of progress (conftest.py), not with files in DATA_DIR.
CACHES["progress"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}  # noqa: F405
# Vectors cost a task per change and about 50 ms per case: off, except in the tests of search
# by meaning, which turn them on (search/tests/test_meaning.py).
SEARCH_VECTORS = False
# The proof of work of the contact form (connect/bot.py), cheap enough for a test to solve.
ALTCHA_COST = 10
# Two-factor sign-in for moderators (accounts/two_factor_middleware.py): the suites of the other
# apps sign moderators in directly; the tests of two-factor sign-in turn it on.
TWO_FACTOR_FOR_STAFF = False
