"""GET /api/v1/cases and /api/v1/cases/{identifier}: what anyone may read, filtered, searched,
sorted and paged as on the site, without a trace of personal data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from innovationskraft.accounts.models import User
from innovationskraft.cases.models import Case

pytestmark = pytest.mark.django_db

CONTACT_EMAIL = "kerstin.kontakt@eskilstuna.example"
CASE_FIELDS = {
    "identifier", "url", "slug", "title", "summary", "description", "language",
    "lead_organisation", "lead_organisation_name", "partners", "stage", "start_year", "sector",
    "facet", "innovation_types", "target_groups", "barriers", "enablers", "effects", "sdgs",
    "user_involvement", "barriers_text", "enablers_text", "effects_evaluated", "evidence",
    "evaluation", "tags", "links",
    "inspired_by", "source", "source_identifier", "harvested_at", "adoption_count",
    "published_at", "updated_at",
}  # fmt: skip


@pytest.fixture
def full_case(make_case, term, vasteras):
    inspiration = make_case(title="Förebilden", status=Case.Status.PUBLISHED)
    hidden = make_case(title="Ett utkast till förebild")
    return make_case(
        title="Återbruksgalleria",
        summary="Allt som säljs är återbrukat.",
        description="## Bakgrund",
        partners=[vasteras],
        start_year=2015,
        sector=term("sector", "environment"),
        facet=Case.Facet.ENHANCEMENT,
        innovation_types=[term("innovation_type", "service")],
        barriers=[term("barrier", "procurement")],
        enablers=[term("enabler", "co_creation")],
        effects=[term("effect", "quality")],
        sdgs=[term("sdg", "sdg12")],
        effects_evaluated=True,
        tags=["Återbruk", "cirkulär ekonomi"],
        links=[("Webbplats", "https://retuna.example")],
        inspired_by=[inspiration, hidden],
        contact_name="Kerstin Kontaktsson",
        contact_email=CONTACT_EMAIL,
        status=Case.Status.PUBLISHED,
    )


def test_a_published_case_reads_with_exactly_the_export_fields(api, full_case):
    response = api.call("get", f"/api/v1/cases/{full_case.identifier}")

    assert response.status_code == 200
    case = response.json()
    assert set(case) == CASE_FIELDS
    assert case["url"] == f"http://testserver/innovationer/{full_case.slug}/"
    assert case["lead_organisation"] == "eskilstuna-kommun"
    assert case["lead_organisation_name"] == "Eskilstuna kommun"
    assert case["partners"] == ["vasteras-stad"]
    assert (case["sector"], case["facet"], case["start_year"]) == (
        "environment",
        "enhancement",
        2015,
    )
    assert case["barriers"] == ["procurement"]
    assert case["enablers"] == ["co_creation"]
    assert case["sdgs"] == ["sdg12"]
    assert case["tags"] == ["Återbruk", "cirkulär ekonomi"], "as written, in their order"
    assert case["links"] == [{"title": "Webbplats", "url": "https://retuna.example"}]


def test_only_published_inspirations_are_named(api, full_case):
    case = api.call("get", f"/api/v1/cases/{full_case.identifier}").json()

    [inspiration] = case["inspired_by"]
    assert Case.objects.get(identifier=inspiration).title == "Förebilden"


def test_no_read_carries_the_contact_person_or_any_email_address(api, full_case, editor):
    for path in [
        f"/api/v1/cases/{full_case.identifier}",
        "/api/v1/cases",
        "/api/v1/cases?q=galleria",
        "/api/v1/organisations",
        "/api/v1/organisations/eskilstuna-kommun",
        "/api/v1/adoptions",
    ]:
        body = api.call("get", path).content.decode()
        assert "Kontaktsson" not in body, path
        assert "@" not in body, path


def test_an_unknown_or_unpublished_case_is_not_found(api, make_case):
    draft = make_case(title="Utkast")

    for identifier in [draft.identifier, "finns-inte"]:
        response = api.call("get", f"/api/v1/cases/{identifier}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_the_token_of_an_editor_shows_her_organisations_draft(api, make_case, editor, token_of):
    draft = make_case(title="Utkast")

    response = api.call("get", f"/api/v1/cases/{draft.identifier}", token=token_of(editor))

    assert response.status_code == 200
    assert response.json()["published_at"] is None


def test_another_organisations_editor_does_not_see_the_draft(
    api, make_case, other_editor, token_of
):
    draft = make_case(title="Utkast")

    response = api.call("get", f"/api/v1/cases/{draft.identifier}", token=token_of(other_editor))

    assert response.status_code == 404


def test_the_list_holds_only_published_cases_newest_first(api, make_case):
    first = make_case(title="Först", status=Case.Status.PUBLISHED)
    second = make_case(title="Sedan", status=Case.Status.PUBLISHED)
    make_case(title="Utkast")

    body = api.call("get", "/api/v1/cases").json()

    assert body["count"] == 2
    assert [c["identifier"] for c in body["results"]] == [second.identifier, first.identifier]


def listed(api, case, query: str = "") -> dict:
    results = api.call("get", f"/api/v1/cases{query}").json()["results"]
    return next(item for item in results if item["identifier"] == case.identifier)


def test_a_list_item_has_the_fields_of_a_case_but_its_description(api, full_case):
    item = listed(api, full_case)
    assert set(item) == CASE_FIELDS - {"description"}
    assert item["summary"] == "Allt som säljs är återbrukat."


def test_the_list_gives_the_descriptions_when_asked(api, full_case):
    item = listed(api, full_case, "?include=description")
    assert set(item) == CASE_FIELDS
    assert item["description"] == "## Bakgrund"


def test_the_list_refuses_to_include_what_it_does_not_know(api, full_case):
    response = api.call("get", "/api/v1/cases?include=contact_email")
    assert response.status_code == 422


def test_the_list_filters_as_the_case_list_page_does(api, make_case, term, vasteras):
    make_case(
        title="Alfa",
        sector=term("sector", "health"),
        barriers=[term("barrier", "procurement")],
        start_year=2019,
        status=Case.Status.PUBLISHED,
    )
    make_case(title="Beta", organisation=vasteras, stage="pilot", status=Case.Status.PUBLISHED)

    def titles(query: str) -> list[str]:
        return [c["title"] for c in api.call("get", f"/api/v1/cases?{query}").json()["results"]]

    assert titles("sector=health") == ["Alfa"]
    assert titles("barrier=silos") == ["Alfa"]  # a parent code matches its children
    assert titles("stage=pilot") == ["Beta"]
    assert titles("county=19") == ["Beta"]
    assert titles("year=2019") == ["Alfa"]
    assert titles("org_type=region") == []
    assert titles("sort=title") == ["Alfa", "Beta"]


def test_words_search_the_library_as_the_search_page_does(api, make_case):
    make_case(title="Återbruksgalleria", status=Case.Status.PUBLISHED)
    make_case(title="Hemsjukvård", summary="Vård i hemmet.", status=Case.Status.PUBLISHED)

    body = api.call("get", "/api/v1/cases?q=hemsjukvård").json()

    assert [c["title"] for c in body["results"]] == ["Hemsjukvård"]
    assert body["count"] == 1


def test_pages_link_to_each_other_with_the_query_kept(api, make_case):
    for number in range(5):
        make_case(title=f"Fall {number}", status=Case.Status.PUBLISHED)

    first = api.call("get", "/api/v1/cases?sort=title&page_size=2").json()
    second = api.call("get", first["next"].removeprefix("http://testserver")).json()

    assert (first["count"], first["pages"], first["previous"]) == (5, 3, None)
    assert first["next"] == "http://testserver/api/v1/cases?sort=title&page_size=2&page=2"
    assert [c["title"] for c in second["results"]] == ["Fall 2", "Fall 3"]
    assert second["previous"].endswith("page=1")


def test_a_page_past_the_last_is_not_found_and_a_page_size_over_100_is_refused(api, make_case):
    make_case(title="Ett", status=Case.Status.PUBLISHED)

    past = api.call("get", "/api/v1/cases?page=2")
    too_big = api.call("get", "/api/v1/cases?page_size=101")

    assert (past.status_code, past.json()["code"]) == (404, "no_such_page")
    assert too_big.status_code == 422
    assert too_big.json()["errors"][0]["field"] == "page_size"


def test_an_unknown_filter_value_is_refused_with_its_field(api):
    response = api.call("get", "/api/v1/cases?stage=moon&year=20")

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert {e["field"] for e in body["errors"]} == {"stage", "year"}


def test_the_list_takes_the_same_number_of_queries_for_few_and_many_cases(
    api, make_case, term, vasteras, django_assert_max_num_queries
):
    def add(count: int) -> None:
        for number in range(count):
            make_case(
                title=f"Fall {number}",
                partners=[vasteras],
                barriers=[term("barrier", "procurement")],
                tags=["a", "b"],
                links=[("L", "https://example.se")],
                status=Case.Status.PUBLISHED,
            )

    add(2)
    with CaptureQueriesContext(connection) as few:
        api.call("get", "/api/v1/cases?page_size=100")
    add(30)
    with django_assert_max_num_queries(len(few)):
        response = api.call("get", "/api/v1/cases?page_size=100")
    assert response.json()["count"] == 32


def test_an_inactive_users_token_is_refused_even_for_reads(api, editor, token_of):
    token = token_of(editor)
    User.objects.filter(pk=editor.pk).update(is_active=False)

    response = api.call("get", "/api/v1/cases", token=token)

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_an_identifier_from_another_catalogue_with_slashes_can_be_read(api, make_case):
    case = make_case(title="Från OPSI", status=Case.Status.PUBLISHED)
    Case.objects.filter(pk=case.pk).update(identifier="https://oecd-opsi.org/innovations/42")

    response = api.call("get", "/api/v1/cases/https://oecd-opsi.org/innovations/42")

    assert response.status_code == 200
    assert response.json()["title"] == "Från OPSI"


def test_an_identifier_with_a_line_break_is_a_case_not_found_in_json(api):
    response = api.call("get", "/api/v1/cases/a%0Ab")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
