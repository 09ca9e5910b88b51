"""GET /api/v1/organisations and /api/v1/vocabularies."""

import pytest

from innovationskraft.cases import services
from innovationskraft.cases.models import Case

pytestmark = pytest.mark.django_db


def test_organisations_are_listed_with_their_counts_most_cases_first(
    api, make_case, eskilstuna, vasteras, region_skane
):
    make_case(title="A", status=Case.Status.PUBLISHED)
    make_case(title="Utkast")
    shared = make_case(title="B", organisation=vasteras, status=Case.Status.PUBLISHED)
    services.adoption_record(actor=None, case=shared, organisation=eskilstuna)

    body = api.call("get", "/api/v1/organisations").json()

    rows = [(o["slug"], o["case_count"], o["adopted_count"]) for o in body["results"]]
    assert rows[:2] == [("eskilstuna-kommun", 1, 1), ("vasteras-stad", 1, 0)]
    # The rest of the registry that migrate left has nothing yet.
    assert {(cases, adopted) for _slug, cases, adopted in rows[2:]} == {(0, 0)}
    assert body["results"][0]["url"] == "http://testserver/organisationer/eskilstuna-kommun/"
    assert body["results"][0]["type"] == "municipality"


def test_organisations_filter_by_name_and_type(api, eskilstuna, vasteras, region_skane):
    def found(query: str) -> list[tuple[str, str]]:
        body = api.call("get", f"/api/v1/organisations?{query}&page_size=100").json()
        return [(o["slug"], o["type"]) for o in body["results"]]

    assert found("name=västerås") == [("vasteras-stad", "municipality")]
    regions = found("type=region")
    assert ("region-skane", "region") in regions
    assert {kind for _slug, kind in regions} == {"region"}
    assert api.call("get", "/api/v1/organisations?type=planet").status_code == 422


def test_one_organisation_has_its_published_case_counts(api, make_case, eskilstuna, vasteras):
    make_case(title="Leder", status=Case.Status.PUBLISHED)
    make_case(title="Partner", organisation=vasteras, partners=[eskilstuna], status="published")
    make_case(title="Utkast", organisation=vasteras, partners=[eskilstuna])

    body = api.call("get", "/api/v1/organisations/eskilstuna-kommun").json()

    assert (body["case_count"], body["partner_case_count"], body["adopted_count"]) == (1, 1, 0)
    assert api.call("get", "/api/v1/organisations/finns-inte").status_code == 404


def test_the_vocabularies_are_listed_with_both_labels(api):
    body = api.call("get", "/api/v1/vocabularies").json()

    barrier = next(v for v in body if v["code"] == "barrier")
    assert (barrier["label_sv"], barrier["label_en"]) == ("Hinder", "Barrier")
    assert barrier["hierarchical"] is True
    assert barrier["term_count"] > 10
    assert {v["code"] for v in body} == {
        "sector", "target_group", "innovation_type", "effect", "sdg", "barrier", "enabler",
    }  # fmt: skip


def test_a_vocabulary_lists_its_terms_with_codes_parents_labels_and_definitions(api):
    body = api.call("get", "/api/v1/vocabularies/barrier").json()

    terms = {t["code"]: t for t in body["terms"]}
    assert terms["procurement"]["parent"] == "silos"
    assert terms["silos"]["parent"] is None
    assert terms["procurement"]["label_sv"]
    assert terms["procurement"]["label_en"]
    assert set(terms["procurement"]) == {
        "code", "parent", "label_sv", "label_en", "definition_sv", "definition_en",
    }  # fmt: skip
    assert api.call("get", "/api/v1/vocabularies/planets").status_code == 404
