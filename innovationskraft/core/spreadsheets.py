"""CSV for spreadsheets: the dialects Excel in Swedish and other programs read, and cells that
a spreadsheet shows as text, never runs as a formula."""

from dataclasses import dataclass

# A cell that starts with one of these is a formula to Excel, LibreOffice and Google Sheets
# ("=HYPERLINK(...)", "+1", "@SUM(...)", or a tab or carriage return before one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    decimal: str
    # A byte order mark tells Excel that the file is UTF-8, so å, ä and ö come out right.
    bom: bool

    @property
    def prefix(self) -> str:
        return "\ufeff" if self.bom else ""


# Swedish Excel opens a file with a byte order mark and semicolons as it is (the comma is its
# decimal sign); other programs read commas and full stops.
EXCEL_SV = Dialect(";", ",", bom=True)
PLAIN = Dialect(",", ".", bom=False)
DIALECTS = {"excel-sv": EXCEL_SV, "plain": PLAIN}


def dialect_named(name: str | None, *, default: Dialect) -> Dialect:
    return DIALECTS.get(name or "", default)


def _formula_like(text: str) -> bool:
    return text.lstrip(TEXT_MARK).startswith(FORMULA_STARTS)


def text_cell(value):
    """A text that a spreadsheet would run as a formula gets a leading apostrophe, which makes
    it text. A text that already starts with apostrophes before such a character gets one more,
    so that `restored_cell` gives every text back exactly. Numbers pass as they are."""
    if isinstance(value, str) and _formula_like(value):
        return TEXT_MARK + value
    return value


def restored_cell(cell: str) -> str:
    """The text `text_cell` was given."""
    if cell.startswith(TEXT_MARK) and _formula_like(cell):
        return cell[1:]
    return cell
