"""Records and files written by hand for the tests of the import."""

import json

from innovationskraft.opendata.services import cases_import
from innovationskraft.opendata.tests.conftest import plan_of


def record(**fields) -> dict:
    return {
        "identifier": "opsi-1",
        "title": "Språkcafé på biblioteket",
        "summary": "Nyanlända övar svenska med volontärer.",
        "stage": "implemented",
        "lead_organisation": "eskilstuna-kommun",
    } | fields


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def imported(text: str, file_format: str = "jsonl", **options):
    return cases_import(actor=None, plan=plan_of(text, file_format), **options)


def only_error(text: str, file_format: str = "jsonl"):
    [error] = plan_of(text, file_format).errors
    return error
