"""SQLite FTS5: stems computed in Python, since FTS5 has no Swedish stemmer, and bm25 ranking
with column weights. `remove_diacritics 0` keeps å, ä and ö letters of their own."""

from django.db import connection

from innovationskraft.search.analysis import compound_prefix, stems, word_stems
from innovationskraft.search.backends.base import Mode, SearchBackend, Sql, folded_prefix
from innovationskraft.search.documents import Document
from innovationskraft.search.query import ParsedQuery, QueryTerm

TABLE = "search_index"
COLUMNS = ("title", "summary", "body", "compounds", "folded")
# bm25 weights in column order: title over summary over description and names; compound parts
# rank below direct hits.
RANK = f"bm25({TABLE}, 10.0, 5.0, 1.0, 1.5, 1.0)"
DIRECT = "{title summary body}"
PLACEHOLDERS = ", ".join(["%s"] * (len(COLUMNS) + 1))


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _word(word: str, prefix: bool) -> str:
    options = [f"{DIRECT} : ({' OR '.join(_quoted(s) for s in word_stems(word))})"]
    stem = compound_prefix(word)
    if len(stem) >= 4:
        options.append(f"compounds : {_quoted(stem)}*")
    if prefix and len(word) >= 2:
        options.append(f"compounds : {_quoted(word)}*")
    return "(" + " OR ".join(options) + ")"


def _phrase(words: tuple[str, ...]) -> str:
    phrases = {" ".join(stems(" ".join(words), language)) for language in ("sv", "en")}
    return f"{DIRECT} : ({' OR '.join(_quoted(p) for p in sorted(phrases))})"


def _folded(term: QueryTerm) -> str:
    parts = []
    for word in term.words:
        folded, as_prefix = folded_prefix(word)
        parts.append(f"folded : {_quoted(folded)}{'*' if as_prefix else ''}")
    return "(" + " AND ".join(parts) + ")"


def _term(term: QueryTerm, mode: Mode) -> str:
    if mode is Mode.FOLDED and not term.negated and not term.is_phrase:
        return _folded(term)
    return _phrase(term.words) if term.is_phrase else _word(term.words[0], term.prefix)


def match_expression(query: ParsedQuery, mode: Mode) -> str:
    joiner = " OR " if mode is Mode.ANY else " AND "
    expression = joiner.join(_term(term, mode) for term in query.positive)
    if query.negative:
        excluded = " OR ".join(_term(term, Mode.ALL) for term in query.negative)
        expression = f"({expression}) NOT ({excluded})"
    return expression


class SqliteBackend(SearchBackend):
    def create_index(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                f"{', '.join(COLUMNS)}, tokenize = 'unicode61 remove_diacritics 0')"
            )
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE}_vocabulary "
                f"USING fts5vocab({TABLE}, 'col')"
            )

    def drop_index(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}_vocabulary")
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    def upsert(self, documents: list[Document]) -> None:
        if not documents:
            return
        self.remove([d.case_id for d in documents])
        rows = [
            (
                d.case_id,
                " ".join(stems(d.title, d.language)),
                " ".join(stems(d.summary, d.language)),
                " ".join(stems(d.body, d.language)),
                d.compounds,
                d.folded,
            )
            for d in documents
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) VALUES ({PLACEHOLDERS})",
                rows,
            )

    def remove(self, case_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(i,) for i in case_ids])

    def indexed_ids(self) -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid FROM {TABLE}")
            return {row[0] for row in cursor.fetchall()}

    def match_sql(self, query: ParsedQuery, mode: Mode) -> Sql:
        return (
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s",
            [match_expression(query, mode)],
        )

    def ranked_sql(self, query: ParsedQuery, mode: Mode, within: Sql | None) -> Sql:
        sql, params = self.match_sql(query, mode)
        if within is not None:
            sql, params = f"{sql} AND rowid IN ({within[0]})", [*params, *within[1]]
        return f"{sql} ORDER BY {RANK}, rowid DESC", params

    def known_words(self, starting_with: str) -> list[str]:
        upper = starting_with[:-1] + chr(ord(starting_with[-1]) + 1)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT term FROM {TABLE}_vocabulary WHERE col = 'folded' "
                "AND term >= %s AND term < %s",
                [starting_with, upper],
            )
            return [row[0] for row in cursor.fetchall()]
