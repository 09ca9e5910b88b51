"""Requests per minute, per token or per network address, in fixed one-minute windows counted
in the shared cache (so every app process counts the same requests)."""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

WINDOW_SECONDS = 60


def _counted(key: str, now: float) -> int:
    window = int(now // WINDOW_SECONDS)
    cache_key = f"api-rate:{key}:{window}"
    # add() only starts the window; incr() is atomic in every shared cache backend.
    cache.add(cache_key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        return cache.incr(cache_key)
    except ValueError:
        # Evicted between add() and incr(): this request opens the window again.
        cache.add(cache_key, 1, timeout=WINDOW_SECONDS * 2)
        return 1


def seconds_to_wait(*, user_id: int | None, address: str) -> int | None:
    """None while under the limit; otherwise the seconds until the window ends (at least 1).
    With a token the count is the token owner's: more tokens give no more requests."""
    now = time.time()
    if user_id is not None:
        key, limit = f"user:{user_id}", settings.API_REQUESTS_PER_MINUTE_TOKEN
    else:
        # Keyed, so the cache holds no readable addresses.
        hashed = salted_hmac("api-rate", address or "-").hexdigest()[:24]
        key, limit = f"address:{hashed}", settings.API_REQUESTS_PER_MINUTE_ANONYMOUS
    if _counted(key, now) <= limit:
        return None
    return max(1, WINDOW_SECONDS - int(now % WINDOW_SECONDS))
