"""GET /api/v1/reports: published workshop reports, without the participants' names."""

import pytest

from innovationskraft.cases.models import Case
from innovationskraft.workshops import services
from innovationskraft.workshops.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_report(facilitator, workshop, send, join, term, make_case):
    retuna = make_case(title="ReTuna", status=Case.Status.PUBLISHED)
    anna = join(name="Anna Deltagarsson", organisation_name="Eskilstuna kommun")
    example = send("ReTuna", participant=anna)
    example.case = retuna
    example.save()
    send("Upphandling tar tid", kind="barrier", participant=anna)
    send("Krånglig upphandling", kind="barrier", participant=anna)
    services.themes_cluster(actor=facilitator, workshop=workshop)
    theme = Theme.objects.get()
    services.theme_set_terms(actor=facilitator, theme=theme, terms=[term("barrier", "procurement")])
    voting_round = services.round_open(
        actor=facilitator, workshop=workshop, target="themes", budget=1
    )
    services.vote_cast(participant=anna, voting_round=voting_round, item=theme)
    services.workshop_close(actor=facilitator, workshop=workshop)
    services.workshop_save_conclusions(
        actor=facilitator, workshop=workshop, conclusions="## Slutsats"
    )
    services.workshop_publish(actor=facilitator, workshop=workshop)
    return workshop


def test_published_reports_are_listed(api, published_report):
    body = api.call("get", "/api/v1/reports").json()

    assert [r["slug"] for r in body["results"]] == [published_report.slug]
    assert body["results"][0]["organiser"] == "eskilstuna-kommun"
    assert body["results"][0]["url"].endswith(f"/workshoppar/{published_report.slug}/rapport/")


def test_a_report_has_figures_examples_themes_votes_terms_and_conclusions(
    api, published_report, make_case
):
    body = api.call("get", f"/api/v1/reports/{published_report.slug}").json()

    assert body["figures"] == {
        "participants": 1,
        "organisations": 1,
        "contributions": 3,
        "examples": 1,
    }
    retuna = Case.objects.get(title="ReTuna")
    assert body["examples"] == [{"text": "ReTuna", "case": retuna.identifier}]
    [theme] = body["themes"]
    assert (theme["prompt_kind"], theme["contributions"], theme["votes"]) == ("barrier", 2, 1)
    assert theme["terms"] == ["procurement"]
    [silos] = body["barriers"]
    assert (silos["code"], silos["count"]) == ("silos", 2)
    assert [(c["code"], c["count"]) for c in silos["children"]] == [("procurement", 2)]
    assert body["enablers"] == []
    assert body["conclusions"] == "## Slutsats"


def test_a_report_never_names_a_participant(api, published_report):
    body = api.call("get", f"/api/v1/reports/{published_report.slug}").content.decode()

    assert "Deltagarsson" not in body


def test_an_unpublished_report_is_not_found(api, draft_workshop):
    assert api.call("get", f"/api/v1/reports/{draft_workshop.slug}").status_code == 404
