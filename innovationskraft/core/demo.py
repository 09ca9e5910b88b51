"""Demo content from every app, for `manage.py load_demo`. Each app registers its loader in
its AppConfig.ready(): core sits at the floor of the stack and may not import them."""

from collections.abc import Callable
from typing import NamedTuple

Lines = Callable[[], list[str]]


class DemoLoader(NamedTuple):
    order: int
    load: Lines
    in_use: Callable[[], bool] | None
    accounts: Lines | None


_loaders: dict[Lines, DemoLoader] = {}


def register_demo_loader(
    order: int,
    loader: Lines,
    *,
    in_use: Callable[[], bool] | None = None,
    accounts: Lines | None = None,
) -> None:
    """`loader` adds the app's demo content once and returns lines saying what it added;
    lower `order` loads first. `in_use` says the site already holds the app's real content;
    `accounts` adds demo accounts with a known password. Registering again replaces."""
    _loaders[loader] = DemoLoader(order, loader, in_use, accounts)


def _ordered() -> list[DemoLoader]:
    return sorted(_loaders.values(), key=lambda entry: entry.order)


def site_in_use() -> bool:
    return any(entry.in_use() for entry in _ordered() if entry.in_use)


def load_all_demo() -> list[str]:
    return [line for entry in _ordered() for line in entry.load()]


def load_demo_accounts() -> list[str]:
    return [line for entry in _ordered() if entry.accounts for line in entry.accounts()]
