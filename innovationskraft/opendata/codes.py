"""Codes as people write them: the code itself, or its Swedish or English label, in any case,
with or without accents, spaces and punctuation; a numbered term (the SDGs) also by its number
("3", "SDG 3", "Goal 3", "Mål 3"). What matches nothing is answered with the valid codes and
the nearest one."""

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Generic, TypeVar

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

T = TypeVar("T")

# Words written before the number of a numbered term, once plain (see `plain`).
NUMBER_WORDS = ("sdg", "goal", "globalgoal", "mal", "fnmal", "globalamal")
_NUMBERED_LABEL = re.compile(r"(\d+)\s+(.+)")
_NUMBER = re.compile(r"(?:{})?0*(\d{{1,3}})(?!\d)".format("|".join(NUMBER_WORDS)))
SHOWN_VALUE = 80


def plain(text) -> str:
    """Lower case, without accents, spaces or punctuation: "Non-profit " is "nonprofit"."""
    return _plain(str(text))


# A catalogue writes the same few codes on every row.
@lru_cache(maxsize=20_000)
def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return "".join(character for character in decomposed if character.isalnum())


def in_both_languages(label: str | Promise) -> list[str]:
    """A translatable label in Swedish and English."""
    names = []
    for language in ("sv", "en"):
        with translation.override(language):
            names.append(str(label))
    return names


def _noun(what: str | Promise) -> str:
    """A label as a word inside a sentence: "Sector" becomes "sector", "OPSI facet" stays."""
    text = str(what)
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


class Codes(Generic[T]):
    """What people write for one vocabulary or list of choices, and what each means: a code
    (a choice) or a term. Codes are matched before labels, labels before other words."""

    def __init__(self, what: str | Promise):
        self.what = what
        self.codes: list[str] = []
        # Every way of writing an entry, plain, with the entry and its code.
        self.by_key: dict[str, tuple[T, str]] = {}
        self.numbers: dict[int, T] = {}

    def add(self, item: T, code: str) -> None:
        self.codes.append(code)
        self.add_words(item, code, [code])

    def add_labels(self, item: T, code: str, names: Iterable[str]) -> None:
        """Labels name an entry after every code is added, so that no label hides a code. A
        label that starts with a number ("3 Good health") numbers its entry."""
        for name in names:
            numbered = _NUMBERED_LABEL.fullmatch(name.strip())
            if numbered:
                self.numbers.setdefault(int(numbered.group(1)), item)
                self.add_words(item, code, [numbered.group(2)])
            self.add_words(item, code, [name])

    def add_words(self, item: T, code: str, words: Iterable[str]) -> None:
        for word in words:
            self.by_key.setdefault(plain(word), (item, code))

    def find(self, text) -> T | None:
        key = plain(text)
        if not key:
            return None
        if key in self.by_key:
            return self.by_key[key][0]
        number = _NUMBER.match(key) if self.numbers else None
        return self.numbers.get(int(number.group(1))) if number else None

    def nearest(self, text) -> str | None:
        close = difflib.get_close_matches(plain(text), list(self.by_key), n=1, cutoff=0.6)
        return self.by_key[close[0]][1] if close else None

    def unknown(self, text) -> str:
        """Says that `text` is no code, which codes there are and the nearest one."""
        value = " ".join(str(text).split())
        if len(value) > SHOWN_VALUE:
            value = value[: SHOWN_VALUE - 1] + "…"
        message = _('Unknown %(what)s "%(value)s". Valid: %(codes)s.') % {
            "what": _noun(self.what),
            "value": value,
            "codes": ", ".join(self.codes),
        }
        nearest = self.nearest(text)
        if nearest:
            message += " " + _('Did you mean "%(code)s"?') % {"code": nearest}
        return message
