"""Records written as and read from CSV and JSON Lines, one line at a time.

In CSV a list is one cell with its items joined by "|"; a "|" or "\\" inside an item is
escaped with a backslash, so every item comes back as it was."""

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from innovationskraft.opendata.columns import COLUMNS, LIST_COLUMNS
from innovationskraft.opendata.field_errors import FieldError

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
        return join_list(value)
    return str(value)


def csv_lines(records: Iterable[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

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


class FileUnreadable(Exception):
    """The file as a whole cannot be read (a missing header, a wrong encoding)."""


def _text_lines(stream) -> Iterator[str]:
    """Lines of a binary or text stream, as text, without a byte order mark."""
    first = True
    for raw in stream:
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError:
            raise FileUnreadable(_("The file is not UTF-8 text.")) from None
        if first:
            line, first = line.removeprefix("\ufeff"), False
        yield line


def read_csv(stream) -> Iterator[tuple[int, dict | FieldError]]:
    """(row number, record) per data row; the header is row 1, as a spreadsheet shows it."""
    reader = csv.DictReader(_text_lines(stream))
    try:
        header = reader.fieldnames or []
    except csv.Error as error:
        raise FileUnreadable(str(error)) from None
    if "title" not in header:
        raise FileUnreadable(_("The first row must name the columns, title among them."))
    row = 1
    try:
        for row, cells in enumerate(reader, start=2):
            yield (
                row,
                {
                    name: split_list(value or "") if name in LIST_COLUMNS else (value or "")
                    for name, value in cells.items()
                    if name is not None
                },
            )
    except csv.Error as error:
        # The reader cannot go on after this: refusing the file beats a silent end.
        message = _("Row %(row)s cannot be read: %(reason)s") % {"row": row + 1, "reason": error}
        raise FileUnreadable(message) from None


def read_jsonl(stream) -> Iterator[tuple[int, dict | FieldError]]:
    """(line number, record) per non-empty line; a FieldError for a line that is not one."""
    for number, line in enumerate(_text_lines(stream), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            message = _("Not valid JSON: %(reason)s") % {"reason": error.msg}
            yield number, FieldError("", "invalid_json", message)
            continue
        if isinstance(record, dict):
            yield number, record
        else:
            yield number, FieldError("", "invalid", _("Expected an object."))


READERS = {"csv": read_csv, "jsonl": read_jsonl}


def format_of(filename: str) -> str | None:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return {"csv": "csv", "jsonl": "jsonl", "ndjson": "jsonl"}.get(suffix)
