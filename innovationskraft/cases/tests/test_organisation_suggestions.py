"""The organisation picker's suggestions: found by name or other name, in any case and
without accents, the best fits first, at most ten, for signed-in people only."""

import pytest

from innovationskraft.cases.models import Organisation
from innovationskraft.cases.tests.test_organisation_picker import organisation
from innovationskraft.core.testing.browser import sv

pytestmark = pytest.mark.django_db

SUGGESTIONS = "/organisationer/forslag.json"


def suggested(client, text: str, **params) -> dict:
    response = client.get(SUGGESTIONS, {"q": text, **params})
    assert response.status_code == 200
    return response.json()


def names(body: dict) -> list[str]:
    return [result["name"] for result in body["results"]]


def test_the_suggestions_need_a_signed_in_person(client, eskilstuna):
    response = client.get(SUGGESTIONS, {"q": "eskil"})

    assert response.status_code == 403
    assert "results" not in response.json()


def test_a_name_is_found_in_any_case_and_without_its_accents(client, editor, vasteras):
    client.force_login(editor)

    body = suggested(client, "VASTERAS")

    assert body["results"] == [{"id": vasteras.pk, "name": "Västerås stad", "kind": "Kommun"}]
    assert body["status"] == sv("%(count)s suggestion. Choose with the up and down arrow keys.") % {
        "count": 1
    }


def test_an_organisation_is_found_by_another_name_it_goes_by(client, editor):
    skr = organisation("Sveriges Kommuner och Regioner", Organisation.Kind.NON_PROFIT, ["SKR"])
    client.force_login(editor)

    assert suggested(client, "skr")["results"][0]["id"] == skr.pk


def test_names_that_start_with_the_text_come_before_names_that_hold_it(client, editor):
    organisation("Norrbottens energi")
    organisation("Energimyndigheten", Organisation.Kind.AGENCY)
    organisation("Grön energi i norr")
    client.force_login(editor)

    assert names(suggested(client, "energi")) == [
        "Energimyndigheten",
        "Grön energi i norr",
        "Norrbottens energi",
    ]


def test_at_most_ten_are_suggested_and_one_letter_suggests_none(client, editor):
    for number in range(15):
        organisation(f"Testbolaget {number:02}")
    client.force_login(editor)

    assert len(suggested(client, "testbol")["results"]) == 10
    body = suggested(client, "t")
    assert body == {"results": [], "status": ""}


def test_the_organisations_already_chosen_are_not_suggested_again(client, editor, eskilstuna):
    other = organisation("Eskilstuna Energi och Miljö")
    client.force_login(editor)

    body = suggested(client, "eskilstuna", exclude=[str(eskilstuna.pk)])

    assert [result["id"] for result in body["results"]] == [other.pk]


def test_no_match_is_said_in_words(client, editor):
    client.force_login(editor)

    body = suggested(client, "qwerty")

    assert body["results"] == []
    assert body["status"] == sv("No organisation matches “%(text)s”.") % {"text": "qwerty"}
