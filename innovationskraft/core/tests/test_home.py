import pytest

from innovationskraft.cases.demo import demo_load

pytestmark = pytest.mark.django_db


def test_an_empty_library_says_nothing_is_published_yet(client):
    html = client.get("/").content.decode()
    assert "Inga innovationer har publicerats än." in html


def test_the_home_page_shows_the_newest_cases_and_the_counts(client):
    demo_load()
    html = client.get("/").content.decode()
    assert "ReTuna Återbruksgalleria" in html
    assert "Eskilstuna kommun" in html
    assert "<dd>7</dd>" in html


def test_every_page_sends_a_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
