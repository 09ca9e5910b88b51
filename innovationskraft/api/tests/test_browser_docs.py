"""The interactive API docs in a real browser: Swagger UI runs under our Content-Security-Policy
from the site's own files, and asks nothing of any other site."""

import pytest

pytestmark = pytest.mark.browser


def test_the_docs_show_every_operation_without_leaving_the_site(page, live_server):
    requested, messages = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: messages.append(message.text))

    page.goto("/api/v1/docs")
    page.locator(".opblock").first.wait_for()
    page.wait_for_load_state("networkidle")

    assert page.locator(".opblock").count() == 13
    assert all(url.startswith(live_server.url) for url in requested), requested
    assert not [m for m in messages if "Content Security Policy" in m], messages


def test_the_docs_try_out_a_read_against_the_api(page):
    # Without a deep link every operation starts closed, so one click opens it; a deep link
    # opens it later, and a click racing that would close it again.
    page.goto("/api/v1/docs")
    operation = page.locator("#operations-vocabularies-vocabulary_list")
    operation.locator(".opblock-summary").first.click()
    operation.locator(".try-out__btn").click()
    operation.locator(".execute").click()

    status = operation.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
