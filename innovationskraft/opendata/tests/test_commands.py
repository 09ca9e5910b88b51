import json

import pytest
from django.core.management import CommandError, call_command

from innovationskraft.cases.models import Case
from innovationskraft.opendata.tests.conftest import exported

pytestmark = pytest.mark.django_db


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def row(**fields) -> str:
    values = {
        "title": "Läxhjälp på nätet",
        "summary": "Gymnasieelever hjälper yngre elever med läxorna.",
        "stage": "pilot",
        "lead_organisation": "eskilstuna-kommun",
    }
    return json.dumps(values | fields, ensure_ascii=False) + "\n"


def test_the_command_imports_a_file_and_says_what_it_did(tmp_path, eskilstuna, capsys):
    path = write(tmp_path, "fall.jsonl", row(identifier="a") + row(identifier="b"))
    call_command("import_cases", path, verbosity=0)
    out = capsys.readouterr().out
    assert "2 rader: 2 giltiga, 0 med fel." in out
    assert "Importerat. Nya innovationer: 2, uppdaterade innovationer: 0" in out
    assert Case.objects.count() == 2


def test_the_command_lists_every_bad_row_and_imports_nothing(tmp_path, eskilstuna, capsys):
    path = write(tmp_path, "fall.jsonl", row(identifier="a") + row(identifier="b", stage="x"))
    with pytest.raises(CommandError, match="--skip-invalid"):
        call_command("import_cases", path, verbosity=0)
    assert "Rad 2, stage:" in capsys.readouterr().err
    assert not Case.objects.exists()


def test_the_command_skips_bad_rows_when_asked(tmp_path, eskilstuna):
    path = write(tmp_path, "fall.jsonl", row(identifier="a") + row(identifier="b", stage="x"))
    call_command("import_cases", path, "--skip-invalid", verbosity=0)
    assert list(Case.objects.values_list("identifier", flat=True)) == ["a"]


def test_checking_a_file_writes_nothing(tmp_path, eskilstuna, capsys):
    path = write(tmp_path, "fall.jsonl", row(identifier="a"))
    call_command("import_cases", path, "--check", verbosity=0)
    assert "1 giltiga" in capsys.readouterr().out
    assert not Case.objects.exists()


def test_the_command_needs_a_known_format(tmp_path):
    path = write(tmp_path, "fall.txt", row())
    with pytest.raises(CommandError, match="--format"):
        call_command("import_cases", path, verbosity=0)


def test_the_export_command_writes_the_same_file_as_the_download(tmp_path, published, settings):
    settings.SITE_URL = "https://innovationskraft.example"
    target = tmp_path / "fall.csv"
    call_command("export_cases", "--format", "csv", "--output", str(target))
    assert target.read_bytes().decode("utf-8") == exported("csv")
