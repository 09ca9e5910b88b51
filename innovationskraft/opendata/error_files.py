"""Every error and warning of an import as a CSV file that Excel in Swedish opens as it is:
UTF-8 with a byte order mark, cells separated by semicolons. The command writes it (--errors)
and the import page offers it for download."""

import csv
import heapq
import io
from collections.abc import Iterable, Iterator
from dataclasses import asdict

from innovationskraft.core.spreadsheets import text_cell
from innovationskraft.opendata.importing import RowError

COLUMNS = ("row", "field", "code", "message", "value", "level")
ERROR, WARNING = "error", "warning"


def _as_dict(problem: RowError | dict) -> dict:
    return asdict(problem) if isinstance(problem, RowError) else problem


def error_csv_lines(
    errors: Iterable[RowError | dict], warnings: Iterable[RowError | dict] = ()
) -> Iterator[str]:
    """The header, then every error and warning in row order, one a line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

    def line(values: Iterable) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    yield "\ufeff" + line(COLUMNS)
    problems = heapq.merge(
        ((_as_dict(error), ERROR) for error in errors),
        ((_as_dict(warning), WARNING) for warning in warnings),
        key=lambda problem: problem[0].get("row", 0),
    )
    for problem, level in problems:
        # The value is the row's own: a formula in it stays text.
        yield line([*(text_cell(problem.get(name, "")) for name in COLUMNS[:-1]), level])
