"""POST, PUT and PATCH /api/v1/cases: the web form's permissions and checks, through a token."""

import datetime

import pytest

from innovationskraft.accounts.models import User
from innovationskraft.accounts.services import api_token_create, api_token_revoke
from innovationskraft.cases.models import Case
from innovationskraft.cases.services import organisation_set_trusted

pytestmark = pytest.mark.django_db

NEW_CASE = {
    "title": "Digital tillsyn",
    "summary": "Nattlig tillsyn via kamera.",
    "stage": "pilot",
    "lead_organisation": "eskilstuna-kommun",
    "sector": "elderly_care",
    "barriers": ["procurement"],
    "tags": ["välfärdsteknik"],
    "links": [{"title": "Rapport", "url": "https://example.se/rapport"}],
    "contact_name": "Kerstin Kontaktsson",
    "contact_email": "kerstin@eskilstuna.example",
}


def fields_of(response) -> set[str]:
    return {error["field"] for error in response.json()["errors"]}


def test_an_editor_creates_a_draft_for_her_organisation(api, editor, token_of):
    response = api.call("post", "/api/v1/cases", NEW_CASE, token=token_of(editor))

    assert response.status_code == 201
    body = response.json()
    case = Case.objects.get(identifier=body["identifier"])
    assert case.status == Case.Status.DRAFT
    assert case.created_by == editor
    assert (case.contact_name, case.contact_email) == (
        "Kerstin Kontaktsson",
        "kerstin@eskilstuna.example",
    )
    assert response["Location"] == f"http://testserver/api/v1/cases/{case.identifier}"
    assert body["sector"] == "elderly_care"
    assert body["links"] == [{"title": "Rapport", "url": "https://example.se/rapport"}]
    assert "contact_email" not in body
    assert "kerstin@" not in response.content.decode()


def test_a_case_can_bring_its_own_identifier_but_not_one_that_is_taken(
    api, editor, token_of, make_case
):
    token = token_of(editor)
    taken = make_case(title="Redan här")

    created = api.call("post", "/api/v1/cases", NEW_CASE | {"identifier": "opsi:1234"}, token=token)
    clash = api.call(
        "post", "/api/v1/cases", NEW_CASE | {"identifier": taken.identifier}, token=token
    )

    assert created.status_code == 201
    assert created.json()["identifier"] == "opsi:1234"
    assert (clash.status_code, clash.json()["code"]) == (409, "identifier_taken")


def test_every_bad_field_is_listed_at_once(api, editor, token_of):
    record = NEW_CASE | {
        "title": "",
        "summary": "x" * 601,
        "stage": "moon",
        "start_year": datetime.date.today().year + 1,
        "barriers": ["procurement", "no-such-barrier"],
        "sector": "no-such-sector",
        "partners": ["no-such-organisation"],
        "links": [{"title": "Trasig", "url": "not a web address"}],
        "contact_email": "not an address",
    }

    response = api.call("post", "/api/v1/cases", record, token=token_of(editor))

    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert fields_of(response) == {
        "title", "summary", "stage", "start_year", "barriers", "sector", "partners", "links",
        "contact_email",
    }  # fmt: skip
    assert all(e["code"] and e["message"] for e in response.json()["errors"])
    assert not Case.objects.exists()


def test_a_field_of_the_wrong_type_or_unknown_is_refused_with_its_name(api, editor, token_of):
    response = api.call(
        "post", "/api/v1/cases", NEW_CASE | {"tags": "ett", "colour": "blå"}, token=token_of(editor)
    )

    assert response.status_code == 422
    assert fields_of(response) == {"tags", "colour"}


def test_null_characters_are_refused_instead_of_stored(api, editor, token_of):
    record = NEW_CASE | {"tags": ["a\x00b"], "description": "nul\x00"}

    response = api.call("post", "/api/v1/cases", record, token=token_of(editor))

    assert response.status_code == 422
    assert fields_of(response) == {"tags", "description"}


@pytest.mark.parametrize("who", ["outsider", "other_editor"])
def test_a_lead_organisation_she_is_not_a_member_of_is_forbidden(
    api, token_of, who, request, eskilstuna
):
    user = request.getfixturevalue(who)

    response = api.call("post", "/api/v1/cases", NEW_CASE, token=token_of(user))

    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert not Case.objects.exists()


def test_a_moderator_may_create_for_any_organisation(api, moderator, token_of, eskilstuna):
    response = api.call("post", "/api/v1/cases", NEW_CASE, token=token_of(moderator))

    assert response.status_code == 201


def test_writing_without_a_token_or_with_a_revoked_one_is_unauthorized(api, editor):
    token, secret = api_token_create(user=editor, name="Gammal", scope="write")
    api_token_revoke(user=editor, token_id=token.pk)

    for headers in [{}, {"token": secret}, {"token": "ik_guess"}]:
        response = api.call("post", "/api/v1/cases", NEW_CASE, **headers)
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert response.json()["code"] == "unauthorized"
    assert not Case.objects.exists()


