import enum
from abc import ABC, abstractmethod

from django.db import connection

from innovationskraft.search.analysis import fold
from innovationskraft.search.documents import Document
from innovationskraft.search.query import ParsedQuery

Sql = tuple[str, list]


class Mode(enum.Enum):
    ALL = "all"  # every word must match
    ANY = "any"  # any word may match, the fallback when nothing has them all
    FOLDED = "folded"  # words typed without å, ä and ö, or corrected


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

    @abstractmethod
    def match_sql(self, query: ParsedQuery, mode: Mode) -> Sql:
        """A subquery selecting the ids of the matching cases."""

    @abstractmethod
    def ranked_sql(self, query: ParsedQuery, mode: Mode, within: Sql | None) -> Sql:
        """Matching ids, best first, limited to the ids of `within` when given; the caller
        appends LIMIT and OFFSET."""

    @abstractmethod
    def known_words(self, starting_with: str) -> list[str]:
        """Folded words in the index that start with the given letters, for corrections."""

    def ranked_ids(
        self, query: ParsedQuery, mode: Mode, *, within: Sql | None = None, limit: int, offset=0
    ) -> list[int]:
        sql, params = self.ranked_sql(query, mode, within)
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} LIMIT %s OFFSET %s", [*params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def has_match(self, query: ParsedQuery, mode: Mode) -> bool:
        sql, params = self.match_sql(query, mode)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT EXISTS ({sql})", params)
            return bool(cursor.fetchone()[0])


def folded_prefix(word: str) -> tuple[str, bool]:
    """The folded word, and whether to match it as a prefix (inflected forms of long words)."""
    folded = fold(word)
    return folded, len(folded) >= 4
