import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_is_swedish_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Lär av innovationer i offentlig sektor" in html


def test_the_english_home_page_lives_under_en(client):
    response = client.get("/en/")
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Learn from innovations in the public sector" in html


def test_the_language_switcher_keeps_you_on_the_same_page(client):
    html = client.get("/konto/logga-in/?next=/").content.decode()
    assert 'href="/en/konto/logga-in/?next=/" hreflang="en"' in html
    english = client.get("/en/konto/logga-in/").content.decode()
    assert 'href="/konto/logga-in/" hreflang="sv"' in english


def test_the_current_language_is_marked_in_the_switcher(client):
    html = client.get("/en/").content.decode()
    assert '<span aria-current="true" lang="en">English</span>' in html
    assert 'lang="sv">Svenska</a>' in html
