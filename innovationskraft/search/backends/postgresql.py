"""PostgreSQL full text over the terms analysed in Python (lemmas, stems, compound parts; see
analysis.py), so that both databases find the same cases: the tsvectors are written as
literals and the queries as tsquery literals, which PostgreSQL's own parser never rewrites.
Weights A (title), B (summary), C (compound parts) and D (description, names and labels), a
GIN index and ts_rank."""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import combinations

import numpy as np
from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper

from innovationskraft.search.analysis import stems
from innovationskraft.search.backends.base import (
    Mode,
    SearchBackend,
    Sql,
    all_of,
    folded_prefix,
)
from innovationskraft.search.documents import Document
from innovationskraft.search.expansion import WordForms, word_forms
from innovationskraft.search.query import ParsedQuery, QueryTerm

TABLE = "search_document"
# An import of at least this many cases, and at least as many as the index holds, builds the
# GIN indexes after its rows (see bulk()).
REBUILT_FROM = 5000
BUILD_MEMORY = "256MB"
INCOMING = "search_document_incoming"
DIRECT = "ABD"
# tsvector positions stop at 16,383 (later words keep that position), and a lexeme keeps 255
# of them, as to_tsvector does.
LAST_POSITION = 16383
MOST_POSITIONS = 255
# A lexeme holds at most 2,047 bytes; to_tsvector leaves longer words out, and so do we (a
# literal with one is refused, and with it the whole batch of the index).
LONGEST_LEXEME_BYTES = 2047
# ts_rank's rank divided by 1 + the logarithm of the document's length, as bm25 does on
# SQLite in its way: a word that is one of few in a short record says more than one of many.
# Without it, the cases a word meets once (an English label every case of a theme carries)
# tie, and the newest wins, on PostgreSQL alone. ts_rank rather than ts_rank_cd: the cover
# density of a query of several words with their forms cost 15 to 20 microseconds a case, 38
# ms for the 2,000 ranked (ts_rank: 8), and over the judged queries ts_rank found the same
# cases in the top 5 (recall@5 0.892 both; MRR 0.860 against ts_rank_cd's 0.869).
RANK_NORMALISATION = 1


def _indexable(word: str) -> bool:
    # At most four bytes a character: only a long word needs encoding to tell.
    return len(word) * 4 <= LONGEST_LEXEME_BYTES or len(word.encode()) <= LONGEST_LEXEME_BYTES


def _lexeme(word: str) -> str:
    """A lexeme quoted for a tsvector or tsquery literal: nothing typed is read as syntax."""
    if "'" in word or "\\" in word:
        word = word.replace("\\", "\\\\").replace("'", "''")
    return f"'{word}'"


def _position_labels(weight: str) -> tuple[str, ...]:
    # D is a tsvector position's default weight, written without its letter.
    letter = "" if weight == "D" else weight
    return tuple(f"{position}{letter}" for position in range(LAST_POSITION + 1))


# Every position's label for each weight, made once: formatting one per word was most of the
# time of building a vector.
POSITION_LABELS = {weight: _position_labels(weight) for weight in "ABCD"}


def _vector(document: Document) -> str:
    """The case's tsvector literal: title (A), summary (B), description and names (D) and
    compound parts (C), each column's positions following the last of the one before, as
    PostgreSQL's `||` would join the four. Built here rather than by the database, so that
    new rows can be copied in (at 100,000 cases the string joins cost 16 s of an import when
    built a string per position; they are joined once per lexeme now)."""
    positions: dict[str, list[str]] = {}
    offset = 0
    for terms, weight in (
        (document.title, "A"),
        (document.summary, "B"),
        (document.body, "D"),
        (document.parts, "C"),
    ):
        labels = POSITION_LABELS[weight]
        words = terms.split()
        first = offset + 1
        for position, word in enumerate(words, start=first):
            found = positions.get(word)
            if found is None:
                positions[word] = [labels[min(position, LAST_POSITION)]]
            elif len(found) < MOST_POSITIONS:
                found.append(labels[min(position, LAST_POSITION)])
        if words:
            offset = max(offset, min(first + len(words) - 1, LAST_POSITION))
    return " ".join(
        f"{_lexeme(word)}:{','.join(found)}"
        for word, found in positions.items()
        if _indexable(word)
    )


