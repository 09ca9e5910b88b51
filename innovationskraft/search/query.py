"""The query language people already know: words, "exact phrases", -exclusion, and the last
word completed as a prefix while it is being typed."""

import re
from dataclasses import dataclass, replace

from innovationskraft.search.analysis import STOP_WORDS, words

MAX_TERMS = 8
TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')


@dataclass(frozen=True)
class QueryTerm:
    words: tuple[str, ...]  # lowercase; more than one word makes a phrase
    negated: bool = False
    # The last word while it is being typed: it also matches the words it begins, either
    # through the index (`prefix`) or as these words of the library (see
    # expansion.with_completions).
    prefix: bool = False
    completions: tuple[str, ...] = ()

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[QueryTerm, ...]
    # True when the person typed something, but only words such as "och" or "the".
    only_stop_words: bool = False
    # (i, terms): positive terms i and i + 1 may also be met by one compound of the library's,
    # given by its terms (see expansion.with_joins).
    joins: tuple[tuple[int, tuple[str, ...]], ...] = ()
    # In the fallback to some of the words (Mode.ANY): the cases with at least this many of
    # the positive terms.
    at_least: int = 1

    @property
    def positive(self) -> tuple[QueryTerm, ...]:
        return tuple(term for term in self.terms if not term.negated)

    @property
    def negative(self) -> tuple[QueryTerm, ...]:
        return tuple(term for term in self.terms if term.negated)

    @property
    def is_empty(self) -> bool:
        return not self.positive

    def all_words(self) -> list[str]:
        return [word for term in self.positive for word in term.words]

    def with_words(self, replacements: dict[str, str]) -> "ParsedQuery":
        """The same query with some words replaced (a spelling correction)."""
        terms = tuple(
            replace(term, words=tuple(replacements.get(w, w) for w in term.words))
            for term in self.terms
        )
        return replace(self, terms=terms)


def parse(text: str) -> ParsedQuery:
    text = (text or "").replace("\x00", "")[:300]
    terms: list[QueryTerm] = []
    typed_any = False
    for match in TOKEN.finditer(text):
        phrase_minus, phrase, word_minus, token = match.groups()
        found = words(phrase if phrase is not None else token)
        typed_any = typed_any or bool(found)
        meaningful = tuple(word for word in found if word not in STOP_WORDS)
        if not meaningful:
            continue
        negated = bool(phrase_minus if phrase is not None else word_minus)
        if phrase is None and len(meaningful) > 1:
            # "e-tjänst" and "verksamt.se" are words; "a/b" becomes two words.
            terms.extend(QueryTerm((word,), negated) for word in meaningful)
        else:
            terms.append(QueryTerm(meaningful, negated))
    terms = terms[:MAX_TERMS]
    still_typing = bool(text) and not text[-1].isspace() and not text.endswith('"')
    if terms and still_typing and not terms[-1].negated and not terms[-1].is_phrase:
        terms[-1] = replace(terms[-1], prefix=True)
    return ParsedQuery(tuple(terms), only_stop_words=typed_any and not terms)
