"""SQLite FTS5: stems computed in Python, since FTS5 has no Swedish stemmer, and bm25 ranking
with column weights. `remove_diacritics 0` keeps å, ä and ö letters of their own."""

import json
from collections.abc import Sequence
from itertools import combinations

import numpy as np
from django.db import connection

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

TABLE = "search_index"
COLUMNS = ("title", "summary", "body", "parts", "folded")
# bm25 weights in column order: title over summary over description and names; compound parts
# rank below direct hits.
RANK = f"bm25({TABLE}, 10.0, 5.0, 1.0, 1.5, 1.0)"
# The tokens of the parts and of the folded words carry a mark of their own ("~vård",
# "~~ostersund"), so that a term's own tokens are in the title, summary and body alone. A
# match then needs no column filter ("{title summary body} : vård"), with which FTS5 reads the
# positions of every match to check its columns: 40 % of the time of matching a common word.
MARK = "~"
PART = MARK
FOLDED = MARK * 2
TOKENIZER = f"unicode61 remove_diacritics 0 tokenchars '{MARK}'"
EMPTY = np.array([], dtype=np.int64)
# The parts of a compound typed whole may stand this many words apart (function words are not
# indexed, so "sjukvård i hemmet" has its two next to each other).
SPLIT_DISTANCE = 1
PLACEHOLDERS = ", ".join(["%s"] * (len(COLUMNS) + 1))


def _marked(text: str, mark: str) -> str:
    """Each token of the text with the mark before it. The text is terms separated by spaces,
    and a term is letters and digits joined by hyphens or apostrophes (analysis.WORD), where
    the tokenizer splits it: so each piece is marked. Replacing the separators is twenty times
    quicker than a regular expression, which cost an import of 100,000 cases 8 s."""
    if not text:
        return text
    return mark + text.replace(" ", " " + mark).replace("-", "-" + mark).replace("'", "'" + mark)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _either(terms) -> str:
    return "(" + " OR ".join(_quoted(t) for t in terms) + ")"


def _word(forms: WordForms, direct: bool) -> str:
    if direct:
        return _either(forms.terms)
    # The word's terms and the same as compound parts in one OR: each term's list is read once.
    options = [_either([*forms.terms, *(_marked(t, PART) for t in forms.terms)])]
    if forms.split:
        near = " ".join(_quoted(t) for t in forms.split)
        options.append(f"NEAR({near}, {SPLIT_DISTANCE})")
    if forms.prefix:
        options.append(f"{_quoted(forms.prefix)}*")
    if forms.completions:
        options.append(_either(forms.completions))
    return "(" + " OR ".join(options) + ")"


def _phrase(words: tuple[str, ...]) -> str:
    phrases = {" ".join(stems(" ".join(words), language)) for language in ("sv", "en")}
    return _either(sorted(phrases))


def _folded(term: QueryTerm) -> str:
    parts = []
    for word in term.words:
        folded, as_prefix = folded_prefix(word)
        parts.append(f"{_quoted(_marked(folded, FOLDED))}{'*' if as_prefix else ''}")
    return "(" + " AND ".join(parts) + ")"


def _term(term: QueryTerm, mode: Mode, direct: bool = False) -> str:
    if mode is Mode.FOLDED and not term.negated and not term.is_phrase:
        return _folded(term)
    if term.is_phrase:
        return _phrase(term.words)
    return _word(
        word_forms(term.words[0], prefix=term.prefix, completions=term.completions), direct
    )


def _all_of(query: ParsedQuery, mode: Mode, direct: bool) -> str:
    return all_of(
        [_term(term, mode, direct) for term in query.positive],
        dict(query.joins) if mode is Mode.ALL else {},
        both=" AND ",
        either=" OR ",
        compound=_either,
    )


def match_expression(query: ParsedQuery, mode: Mode, *, direct: bool = False) -> str:
    if mode is Mode.ANY:
        expression = " OR ".join(
            "(" + " AND ".join(_term(term, mode, direct) for term in group) + ")"
            for group in combinations(query.positive, query.at_least)
        )
    else:
        expression = _all_of(query, mode, direct)
    if query.negative:
        excluded = " OR ".join(_term(term, Mode.ALL) for term in query.negative)
        expression = f"({expression}) NOT ({excluded})"
    return expression


class SqliteBackend(SearchBackend):
    def create_index(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                f'{", ".join(COLUMNS)}, tokenize = "{TOKENIZER}")'
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
                d.title,
                d.summary,
                d.body,
                _marked(d.parts, PART),
                _marked(d.folded, FOLDED),
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

    def optimize(self) -> None:
        # A rebuild writes one segment per batch; merged into one, a query reads one b-tree
        # instead of hundreds (at 100,000 cases: p95 64 ms instead of 94 for a search).
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")

    def indexed_ids(self) -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid FROM {TABLE}")
            return {row[0] for row in cursor.fetchall()}

    def match_sql(self, query: ParsedQuery, mode: Mode, *, direct: bool = False) -> Sql:
        return (
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s",
            [match_expression(query, mode, direct=direct)],
        )

    def matching_ids(
        self,
        query: ParsedQuery,
        mode: Mode,
        *,
        direct: bool = False,
        from_id: int | None = None,
        among: Sequence[int] | None = None,
    ) -> np.ndarray:
        sql, params = self.match_sql(query, mode, direct=direct)
        if from_id is not None:
            sql, params = f"{sql} AND rowid >= %s", [*params, from_id]
        if among is not None:
            sql = f"{sql} AND +rowid IN (SELECT value FROM json_each(%s))"
            params = [*params, json.dumps(list(among))]
        with connection.cursor() as cursor:
            # One string rather than a row per match: at tens of thousands of matches the rows
            # cost more to move into Python than the match takes.
            cursor.execute(sql.replace("SELECT rowid", "SELECT group_concat(rowid)", 1), params)
            joined = cursor.fetchone()[0]
        return np.fromstring(joined, dtype=np.int64, sep=",") if joined else EMPTY

    def ranked_sql(
        self,
        query: ParsedQuery,
        mode: Mode,
        *,
        direct: bool,
        among: Sequence[int] | None,
        from_id: int | None,
    ) -> Sql:
        sql, params = self.match_sql(query, mode, direct=direct)
        if from_id is not None:
            # A rowid range is applied by FTS5 itself, so bm25 is computed for no row below it.
            sql, params = f"{sql} AND rowid >= %s", [*params, from_id]
        if among is not None:
            # The unary plus keeps SQLite from looking each id up in the index, which would
            # run the match once per id; the ids filter the matches instead.
            sql = f"{sql} AND +rowid IN (SELECT value FROM json_each(%s))"
            params = [*params, json.dumps(list(among))]
        return f"{sql} ORDER BY {RANK}, rowid DESC", params
