"""GET /api/v1/adoptions and POST /api/v1/cases/{identifier}/adoptions."""

import datetime

import pytest

from innovationskraft.cases import services
from innovationskraft.cases.models import Adoption, Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def retuna(make_case):
    return make_case(title="ReTuna", status=Case.Status.PUBLISHED)


def adopt_path(case) -> str:
    return f"/api/v1/cases/{case.identifier}/adoptions"


def test_an_editor_records_that_her_organisation_adopted_a_case(
    api, retuna, other_editor, token_of
):
    payload = {"organisation": "vasteras-stad", "year": 2023, "how": "copied", "note": "Bra."}

    response = api.call("post", adopt_path(retuna), payload, token=token_of(other_editor))

    assert response.status_code == 201
    assert response.json() | {"created_at": None} == {
        "case": retuna.identifier,
        "case_title": "ReTuna",
        "organisation": "vasteras-stad",
        "organisation_name": "Västerås stad",
        "year": 2023,
        "how": "copied",
        "note": "Bra.",
        "created_at": None,
    }
    retuna.refresh_from_db()
    assert retuna.adoption_count == 1
    assert Adoption.objects.get().recorded_by == other_editor


def test_an_adoption_recorded_twice_is_a_conflict(api, retuna, other_editor, token_of):
    token = token_of(other_editor)
    api.call("post", adopt_path(retuna), {"organisation": "vasteras-stad"}, token=token)

    again = api.call("post", adopt_path(retuna), {"organisation": "vasteras-stad"}, token=token)

    assert (again.status_code, again.json()["code"]) == (409, "already_adopted")
    assert Adoption.objects.count() == 1


def test_adopting_for_an_organisation_she_does_not_belong_to_is_forbidden(
    api, retuna, editor, outsider, vasteras, token_of
):
    for user in (editor, outsider):
        response = api.call(
            "post", adopt_path(retuna), {"organisation": "vasteras-stad"}, token=token_of(user)
        )
        assert response.status_code == 403
    assert not Adoption.objects.exists()


def test_an_organisation_cannot_adopt_its_own_case(api, retuna, editor, token_of):
    response = api.call(
        "post", adopt_path(retuna), {"organisation": "eskilstuna-kommun"}, token=token_of(editor)
    )

    assert response.status_code == 403


def test_a_bad_adoption_lists_its_fields(api, retuna, other_editor, token_of):
    payload = {
        "organisation": "vasteras-stad",
        "year": datetime.date.today().year + 1,
        "note": "x" * 1001,
    }

    response = api.call("post", adopt_path(retuna), payload, token=token_of(other_editor))

    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"year", "note"}


def test_an_unknown_organisation_is_a_field_error(api, retuna, other_editor, token_of):
    response = api.call(
        "post", adopt_path(retuna), {"organisation": "finns-inte"}, token=token_of(other_editor)
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "organisation"


def test_a_draft_cannot_be_adopted(api, make_case, other_editor, token_of):
    draft = make_case(title="Utkast")

    response = api.call(
        "post", adopt_path(draft), {"organisation": "vasteras-stad"}, token=token_of(other_editor)
    )

    assert response.status_code == 404


def test_adopting_needs_a_token(api, retuna, vasteras):
    response = api.call("post", adopt_path(retuna), {"organisation": "vasteras-stad"})

    assert response.status_code == 401


def test_the_list_shows_adoptions_of_published_cases_filtered_by_case_and_organisation(
    api, make_case, vasteras, region_skane
):
    retuna = make_case(title="ReTuna", status=Case.Status.PUBLISHED)
    other = make_case(title="Annat", status=Case.Status.PUBLISHED)
    services.adoption_record(actor=None, case=retuna, organisation=vasteras, year=2022)
    services.adoption_record(actor=None, case=retuna, organisation=region_skane)
    services.adoption_record(actor=None, case=other, organisation=vasteras)
    hidden = make_case(title="Arkiverat", status=Case.Status.PUBLISHED)
    services.adoption_record(actor=None, case=hidden, organisation=vasteras)
    Case.objects.filter(pk=hidden.pk).update(status=Case.Status.ARCHIVED)

    def pairs(query: str = "") -> list[tuple[str, str]]:
        body = api.call("get", f"/api/v1/adoptions?{query}").json()
        return [(a["case_title"], a["organisation"]) for a in body["results"]]

    assert pairs() == [
        ("Annat", "vasteras-stad"),
        ("ReTuna", "region-skane"),
        ("ReTuna", "vasteras-stad"),
    ]
    assert pairs(f"case={retuna.identifier}") == [
        ("ReTuna", "region-skane"),
        ("ReTuna", "vasteras-stad"),
    ]
    assert pairs("organisation=vasteras-stad") == [
        ("Annat", "vasteras-stad"),
        ("ReTuna", "vasteras-stad"),
    ]


def test_a_case_with_slashes_in_its_identifier_can_be_adopted(api, retuna, other_editor, token_of):
    Case.objects.filter(pk=retuna.pk).update(identifier="opsi.org/cases/7")

    response = api.call(
        "post",
        "/api/v1/cases/opsi.org/cases/7/adoptions",
        {"organisation": "vasteras-stad"},
        token=token_of(other_editor),
    )

    assert response.status_code == 201
