"""The text of an import file as spreadsheets save it: UTF-8 with or without a byte order mark,
or else Windows-1252 (what Excel in Swedish saves as plain "CSV"), line by line, so that a file
of any size is never held whole."""

import contextlib
from collections.abc import Iterator

from django.utils.translation import gettext as _

FALLBACK = "cp1252"
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


class FileUnreadable(Exception):
    """The file as a whole cannot be read (a missing header, a wrong encoding)."""


class Undecodable(Exception):
    """A line that is neither UTF-8 nor Windows-1252: the reader names its row."""


class DecodedLines:
    """The lines of a binary or text stream, as text, without a byte order mark. `number` is
    the number of the line read last; `fallback` that of the first line read as Windows-1252
    (0 while every line was UTF-8)."""

    def __init__(self, stream):
        self.stream = stream
        self.number = 0
        self.fallback = 0

    def __iter__(self) -> Iterator[str]:
        for number, raw in enumerate(self.stream, start=1):
            self.number = number
            if isinstance(raw, str):
                line = raw
            else:
                if number == 1 and raw.startswith(UTF16_MARKS):
                    raise FileUnreadable(
                        _(
                            "The file is saved as UTF-16 (in Excel, “Unicode text”). Save it "
                            "as “CSV UTF-8” and import it again."
                        )
                    )
                line = self._decoded(raw, number)
            yield line.removeprefix("\ufeff") if number == 1 else line

    def _decoded(self, raw: bytes, number: int) -> str:
        with contextlib.suppress(UnicodeDecodeError):
            return raw.decode("utf-8")
        try:
            line = raw.decode(FALLBACK)
        except UnicodeDecodeError:
            raise Undecodable from None
        self.fallback = self.fallback or number
        return line


def undecodable_message(row: int) -> str:
    return _(
        "Row %(row)s is neither UTF-8 nor Windows-1252 text, so the file cannot be read. Save "
        "it as “CSV UTF-8” (in Excel: Save as, then CSV UTF-8) and import it again."
    ) % {"row": row}


def fallback_message() -> str:
    return _(
        "The file is not saved as UTF-8: it was read as Windows-1252 from this row on. Check "
        "that letters such as å, ä and ö look right, or save the file as “CSV UTF-8”."
    )
