import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, override_settings
from django.urls import path

from innovationskraft import urls as project_urls


def raise_server_error(request):
    raise RuntimeError("boom")


def raise_permission_denied(request):
    raise PermissionDenied


def raise_bad_request(request):
    raise SuspiciousOperation("bad")


urlpatterns = [
    path("boom/", raise_server_error),
    path("forbidden/", raise_permission_denied),
    path("bad/", raise_bad_request),
    *project_urls.urlpatterns,
]
handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("innovationskraft.core.tests.test_error_pages"),
]


def test_a_missing_page_says_so_in_swedish_in_the_site_layout(client):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan hittades inte" in html
    assert 'id="main"' in html


def test_a_missing_english_page_says_so_in_english(client):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_server_error_shows_the_friendly_page(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()


def test_permission_denied_shows_the_403_page(client):
    response = client.get("/forbidden/")
    assert response.status_code == 403
    assert "Åtkomst nekad" in response.content.decode()


def test_a_bad_request_shows_the_400_page(client):
    response = client.get("/bad/")
    assert response.status_code == 400
    assert "Felaktig begäran" in response.content.decode()


@override_settings(ALLOWED_HOSTS=["example.org"])
def test_a_bad_host_gets_the_400_page(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400


def test_a_failed_csrf_check_says_the_form_expired():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/konto/logga-in/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "Formuläret har gått ut" in response.content.decode()


def test_a_signed_in_person_is_told_who_she_is_and_not_asked_to_sign_in(client):
    from innovationskraft.accounts.models import User

    client.force_login(User.objects.create_user("strateg@vasteras.se", "ett-lösenord-för-test"))
    html = client.get("/forbidden/").content.decode()
    assert "strateg@vasteras.se" in html
    assert "Logga in med ett konto" not in html


def test_a_signed_in_person_sees_why_she_may_not_edit_another_organisations_case(client):
    from innovationskraft.accounts.models import User
    from innovationskraft.cases.demo import demo_load

    demo_load()
    client.force_login(User.objects.create_user("strateg@vasteras.se", "ett-lösenord-för-test"))
    response = client.get("/innovationer/retuna-aterbruksgalleria/redigera/")
    assert response.status_code == 403
    assert "ansvariga organisationen" in response.content.decode()


def test_the_sign_in_page_is_branded_with_the_site_name_not_the_host(client):
    html = client.get("/konto/logga-in/").content.decode()
    assert "testserver" not in html
    assert "<title>Logga in \N{EN DASH} Innovationskraft</title>" in html