def _folded_vector(document: Document) -> str:
    return " ".join(
        _lexeme(word) for word in dict.fromkeys(document.folded.split()) if _indexable(word)
    )


def _either(terms: Iterable[str], weights: str) -> str:
    return "(" + " | ".join(f"{_lexeme(t)}:{weights}" for t in terms) + ")"


def _word(forms: WordForms, direct: bool) -> str:
    if direct:
        return _either(forms.terms, DIRECT)
    # In any column, and a compound's parts anywhere in the case (not next to each other as
    # SQLite's NEAR asks): without weights and phrases the GIN index answers alone, with no
    # look at each matching row's vector, which cost 0.3 to 0.6 s a query at 100,000 cases.
    options = [_lexeme(t) for t in forms.terms]
    if forms.split:
        options.append("(" + " & ".join(_lexeme(t) for t in forms.split) + ")")
    if forms.prefix:
        options.append(f"{_lexeme(forms.prefix)}:*")
    options += [_lexeme(t) for t in forms.completions]
    return "(" + " | ".join(options) + ")"


def _phrase(words: tuple[str, ...]) -> str:
    phrases = {tuple(stems(" ".join(words), language)) for language in ("sv", "en")}
    rendered = [" <-> ".join(f"{_lexeme(t)}:{DIRECT}" for t in p) for p in sorted(phrases) if p]
    return "(" + " | ".join(f"({p})" for p in rendered) + ")"


def _term(term: QueryTerm, direct: bool = False) -> str:
    if term.is_phrase:
        return _phrase(term.words)
    return _word(
        word_forms(term.words[0], prefix=term.prefix, completions=term.completions), direct
    )


def _folded(term: QueryTerm) -> str:
    if term.is_phrase:
        return _phrase(term.words)  # a phrase stays exact, also in the fallback
    lexemes = []
    for word in term.words:
        folded, as_prefix = folded_prefix(word)
        lexemes.append(_lexeme(folded) + (":*" if as_prefix else ""))
    return "(" + " & ".join(lexemes) + ")"


def _all_of(query: ParsedQuery, direct: bool) -> str:
    return all_of(
        [_term(term, direct) for term in query.positive],
        dict(query.joins),
        both=" & ",
        either=" | ",
        compound=lambda terms: _either(terms, DIRECT),
    )


def condition(query: ParsedQuery, mode: Mode, direct: bool = False) -> tuple[Sql, Sql]:
    """The WHERE condition for the query and its rank expression; `direct` leaves out the
    compound parts and the completion of the last word."""
    if mode is Mode.FOLDED:
        column = "folded"
        positive = " & ".join(_folded(term) for term in query.positive)
    elif mode is Mode.ANY:
        column = "vector"
        positive = " | ".join(
            "(" + " & ".join(_term(term, direct) for term in group) + ")"
            for group in combinations(query.positive, query.at_least)
        )
    else:
        column, positive = "vector", _all_of(query, direct)
    where, params = f"{column} @@ %s::tsquery", [positive]
    if query.negative:
        # Exclusions apply to the words as written, also when the folded column is matched.
        excluded = " | ".join(_term(term) for term in query.negative)
        where, params = f"{where} AND NOT (vector @@ %s::tsquery)", [*params, excluded]
    rank = f"ts_rank({column}, %s::tsquery, {RANK_NORMALISATION})"
    return (where, params), (rank, [positive])


