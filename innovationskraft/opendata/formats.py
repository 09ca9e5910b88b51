"""Records written as and read from CSV and JSON Lines, one line at a time.

In CSV a list is one cell with its items joined by "|"; a "|" or "\\" inside an item is
escaped with a backslash, so every item comes back as it was. A cell that a spreadsheet would
run as a formula starts with an apostrophe, which the reader takes off again."""

import csv
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from innovationskraft.core.spreadsheets import PLAIN, Dialect, restored_cell, text_cell
from innovationskraft.opendata.columns import COLUMNS, IMPORTED_LIST_COLUMNS
from innovationskraft.opendata.decoding import (
    DecodedLines,
    FileUnreadable,
    Undecodable,
    fallback_message,
    undecodable_message,
)
from innovationskraft.opendata.field_errors import FieldWarning
from innovationskraft.opendata.json_lines import ReadRow, read_jsonl

SEPARATOR = "|"
# A long description is longer than the csv module's default limit of 128 KiB a cell.
csv.field_size_limit(16 * 1024 * 1024)
_SPLIT = re.compile(r"((?:[^|\\]|\\.)*)(?:\||$)")
_UNESCAPE = re.compile(r"\\(.)")


def join_list(items: list) -> str:
    return SEPARATOR.join(
        str(item).replace("\\", "\\\\").replace(SEPARATOR, "\\" + SEPARATOR) for item in items
    )


def split_list(cell: str) -> list[str]:
    if not cell:
        return []
    items = [match.group(1) for match in _SPLIT.finditer(cell)]
    # The pattern also matches once at the end of the text.
    return [_UNESCAPE.sub(r"\1", item) for item in items[:-1]]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return text_cell(join_list(value))
    return text_cell(value) if isinstance(value, str) else str(value)


def csv_lines(records: Iterable[dict], *, dialect: Dialect = PLAIN) -> Iterator[str]:
    buffer = io.StringIO()
    buffer.write(dialect.prefix)
    writer = csv.writer(buffer, delimiter=dialect.delimiter, lineterminator="\r\n")

    def line(values) -> str:
        writer.writerow(values)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield line(COLUMNS)
    for record in records:
        yield line(_cell(record.get(name)) for name in COLUMNS)


def jsonl_lines(records: Iterable[dict]) -> Iterator[str]:
    for record in records:
        yield json.dumps({name: record[name] for name in COLUMNS}, ensure_ascii=False) + "\n"


DELIMITERS = (",", ";")


def _delimiter(header: str) -> str:
    """Excel in Swedish separates cells with ";", since "," is the decimal comma."""
    return max(DELIMITERS, key=header.count)


def _unreadable_row(error: csv.Error, row: int) -> str:
    if "field larger than field limit" in str(error):
        return _(
            "Row %(row)s has a cell longer than %(limit)s characters, more than the import "
            "reads. Often a quotation mark that is never closed runs on through the rest of "
            "the file; check the row's quotation marks, or shorten the cell."
        ) % {"row": row, "limit": csv.field_size_limit()}
    # The reader cannot go on after this: refusing the file beats a silent end.
    return _("Row %(row)s cannot be read: %(reason)s") % {"row": row, "reason": error}


def read_csv(stream) -> Iterator[ReadRow]:
    """(row number, record) per data row; the header is row 1, as a spreadsheet shows it.
    Cells are separated by commas or semicolons, whichever the header row has more of."""
    lines = DecodedLines(stream)
    row, warned = 0, False
    try:
        text = iter(lines)
        header_line = next(text, "")
        reader = csv.DictReader(
            itertools.chain([header_line], text), delimiter=_delimiter(header_line)
        )
        header = [name.strip() for name in reader.fieldnames or []]
        if "title" not in header:
            raise FileUnreadable(_("The first row must name the columns, title among them."))
        reader.fieldnames, row = header, 1
        for row, cells in enumerate(reader, start=2):
            if lines.fallback and not warned:
                warned = True
                yield row, FieldWarning("", "windows_1252", fallback_message())
            yield (
                row,
                {
                    name: split_list(restored_cell(value or ""))
                    if name in IMPORTED_LIST_COLUMNS
                    else restored_cell(value or "")
                    for name, value in cells.items()
                    if name is not None
                },
            )
    except csv.Error as error:
        raise FileUnreadable(_unreadable_row(error, row + 1)) from None
    except Undecodable:
        raise FileUnreadable(undecodable_message(row + 1)) from None


READERS = {"csv": read_csv, "jsonl": read_jsonl}


def format_of(filename: str) -> str | None:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return {"csv": "csv", "jsonl": "jsonl", "ndjson": "jsonl"}.get(suffix)
