"""Requests per minute, per token or per network address, counted in the shared cache."""

from django.conf import settings

from innovationskraft.core.clients import address_key
from innovationskraft.core.ratelimit import window_hit

WINDOW_SECONDS = 60


def seconds_to_wait(*, user_id: int | None, address: str) -> int | None:
    """None while under the limit; otherwise the seconds until the window ends (at least 1).
    With a token the count is the token owner's: more tokens give no more requests."""
    if user_id is not None:
        key, limit = f"api:user:{user_id}", settings.API_REQUESTS_PER_MINUTE_TOKEN
    else:
        # Keyed, so the cache holds no readable addresses.
        key = f"api:address:{address_key(address or '-')}"
        limit = settings.API_REQUESTS_PER_MINUTE_ANONYMOUS
    count = window_hit(key, seconds=WINDOW_SECONDS)
    return None if count.hits <= limit else count.seconds_left
