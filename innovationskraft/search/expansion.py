"""What one query word may match besides itself: the same word in either language, the parts
of a compound typed whole, the rest of a word still being typed, and the compounds that two
query words form in the library's own words. Both backends render these forms."""

import bisect
import itertools
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from operator import methodcaller

from django.db import connection, transaction
from django.db.models import Q

from innovationskraft.search.analysis import compound_parts, fold, term, word_stems
from innovationskraft.search.models import IndexedWord
from innovationskraft.search.query import ParsedQuery

# Two query words are looked up as one compound from this many letters ("datadel").
JOINED_MIN_LETTERS = 6
JOINED_AT_MOST = 5
PREFIX_MIN_LETTERS = 2


@dataclass(frozen=True)
class WordForms:
    # Its terms as Swedish and as English, matched in the texts themselves.
    terms: tuple[str, ...]
    # A compound typed whole: the terms of its two parts, to be found next to each other in
    # either order, a word apart at most ("hemsjukvård": "sjukvård i hemmet").
    split: tuple[str, ...] = ()
    # The letters of a last word still being typed, completed in the texts.
    prefix: str = ""
    # Or the library's words that it begins, when they are few.
    completions: tuple[str, ...] = ()


def word_forms(word: str, *, prefix: bool = False, completions: tuple[str, ...] = ()) -> WordForms:
    parts = compound_parts(word)
    split = (term(parts[0]), term(parts[1])) if parts else ()
    completed = word if prefix and len(word) >= PREFIX_MIN_LETTERS else ""
    terms = tuple(word_stems(word))
    completions = tuple(c for c in completions if c not in terms)
    return WordForms(terms=terms, split=split, prefix=completed, completions=completions)


def _heads(word: str) -> set[str]:
    """How a word begins a compound: as it is, by its lemma, or without a final vowel
    ("skola" → "skolmat")."""
    lemma = term(word)
    return {word, lemma, word[:-1] if word[-1:] in "ae" else word}


def _join_beginnings(first: str, second: str) -> list[str]:
    """How a compound of the two words would begin, either way round."""
    beginnings = set()
    for head, tail in ((first, second), (second, first)):
        for start in _heads(head):
            for joint in ("", "s"):
                beginnings.add(start + joint + term(tail))
    return sorted(b for b in beginnings if len(b) >= JOINED_MIN_LETTERS)


