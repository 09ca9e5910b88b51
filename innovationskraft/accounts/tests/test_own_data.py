"""/konto/mina-uppgifter.json: a signed-in user downloads all the site holds about her, from
every app (core/personal_data.py), and nothing about anyone else."""

import json

import pytest
from django.urls import reverse

from innovationskraft.accounts.services import api_token_create
from innovationskraft.cases import services as case_services
from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures shared with cases
    PASSWORD,
    case_input,
    editor,
    eskilstuna,
    other_editor,
    region_skane,
    vasteras,
)
from innovationskraft.connect.following import follow_create
from innovationskraft.connect.joining import join_request_create
from innovationskraft.connect.models import Invitation
from innovationskraft.core.personal_data import personal_data_add, personal_data_export
from innovationskraft.insights.self_assessment.services import assessment_save
from innovationskraft.insights.self_assessment.statements import DIMENSIONS

pytestmark = pytest.mark.django_db

DOWNLOAD = reverse("accounts:data_download")


def answers(value: int) -> dict[str, int]:
    return {s.code: value for d in DIMENSIONS for s in d.statements}


def with_everything(user, organisation, *, name: str) -> None:
    """A user who has used every part of the site that keeps something of her."""
    api_token_create(user=user, name=f"Token of {name}")
    follow_create(
        user=user, filters={"barrier": "procurement"}, label=f"Follow of {name}", frequency="daily"
    )
    assessment_save(user=user, organisation=organisation, answers=answers(4))
    case_services.case_create(
        actor=user, lead_organisation=organisation, data=case_input(title=f"Case of {name}")
    )
    Invitation.objects.create(organisation=organisation, email=user.email, role="editor")


@pytest.fixture
def anna(editor, eskilstuna, region_skane):  # noqa: F811 - the shared fixtures
    with_everything(editor, eskilstuna, name="Anna")
    join_request_create(
        user=editor, organisation=region_skane, message="Anna vill gå med.", decide_url="/"
    )
    return editor


@pytest.fixture
def bo(other_editor, vasteras):  # noqa: F811 - the shared fixtures
    with_everything(other_editor, vasteras, name="Bo")
    return other_editor


def test_the_download_needs_a_signed_in_user(client):
    response = client.get(DOWNLOAD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_download_is_a_json_file_that_is_not_cached(client, anna):
    client.force_login(anna)
    response = client.get(DOWNLOAD)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="innovationskraft-')
    assert "no-store" in response["Cache-Control"]


def test_the_download_holds_her_data_from_every_app(client, anna):
    client.force_login(anna)
    data = json.loads(client.get(DOWNLOAD).content)

    assert data["account"]["email"] == "anna@eskilstuna.example"
    assert data["account"]["first_name"] == "Anna"
    assert [(m["organisation"], m["role"]) for m in data["memberships"]] == [
        ("Eskilstuna kommun", "editor")
    ]
    assert [t["name"] for t in data["api_tokens"]] == ["Token of Anna"]
    assert [f["what"] for f in data["follows"]] == ["Follow of Anna"]
    assert [r["message"] for r in data["join_requests"]] == ["Anna vill gå med."]
    assert [i["organisation"] for i in data["invitations"]] == ["Eskilstuna kommun"]
    assert [a["answers"] for a in data["self_assessments"]] == [answers(4)]
    assert [c["title"] for c in data["innovations_created"]] == ["Case of Anna"]
    assert data["workshops_created"] == []


def test_the_download_holds_nothing_of_another_user(client, anna, bo):
    client.force_login(anna)
    body = client.get(DOWNLOAD).content.decode()

    for trace in ["bo@vasteras.example", "Token of Bo", "Follow of Bo", "Case of Bo", "Västerås"]:
        assert trace not in body


def test_it_holds_the_cases_that_name_her_address_as_contact(client, anna, eskilstuna):  # noqa: F811
    case_services.case_create(
        actor=None,
        lead_organisation=eskilstuna,
        data=case_input(title="Nattlig tillsyn", contact_email="Anna@Eskilstuna.example"),
    )
    client.force_login(anna)
    data = json.loads(client.get(DOWNLOAD).content)
    assert [c["title"] for c in data["contact_person_of"]] == ["Nattlig tillsyn"]


def test_the_password_hash_is_not_in_the_download(client, anna):
    client.force_login(anna)
    body = client.get(DOWNLOAD).content.decode()
    assert anna.password not in body
    assert PASSWORD not in body


def test_two_apps_may_not_export_the_same_section(anna):
    personal_data_add(app="zz-test", export=lambda user: {"follows": []})
    try:
        with pytest.raises(ValueError, match="follows"):
            personal_data_export(user=anna)
    finally:
        from innovationskraft.core import personal_data

        del personal_data._parts["zz-test"]


def test_the_account_page_links_to_the_download_and_the_deletion(client, anna):
    client.force_login(anna)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert f'href="{DOWNLOAD}"' in html
    assert f'href="{reverse("accounts:delete")}"' in html
