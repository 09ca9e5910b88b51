"""The barriers and enablers of published workshop reports, counted for insights as the
reports themselves count them."""

import pytest
from django.urls import reverse

from innovationskraft.workshops import services
from innovationskraft.workshops.models import Theme
from innovationskraft.workshops.report import workshop_report
from innovationskraft.workshops.term_counts import published_report_terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged_workshop(facilitator, workshop, send, join, term):
    """Two barriers about procurement in one theme, one hidden, one merged away."""
    bo = join(organisation_name="Västerås stad")
    send("Upphandling tar tid", kind="barrier", participant=bo)
    kept = send("Krånglig upphandling", kind="barrier", participant=bo)
    duplicate = send("Krånglig upphandling!", kind="barrier", participant=bo)
    services.contribution_merge(actor=facilitator, duplicate=duplicate, into=kept)
    hidden = send("Dolt hinder", kind="barrier", participant=bo)
    services.contribution_set_terms(
        actor=facilitator, contribution=hidden, terms=[term("barrier", "political_swings")]
    )
    services.contribution_set_status(actor=facilitator, contribution=hidden, status="hidden")
    services.themes_cluster(actor=facilitator, workshop=workshop)
    theme = Theme.objects.get(contributions=kept)
    services.theme_set_terms(actor=facilitator, theme=theme, terms=[term("barrier", "procurement")])
    return workshop


def test_a_report_counts_once_it_is_published(facilitator, tagged_workshop, term):
    assert published_report_terms("barrier").total == 0
    services.workshop_close(actor=facilitator, workshop=tagged_workshop)
    services.workshop_publish(actor=facilitator, workshop=tagged_workshop)

    tally = published_report_terms("barrier")
    silos = workshop_report(workshop=tagged_workshop).barriers[0]
    assert tally.per_root == {term("barrier", "silos").pk: silos.count}
    assert tally.per_term == {term("barrier", "procurement").pk: silos.count}
    assert (tally.total, tally.places) == (silos.count, 1)
    assert published_report_terms("enabler").total == 0


def test_the_insights_page_shows_the_reports_beside_the_cases(facilitator, tagged_workshop, client):
    services.workshop_close(actor=facilitator, workshop=tagged_workshop)
    services.workshop_publish(actor=facilitator, workshop=tagged_workshop)
    html = client.get(reverse("insights:index")).content.decode()
    assert 'id="barrier_workshops"' in html
    assert 'id="barrier_workshops_and_cases"' in html
    assert "Hinder som nämns i publicerade workshoprapporter" in html
