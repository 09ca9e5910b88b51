"""The downloads of the published library: one entry per format."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Case
from innovationskraft.opendata.formats import csv_lines, jsonl_lines
from innovationskraft.opendata.linked_data import json_ld_lines
from innovationskraft.opendata.serialise import case_records


@dataclass(frozen=True)
class Export:
    extension: str
    name: Promise
    description: Promise
    content_type: str
    write: Callable[[Iterator[dict]], Iterator[str]]

    def lines(self, cases: QuerySet[Case], *, base_url: str) -> Iterator[str]:
        return self.write(case_records(cases, base_url=base_url))


EXPORTS = {
    export.extension: export
    for export in [
        Export(
            "csv",
            _("CSV"),
            _("One row per case for spreadsheets; lists are joined with |."),
            "text/csv; charset=utf-8",
            csv_lines,
        ),
        Export(
            "jsonl",
            _("JSON Lines"),
            _("One JSON object per line, for programs; the format the import reads best."),
            "application/jsonl; charset=utf-8",
            jsonl_lines,
        ),
        Export(
            "jsonld",
            _("JSON-LD (schema.org)"),
            _("Linked data: every case as a schema.org CreativeWork."),
            "application/ld+json; charset=utf-8",
            json_ld_lines,
        ),
    ]
}
