"""Typed readers for settings that come from the environment."""

import datetime
import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def envbool(name: str, default: bool, environ=os.environ) -> bool:
    raw = environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def envint(name: str, default: int, environ=os.environ) -> int:
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def envdate(name: str, default: datetime.date, environ=os.environ) -> datetime.date:
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return datetime.date.fromisoformat(raw.strip())
    except ValueError:
        message = f"{name} must be a date such as 2026-12-04, not {raw!r}."
        raise ImproperlyConfigured(message) from None


def envlist(name: str, default: list[str], environ=os.environ) -> list[str]:
    raw = environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def secret_key(*, debug: bool, environ=os.environ) -> str:
    key = environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    if debug:
        # Only for a developer's own machine: sessions signed with it are worthless elsewhere.
        return "insecure-development-key-do-not-use-in-production"
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
        "string (for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
        "or set DEBUG=true on a development machine."
    )
