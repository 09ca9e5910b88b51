"""Records read from JSON Lines, one line at a time: a line that is no record is an error of
that line, and the rest of the file is still read."""

import json
from collections.abc import Iterator

from django.utils.translation import gettext as _

from innovationskraft.opendata.decoding import (
    DecodedLines,
    FileUnreadable,
    Undecodable,
    fallback_message,
    undecodable_message,
)
from innovationskraft.opendata.field_errors import FieldError, FieldWarning

# A case needs three levels (the record, its list of links, a link): twenty leave room for
# other catalogues' records, and stop a line nested thousands deep before anything walks it.
MAX_DEPTH = 20

# What a reader yields per row: the record, a FieldError when the row is none, or before the
# row's record a FieldWarning about how the file was read.
ReadRow = tuple[int, dict | FieldError]


def read_jsonl(stream) -> Iterator[ReadRow]:
    """(line number, record) per non-empty line; a FieldError for a line that is not one."""
    lines = DecodedLines(stream)
    try:
        yield from _json_lines(lines)
    except Undecodable:
        raise FileUnreadable(undecodable_message(lines.number)) from None


def _json_lines(lines: DecodedLines) -> Iterator[ReadRow]:
    for number, line in enumerate(lines, start=1):
        if lines.fallback == number:
            yield number, FieldWarning("", "windows_1252", fallback_message())
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            message = _("Not valid JSON: %(reason)s") % {"reason": error.msg}
            yield number, FieldError("", "invalid_json", message)
            continue
        except RecursionError:
            # Nested thousands deep: too deep for the parser itself.
            yield number, FieldError("", "too_deep", _too_deep(number))
            continue
        # A line with no more brackets than the limit cannot nest deeper: most lines are so.
        brackets = line.count("[") + line.count("{")
        if brackets > MAX_DEPTH and _deeper_than(record, MAX_DEPTH):
            yield number, FieldError("", "too_deep", _too_deep(number))
        elif isinstance(record, dict):
            yield number, record
        else:
            yield number, FieldError("", "invalid", _("Expected an object."))


def _too_deep(line: int) -> str:
    return _(
        "Line %(line)s has lists or objects nested more than %(limit)s levels deep, too deep "
        "to be read; a case needs three."
    ) % {"line": line, "limit": MAX_DEPTH}


def _deeper_than(value, limit: int) -> bool:
    """Walked without recursion, so that no depth can exhaust the stack."""
    if limit < 1:
        return True
    # Only the lists and objects are put on the stack: texts and numbers are most of a record,
    # and one level below a list or object is all a text adds.
    stack = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        item, depth = stack.pop()
        if item and depth + 1 > limit:
            return True
        for child in item.values() if isinstance(item, dict) else item:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
    return False
