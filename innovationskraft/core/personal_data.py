"""A person's data across the apps, so that accounts can hand her all of it (the download on
the account page) and close her account without importing the apps above it. An app registers
its part in its AppConfig.ready(): what it exports, and what it must remove itself before the
account goes (what a foreign key does not remove with the user)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser

# A part's sections of the download, keyed by section name; values must be JSON-serialisable
# by DjangoJSONEncoder (dates, decimals and lazy strings are).
Export = Callable[[AbstractBaseUser], dict[str, Any]]
Erase = Callable[[AbstractBaseUser], None]


@dataclass(frozen=True)
class Part:
    app: str
    export: Export
    erase: Erase | None = None


_parts: dict[str, Part] = {}


def personal_data_add(*, app: str, export: Export, erase: Erase | None = None) -> None:
    _parts[app] = Part(app, export, erase)


def personal_data_export(*, user: AbstractBaseUser) -> dict[str, Any]:
    """Every registered part's sections, in the order of the apps' names; a section named twice
    is a programming error."""
    exported: dict[str, Any] = {}
    for app in sorted(_parts):
        for section, value in _parts[app].export(user).items():
            if section in exported:
                raise ValueError(f"{app} exports the section {section!r} another app exports")
            exported[section] = value
    return exported


def personal_data_erase(*, user: AbstractBaseUser) -> None:
    """Runs every part's erase, inside the caller's transaction, before the user is deleted."""
    for app in sorted(_parts):
        erase = _parts[app].erase
        if erase is not None:
            erase(user)
