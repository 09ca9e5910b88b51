"""Fixed-window counters in Django's cache. With REDIS_URL every app process counts in the
same place, so a limit holds however many processes serve the site."""

import time
from typing import NamedTuple

from django.core.cache import BaseCache, cache


class Count(NamedTuple):
    hits: int
    seconds_left: int


def window_hit(
    key: str, *, seconds: int, store: BaseCache | None = None, now: float | None = None
) -> Count:
    """Count one hit for `key` in the current window of `seconds`: the hits so far, this one
    included, and the seconds until the window ends (at least 1)."""
    store = cache if store is None else store
    now = time.time() if now is None else now
    cache_key = f"rate:{key}:{seconds}:{int(now // seconds)}"
    # add() only starts the window; incr() is atomic in every shared cache backend.
    store.add(cache_key, 0, timeout=seconds * 2)
    try:
        hits = store.incr(cache_key)
    except ValueError:
        # Evicted between add() and incr(): this hit opens the window again.
        store.add(cache_key, 1, timeout=seconds * 2)
        hits = 1
    return Count(hits, max(1, seconds - int(now % seconds)))
