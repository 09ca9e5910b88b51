"""A harvest: every record of a catalogue file turned into the import's record with its
provenance, checked by the import as any file is, and written by `cases_import` (one
transaction, `case_changed` a batch at a time). Cases whose record changed nothing are left
alone; a record that cannot become a case is refused and reported with the reasons."""

import io
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from os import PathLike

from django.utils import timezone
from django.utils.translation import gettext as _

from innovationskraft.accounts.types import Actor
from innovationskraft.opendata.field_errors import FieldError, FieldWarning
from innovationskraft.opendata.formats import read_jsonl
from innovationskraft.opendata.harvest import dpg
from innovationskraft.opendata.harvest.changes import unchanged_rows
from innovationskraft.opendata.importing import ImportPlan, import_plan
from innovationskraft.opendata.organisations import NewOrganisation
from innovationskraft.opendata.services import cases_import

# progress(step, done, total), step "check", "cases" or "index".
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Refusal:
    line: int
    key: str
    reasons: list[str]


@dataclass(frozen=True)
class Note:
    """Something of a harvested record that was left out or read otherwise."""

    line: int
    key: str
    message: str


@dataclass
class HarvestReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    organisations_created: int = 0
    refused: list[Refusal] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def _mapped(
    path: str | PathLike[str], report: HarvestReport, harvested_at: datetime
) -> dict[int, dpg.Mapped]:
    """The registry's records as import records by line; the refused ones in the report."""
    mapped: dict[int, dpg.Mapped] = {}
    with open(path, "rb") as stream:
        for line, entry in read_jsonl(stream):
            if isinstance(entry, FieldWarning):
                report.notes.append(Note(line, "", entry.message))
                continue
            report.total += 1
            if isinstance(entry, FieldError):
                report.refused.append(Refusal(line, "", [entry.message]))
                continue
            try:
                mapped[line] = dpg.import_record(entry, harvested_at=harvested_at)
            except dpg.Refused as refused:
                report.refused.append(Refusal(line, dpg.key_or_blank(entry), [str(refused)]))
    return mapped


def _current_only(mapped: dict[int, dpg.Mapped], report: HarvestReport) -> None:
    """A key the registry has in two folders: the current folder's record is the product's."""
    chosen: dict[str, int] = {}
    for line, record in mapped.items():
        other = chosen.get(record.key)
        if other is None or record.precedence < mapped[other].precedence:
            chosen[record.key] = line
    for line, record in list(mapped.items()):
        current = chosen[record.key]
        if current != line:
            message = _(
                "The registry has the key %(key)s again on line %(line)s, in %(folder)s, "
                "which holds its current record."
            ) % {"key": record.key, "line": current, "folder": mapped[current].folder}
            report.refused.append(Refusal(line, record.key, [message]))
            del mapped[line]


def _plan(mapped: dict[int, dpg.Mapped], progress: Progress) -> ImportPlan:
    """The import's plan of the records, checked as a JSON Lines file whose line numbers are
    the registry file's."""
    lines = [""] * max(mapped, default=0)
    for line, record in mapped.items():
        lines[line - 1] = json.dumps(record.record, ensure_ascii=False)
    done = 0

    def checked(count: int) -> None:
        nonlocal done
        done += count
        progress("check", done, len(mapped))

    text = io.StringIO("".join(line + "\n" for line in lines))
    return import_plan(text, file_format="jsonl", progress=checked)


def _report_plan(plan: ImportPlan, mapped: dict[int, dpg.Mapped], report: HarvestReport) -> None:
    reasons: dict[int, list[str]] = defaultdict(list)
    for error in plan.errors:
        reasons[error.row].append(
            f"{error.field}: {error.message}" if error.field else error.message
        )
    for line, found in reasons.items():
        report.refused.append(Refusal(line, mapped[line].key if line in mapped else "", found))
    for warning in plan.warnings:
        key = mapped[warning.row].key if warning.row in mapped else ""
        report.notes.append(Note(warning.row, key, f"{warning.field}: {warning.message}"))
    # What was left out of a record counts only for one that is harvested.
    for line, record in mapped.items():
        if line not in reasons:
            report.notes += [Note(line, record.key, message) for message in record.notes]


def _of_unknown_country(plan: ImportPlan) -> None:
    """The registry says nothing of where an organisation is: none is made Swedish."""
    for _row, parsed in plan.rows:
        for organisation in [parsed.lead_organisation, *parsed.partners]:
            if isinstance(organisation, NewOrganisation):
                organisation.country = ""


def registry_harvested(
    *,
    path: str | PathLike[str],
    actor: Actor = None,
    progress: Progress | None = None,
) -> HarvestReport:
    """Harvest a file of the Digital Public Goods registry (JSON Lines, see `dpg.py`):
    create a published case for each new product, update those whose record changed. Raises
    FileUnreadable when the file cannot be read as text."""
    report = HarvestReport()
    tell = progress or (lambda step, done, total: None)
    mapped = _mapped(path, report, timezone.now())
    _current_only(mapped, report)
    plan = _plan(mapped, tell)
    _report_plan(plan, mapped, report)
    unchanged = unchanged_rows(plan)
    plan.rows = [(row, parsed) for row, parsed in plan.rows if row not in unchanged]
    report.unchanged = len(unchanged)
    if plan.rows:
        _of_unknown_country(plan)
        result = cases_import(actor=actor, plan=plan, skip_invalid=True, progress=tell)
        report.created, report.updated = result.created, result.updated
        report.organisations_created = result.organisations_created
    report.refused.sort(key=lambda refusal: refusal.line)
    report.notes.sort(key=lambda note: note.line)
    return report
