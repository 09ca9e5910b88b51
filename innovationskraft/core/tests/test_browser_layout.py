import pytest

from innovationskraft.cases.demo import demo_load

pytestmark = pytest.mark.browser


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_switching_language_keeps_the_page(page):
    page.goto("/konto/logga-in/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/konto/logga-in/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Sign in").is_visible()
    page.get_by_role("link", name="Svenska").click()
    page.wait_for_url("**/konto/logga-in/")
    assert page.get_by_role("heading", name="Logga in").is_visible()


def test_the_page_fits_a_360_pixel_phone_without_sideways_scrolling(page):
    demo_load()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360


def test_no_request_leaves_the_site(page, live_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert requested
    assert all(url.startswith(live_server.url) for url in requested), requested


def test_the_page_runs_without_csp_violations(page):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert not [m for m in messages if "Content Security Policy" in m], messages
