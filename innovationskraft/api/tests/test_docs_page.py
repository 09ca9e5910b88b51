"""/api/v1/docs: the API's documentation as a page of the site, written from the OpenAPI
document, with Swagger UI as the second way."""

import re

import pytest

from innovationskraft.core.testing.browser import sv

pytestmark = pytest.mark.django_db

OPERATION_IDS = [
    "case_list", "case_create", "case_detail", "case_replace", "case_update",
    "organisation_list", "organisation_detail", "vocabulary_list", "vocabulary_detail",
    "adoption_list", "adoption_create", "report_list", "report_detail",
]  # fmt: skip


def docs(client, query: str = "", **headers) -> str:
    response = client.get("/api/v1/docs" + query, **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def test_every_operation_is_on_the_page_grouped_by_tag_in_the_documents_order(client):
    html = docs(client)

    headings = re.findall(r'<h3 id="(\w+)"><span class="api-method', html)
    assert headings == OPERATION_IDS
    tags = re.findall(r'<h2 id="tag-([\w-]+)"', html)
    assert tags == ["cases", "organisations", "vocabularies", "adoptions", "workshop-reports"]


def test_the_page_is_in_swedish_with_the_apis_own_english_marked_as_such(client):
    html = docs(client)

    assert '<html lang="sv">' in html
    title = re.escape(sv("API documentation"))
    assert re.search(rf"<title>{title} \W Innovationskraft</title>", html)
    assert '<p lang="en"><strong>Published cases.</strong></p>' in html
    assert 'class="skip-link" href="#main"' in html


def test_the_page_speaks_english_when_asked_to(client):
    assert '<html lang="en">' in docs(client, "?lang=en")
    assert '<html lang="en">' in docs(client, HTTP_ACCEPT_LANGUAGE="en")


def test_a_write_says_it_needs_a_token_and_shows_its_headers_body_and_example(client):
    html = docs(client)
    update = html[html.index('id="case_update"') : html.index('id="organisation_list"')]

    needs_token = (
        "Needs a personal API token that may write, sent as Authorization: Bearer and the token."
    )
    assert sv(needs_token) in update
    assert "<code>If-Match</code>" in update
    assert "<code>contact_email</code>" in update  # the body's fields, written only
    assert "-X PATCH" in update
    assert "Authorization: Bearer $TOKEN" in update
    assert '<a href="#schema-ErrorOut">' in update


def test_each_named_schema_has_its_fields_and_the_links_to_it_lead_there(client):
    html = docs(client)

    for name in set(re.findall(r'href="#schema-(\w+)"', html)):
        assert f'<h3 id="schema-{name}">' in html, name
    case = html[html.index('id="schema-CaseOut"') :]
    assert "<code>partners</code>" in case[: case.index("</section>")]


def test_the_page_links_the_openapi_document_and_swagger_and_runs_no_inline_script(client):
    html = docs(client)

    assert 'href="/api/v1/openapi.json"' in html
    assert 'href="/api/v1/docs/swagger"' in html
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert "style=" not in html


def test_the_page_has_an_etag_and_swagger_still_answers(client):
    response = client.get("/api/v1/docs")
    assert response["ETag"]
    assert client.get("/api/v1/docs", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304

    assert client.get("/api/v1/docs/swagger").status_code == 200
