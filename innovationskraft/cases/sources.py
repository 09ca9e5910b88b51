"""The catalogues that cases are harvested from, by the code a case's `source` holds, so that
the case page can name them. The app that harvests a catalogue registers its name in its
AppConfig.ready(): cases never imports it."""

from django.utils.functional import Promise

_names: dict[str, str | Promise] = {}


def source_add(*, code: str, name: str | Promise) -> None:
    _names[code] = name


def source_name(code: str) -> str:
    """The catalogue's name in the active language; its code when none is registered."""
    return str(_names.get(code, code))
