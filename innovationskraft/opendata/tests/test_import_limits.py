"""Limits that fit real catalogues: long identifiers, addresses and link texts."""

import io

import pytest

from innovationskraft.cases.models import Case
from innovationskraft.core.testing.tasks import committed, run_worker
from innovationskraft.opendata import jobs
from innovationskraft.opendata.importing import import_plan
from innovationskraft.opendata.json_lines import MAX_DEPTH, read_jsonl
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.tests.conftest import plan_of
from innovationskraft.opendata.tests.importpage import (  # noqa: F401 - fixtures
    import_dir,
    importer,
    upload,
)
from innovationskraft.opendata.tests.rows import imported, jsonl, only_error, record

pytestmark = pytest.mark.django_db


def test_an_identifier_of_any_printable_text_is_kept_exactly_as_given(eskilstuna):
    identifier = "https://example.org/Digital Public Goods/Ärende #12?lang=sv&x=Å"
    imported(jsonl(record(identifier=identifier)))
    assert Case.objects.get().identifier == identifier


def test_an_identifier_is_matched_exactly_so_a_second_import_updates_the_case(eskilstuna):
    identifier = "OPSI:Case/Ä 1"
    imported(jsonl(record(identifier=identifier)))
    result = imported(jsonl(record(identifier=identifier, title="Nytt namn")))
    assert (result.created, result.updated) == (0, 1)
    assert Case.objects.get().title == "Nytt namn"


def test_identifiers_that_differ_only_in_case_are_two_cases(eskilstuna):
    result = imported(jsonl(record(identifier="Case-A"), record(identifier="case-a")))
    assert result.created == 2


def test_an_identifier_of_500_characters_is_accepted(eskilstuna):
    identifier = "x" * 500
    imported(jsonl(record(identifier=identifier)))
    assert Case.objects.get().identifier == identifier


def test_an_identifier_over_500_characters_says_its_length_and_shows_its_start(eskilstuna):
    identifier = "https://registry.example/" + "a" * 600
    error = only_error(jsonl(record(identifier=identifier)))
    assert (error.field, error.code) == ("identifier", "max_length")
    assert "för lång" in error.message
    assert str(len(identifier)) in error.message
    assert "500" in error.message
    assert "https://registry.example/aaa" in error.message


def test_an_identifier_with_a_control_character_is_an_error(eskilstuna):
    error = only_error(jsonl(record(identifier="rad\ten")))
    assert (error.field, error.code) == ("identifier", "invalid")
    assert "styrtecken" in error.message


def test_a_link_of_2000_characters_with_a_300_character_text_is_kept(eskilstuna):
    url = "https://regeringen.example/beslut?" + "q" * (2000 - 34)
    title = "T" * 300
    imported(jsonl(record(links=[{"title": title, "url": url}])))
    link = Case.objects.get().links.get()
    assert (len(link.url), link.title) == (2000, title)


def test_a_link_longer_than_2000_characters_is_an_error_that_gives_its_length(eskilstuna):
    url = "https://regeringen.example/" + "q" * 2000
    error = only_error(jsonl(record(links=[url])))
    assert error.field == "links"
    assert "2027 tecken" in error.message


def test_a_link_text_longer_than_300_characters_is_shortened(eskilstuna):
    imported(jsonl(record(links=[{"title": "T" * 400, "url": "https://example.org/"}])))
    assert Case.objects.get().links.get().title == "T" * 300


def test_every_error_carries_the_value_the_row_gave(eskilstuna):
    plan = plan_of(jsonl(record(stage="someday")))
    [error] = plan.errors
    assert error.value == "someday"


def test_a_line_nested_200000_deep_is_an_error_of_its_line_and_the_rest_is_read(eskilstuna):
    deep = '{"title": ' + "[" * 200_000 + "]" * 200_000 + "}\n"
    plan = plan_of(jsonl(record(identifier="a")) + deep + jsonl(record(identifier="b")))
    [error] = plan.errors
    assert (error.row, error.code) == (2, "too_deep")
    assert " 2 " in error.message, "it names the line"
    assert len(plan.rows) == 2


@pytest.mark.django_db(transaction=True)
def test_an_admin_import_of_a_line_nested_200000_deep_reports_the_line(
    importer,  # noqa: F811
    eskilstuna,
    import_dir,  # noqa: F811
):
    text = jsonl(record(identifier="a")) + "[" * 200_000 + "]" * 200_000 + "\n"
    job = committed(
        jobs.import_job_start,
        actor=importer,
        upload=upload(text, name="fall.jsonl"),
        skip_invalid=True,
        check_only=False,
    )
    run_worker()
    job.refresh_from_db()
    assert job.state == ImportJob.State.DONE
    [error] = job.errors
    assert (error["row"], error["code"]) == (2, "too_deep")
    assert Case.objects.get().identifier == "a"


def test_a_record_nested_deeper_than_a_case_can_be_is_an_error_of_its_line(eskilstuna):
    deep = jsonl(record(identifier="a", tags=["x"]))
    deep = deep.replace('["x"]', "[" * 900 + "]" * 900)
    plan = plan_of(jsonl(record(identifier="b")) + deep)
    [error] = plan.errors
    assert (error.row, error.code) == (2, "too_deep")
    assert len(plan.rows) == 1


def test_nesting_is_counted_in_levels_not_in_brackets():
    lists = MAX_DEPTH - 1  # inside the object: as many levels as allowed
    lines = [
        '{"a": ' + "[" * lists + "]" * lists + "}",
        '{"a": ' + "[" * (lists + 1) + "]" * (lists + 1) + "}",  # one level more
        '{"a": [' + ", ".join(["[1]"] * 2 * MAX_DEPTH) + "]}",  # 3 levels, many brackets
    ]
    read = list(read_jsonl(io.BytesIO("\n".join(lines).encode())))
    assert isinstance(read[0][1], dict)
    assert read[1][1].code == "too_deep"
    assert isinstance(read[2][1], dict)


def test_a_line_that_is_null_or_a_list_is_not_a_record(eskilstuna):
    plan = plan_of("null\n[1, 2]\n")
    assert [(e.row, e.code) for e in plan.errors] == [(1, "invalid"), (2, "invalid")]


def test_a_description_of_20000_characters_is_imported(eskilstuna):
    imported(jsonl(record(description="x" * 20_000)))
    assert len(Case.objects.get().description) == 20_000


@pytest.mark.parametrize("file_format", ["jsonl", "csv"])
def test_a_longer_description_is_an_error_of_its_row_saying_the_limit_and_the_length(
    eskilstuna, file_format
):
    rows = record(description="x" * 20_001)
    if file_format == "jsonl":
        text = jsonl(rows)
    else:
        text = ",".join(rows) + "\r\n" + ",".join(rows.values()) + "\r\n"
    error = only_error(text, file_format)
    assert (error.row, error.field, error.code) == (
        1 if file_format == "jsonl" else 2,
        "description",
        "max_length",
    )
    assert "20001" in error.message
    assert "20000" in error.message


def test_a_summary_carried_past_the_description_limit_is_an_error(eskilstuna):
    summary = "Invånare bokar tid hos kommunen direkt i appen och får svar samma dag. " * 10
    text = jsonl(record(summary=summary, description="x" * 19_800))
    plan = import_plan(io.BytesIO(text.encode()), file_format="jsonl", carry_long_summaries=True)
    [error] = plan.errors
    assert (error.field, error.code) == ("description", "max_length")
    assert str(len(summary.strip()) + 2 + 19_800) in error.message
