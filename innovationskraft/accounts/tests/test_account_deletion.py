"""/konto/radera/: she deletes her account after typing her password again. Her cases stay
with the organisation without her name; her memberships, tokens, follows, saved answers and
the invitations to her address go."""

import pytest
from django.contrib.auth import get_user
from django.contrib.messages import get_messages
from django.urls import reverse
from reversion.models import Version

from innovationskraft.accounts.models import ApiToken, Membership, User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.accounts.tests.test_own_data import anna, answers  # noqa: F401
from innovationskraft.cases import services as case_services
from innovationskraft.cases.models import Adoption, Case
from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures shared with cases
    PASSWORD,
    editor,
    eskilstuna,
    make_case,
    moderator,
    region_skane,
    vasteras,
)
from innovationskraft.connect.models import Follow, Invitation, JoinRequest
from innovationskraft.insights.models import Assessment
from innovationskraft.workshops.models import Workshop
from innovationskraft.workshops.services import workshop_create

pytestmark = pytest.mark.django_db

DELETE = reverse("accounts:delete")


@pytest.fixture
def signed_in(client, anna):  # noqa: F811
    client.force_login(anna)
    return client


def test_the_page_asks_for_her_password_and_says_what_happens(signed_in):
    html = signed_in.get(DELETE).content.decode()
    assert 'type="password"' in html
    assert 'autocomplete="current-password"' in html
    assert reverse("accounts:data_download") in html


def test_a_wrong_password_deletes_nothing_and_says_so(signed_in, anna):  # noqa: F811
    response = signed_in.post(DELETE, {"password": "fel-lösenord"})

    assert response.status_code == 400
    assert "Lösenordet är fel." in response.content.decode()
    assert 'class="error-summary"' in response.content.decode()
    assert User.objects.filter(pk=anna.pk).exists()
    assert get_user(signed_in).is_authenticated


def test_deleting_keeps_her_cases_and_removes_her(signed_in, anna, vasteras):  # noqa: F811
    case = Case.objects.get(title="Case of Anna")
    case_services.case_publish(actor=None, case=case)
    membership_grant(user=anna, organisation=vasteras)
    case_services.adoption_record(actor=anna, case=case, organisation=vasteras, year=2025)
    workshop = workshop_create(
        actor=anna, organiser=case.lead_organisation, title="Workshop", date=case.created_at.date()
    )
    assert Version.objects.get_for_object(case).filter(revision__user=anna).exists()

    response = signed_in.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert not User.objects.filter(pk=anna.pk).exists()
    assert not get_user(signed_in).is_authenticated
    case.refresh_from_db()
    assert case.created_by is None
    assert case.lead_organisation.name == "Eskilstuna kommun"
    assert case.status == Case.Status.PUBLISHED
    assert Version.objects.get_for_object(case).filter(revision__user=None).exists()
    assert Adoption.objects.get(case=case).recorded_by is None
    assert Workshop.objects.get(pk=workshop.pk).created_by is None
    for model in (Membership, ApiToken, Follow, JoinRequest, Assessment):
        assert not model.objects.exists(), model
    assert not Invitation.objects.filter(email__iexact="anna@eskilstuna.example").exists()
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == ["Ditt konto har raderats."]


def test_someone_without_a_password_confirms_with_her_address(client, anna):  # noqa: F811
    anna.set_unusable_password()
    anna.save()
    client.force_login(anna)
    assert 'type="email"' in client.get(DELETE).content.decode()

    assert client.post(DELETE, {"password": "bo@vasteras.example"}).status_code == 400
    assert client.post(DELETE, {"password": "Anna@Eskilstuna.example"}).status_code == 302
    assert not User.objects.filter(pk=anna.pk).exists()


def test_guessing_the_password_stops_after_ten_tries_an_hour(signed_in, anna):  # noqa: F811
    for _attempt in range(10):
        assert signed_in.post(DELETE, {"password": "gissning"}).status_code == 400
    response = signed_in.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 429
    assert User.objects.filter(pk=anna.pk).exists()


def test_the_page_needs_a_signed_in_user(client):
    assert client.post(DELETE, {"password": PASSWORD}).status_code == 302
