"""The API docs in a real browser: our own page passes axe and reflows at 320 px; Swagger UI
runs under our Content-Security-Policy from the site's own files, and asks nothing of any
other site."""

import re

import pytest
from playwright.sync_api import expect

from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sv

pytestmark = pytest.mark.browser

SWAGGER = "/api/v1/docs/swagger"


@pytest.mark.parametrize(
    ("address", "language"), [("/api/v1/docs", "sv"), ("/api/v1/docs?lang=en", "en")]
)
def test_the_docs_page_has_no_wcag_21_aa_violations_and_fits_a_phone(page, address, language):
    page.goto(address)
    expect(page.locator("html")).to_have_attribute("lang", language)
    for details in page.locator("details").all():
        details.evaluate("element => { element.open = true; }")

    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_docs_page_is_read_with_the_keyboard_from_its_contents(page):
    page.goto("/api/v1/docs")
    expect(page).to_have_title(re.compile(rf"^{re.escape(sv('API documentation'))} \W "))
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name=sv("Skip to content"))).to_be_focused()

    link = page.get_by_role("navigation", name=sv("Contents")).get_by_role(
        "link", name="PATCH /api/v1/cases/{identifier}"
    )
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**#case_update")
    expect(page.get_by_role("heading", name="PATCH /api/v1/cases/{identifier}")).to_be_in_viewport()


def test_the_docs_show_every_operation_without_leaving_the_site(page, live_server):
    requested, messages = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: messages.append(message.text))

    page.goto(SWAGGER)
    page.locator(".opblock").first.wait_for()
    page.wait_for_load_state("networkidle")

    assert page.locator(".opblock").count() == 13
    assert all(url.startswith(live_server.url) for url in requested), requested
    assert not [m for m in messages if "Content Security Policy" in m], messages


def test_the_docs_try_out_a_read_against_the_api(page):
    # Without a deep link every operation starts closed, so one click opens it; a deep link
    # opens it later, and a click racing that would close it again.
    page.goto(SWAGGER)
    operation = page.locator("#operations-vocabularies-vocabulary_list")
    operation.locator(".opblock-summary").first.click()
    operation.locator(".try-out__btn").click()
    operation.locator(".execute").click()

    status = operation.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
