import pytest
from django.urls import reverse

from innovationskraft.accounts.models import User
from innovationskraft.cases.models import Adoption, Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = User.objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    return client


def test_the_admin_is_in_swedish(admin_client):
    html = admin_client.get(reverse("admin:cases_case_changelist")).content.decode()
    assert "Innovationsbibliotek" in html or "innovationer" in html.lower()
    assert '<html lang="sv"' in html


def test_an_adoption_added_in_the_admin_updates_the_count(admin_client, make_case, vasteras):
    case = make_case(status=Case.Status.PUBLISHED)
    adopter = vasteras
    response = admin_client.post(
        reverse("admin:cases_adoption_add"),
        {"case": case.pk, "organisation": adopter.pk, "year": 2024, "how": "adapted", "note": ""},
    )
    assert response.status_code == 302
    assert Adoption.objects.filter(case=case).count() == 1
    case.refresh_from_db()
    assert case.adoption_count == 1


def test_the_admin_shows_a_cases_history(admin_client, make_case):
    case = make_case(status=Case.Status.PUBLISHED)
    response = admin_client.get(reverse("admin:cases_case_history", args=[case.pk]))
    assert response.status_code == 200
