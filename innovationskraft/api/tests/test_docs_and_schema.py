"""The OpenAPI document and the interactive docs, which load nothing from elsewhere."""

import re

import pytest
import schemathesis

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/cases": {"get", "post"},
    "/api/v1/cases/{identifier}": {"get", "put", "patch"},
    "/api/v1/cases/{identifier}/adoptions": {"post"},
    "/api/v1/adoptions": {"get"},
    "/api/v1/organisations": {"get"},
    "/api/v1/organisations/{slug}": {"get"},
    "/api/v1/vocabularies": {"get"},
    "/api/v1/vocabularies/{vocabulary}": {"get"},
    "/api/v1/reports": {"get"},
    "/api/v1/reports/{slug}": {"get"},
}


@pytest.fixture
def document(api):
    response = api.call("get", "/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_document_is_valid_openapi_3(document):
    assert document["openapi"].startswith("3.")
    schemathesis.openapi.from_dict(document).validate()


def test_every_path_and_operation_is_in_the_document(document):
    found = {path: set(operations) for path, operations in document["paths"].items()}

    assert found == PATHS


def test_every_operation_declares_its_errors_with_the_error_schema(document):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            expected = {"401", "422", "429"} | ({"403"} if method != "get" else {"304"})
            assert expected <= codes, (method, path)
            for code in codes - {"200", "201", "202", "304"}:
                schema = operation["responses"][code]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorOut"}


def test_writes_need_a_token_and_reads_take_one_optionally(document):
    assert document["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
    assert document["paths"]["/api/v1/cases"]["post"]["security"] == [{"BearerToken": []}]
    assert document["paths"]["/api/v1/cases"]["get"]["security"] == [{}, {"BearerToken": []}]


def test_contact_fields_are_write_only(document):
    body = document["paths"]["/api/v1/cases/{identifier}"]["patch"]["requestBody"]
    written = body["content"]["application/json"]["schema"]["properties"]

    assert "contact_email" in written
    assert "contact_email" not in document["components"]["schemas"]["CaseOut"]["properties"]


def test_writes_document_if_match_and_the_answers_to_a_missing_or_stale_one(document):
    for method in ("put", "patch"):
        operation = document["paths"]["/api/v1/cases/{identifier}"][method]
        headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
        assert "If-Match" in headers
        assert {"412", "428"} <= set(operation["responses"])


def test_swagger_answers_and_loads_only_this_sites_own_files(api):
    response = api.call("get", "/api/v1/docs/swagger")

    assert response.status_code == 200
    html = response.content.decode()
    addresses = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert addresses
    assert all(address.startswith("/static/ninja/") for address in addresses), addresses
    assert "http" not in "".join(addresses)
    # The only script element without src holds the settings as data, which CSP allows.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline == [' type="application/json" id="swagger-settings"']
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_swagger_asks_no_outside_validator(api):
    html = api.call("get", "/api/v1/docs/swagger").content.decode()

    assert '"validatorUrl": null' in html


def test_the_swagger_files_are_served_by_the_site(client):
    for name in ("swagger-ui-bundle.js", "swagger-ui-init.js", "swagger-ui.css"):
        response = client.get(f"/static/ninja/{name}")
        assert response.status_code == 200, name


def test_a_method_an_address_does_not_take_is_refused_in_json(api):
    response = api.call("delete", "/api/v1/cases")

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert set(response["Allow"].split(", ")) == {"GET", "POST"}


def test_the_root_says_where_everything_is(api):
    response = api.call("get", "/api/v1/")

    assert response.status_code == 200
    body = response.json()
    assert body["openapi"] == "http://testserver/api/v1/openapi.json"
    assert body["docs"] == "http://testserver/api/v1/docs"
    assert body["resources"]["cases"] == "http://testserver/api/v1/cases"
    assert response["ETag"]


def test_an_address_under_the_api_that_names_nothing_is_a_json_404(client):
    response = client.get("/api/v1/case")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
