"""A published workshop report as the API gives it: figures and what the room said, never who
said it."""

from django.http import HttpRequest

from innovationskraft.api.outputs import report_out
from innovationskraft.workshops.models import Workshop
from innovationskraft.workshops.report import TermCount, workshop_report


def _term_count(row: TermCount) -> dict:
    return {
        "code": row.term.code,
        "label_sv": row.term.label_sv,
        "label_en": row.term.label_en,
        "count": row.count,
    }


def _tree(rows: list[TermCount]) -> list[dict]:
    return [_term_count(row) | {"children": [_term_count(c) for c in row.children]} for row in rows]


def report_detail_out(request: HttpRequest, workshop: Workshop) -> dict:
    report = workshop_report(workshop=workshop)
    return report_out(request, workshop) | {
        "description": workshop.description,
        "conclusions": workshop.conclusions,
        "figures": {
            "participants": report.participants,
            "organisations": report.organisations,
            "contributions": report.contributions,
            "examples": len(report.examples),
        },
        "examples": [
            {
                "text": example.text,
                "case": example.case.identifier
                if example.case_id and example.case.is_public
                else None,
            }
            for example in report.examples
        ],
        "themes": [
            {
                "name": row.theme.name,
                "prompt_kind": row.theme.prompt.kind,
                "prompt": row.theme.prompt.text,
                "contributions": row.contributions,
                "votes": row.votes,
                "terms": [term.code for term in row.theme.terms.all()],
            }
            for row in report.themes
        ],
        "prompts": [
            {"kind": column.prompt.kind, "text": column.prompt.text, "count": column.count}
            for column in report.prompts
        ],
        "barriers": _tree(report.barriers),
        "enablers": _tree(report.enablers),
    }