def _joined(beginnings: list[str], known: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    found = [word for b in beginnings for word in known[b][:JOINED_AT_MOST]]
    return tuple(dict.fromkeys(found))[:JOINED_AT_MOST]


def with_joins(query: ParsedQuery, *, version: str | None = None) -> ParsedQuery:
    """The query with the compounds its neighbouring words form in the library (`version`:
    see _remembered_or_read). The library's words for every pair are read at once."""
    positive = query.positive
    beginnings = {
        index: _join_beginnings(first.words[0], second.words[0])
        for index, (first, second) in enumerate(itertools.pairwise(positive))
        if not first.is_phrase and not second.is_phrase
    }
    known = words_beginning([b for found in beginnings.values() for b in found], version=version)
    joins: list[tuple[int, tuple[str, ...]]] = []
    index = 0
    while index + 1 < len(positive):
        found = _joined(beginnings[index], known) if index in beginnings else ()
        if found:
            joins.append((index, found))
            index += 2
        else:
            index += 1
    return replace(query, joins=tuple(joins))


# At most this many words are read for the beginnings of one query's compounds (each at least
# JOINED_MIN_LETTERS long, so they are few).
BEGINNING_WORDS_AT_MOST = 2000
# Answers remembered per library version, across the versions, before they are all forgotten.
REMEMBERED_AT_MOST = 20_000
_remembered: dict[tuple[str, str, str, int | None], tuple[str, ...]] = {}
_remembered_lock = threading.Lock()

WordsRead = Callable[[list[str]], dict[str, tuple[str, ...]]]


def _remembered_or_read(
    kind: str, limit: int | None, beginnings: list[str], version: str | None, read: WordsRead
) -> dict[str, tuple[str, ...]]:
    """The words for each beginning; with the library `version` (library.py) remembered under
    it, as a search asks for the same few beginnings again and again and the words change only
    with the version."""
    found: dict[str, tuple[str, ...]] = {}
    if version is not None:
        with _remembered_lock:
            for b in beginnings:
                if (version, kind, b, limit) in _remembered:
                    found[b] = _remembered[version, kind, b, limit]
    missing = sorted(set(beginnings) - set(found))
    if missing:
        found |= read(missing)
        if version is not None:
            with _remembered_lock:
                if len(_remembered) > REMEMBERED_AT_MOST:
                    _remembered.clear()
                _remembered.update(((version, kind, b, limit), found[b]) for b in missing)
    return found


def _in_range(letters: str) -> Q:
    # A range over the unique index; what it gives is checked again in Python, since a
    # database's collation may order a range differently.
    return Q(word__gte=letters, word__lt=letters + "\U0010ffff")


def _starting_with(ordered_words: list[str], letters: str) -> tuple[str, ...]:
    first = bisect.bisect_left(ordered_words, letters)
    return tuple(itertools.takewhile(methodcaller("startswith", letters), ordered_words[first:]))


def terms_held(terms: set[str], *, version: str | None = None) -> set[str]:
    """Those of the terms that the library holds, read in one query (`version`: see
    _remembered_or_read)."""

    def read(missing: list[str]) -> dict[str, tuple[str, ...]]:
        rows = IndexedWord.objects.filter(kind=IndexedWord.Kind.TERM, word__in=missing)
        present = set(rows.values_list("word", flat=True))
        return {t: (t,) if t in present else () for t in missing}

    found = _remembered_or_read("held", None, sorted(terms), version, read)
    return {t for t, held in found.items() if held}


def words_beginning(
    beginnings: list[str], *, version: str | None = None
) -> dict[str, tuple[str, ...]]:
    """For each beginning, the library's terms that begin so, read in one query (a query per
    beginning cost a search on PostgreSQL 8 ms); `version`: see _remembered_or_read."""

    def read(missing: list[str]) -> dict[str, tuple[str, ...]]:
        condition = Q()
        for b in missing:
            condition |= _in_range(b)
        rows = IndexedWord.objects.filter(condition, kind=IndexedWord.Kind.TERM)
        words = sorted(rows.values_list("word", flat=True)[:BEGINNING_WORDS_AT_MOST])
        return {b: _starting_with(words, b) for b in missing}

    return _remembered_or_read(IndexedWord.Kind.TERM, None, beginnings, version, read)


# A word still being typed is completed with the library's words that it begins when they are at
# most this many; with more, by the index. Naming them is faster: the index finds the words that
# begin so by scanning its vocabulary (at 100,000 cases 11.5 ms for "verksamhet", 2 ms for the
# word itself).
COMPLETIONS_AT_MOST = 20


def with_completions(query: ParsedQuery, *, version: str | None = None) -> ParsedQuery:
    """The query with the word still being typed completed from the library's words, when
    they are few (`version`: see _remembered_or_read)."""
    terms = []
    for query_term in query.terms:
        word = query_term.words[0]
        if query_term.prefix and len(word) >= PREFIX_MIN_LETTERS:
            found = words_starting_with(
                IndexedWord.Kind.TERM, word, limit=COMPLETIONS_AT_MOST + 1, version=version
            )
            if len(found) <= COMPLETIONS_AT_MOST:
                query_term = replace(query_term, prefix=False, completions=tuple(found))
        terms.append(query_term)
    return replace(query, terms=tuple(terms))


def words_starting_with(
    kind: str, letters: str, *, limit: int | None = None, version: str | None = None
) -> list[str]:
    """Indexed words of the kind that begin with the letters, at most `limit`; `version`: see
    _remembered_or_read."""

    def read(missing: list[str]) -> dict[str, tuple[str, ...]]:
        words = IndexedWord.objects.filter(_in_range(letters), kind=kind)
        listed = words.values_list("word", flat=True)
        found = [w for w in (listed[: limit * 2] if limit else listed) if w.startswith(letters)]
        return {letters: tuple(found[:limit] if limit else found)}

    return list(_remembered_or_read(kind, limit, [letters], version, read)[letters])


def forget_words() -> None:
    """For tests, whose rolled-back data may come back under an earlier version."""
    with _remembered_lock:
        _remembered.clear()


class _RecordedInTransaction:
    """The words recorded at one savepoint level of the running transaction. It lives as long
    as its on-commit callback: Django drops that when the transaction ends, and when the
    savepoint it was made in is rolled back, so a word undone by a rollback is never taken as
    recorded."""

    def __init__(self) -> None:
        self.words: set[tuple[str, str]] = set()

    def __call__(self) -> None:
        """Run on commit: nothing to do, the words are in the database."""


def _recorded_in_transaction() -> tuple[set[tuple[str, str]], set[tuple[str, str]]] | None:
    """(every word recorded in the transaction and still there, this level's own set)."""
    if not connection.in_atomic_block:
        return None
    level = set(connection.savepoint_ids)
    recorded: set[tuple[str, str]] = set()
    own = None
    # Entries are (savepoint ids, callback, robust); the stubs know only the first two.
    for entry in connection.run_on_commit:
        callback = entry[1]
        if isinstance(callback, _RecordedInTransaction):
            recorded |= callback.words
            if entry[0] == level:
                own = callback.words
    if own is None:
        memo = _RecordedInTransaction()
        transaction.on_commit(memo)
        own = memo.words
    return recorded, own


def words_recorded(*, terms: Iterable[str], folded: Iterable[str]) -> None:
    """Keep the words of newly indexed cases findable by their first letters. An import
    indexes 500 cases at a time in one transaction and meets the same words again and again:
    those it recorded already are not sent again (8 of the 62 s of 100,000 cases)."""
    # Each distinct word once, before anything is done per word: a batch repeats them often.
    wanted = {(IndexedWord.Kind.TERM.value, w) for w in set(terms) if len(w) <= 100}
    folded_words = {fold(w) for w in set(folded) if len(w) <= 100}
    wanted |= {(IndexedWord.Kind.FOLDED.value, w) for w in folded_words}
    memo = _recorded_in_transaction()
    if memo is not None:
        recorded, own = memo
        wanted -= recorded
        own |= wanted
    rows = [IndexedWord(kind=kind, word=word) for kind, word in wanted]
    IndexedWord.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)
