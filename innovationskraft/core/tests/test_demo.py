"""The demo registry: apps register loaders, `load_demo` runs them in order."""

import pytest
from django.core.management import CommandError, call_command

from innovationskraft.core import demo


@pytest.fixture
def loaders(monkeypatch):
    """Only the loaders a test registers, and a log of what ran."""
    monkeypatch.setattr(demo, "_loaders", {})
    return []


def register(log: list, name: str, order: int, *, in_use: bool = False) -> None:
    def load() -> list[str]:
        log.append(name)
        return [f"{name} loaded"]

    def accounts() -> list[str]:
        log.append(f"{name} accounts")
        return [f"{name} accounts"]

    demo.register_demo_loader(order, load, in_use=lambda: in_use, accounts=accounts)


def test_the_loaders_run_in_their_order_and_say_what_they_added(loaders, capsys):
    register(loaders, "second", 20)
    register(loaders, "first", 10)
    call_command("load_demo")
    assert loaders == ["first", "second"]
    assert capsys.readouterr().out == "first loaded\nsecond loaded\n"


def test_if_empty_loads_nothing_into_a_site_in_use_but_still_the_accounts(
    loaders, capsys, settings
):
    settings.DEBUG = True
    register(loaders, "cases", 10, in_use=True)
    register(loaders, "workshops", 20)
    call_command("load_demo", "--if-empty", "--with-users")
    assert loaders == ["cases accounts", "workshops accounts"]
    assert "demo data not loaded" in capsys.readouterr().out


def test_demo_accounts_need_debug_before_anything_is_loaded(loaders, settings):
    settings.DEBUG = False
    register(loaders, "cases", 10)
    with pytest.raises(CommandError, match="only with DEBUG"):
        call_command("load_demo", "--with-users")
    assert loaders == []


def test_registering_a_loader_again_replaces_it(loaders):
    def load() -> list[str]:
        return ["once"]

    demo.register_demo_loader(10, load)
    demo.register_demo_loader(30, load)
    assert demo.load_all_demo() == ["once"]
