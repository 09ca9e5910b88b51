import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from innovationskraft.core.i18n import compile_catalogues

SWEDISH_PO = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def test_the_swedish_catalogue_has_no_untranslated_or_fuzzy_entries():
    catalogue = polib.pofile(str(SWEDISH_PO))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert missing == []
    assert fuzzy == []


def test_the_compiled_catalogue_gives_the_swedish_text(tmp_path):
    catalogue = polib.pofile(str(SWEDISH_PO))
    entry = next(e for e in catalogue.translated_entries() if e.msgid == "Skip to content")
    with translation.override("sv"):
        assert translation.gettext(entry.msgid) == entry.msgstr


def test_compiling_writes_a_mo_file_that_matches_the_po(tmp_path, settings):
    locale = tmp_path / "sv" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    shutil.copy(SWEDISH_PO, locale / "django.po")
    settings.LOCALE_PATHS = [tmp_path]
    written = compile_catalogues()
    assert written == [locale / "django.mo"]
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(locale / "django.mo"))}
    source = polib.pofile(str(SWEDISH_PO))
    assert compiled == {e.msgid: e.msgstr for e in source.translated_entries()}
    assert compile_catalogues() == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext)")
def test_every_translatable_string_in_the_source_is_in_the_catalogue(tmp_path):
    """makemessages into a copy: the catalogue must not gain a single new msgid."""
    project = Path(settings.BASE_DIR)
    copy = tmp_path / "innovationskraft"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "--locale",
            "sv",
            "--ignore",
            "static/*",
            "--no-obsolete",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": os.environ["PATH"]},
    )
    regenerated = polib.pofile(str(copy / "locale" / "sv" / "LC_MESSAGES" / "django.po"))
    current = {entry.msgid for entry in polib.pofile(str(SWEDISH_PO))}
    new = sorted({entry.msgid for entry in regenerated} - current)
    assert new == [], "Run `make messages` and translate: " + ", ".join(new)
