"""The downloads of the published library: one entry per format."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

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
    write: Callable[..., Iterator[str]]

    def lines(self, cases: QuerySet[Case], *, base_url: str, **options: Any) -> Iterator[str]:
        """`options` go to the writer: the CSV's `dialect`."""
        return self.write(case_records(cases, base_url=base_url), **options)


# What the fields of the CSV and JSON Lines files mean, for the open data page.
FIELDS = [
    (
        "identifier",
        _("A stable identifier of the case; an import that meets it again updates the case."),
    ),
    ("url, slug", _("The case's page on this site, and the last part of its address.")),
    ("title, summary, description", _("The texts; the description is Markdown.")),
    ("language", _("The language of the texts: sv or en.")),
    (
        "lead_organisation",
        _("The lead organisation's slug, with its name, type and official code beside it."),
    ),
    ("partners", _("Partner organisations' slugs, with their names and types beside them.")),
    ("stage", _("idea, pilot, implemented, spread or ended.")),
    ("start_year", _("The year the work started.")),
    (
        "sector, facet",
        _(
            "A code of the sector vocabulary, and the OPSI facet: enhancement, mission, "
            "adaptive or anticipatory."
        ),
    ),
    (
        "innovation_types, target_groups, barriers, enablers, effects, sdgs",
        _("Codes of the vocabularies, each with its labels in a column ending in _labels."),
    ),
    (
        "user_involvement, barriers_text, enablers_text",
        _("How users were involved, and barriers and enablers in the owners' own words."),
    ),
    ("effects_evaluated", _("true when the effects have been evaluated.")),
    (
        "evidence, evaluation",
        _(
            "How well the effects are known: described, followed, measured, independent or "
            "compared (evaluated with a comparison); and how they were evaluated."
        ),
    ),
    ("tags", _("Keywords.")),
    ("links, links_titles", _("Web addresses about the case, and their link texts.")),
    ("inspired_by", _("Identifiers of the published cases this one was inspired by.")),
    (
        "source, source_identifier, harvested_at",
        _(
            "For a case harvested from another catalogue: the catalogue (dpg is the Digital "
            "Public Goods registry), the record's key there and when it was harvested (ISO "
            "8601). Empty for the library's own cases; only an import writes them."
        ),
    ),
    ("published_at, updated_at", _("When the case was published and last changed (ISO 8601).")),
]

EXPORTS = {
    export.extension: export
    for export in [
        Export(
            "csv",
            _("CSV"),
            _(
                "One row per case for spreadsheets; lists are joined with |, and a text that "
                "a spreadsheet would run as a formula starts with an apostrophe."
            ),
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
