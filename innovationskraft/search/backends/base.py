import enum
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager

import numpy as np
from django.db import connection
from django.db.backends.utils import CursorWrapper

from innovationskraft.search.analysis import fold
from innovationskraft.search.documents import Document
from innovationskraft.search.expansion import words_starting_with
from innovationskraft.search.models import IndexedWord
from innovationskraft.search.query import ParsedQuery

Sql = tuple[str, list]


class Mode(enum.Enum):
    ALL = "all"  # every word must match
    ANY = "any"  # any word may match, the fallback when nothing has them all
    FOLDED = "folded"  # words typed without å, ä and ö, or corrected
    MEANING = "meaning"  # no case has the words: the cases nearest in meaning


class SearchBackend(ABC):
    """Stores one document per published case and answers queries with case ids."""

    @abstractmethod
    def create_index(self) -> None: ...

    @abstractmethod
    def drop_index(self) -> None: ...

    @abstractmethod
    def upsert(self, documents: list[Document]) -> None: ...

    @abstractmethod
    def remove(self, case_ids: list[int]) -> None: ...

    @abstractmethod
    def indexed_ids(self) -> set[int]: ...

    @contextmanager
    def bulk(self, incoming: int) -> Iterator[None]:
        """Around the indexing of `incoming` cases in one transaction (an import); a backend
        may index them faster as a whole."""
        yield

    def optimize(self) -> None:  # noqa: B027 (a backend without such a step needs nothing)
        """After a rebuild: make the index as fast to query as it can be."""

    # `direct` in the methods below: match the words themselves only, leaving out the compound
    # parts and the completion of a last word being typed; those hits rank below direct ones.

    @abstractmethod
    def match_sql(self, query: ParsedQuery, mode: Mode, *, direct: bool = False) -> Sql:
        """A subquery selecting the ids of the matching cases."""

    @abstractmethod
    def matching_ids(
        self,
        query: ParsedQuery,
        mode: Mode,
        *,
        direct: bool = False,
        from_id: int | None = None,
        among: Sequence[int] | None = None,
    ) -> np.ndarray:
        """The ids of every matching case (from `from_id` up, and only those in `among` when
        given), in ascending order."""

    @abstractmethod
    def ranked_sql(
        self,
        query: ParsedQuery,
        mode: Mode,
        *,
        direct: bool,
        among: Sequence[int] | None,
        from_id: int | None,
    ) -> Sql:
        """Matching ids, best first: only those in `among` and from `from_id` up, when given.
        The caller appends LIMIT and OFFSET."""

    def known_words(self, starting_with: str, *, version: str | None = None) -> list[str]:
        """Folded words in the index that start with the given letters, for corrections
        (`version`: see expansion.words_starting_with)."""
        return words_starting_with(IndexedWord.Kind.FOLDED, starting_with, version=version)

    def ranked_ids(
        self,
        query: ParsedQuery,
        mode: Mode,
        *,
        direct: bool = False,
        among: Sequence[int] | None = None,
        from_id: int | None = None,
        limit: int,
        offset: int = 0,
    ) -> list[int]:
        sql, params = self.ranked_sql(query, mode, direct=direct, among=among, from_id=from_id)
        with self.query_cursor() as cursor:
            cursor.execute(f"{sql} LIMIT %s OFFSET %s", [*params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def query_cursor(self) -> AbstractContextManager[CursorWrapper]:
        """The cursor that queries of the index run on (a backend may set it up first)."""
        return connection.cursor()


def all_of(
    clauses: list[str],
    joins: dict[int, tuple[str, ...]],
    *,
    both: str,
    either: str,
    compound: Callable[[tuple[str, ...]], str],
) -> str:
    """Every clause required, in the backend's syntax (`both` and `either` are its AND and
    OR); a pair of neighbouring words that the library also writes as one compound (`joins`:
    ParsedQuery.joins) may be met by that compound instead."""
    parts, index = [], 0
    while index < len(clauses):
        if index in joins and index + 1 < len(clauses):
            pair = f"{clauses[index]}{both}{clauses[index + 1]}"
            parts.append(f"(({pair}){either}{compound(joins[index])})")
            index += 2
        else:
            parts.append(clauses[index])
            index += 1
    return both.join(parts)


def folded_prefix(word: str) -> tuple[str, bool]:
    """The folded word, and whether to match it as a prefix (inflected forms of long words)."""
    folded = fold(word)
    return folded, len(folded) >= 4
