"""Every error and warning reaches the person: the command lists them all or writes them to a
file, and the import page offers them all as a CSV that Excel in Swedish opens."""

import csv

import pytest
from django.core.management import CommandError, call_command

from innovationskraft.opendata.tests.importpage import (  # noqa: F401 - fixtures
    csv_text,
    import_dir,
    job_url,
    last_job,
    row,
    start,
)
from innovationskraft.opendata.tests.rows import jsonl, record

pytestmark = pytest.mark.django_db


def bad_file(tmp_path, count: int) -> str:
    path = tmp_path / "fall.jsonl"
    rows = [record(identifier=f"bad-{n}", stage="someday") for n in range(count)]
    path.write_text(jsonl(*rows), encoding="utf-8")
    return str(path)


def test_the_command_lists_every_error_however_many(tmp_path, eskilstuna, capsys):
    with pytest.raises(CommandError):
        call_command("import_cases", bad_file(tmp_path, 250), verbosity=0)
    err = capsys.readouterr().err
    assert err.count(", stage: ") == 250
    assert "Rad 250, stage:" in err


def test_the_command_writes_every_error_to_a_file_when_asked(tmp_path, eskilstuna, capsys):
    target = tmp_path / "fel.csv"
    path = bad_file(tmp_path, 250)
    call_command("import_cases", path, "--check", "--errors", str(target), verbosity=0)
    out, err = capsys.readouterr()
    assert "Fel: 250, varningar: 0, skrivna till" in out
    assert "stage" not in err
    content = target.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(content.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["row", "field", "code", "message", "value", "level"]
    assert len(rows) == 251
    assert rows[1][:3] == ["1", "stage", "invalid_choice"]
    assert (rows[1][4], rows[1][5]) == ("someday", "error")


def test_the_command_reports_warnings_beside_errors(tmp_path, eskilstuna, capsys):
    path = tmp_path / "fall.csv"
    text = (
        "title;summary;stage;lead_organisation\r\n"
        "Kafé;Övar;idé;eskilstuna-kommun\r\n"
        "Kafé;Övar;someday;eskilstuna-kommun\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    call_command("import_cases", str(path), "--check", verbosity=0)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("Rad 2, —: varning: Filen är inte sparad som UTF-8")
    assert lines[1].startswith("Rad 3, stage: Okänt värde för skede")


def test_the_import_page_offers_errors_and_warnings_as_a_csv_for_excel(admin_client, eskilstuna):
    text = csv_text(row("ok-1", stage="Pilot"), row("bad-1", stage="pilotfas"))
    start(admin_client, text.encode("cp1252"))
    job = last_job()
    page = admin_client.get(job_url(job)).content.decode()
    assert "1 varning" in page
    response = admin_client.get(job_url(job, "cases_case_import_errors"))
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(content.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert [(r[0], r[1], r[5]) for r in rows[1:]] == [("2", "", "warning"), ("3", "stage", "error")]
    assert rows[2][4] == "pilotfas"
