"""Through the API too, an editor's change to a published case waits for a moderator: 202,
and every read keeps giving the reviewed case."""

import pytest

from innovationskraft.cases.models import Case, PendingRevision
from innovationskraft.cases.services import organisation_set_trusted

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(make_case):
    return make_case(title="ReTuna", summary="Återbruk.", status=Case.Status.PUBLISHED)


def path_of(case: Case) -> str:
    return f"/api/v1/cases/{case.identifier}"


def test_an_editors_patch_of_a_published_case_is_accepted_for_review(
    api, editor, token_of, published
):
    before = api.call("get", path_of(published))

    response = api.call("patch", path_of(published), {"title": "Ny titel"}, token=token_of(editor))

    assert response.status_code == 202
    body = response.json()
    assert (body["code"], body["identifier"]) == ("awaiting_review", published.identifier)
    assert "granskar" in body["message"]
    after = api.call("get", path_of(published))
    assert after.json()["title"] == "ReTuna"
    assert after.headers["ETag"] == before.headers["ETag"]
    assert PendingRevision.objects.get(case=published).data["title"] == "Ny titel"


def test_an_editors_put_of_a_published_case_is_accepted_for_review(
    api, editor, token_of, published
):
    record = api.call("get", path_of(published)).json() | {"title": "Nytt namn"}

    response = api.call("put", path_of(published), record, token=token_of(editor))

    assert response.status_code == 202
    published.refresh_from_db()
    assert published.title == "ReTuna"


def test_a_moderators_patch_and_a_trusted_editors_patch_apply_at_once(
    api, editor, moderator, token_of, published, eskilstuna
):
    by_moderator = api.call("patch", path_of(published), {"title": "A"}, token=token_of(moderator))
    organisation_set_trusted(actor=None, organisation=eskilstuna, trusted=True)
    by_trusted = api.call("patch", path_of(published), {"title": "B"}, token=token_of(editor))

    assert (by_moderator.status_code, by_trusted.status_code) == (200, 200)
    assert by_trusted.json()["title"] == "B"
    assert not PendingRevision.objects.exists()


def test_a_patch_of_a_draft_applies_at_once(api, editor, token_of, make_case):
    draft = make_case(title="Utkast")

    response = api.call("patch", path_of(draft), {"title": "Nytt"}, token=token_of(editor))

    assert response.status_code == 200
    assert response.json()["title"] == "Nytt"


def test_an_editor_of_another_organisation_is_refused(api, other_editor, token_of, published):
    response = api.call("patch", path_of(published), {"title": "X"}, token=token_of(other_editor))

    assert response.status_code == 403
    assert not PendingRevision.objects.exists()


def test_the_openapi_description_documents_the_202(api):
    schema = api.get("/api/v1/openapi.json").json()
    for method in ("put", "patch"):
        operation = schema["paths"]["/api/v1/cases/{identifier}"][method]
        assert "202" in operation["responses"]
        assert "awaiting_review" in operation["description"]
