"""A summary longer than a case may have: refused by default, with a message that names the
option, or carried into the description when asked."""

import io

import pytest
from django.core.management import call_command
from django.utils.translation import override

from innovationskraft.cases.models import Case
from innovationskraft.opendata import jobs
from innovationskraft.opendata.importing import import_plan
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.services import cases_import
from innovationskraft.opendata.summaries import shortened
from innovationskraft.opendata.tests.importpage import (  # noqa: F401 - fixtures
    committed,
    csv_text,
    import_dir,
    row,
    run_worker,
    start,
    worked,
)
from innovationskraft.opendata.tests.rows import jsonl, only_error, record

pytestmark = pytest.mark.django_db

SENTENCE = "Invånare bokar tid hos kommunen direkt i appen och får svar samma dag. "
LONG = SENTENCE * 12  # 852 characters


def carried_plan(text: str):
    stream = io.BytesIO(text.encode("utf-8"))
    return import_plan(stream, file_format="jsonl", carry_long_summaries=True)


def test_a_too_long_summary_is_refused_by_default_with_a_message_naming_the_option(eskilstuna):
    error = only_error(jsonl(record(summary=LONG)))
    assert (error.field, error.code) == ("summary", "max_length")
    assert "--long-summaries=carry" in error.message
    assert str(len(LONG.strip())) in error.message


def test_a_carried_summary_ends_at_a_sentence_with_an_ellipsis_within_the_limit(eskilstuna):
    plan = carried_plan(jsonl(record(summary=LONG, description="Så gick det till.")))
    cases_import(actor=None, plan=plan)
    case = Case.objects.get()
    assert len(case.summary) <= 600
    assert case.summary.endswith("samma dag. …")
    assert LONG.strip().startswith(case.summary.removesuffix(" …"))


def test_the_whole_summary_comes_first_in_the_description_then_the_given_one(eskilstuna):
    plan = carried_plan(jsonl(record(summary=LONG, description="Så gick det till.")))
    cases_import(actor=None, plan=plan)
    assert Case.objects.get().description == LONG.strip() + "\n\nSå gick det till."


def test_a_carried_summary_is_reported_as_a_warning_of_its_row(eskilstuna):
    plan = carried_plan(jsonl(record(summary=LONG)))
    assert plan.errors == []
    [warning] = plan.warnings
    assert (warning.row, warning.field, warning.code) == (1, "summary", "summary_carried")


def test_a_summary_without_a_sentence_end_is_cut_at_a_word_with_an_ellipsis():
    text = "ord " * 300
    cut = shortened(text, 600)
    assert len(cut) <= 600
    assert cut.endswith("ord…")


def test_a_summary_that_fits_is_left_alone():
    assert shortened("Kort.", 600) == "Kort."


def test_the_command_carries_long_summaries_when_asked(tmp_path, eskilstuna):
    path = tmp_path / "fall.jsonl"
    path.write_text(jsonl(record(summary=LONG)), encoding="utf-8")
    call_command("import_cases", str(path), "--long-summaries=carry", verbosity=0)
    assert Case.objects.get().description.startswith(SENTENCE.strip())


def test_the_command_refuses_long_summaries_by_default(tmp_path, eskilstuna, capsys):
    path = tmp_path / "fall.jsonl"
    path.write_text(jsonl(record(summary=LONG)), encoding="utf-8")
    with pytest.raises(Exception, match="--skip-invalid"):
        call_command("import_cases", str(path), verbosity=0)
    assert "--long-summaries=carry" in capsys.readouterr().err
    assert not Case.objects.exists()


def test_the_import_page_has_a_box_that_carries_long_summaries(admin_client, eskilstuna):
    response = start(admin_client, csv_text(row("lang", summary=LONG)), carry_long_summaries=True)
    job = ImportJob.objects.get()
    assert job.carry_long_summaries
    assert job.state == ImportJob.State.DONE
    assert Case.objects.get().description.startswith(SENTENCE.strip())
    with override("sv"):
        assert "En för lång sammanfattning flyttas" in response.content.decode()


def test_importing_a_checked_file_after_all_keeps_its_choice_to_carry(admin_user, eskilstuna):
    text = csv_text(row("lang", summary=LONG))
    checked = worked(admin_user, text, carry_long_summaries=True, check_only=True)
    assert not Case.objects.exists()
    again = committed(jobs.import_job_restart, actor=admin_user, job=checked, skip_invalid=False)
    run_worker()
    again.refresh_from_db()
    assert again.carry_long_summaries
    assert again.state == ImportJob.State.DONE
    assert Case.objects.get().description.startswith(SENTENCE.strip())
