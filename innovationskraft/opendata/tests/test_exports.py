import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from innovationskraft.cases.models import Case
from innovationskraft.opendata import serialise
from innovationskraft.opendata.columns import COLUMNS
from innovationskraft.opendata.exports import FIELDS
from innovationskraft.opendata.formats import join_list, split_list
from innovationskraft.opendata.serialise import case_records
from innovationskraft.opendata.tests.conftest import BASE_URL, exported

pytestmark = pytest.mark.django_db


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_holds_only_published_cases(published, make_case):
    make_case(title="Utkast som ingen ska se")
    rows = csv_rows(exported("csv"))
    assert [row["identifier"] for row in rows] == [published.identifier]
    assert list(rows[0]) == list(COLUMNS)


def test_the_csv_gives_vocabularies_as_codes_with_labels(published):
    [row] = csv_rows(exported("csv"))
    assert row["sector"] == "environment"
    assert row["sector_label"] == published.sector.label_sv
    assert row["barriers"] == "legal_uncertainty"
    assert row["barriers_labels"] == published.barriers.get().label_sv
    assert row["stage"] == "implemented"
    assert row["lead_organisation"] == "eskilstuna-kommun"
    assert row["lead_organisation_code"] == "0484"


def test_the_csv_joins_lists_with_a_bar_and_escapes_a_bar_inside_an_item(published):
    [row] = csv_rows(exported("csv"))
    assert split_list(row["tags"]) == ["återbruk", "cirkulär ekonomi"]
    assert row["tags"] == "återbruk|cirkulär ekonomi"
    assert row["links_titles"] == "Galleria \\| webbplats"
    assert split_list(row["links_titles"]) == ["Galleria | webbplats"]


@pytest.mark.parametrize("items", [["a"], ["a|b", "c"], ["back\\slash", "|", "\\|"], ["ö", "ä, å"]])
def test_a_joined_list_splits_into_the_same_items(items):
    assert split_list(join_list(items)) == items


@pytest.mark.parametrize("extension", ["csv", "jsonl", "jsonld"])
def test_no_export_carries_contact_details(published, extension):
    text = exported(extension)
    assert published.title in text
    assert "karin@eskilstuna.example" not in text
    assert "Karin Kontakt" not in text


def test_the_json_lines_export_is_one_record_per_line_with_json_types(published, make_case):
    make_case(status="published", title="Digital fritidsbank")
    lines = exported("jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 2
    record = next(r for r in records if r["identifier"] == published.identifier)
    assert list(record) == list(COLUMNS)
    assert record["start_year"] == 2015
    assert record["effects_evaluated"] is False
    assert record["links"] == ["https://retuna.example/"]
    assert record["url"] == f"{BASE_URL}/innovationer/{published.slug}/"


def test_the_json_ld_export_describes_each_case_as_a_schema_org_creative_work(published):
    document = json.loads(exported("jsonld"))
    assert document["@context"] == "https://schema.org"
    [work] = document["@graph"]
    assert work["@type"] == "CreativeWork"
    assert work["identifier"] == published.identifier
    assert work["name"] == "Återbruksgalleria"
    assert work["creator"]["name"] == "Eskilstuna kommun"
    assert work["temporalCoverage"] == "2015/.."


def test_an_empty_library_exports_a_valid_json_ld_document():
    assert json.loads(exported("jsonld"))["@graph"] == []


def test_records_are_read_a_chunk_at_a_time(make_case, monkeypatch):
    monkeypatch.setattr(serialise, "CHUNK_SIZE", 2)
    for number in range(6):
        make_case(status="published", title=f"Fall {number}")
    with CaptureQueriesContext(connection) as first_chunk:
        records = case_records(Case.objects.all(), base_url=BASE_URL)
        next(records)
    with CaptureQueriesContext(connection) as the_rest:
        remaining = list(records)
    assert len(remaining) == 5
    # Before its first chunk the export reads the vocabulary and the ids; every chunk then
    # costs the same queries, none of which reads the whole table.
    per_chunk = len(first_chunk) - 2
    assert len(the_rest) == 2 * per_chunk


def test_the_download_streams_with_a_file_name(client, published):
    response = client.get("/oppna-data/innovationer.csv")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="innovationer-' in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()
    assert published.identifier in body
    assert "http://testserver/innovationer/" in body


def test_the_english_download_gives_english_labels(client, published):
    response = client.get("/en/oppna-data/innovationer.jsonl")
    record = json.loads(b"".join(response.streaming_content))
    assert record["sector_label"] == published.sector.label_en
    assert record["stage_label"] == "Implemented"


def test_an_unknown_format_is_not_found(client):
    assert client.get("/oppna-data/innovationer.xlsx").status_code == 404


def test_the_dcat_catalogue_describes_the_dataset_its_downloads_and_the_api(client, published):
    response = client.get("/oppna-data/katalog.jsonld")
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    catalogue = response.json()
    assert catalogue["@type"] == "dcat:Catalog"
    [dataset] = catalogue["dcat:dataset"]
    assert {d["dct:title"] for d in dataset["dcat:distribution"]} == {
        "innovationer.csv",
        "innovationer.jsonl",
        "innovationer.jsonld",
    }
    for distribution in dataset["dcat:distribution"]:
        assert client.get(distribution["dcat:downloadURL"]["@id"]).status_code == 200
    assert dataset["dct:modified"]["@value"] == published.updated_at.isoformat()
    titles = {t["@language"]: t["@value"] for t in dataset["dct:title"]}
    assert titles == {"sv": "Innovationer i offentlig sektor", "en": "Innovation cases"}
    [service] = catalogue["dcat:service"]
    assert service["dcat:endpointDescription"]["@id"] == "http://testserver/api/v1/openapi.json"
    assert service["dcat:servesDataset"]["@id"] == dataset["@id"]


def test_the_open_data_page_links_every_download_and_the_api(client, published):
    response = client.get("/oppna-data/")
    page = response.content.decode()
    for extension in ("csv", "jsonl", "jsonld"):
        assert f'href="/oppna-data/innovationer.{extension}"' in page
    assert 'href="/oppna-data/katalog.jsonld"' in page
    assert 'href="/api/v1/docs"' in page
    assert "Bibliotekets 1 publicerade innovation är öppna data" in page


def test_the_open_data_page_explains_every_column_of_the_files(client):
    page = client.get("/oppna-data/").content.decode()
    explained = set()
    for names, _meaning in FIELDS:
        assert f"<code>{names}</code>" in page
        explained.update(name.strip() for name in names.split(","))
    organisation_details = {f"lead_organisation_{k}" for k in ("name", "type", "code")}
    labels = {c for c in COLUMNS if c.endswith(("_label", "_labels", "_names", "_types"))}
    assert set(COLUMNS) - explained - labels - organisation_details == set()
