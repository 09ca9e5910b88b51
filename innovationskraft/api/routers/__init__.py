"""One router per resource. The answers each operation may give are declared with it, so the
OpenAPI document lists every status code a client can meet."""

from typing import Any

from innovationskraft.api.schemas import ErrorOut


def reads(*codes: int) -> dict[int, Any]:
    """Every read: 304 to If-None-Match, 401 for a bad token, 422 for a bad query, 429."""
    return {304: None} | {code: ErrorOut for code in (401, 422, 429, *codes)}


def writes(*codes: int) -> dict[int, Any]:
    """Every write: 400 for a body that is not JSON, 401 without a valid token, 403 when the
    token's owner may not do it, 422 for bad fields, 429."""
    return {code: ErrorOut for code in (400, 401, 403, 422, 429, *codes)}
