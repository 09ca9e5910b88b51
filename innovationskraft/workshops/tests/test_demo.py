import pytest
from django.core.management import call_command

from innovationskraft.cases.demo import demo_load
from innovationskraft.workshops.demo import demo_workshop_load
from innovationskraft.workshops.models import Contribution, Vote, Workshop
from innovationskraft.workshops.report import workshop_report

pytestmark = pytest.mark.django_db


def test_the_demo_workshop_is_held_published_and_loaded_once(client):
    demo_load()
    workshop = demo_workshop_load()
    assert demo_workshop_load() is None
    assert Workshop.objects.get().state == Workshop.State.PUBLISHED
    report = workshop_report(workshop=workshop)
    assert report.participants == 5
    assert any(example.case for example in report.examples)
    assert [e.merged_count for e in report.examples if e.text.startswith("1177")] == [1]
    assert report.themes
    assert sum(row.votes for row in report.themes) == Vote.objects.count() > 5
    assert report.barriers
    page = client.get(f"/workshoppar/{workshop.slug}/rapport/")
    assert "ReTuna" in page.text


def test_load_demo_loads_the_cases_then_the_workshop_and_a_second_run_adds_nothing(capsys):
    call_command("load_demo")
    first = capsys.readouterr().out.splitlines()
    assert first[0].endswith("new demo cases.")
    assert first[1] == "A published demo workshop."
    counts = (Workshop.objects.count(), Contribution.objects.count(), Vote.objects.count())
    call_command("load_demo")
    assert capsys.readouterr().out.splitlines()[0].endswith(", 0 new demo cases.")
    assert (Workshop.objects.count(), Contribution.objects.count(), Vote.objects.count()) == counts
