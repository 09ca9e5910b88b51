"""Reading an import file into a plan: every row checked before anything is written."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from innovationskraft.opendata.columns import CONTACT_FIELDS
from innovationskraft.opendata.field_errors import FieldError, FieldWarning, RecordInvalid
from innovationskraft.opendata.formats import READERS, FileUnreadable
from innovationskraft.opendata.lookups import Lookups
from innovationskraft.opendata.records import ParsedCase, ParseOptions, parse_case_record

__all__ = ["FileUnreadable", "ImportPlan", "RowError", "import_plan"]


@dataclass(frozen=True)
class RowError:
    """An error of a row, or a warning (in `ImportPlan.warnings`), which has the same shape."""

    row: int
    field: str
    code: str
    message: str
    value: str = ""


@dataclass
class ImportPlan:
    """The rows that passed, in file order, every error of the others, and every warning:
    what the import read differently from how the file says it (those rows pass)."""

    rows: list[tuple[int, ParsedCase]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    total: int = 0
    lookups: Lookups | None = None

    @property
    def invalid_rows(self) -> int:
        return len({error.row for error in self.errors})

    @property
    def is_clean(self) -> bool:
        return not self.errors


def _row_errors(row: int, errors: list[FieldError]) -> list[RowError]:
    return [RowError(row, e.field, e.code, e.message, e.value) for e in errors]


def _drop_unknown_inspirations(plan: ImportPlan, existing: set[str]) -> None:
    """Identifiers named in `inspired_by` must be published in the library or be on a valid
    row of the file; repeated, since dropping a row may leave another row's reference without
    its case."""
    before = None
    while before != len(plan.rows):
        before = len(plan.rows)
        known = existing | {parsed.identifier for _row, parsed in plan.rows}
        _drop_rows_naming_unknown(plan, known)


def _drop_rows_naming_unknown(plan: ImportPlan, known: set[str]) -> None:
    kept = []
    for row, parsed in plan.rows:
        unknown = [i for i in parsed.inspired_by if i not in known]
        if unknown:
            message = _("No published case with the identifier %(identifiers)s.") % {
                "identifiers": ", ".join(unknown)
            }
            plan.errors.append(RowError(row, "inspired_by", "unknown_case", message))
        else:
            kept.append((row, parsed))
    plan.rows = kept


def import_plan(
    stream,
    *,
    file_format: str,
    progress: Callable[[int], None] | None = None,
    carry_long_summaries: bool = False,
) -> ImportPlan:
    """Read and check every row. Raises FileUnreadable when the file as a whole is not
    readable; a bad row only adds its errors to the plan. `carry_long_summaries`: see
    `records.ParseOptions`."""
    lookups = Lookups(preload=True)
    lookups.unknown_cases_later = True
    plan = ImportPlan(lookups=lookups)
    first_row_of: dict[str, int] = {}
    for row, record in READERS[file_format](stream):
        if isinstance(record, FieldWarning):
            plan.warnings += _row_errors(row, [record])
            continue
        plan.total += 1
        if progress:
            progress(1)
        if isinstance(record, FieldError):
            plan.errors += _row_errors(row, [record])
            continue
        # Contact details are personal data that an import never writes (see services.py).
        record = {name: value for name, value in record.items() if name not in CONTACT_FIELDS}
        options = ParseOptions(
            create_organisations=True, carry_long_summaries=carry_long_summaries, row=row
        )
        try:
            parsed = parse_case_record(record, lookups=lookups, options=options)
        except RecordInvalid as invalid:
            plan.errors += _row_errors(row, invalid.errors)
            continue
        if parsed.identifier in first_row_of:
            message = _("The identifier is already used on row %(row)s.") % {
                "row": first_row_of[parsed.identifier]
            }
            plan.errors.append(RowError(row, "identifier", "duplicate", message))
            continue
        if parsed.identifier:
            first_row_of[parsed.identifier] = row
        plan.rows.append((row, parsed))
        plan.warnings += _row_errors(row, list(parsed.warnings))
    _drop_unknown_inspirations(plan, lookups.published)
    plan.errors.sort(key=lambda error: error.row)
    return plan