def test_the_token_of_a_user_who_may_no_longer_sign_in_is_unauthorized(api, editor, token_of):
    token = token_of(editor)
    User.objects.filter(pk=editor.pk).update(is_active=False)

    response = api.call("post", "/api/v1/cases", NEW_CASE, token=token)

    assert response.status_code == 401


@pytest.fixture
def published(make_case, term, vasteras, eskilstuna):
    # A trusted organisation's changes go live at once: these tests are about what a write
    # does to a case (test_change_review.py has the changes that wait for review).
    organisation_set_trusted(actor=None, organisation=eskilstuna, trusted=True)
    return make_case(
        title="ReTuna",
        summary="Återbruk.",
        partners=[vasteras],
        barriers=[term("barrier", "procurement")],
        tags=["återbruk"],
        links=[("Webbplats", "https://retuna.example")],
        contact_name="Kerstin Kontaktsson",
        contact_email="kerstin@eskilstuna.example",
        status=Case.Status.PUBLISHED,
    )


def test_patch_changes_only_the_fields_sent(api, editor, token_of, published):
    path = f"/api/v1/cases/{published.identifier}"

    response = api.call(
        "patch", path, {"title": "ReTuna återbruksgalleria"}, token=token_of(editor)
    )

    assert response.status_code == 200
    published.refresh_from_db()
    assert published.title == "ReTuna återbruksgalleria"
    assert published.summary == "Återbruk."
    assert [o.slug for o in published.partners.all()] == ["vasteras-stad"]
    assert [t.code for t in published.barriers.all()] == ["procurement"]
    assert [t.name for t in published.tags.all()] == ["återbruk"]
    assert [(link.title, link.url) for link in published.links.all()] == [
        ("Webbplats", "https://retuna.example")
    ]
    assert published.contact_email == "kerstin@eskilstuna.example"
    assert published.status == Case.Status.PUBLISHED


def test_put_replaces_the_case_but_keeps_the_contact_person_it_cannot_read(
    api, editor, token_of, published
):
    record = api.call("get", f"/api/v1/cases/{published.identifier}").json()
    record |= {"title": "Nytt namn", "barriers": [], "tags": []}

    response = api.call(
        "put", f"/api/v1/cases/{published.identifier}", record, token=token_of(editor)
    )

    assert response.status_code == 200
    published.refresh_from_db()
    assert published.title == "Nytt namn"
    assert list(published.barriers.all()) == []
    assert list(published.tags.all()) == []
    assert [o.slug for o in published.partners.all()] == ["vasteras-stad"]
    assert published.contact_email == "kerstin@eskilstuna.example"


def test_the_provenance_of_a_harvested_case_is_read_but_not_written_through_the_api(
    api, editor, token_of, published
):
    Case.objects.filter(pk=published.pk).update(source="dpg", source_identifier="retuna")
    path = f"/api/v1/cases/{published.identifier}"
    record = api.call("get", path).json()
    assert (record["source"], record["source_identifier"]) == ("dpg", "retuna")

    record |= {"title": "Nytt namn", "source": "", "source_identifier": "other"}
    put = api.call("put", path, record, token=token_of(editor))
    patch = api.call("patch", path, {"source": "mine"}, token=token_of(editor))

    assert (put.status_code, patch.status_code) == (200, 200)
    published.refresh_from_db()
    assert published.title == "Nytt namn"
    assert (published.source, published.source_identifier) == ("dpg", "retuna")


def test_put_of_a_partial_case_lists_what_is_missing(api, editor, token_of, published):
    path = f"/api/v1/cases/{published.identifier}"

    response = api.call("put", path, {"description": "Bara text"}, token=token_of(editor))

    assert response.status_code == 422
    assert {"title", "summary", "stage"} <= fields_of(response)


def test_wrong_json_types_and_bad_values_are_listed_in_one_answer(api, editor, token_of):
    record = NEW_CASE | {"title": 5, "tags": "not a list", "stage": "moon", "barriers": ["x"]}

    response = api.call("post", "/api/v1/cases", record, token=token_of(editor))

    assert response.status_code == 422
    assert fields_of(response) == {"title", "tags", "stage", "barriers"}
    assert not Case.objects.exists()


def test_a_patch_with_a_wrong_type_also_lists_the_merged_case_errors(
    api, editor, token_of, published
):
    changes = {"effects_evaluated": "perhaps", "sector": "nope"}

    response = api.call(
        "patch", f"/api/v1/cases/{published.identifier}", changes, token=token_of(editor)
    )

    assert response.status_code == 422
    assert fields_of(response) == {"effects_evaluated", "sector"}


def test_a_wrong_type_on_another_organisations_case_reveals_nothing_more(
    api, other_editor, token_of, published
):
    changes = {"effects_evaluated": "perhaps", "sector": "nope"}

    response = api.call(
        "patch", f"/api/v1/cases/{published.identifier}", changes, token=token_of(other_editor)
    )

    assert (response.status_code, response.json()["code"]) == (403, "forbidden")
    assert "errors" not in response.json()


