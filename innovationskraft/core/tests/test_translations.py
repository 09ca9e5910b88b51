import os
import re
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


# The rules of docs/glossary.md that a translator most easily breaks: an English term in the
# msgid, a stem the Swedish must use, and a word it must never use.
GLOSSARY_RULES = [
    (r"\btokens?\b", "nyck", "token"),
    (r"\bcontributions?\b", "bidrag", None),
    # A text about facilitators may name the site's moderators too, and then says so in English.
    (
        r"^(?!.*moderator).*\bfacilitators?\b",
        "workshopledar|workshops ledare|workshoppens ledare",
        "moderator",
    ),
    (r"\benablers?\b", "framgångsfaktor", None),
    (r"\bbarriers?\b", "hind", None),
    (r"\blead organisations?\b", "ansvarig", "ledande|huvudorganisation"),
    (r"\bvot(e|es|ing)\b", "röst", None),
    (r"\breview", "gransk", None),
    (r"\bharvest", None, "skörd"),
    (r"\bvocabular(y|ies)\b(?! term)", "kodlist", "vokabul|ordlist"),
    (r"\bjoin code\b", "deltagarkod", None),
    (r"\bdownload", None, "ladda ned"),
]


def compiled_swedish(tmp_path, settings) -> dict[str, list[str]]:
    locale = tmp_path / "sv" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    shutil.copy(SWEDISH_PO, locale / "django.po")
    settings.LOCALE_PATHS = [tmp_path]
    compile_catalogues()
    catalogue = polib.mofile(str(locale / "django.mo"))
    pairs: dict[str, list[str]] = {}
    for entry in catalogue:
        if entry.msgid_plural:
            pairs[entry.msgid] = [entry.msgstr_plural[0]]
            pairs[entry.msgid_plural] = [entry.msgstr_plural[1]]
        elif entry.msgid:
            pairs[entry.msgid] = [entry.msgstr]
    return pairs


@pytest.mark.parametrize(
    ("english", "swedish", "never"), GLOSSARY_RULES, ids=[rule[0] for rule in GLOSSARY_RULES]
)
def test_the_glossarys_english_terms_are_translated_as_it_says(
    tmp_path, settings, english, swedish, never
):
    wrong = []
    for msgid, msgstrs in compiled_swedish(tmp_path, settings).items():
        # Column names in <code> and placeholders stay English in both languages.
        prose = re.sub(r"<code>.*?</code>|%\(\w+\)[sd]", "", msgid)
        if not re.search(english, prose, re.IGNORECASE):
            continue
        for msgstr in msgstrs:
            if swedish and not re.search(swedish, msgstr, re.IGNORECASE):
                wrong.append(f"{msgid!r} lacks {swedish!r}: {msgstr!r}")
            if never and re.search(never, msgstr, re.IGNORECASE):
                wrong.append(f"{msgid!r} uses {never!r}: {msgstr!r}")
    assert wrong == []


def test_the_swedish_text_keeps_every_placeholder_and_tag_and_has_no_exclamation_mark(
    tmp_path, settings
):
    placeholders = re.compile(r"%\(\w+\)[sd]|</?(?:a|code|strong|em|br|span)\b[^>]*>")
    wrong = []
    for msgid, msgstrs in compiled_swedish(tmp_path, settings).items():
        for msgstr in msgstrs:
            if sorted(set(placeholders.findall(msgid))) != sorted(
                set(placeholders.findall(msgstr))
            ):
                wrong.append(f"placeholders differ: {msgid!r} -> {msgstr!r}")
            if "!" in msgstr:
                wrong.append(f"exclamation mark: {msgstr!r}")
    assert wrong == []
