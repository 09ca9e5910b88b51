"""PostgreSQL full text: the built-in `swedish` and `english` configurations, weights A (title),
B (summary), C (compound parts) and D (description and names), a GIN index and ts_rank_cd."""

from collections.abc import Sequence

import numpy as np
from django.db import connection

from innovationskraft.search.analysis import compound_prefix
from innovationskraft.search.backends.base import Mode, SearchBackend, Sql, folded_prefix
from innovationskraft.search.documents import Document
from innovationskraft.search.query import ParsedQuery, QueryTerm

TABLE = "search_document"
CONFIGURATIONS = {"sv": "swedish", "en": "english"}
VECTOR = (
    "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
    "setweight(to_tsvector(%s::regconfig, %s), 'B') || "
    "setweight(to_tsvector(%s::regconfig, %s), 'D') || "
    "setweight(to_tsvector('simple', %s), 'C')"
)


def _lexeme(word: str, suffix: str = "") -> str:
    """One tsquery operand, quoted so that no typed character is read as an operator."""
    escaped = word.replace("\\", "\\\\").replace("'", "''")
    return f"'{escaped}'{suffix}"


def _word(word: str, prefix: bool, direct: bool) -> Sql:
    lexeme = _lexeme(word, ":ABD")
    parts = ["to_tsquery('swedish', %s)", "to_tsquery('english', %s)"]
    params = [lexeme, lexeme]
    if direct:
        return "(" + " || ".join(parts) + ")", params
    stem = compound_prefix(word)
    if len(stem) >= 4:
        parts.append("to_tsquery('simple', %s)")
        params.append(_lexeme(stem, ":*C"))
    if prefix and len(word) >= 2:
        parts.append("to_tsquery('simple', %s)")
        params.append(_lexeme(word, ":*C"))
    return "(" + " || ".join(parts) + ")", params


def _phrase(words: tuple[str, ...]) -> Sql:
    text = " ".join(words)
    return "(phraseto_tsquery('swedish', %s) || phraseto_tsquery('english', %s))", [text, text]


def _term(term: QueryTerm, direct: bool = False) -> Sql:
    return _phrase(term.words) if term.is_phrase else _word(term.words[0], term.prefix, direct)


def _folded(term: QueryTerm) -> Sql:
    if term.is_phrase:
        return _phrase(term.words)  # a phrase stays exact, also in the fallback
    lexemes = []
    for word in term.words:
        folded, as_prefix = folded_prefix(word)
        lexemes.append(_lexeme(folded, ":*" if as_prefix else ""))
    return "to_tsquery('simple', %s)", [" & ".join(lexemes)]


def _combined(parts: list[Sql], operator: str) -> Sql:
    return (
        "(" + f" {operator} ".join(sql for sql, _ in parts) + ")",
        [param for _, params in parts for param in params],
    )


def condition(query: ParsedQuery, mode: Mode, direct: bool = False) -> tuple[Sql, Sql]:
    """The WHERE condition for the query and its rank expression; `direct` leaves out the
    compound parts and the completion of the last word."""
    if mode is Mode.FOLDED:
        column, parts = "folded", [_folded(term) for term in query.positive]
    else:
        column, parts = "vector", [_term(term, direct) for term in query.positive]
    positive, params = _combined(parts, "||" if mode is Mode.ANY else "&&")
    positive_params = list(params)
    where = f"{column} @@ {positive}"
    if query.negative:
        # Exclusions apply to the words as written, also when the folded column is matched.
        excluded, excluded_params = _combined([_term(t) for t in query.negative], "||")
        where, params = f"{where} AND NOT (vector @@ {excluded})", [*params, *excluded_params]
    rank = f"ts_rank_cd({column}, {positive})", positive_params
    return (where, params), rank


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
        rows = []
        for d in documents:
            configuration = CONFIGURATIONS.get(d.language, "simple")
            rows.append(
                (
                    d.case_id,
                    *(configuration, d.title, configuration, d.summary, configuration, d.body),
                    d.compounds,
                    d.folded,
                )
            )
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (case_id, vector, folded) "
                f"VALUES (%s, {VECTOR}, to_tsvector('simple', %s)) ON CONFLICT (case_id) "
                "DO UPDATE SET vector = EXCLUDED.vector, folded = EXCLUDED.folded",
                rows,
            )

    def remove(self, case_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE case_id = ANY(%s)", [list(case_ids)])

    def optimize(self) -> None:
        # Fresh statistics, so the planner knows how large the rebuilt table is.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")

    def indexed_ids(self) -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT case_id FROM {TABLE}")
            return {row[0] for row in cursor.fetchall()}

    def match_sql(self, query: ParsedQuery, mode: Mode, *, direct: bool = False) -> Sql:
        (where, params), _rank = condition(query, mode, direct)
        return f"SELECT case_id FROM {TABLE} WHERE {where}", params

    def matching_ids(
        self, query: ParsedQuery, mode: Mode, *, direct: bool = False, from_id: int | None = None
    ) -> np.ndarray:
        (where, params), _rank = condition(query, mode, direct)
        if from_id is not None:
            where, params = f"{where} AND case_id >= %s", [*params, from_id]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT array_agg(case_id ORDER BY case_id) FROM {TABLE} WHERE {where}", params
            )
            ids = cursor.fetchone()[0]
        return np.array(ids or [], dtype=np.int64)

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

    def known_words(self, starting_with: str) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word FROM ts_stat('SELECT folded FROM {TABLE}') WHERE word LIKE %s",
                [starting_with.replace("%", "").replace("_", "") + "%"],
            )
            return [row[0] for row in cursor.fetchall()]
