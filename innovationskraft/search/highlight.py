"""A short passage of a result with the matching words marked, done in Python so that both
backends show the same thing."""

import itertools
import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from innovationskraft.search.analysis import WRITTEN_WORD, normalize, part_terms, word_stems
from innovationskraft.search.query import ParsedQuery

WINDOW_WORDS = 30
WORDS_BEFORE = 8  # shown before the first hit
# The words are looked for in this much of each text: a passage further into a long
# description is rarely the one to show, and every result of a page would read all of it.
SCANNED_CHARACTERS = 4000
MARKDOWN_SYMBOLS = re.compile(r"[#*_>`\[\]]+|\(https?://[^)]*\)")


class _Matcher:
    def __init__(self, query: ParsedQuery):
        self.stems = {stem for word in query.all_words() for stem in word_stems(word)}
        self.stems.update(c for term in query.positive for c in term.completions)
        # The last word while it is being typed matches the words it begins.
        self.prefixes = tuple(
            term.words[0] for term in query.positive if term.prefix and len(term.words[0]) >= 2
        )
        self.seen: dict[str, bool] = {}

    def __call__(self, written: str) -> bool:
        # Remembered by the word as written: a page meets the same words many times.
        found = self.seen.get(written)
        if found is None:
            found = self.seen[written] = self._matches(normalize(written))
        return found

    def _matches(self, token: str) -> bool:
        # The word itself, or one of its compound parts ("vård" in "hemsjukvården").
        return (
            bool(self.stems.intersection(word_stems(token)))
            or bool(self.stems.intersection(part_terms(token)))
            or (bool(self.prefixes) and token.startswith(self.prefixes))
        )

    def first(self, written: list[str]) -> int | None:
        """Where the first of the words that match is, if one does (`__call__` written out in
        the loop: a text meets it hundreds of times)."""
        seen = self.seen
        for place, word in enumerate(written):
            found = seen.get(word)
            if found is None:
                found = seen[word] = self._matches(normalize(word))
            if found:
                return place
        return None


def _marked(text: str, matches: _Matcher) -> tuple[str, bool]:
    # The words are listed in one pass (in C), and only the window around the first hit is
    # looked at with its places in the text.
    first = matches.first(WRITTEN_WORD.findall(text))
    if first is None:
        return "", False
    begin = max(0, first - WORDS_BEFORE)
    window = list(itertools.islice(WRITTEN_WORD.finditer(text), begin, begin + WINDOW_WORDS))
    start, end = window[0].start(), window[-1].end()
    pieces: list[str] = []
    position = start
    for token in window[first - begin :]:
        if not matches(token.group()):
            continue
        pieces.append(escape(text[position : token.start()]))
        pieces.append(f"<mark>{escape(token.group())}</mark>")
        position = token.end()
    pieces.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text.rstrip()) else ""
    return prefix + "".join(pieces) + suffix, True


@lru_cache(maxsize=32)
def _matcher(query: ParsedQuery) -> _Matcher:
    """One per query, so that the words of one page of results are looked at once."""
    return _Matcher(query)


def snippet(case, query: ParsedQuery) -> SafeString:
    """The part of the summary, or else of the description, where the words occur."""
    matches = _matcher(query)
    description = (case.description or "")[:SCANNED_CHARACTERS]
    for text in (case.summary[:SCANNED_CHARACTERS], MARKDOWN_SYMBOLS.sub(" ", description)):
        marked, found = _marked(" ".join(text.split()), matches)
        if found:
            return mark_safe(marked)
    words = case.summary.split()
    more = " …" if len(words) > WINDOW_WORDS else ""
    return mark_safe(escape(" ".join(words[:WINDOW_WORDS])) + more)
