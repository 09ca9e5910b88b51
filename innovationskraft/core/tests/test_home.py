import pytest

from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.models import Case

pytestmark = pytest.mark.django_db


def test_an_empty_library_says_nothing_is_published_yet(client):
    html = client.get("/").content.decode()
    assert "Inga innovationer har publicerats än." in html


def test_the_home_page_shows_the_newest_cases_and_the_counts(client):
    demo_load()
    newest = Case.objects.order_by("-published_at", "-id").first()
    html = client.get("/").content.decode()
    assert newest.title in html
    assert newest.lead_organisation.name in html
    assert f"<dd>{Case.objects.filter(status='published').count()}</dd>" in html


def test_the_home_page_lists_the_most_adopted_cases(client):
    demo_load()
    top = Case.objects.order_by("-adoption_count").first()
    html = client.get("/").content.decode()
    assert top.adoption_count > 1
    assert f"{top.adoption_count} organisationer" in html


def test_every_page_sends_a_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
