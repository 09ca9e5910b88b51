"""Every way a case is written (the site's form, the admin, the bulk import, the API) sends the
one `case_changed` signal, so the search index and the history follow each of them; and the
case list, search and the API count the same cases for the same filters, being one engine."""

import json

import pytest
from django.test import Client

from innovationskraft.cases import history
from innovationskraft.cases.models import Case
from innovationskraft.cases.services import organisation_set_trusted
from innovationskraft.opendata.services import cases_import
from innovationskraft.opendata.tests.conftest import plan_of
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import case_search

pytestmark = pytest.mark.django_db

OLD, NEW = "Fritidsbanken", "Cirkulärcentrum"


def found(words: str) -> set[int]:
    return {case.pk for case in case_search(filters=CaseFilters(q=words)).page.object_list}


def versions(case: Case) -> int:
    return len(history.case_versions(case=case, public=False))


@pytest.fixture
def case(make_case, eskilstuna):
    # Trusted: its editors' changes go live at once, as every write path here must show.
    organisation_set_trusted(actor=None, organisation=eskilstuna, trusted=True)
    return make_case(title=OLD, status=Case.Status.PUBLISHED)


def assert_renamed(case: Case, versions_before: int) -> None:
    case.refresh_from_db()
    assert case.title == NEW
    assert case.pk in found(NEW)
    assert case.pk not in found(OLD)
    assert versions(case) == versions_before + 1
    assert (
        history.version_changes(
            version=history.case_versions(case=case, public=False)[0],
            older=history.case_versions(case=case, public=False)[1],
        )[0].new
        == NEW
    )


def test_a_form_write_reaches_the_index_and_the_history(case, editor):
    before = versions(case)
    client = Client()
    client.force_login(editor)
    form = client.get(f"/innovationer/{case.slug}/redigera/").context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, [])}
    data |= {"title": NEW, "lead_organisation": case.lead_organisation_id}
    data["barriers"] = [term.pk for term in data.get("barriers", [])]

    response = client.post(f"/innovationer/{case.slug}/redigera/", data)

    assert response.status_code == 302
    assert_renamed(case, before)


def test_an_admin_edit_reaches_the_index_and_the_history(case, moderator):
    moderator.is_staff = moderator.is_superuser = True
    moderator.save()
    before = versions(case)
    client = Client()
    client.force_login(moderator)
    page = client.get(f"/admin/cases/case/{case.pk}/change/")
    data = {
        name: value
        for name, value in page.context["adminform"].form.initial.items()
        if value not in (None, [])
    }
    data |= {"title": NEW, "published_at_0": "2026-01-01", "published_at_1": "10:00:00"}
    for prefix in ("casepartner_set", "links", "adoptions", "reviews"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    data = {k: v for k, v in data.items() if k != "published_at"}

    response = client.post(f"/admin/cases/case/{case.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert_renamed(case, before)


def test_an_import_reaches_the_index_and_the_history(case):
    before = versions(case)
    record = {
        "identifier": case.identifier,
        "title": NEW,
        "summary": case.summary,
        "stage": case.stage,
        "lead_organisation": case.lead_organisation.slug,
    }

    cases_import(actor=None, plan=plan_of(json.dumps(record) + "\n"))

    assert_renamed(case, before)
    assert history.case_versions(case=case, public=False)[0].revision.comment == "Imported"


def test_an_api_write_reaches_the_index_and_the_history(case, editor, api, token_of):
    before = versions(case)

    response = api.call(
        "patch", f"/api/v1/cases/{case.identifier}", {"title": NEW}, token=token_of(editor)
    )

    assert response.status_code == 200
    assert_renamed(case, before)


def test_a_deletion_in_the_admin_leaves_the_index(case):
    case.delete()

    assert found(OLD) == set()


def test_the_case_list_search_and_the_api_count_the_same_for_the_same_filters(make_case, api):
    make_case(title="Pilot ett", stage="pilot", status=Case.Status.PUBLISHED)
    make_case(title="Pilot två", stage="pilot", status=Case.Status.PUBLISHED)
    make_case(title="Idé", stage="idea", status=Case.Status.PUBLISHED)
    make_case(title="Utkast", stage="pilot")

    listed = Client().get("/innovationer/?stage=pilot").context["page"].paginator.count
    searched = Client().get("/sok/?stage=pilot").context["results"].total
    through_api = api.call("get", "/api/v1/cases?stage=pilot").json()["count"]

    assert listed == searched == through_api == 2