def test_a_write_without_if_match_is_refused_with_428(api, editor, token_of, published):
    path = f"/api/v1/cases/{published.identifier}"

    response = api.call("patch", path, {"title": "Ny"}, token=token_of(editor), if_match=None)

    assert (response.status_code, response.json()["code"]) == (428, "precondition_required")
    published.refresh_from_db()
    assert published.title == "ReTuna"


def test_a_write_with_a_stale_or_nonsense_etag_is_refused_with_412(
    api, editor, token_of, published
):
    path = f"/api/v1/cases/{published.identifier}"
    token = token_of(editor)
    read_before = api.call("get", path, token=token).headers["ETag"]
    assert api.call("patch", path, {"title": "Först"}, token=token).status_code == 200

    for stale in (read_before, '"nonsense"'):
        response = api.call("put", path, {"title": "Sist"}, token=token, if_match=stale)
        assert (response.status_code, response.json()["code"]) == (412, "precondition_failed")
    published.refresh_from_db()
    assert published.title == "Först"


def test_a_write_answers_with_the_etag_of_the_new_state(api, editor, token_of, published):
    path = f"/api/v1/cases/{published.identifier}"
    token = token_of(editor)

    written = api.call("patch", path, {"title": "Ny titel"}, token=token)

    assert written.headers["ETag"] == api.call("get", path, token=token).headers["ETag"]
    again = api.call("patch", path, {"summary": "Kort."}, token=token, if_match=written["ETag"])
    assert again.status_code == 200


def test_patch_checks_the_merged_case_and_lists_every_bad_field(api, editor, token_of, published):
    path = f"/api/v1/cases/{published.identifier}"
    changes = {"title": "", "sector": "nope", "lead_organisation": "vasteras-stad"}

    response = api.call("patch", path, changes, token=token_of(editor))

    assert response.status_code == 422
    assert fields_of(response) == {"title", "sector", "lead_organisation"}
    published.refresh_from_db()
    assert published.title == "ReTuna"


def test_editing_another_organisations_case_is_forbidden(
    api, other_editor, outsider, token_of, published
):
    for user in (other_editor, outsider):
        response = api.call(
            "patch", f"/api/v1/cases/{published.identifier}", {"title": "X"}, token=token_of(user)
        )
        assert response.status_code == 403
    published.refresh_from_db()
    assert published.title == "ReTuna"


def test_another_organisations_draft_does_not_exist_for_a_writer(
    api, other_editor, token_of, make_case
):
    draft = make_case(title="Utkast")

    response = api.call(
        "patch", f"/api/v1/cases/{draft.identifier}", {"title": "X"}, token=token_of(other_editor)
    )

    assert response.status_code == 404


def test_a_moderator_may_edit_any_case(api, moderator, token_of, published):
    response = api.call(
        "patch", f"/api/v1/cases/{published.identifier}", {"title": "Ny"}, token=token_of(moderator)
    )

    assert response.status_code == 200
    assert response.json()["title"] == "Ny"


def test_an_identifier_in_the_body_must_be_the_cases_own(api, editor, token_of, published):
    response = api.call(
        "patch",
        f"/api/v1/cases/{published.identifier}",
        {"identifier": "another"},
        token=token_of(editor),
    )

    assert (response.status_code, response.json()["code"]) == (409, "identifier_mismatch")


def test_only_published_cases_can_be_named_as_inspiration(api, editor, token_of, make_case):
    draft = make_case(title="Utkast")
    model = make_case(title="Förebild", status=Case.Status.PUBLISHED)
    token = token_of(editor)

    refused = api.call(
        "post", "/api/v1/cases", NEW_CASE | {"inspired_by": [draft.identifier]}, token=token
    )
    accepted = api.call(
        "post", "/api/v1/cases", NEW_CASE | {"inspired_by": [model.identifier]}, token=token
    )

    assert refused.status_code == 422
    assert fields_of(refused) == {"inspired_by"}
    assert accepted.json()["inspired_by"] == [model.identifier]


def test_using_a_token_records_when_it_was_last_used(api, editor):
    token, secret = api_token_create(user=editor, name="Import")

    api.call("get", "/api/v1/vocabularies", token=secret)

    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize("method", ["post", "patch"])
def test_a_description_over_20000_characters_is_refused_with_422(
    api, editor, token_of, make_case, method
):
    token = token_of(editor)
    path = "/api/v1/cases"
    if method == "patch":
        path += "/" + make_case(title="Utkast").identifier
    body = (NEW_CASE if method == "post" else {}) | {"description": "x" * 20_001}

    response = api.call(method, path, body, token=token)

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert (error["field"], error["code"]) == ("description", "max_length")
    assert "20001" in error["message"]
    assert "20000" in error["message"]


def test_a_description_of_20000_characters_is_written(api, editor, token_of):
    body = NEW_CASE | {"description": "x" * 20_000}
    response = api.call("post", "/api/v1/cases", body, token=token_of(editor))
    assert response.status_code == 201
    assert len(response.json()["description"]) == 20_000


def test_the_schema_says_the_description_limit(api):
    schema = api.get("/api/v1/openapi.json").json()
    body = schema["paths"]["/api/v1/cases"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"]["properties"]["description"]["maxLength"] == 20_000
