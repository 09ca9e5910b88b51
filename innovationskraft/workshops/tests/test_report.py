import pytest

from innovationskraft.workshops import services
from innovationskraft.workshops.models import Theme
from innovationskraft.workshops.report import workshop_report

pytestmark = pytest.mark.django_db


def test_the_report_counts_people_organisations_and_contributions(
    facilitator, workshop, send, join, term
):
    anna = join(name="Anna", organisation_name="Eskilstuna kommun")
    bo = join(organisation_name="Västerås stad")  # not in this test's registry: kept as typed
    join(organisation_name="Eskilstuna kommun")
    send("ReTuna", participant=anna)
    send("Upphandling tar tid", kind="barrier", participant=bo)
    send("Krånglig upphandling", kind="barrier", participant=bo)
    hidden = send("Dolt", participant=bo)
    services.contribution_set_status(actor=facilitator, contribution=hidden, status="hidden")
    services.themes_cluster(actor=facilitator, workshop=workshop)
    theme = Theme.objects.get()
    services.theme_set_terms(actor=facilitator, theme=theme, terms=[term("barrier", "procurement")])
    voting_round = services.round_open(
        actor=facilitator, workshop=workshop, target="themes", budget=1
    )
    services.vote_cast(participant=anna, voting_round=voting_round, item=theme)

    report = workshop_report(workshop=workshop)

    assert (report.participants, report.organisations, report.contributions) == (3, 2, 3)
    assert [c.text for c in report.examples] == ["ReTuna"]
    assert [(t.theme.pk, t.contributions, t.votes) for t in report.themes] == [(theme.pk, 2, 1)]
    silos = report.barriers[0]
    assert silos.term.code == "silos"
    assert silos.count == 2
    assert [(child.term.code, child.count) for child in silos.children] == [("procurement", 2)]
    assert report.enablers == []
