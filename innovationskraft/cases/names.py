"""Organisations' names as plain data: compared as people mean them, and made into addresses.
Free of models, so that migrations and the registry can use them."""

import re
import unicodedata

from django.utils.text import slugify

SPACES = re.compile(r"\s+")
# Words that name pages beside the case pages in the same URL space.
RESERVED_SLUGS = {"ny"}


def plain(text: str) -> str:
    """In any case and without accents, so that "vasteras" finds "Västerås"."""
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return SPACES.sub(" ", letters).strip()


def other_names(aliases: object) -> list[str]:
    """An organisation's other names (its `aliases`) as text, also when the stored JSON holds
    something other than a list (written by hand in the database)."""
    return [str(alias) for alias in aliases] if isinstance(aliases, list) else []


def unique_slugs(wanted: list[tuple[str, str]], taken: set[str]) -> list[str]:
    """A slug per (wished slug, text): the wish when it is free, else one made from the text
    and numbered past the slugs in `taken`, which grows with each. Words that name other pages
    in the same address space are never free."""
    taken |= RESERVED_SLUGS
    slugs = []
    for wish, text in wanted:
        base = wish or slugify(text)[:200] or "x"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs
