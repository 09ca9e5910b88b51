"""Two cache clients on one Redis, as two app processes have: for tests of shared state."""

import os
from collections.abc import Iterator

import pytest
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisUnreachable
from redis.exceptions import TimeoutError as RedisTimeout

# The tests empty it, so it must hold nothing else: REDIS_TEST_URL, which .ci/run gives each
# suite its own of (the suites run side by side and would empty each other's otherwise).
REDIS_FOR_TESTS = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/14")


def _client() -> RedisCache:
    # Each instance opens its own connection pool, as each process does.
    return RedisCache(REDIS_FOR_TESTS, {"OPTIONS": {"socket_connect_timeout": 1}})


@pytest.fixture
def two_processes() -> Iterator[tuple[RedisCache, RedisCache]]:
    """Skipped without Redis on a developer's machine; CI must have it."""
    first, second = _client(), _client()
    try:
        first.clear()
    except (RedisUnreachable, RedisTimeout):
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"CI needs Redis at {REDIS_FOR_TESTS} for the shared-state tests")
        pytest.skip(f"Redis not reachable at {REDIS_FOR_TESTS}")
    yield first, second
    first.clear()