class PostgresBackend(SearchBackend):
    def create_index(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {TABLE} (case_id integer PRIMARY KEY, "
                "vector tsvector NOT NULL, folded tsvector NOT NULL)"
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {TABLE}_vector ON {TABLE} USING gin (vector)"
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {TABLE}_folded ON {TABLE} USING gin (folded)"
            )

    def drop_index(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    def upsert(self, documents: list[Document]) -> None:
        if not documents:
            return
        # Copied into a table of this session, then inserted or updated in one statement:
        # no statement per row, and a case indexed meanwhile by another process is updated.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {INCOMING} (LIKE {TABLE})")
            with cursor.cursor.copy(
                f"COPY {INCOMING} (case_id, vector, folded) FROM STDIN"
            ) as copy:
                for d in documents:
                    copy.write_row((d.case_id, _vector(d), _folded_vector(d)))
            cursor.execute(
                f"INSERT INTO {TABLE} (case_id, vector, folded) "
                f"SELECT DISTINCT ON (case_id) case_id, vector, folded FROM {INCOMING} "
                "ON CONFLICT (case_id) "
                "DO UPDATE SET vector = EXCLUDED.vector, folded = EXCLUDED.folded"
            )
            cursor.execute(f"DELETE FROM {INCOMING}")

    @contextmanager
    def bulk(self, incoming: int) -> Iterator[None]:
        """When an import brings at least as many cases as the index holds, its GIN indexes
        are dropped and built again once the rows are in: inserting into them row by row
        cost most of the database's time of importing 100,000 cases. Within the import's
        transaction, so that a failure restores them; searches wait for it meanwhile."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {TABLE}")
            present = cursor.fetchone()[0]
        if incoming < max(present, REBUILT_FROM):
            yield
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {TABLE}_vector, {TABLE}_folded")
            yield
            cursor.execute(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'")
            self.create_index()

    def remove(self, case_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE case_id = ANY(%s)", [list(case_ids)])

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                # Fresh statistics, so the planner knows how large the rebuilt table is.
                cursor.execute(f"ANALYZE {TABLE}")
                return
            # A rebuild replaces every row and leaves the table twice its size, and a search
            # then reads twice the pages: at 100,000 cases the benchmark's p95 was 145 ms
            # after a rebuild and 86 ms on the table written anew. VACUUM FULL writes it anew,
            # holding searches for the seconds it takes (4 s at 100,000 cases); it cannot run
            # inside a transaction, where ANALYZE alone runs.
            cursor.execute(f"VACUUM (FULL, ANALYZE) {TABLE}")

    def indexed_ids(self) -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT case_id FROM {TABLE}")
            return {row[0] for row in cursor.fetchall()}

    @contextmanager
    def query_cursor(self) -> Iterator[CursorWrapper]:
        """A cursor whose queries read the GIN index: the planner counts a tsvector's test as
        one operator and scans the table when a word is common, reading every vector (at
        100,000 cases 373 ms against 108 ms through the index for a word in 96 % of them)."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield cursor

    def match_sql(self, query: ParsedQuery, mode: Mode, *, direct: bool = False) -> Sql:
        (where, params), _rank = condition(query, mode, direct)
        return f"SELECT case_id FROM {TABLE} WHERE {where}", params

    def matching_ids(
        self,
        query: ParsedQuery,
        mode: Mode,
        *,
        direct: bool = False,
        from_id: int | None = None,
        among: Sequence[int] | None = None,
    ) -> np.ndarray:
        (where, params), _rank = condition(query, mode, direct)
        if from_id is not None:
            where, params = f"{where} AND case_id >= %s", [*params, from_id]
        if among is not None:
            where, params = f"{where} AND case_id = ANY(%s)", [*params, list(among)]
        # The ids as one string of 4-byte integers, sorted here: a common word's 96,000 ids
        # took 45 ms as an array sorted by the database and read into Python's integers, 31
        # ms so (21 of them finding the rows).
        with self.query_cursor() as cursor:
            cursor.execute(
                f"SELECT string_agg(int4send(case_id), ''::bytea) FROM {TABLE} WHERE {where}",
                params,
            )
            packed = cursor.fetchone()[0]
        if not packed:
            return np.empty(0, dtype=np.int64)
        return np.sort(np.frombuffer(packed, dtype=">i4").astype(np.int64))

    def ranked_sql(
        self,
        query: ParsedQuery,
        mode: Mode,
        *,
        direct: bool,
        among: Sequence[int] | None,
        from_id: int | None,
    ) -> Sql:
        (where, params), (rank, rank_params) = condition(query, mode, direct)
        sql = f"SELECT case_id FROM {TABLE} WHERE {where}"
        if from_id is not None:
            sql, params = f"{sql} AND case_id >= %s", [*params, from_id]
        if among is not None:
            sql, params = f"{sql} AND case_id = ANY(%s)", [*params, list(among)]
        return f"{sql} ORDER BY {rank} DESC, case_id DESC", [*params, *rank_params]
