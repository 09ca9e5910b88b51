"""Fixed-window counters live in the cache: two processes on one Redis count together."""

import pytest
from django.core.cache.backends.locmem import LocMemCache

from innovationskraft.core.ratelimit import window_hit
from innovationskraft.core.testing.shared_cache import two_processes  # noqa: F401 - fixture

NOW = 1_699_999_990.0  # ten seconds into a one-minute window


def test_two_processes_on_one_redis_count_the_same_window(two_processes):  # noqa: F811
    first, second = two_processes
    assert window_hit("login:a", seconds=60, store=first, now=NOW).hits == 1
    assert window_hit("login:a", seconds=60, store=second, now=NOW + 1).hits == 2
    assert window_hit("login:a", seconds=60, store=first, now=NOW + 2).hits == 3


@pytest.fixture
def store():
    # Every LocMemCache of one name shares its memory: this one starts empty.
    memory = LocMemCache("core-ratelimit-tests", {})
    memory.clear()
    yield memory
    memory.clear()


def test_each_key_and_each_window_counts_on_its_own(store):
    window_hit("a", seconds=60, store=store, now=NOW)
    assert window_hit("b", seconds=60, store=store, now=NOW).hits == 1
    assert window_hit("a", seconds=60, store=store, now=NOW + 60).hits == 1


def test_it_says_how_long_until_the_window_ends(store):
    assert window_hit("a", seconds=60, store=store, now=NOW).seconds_left == 50
    assert window_hit("a", seconds=60, store=store, now=NOW + 49.5).seconds_left == 1


def test_a_counter_evicted_between_its_start_and_its_count_starts_again(store, monkeypatch):

    def evicted(key, delta=1, version=None):
        raise ValueError(key)

    monkeypatch.setattr(store, "incr", evicted)
    assert window_hit("a", seconds=60, store=store, now=NOW).hits == 1
