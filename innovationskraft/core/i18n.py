"""Compiles the project's .po catalogues to .mo in Python, so no GNU gettext is needed."""

from pathlib import Path

import polib
from django.conf import settings


def catalogue_paths() -> list[Path]:
    return sorted(path for locale in settings.LOCALE_PATHS for path in Path(locale).rglob("*.po"))


def compile_catalogues(*, force: bool = False) -> list[Path]:
    """Write each .mo beside its .po when missing or older; return the files written."""
    written = []
    for po_path in catalogue_paths():
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written
