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


PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 900}


def test_on_a_phone_the_menu_is_one_row_behind_a_button_that_the_keyboard_opens(page):
    page.set_viewport_size(PHONE)
    page.goto("/innovationer/")
    menu = page.locator(".main-nav")
    assert menu.bounding_box()["height"] < 60
    innovations = menu.get_by_role("link", name="Innovationer")
    assert not innovations.is_visible()
    page.locator(".main-nav summary").focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    assert innovations.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Start"


def test_on_a_phone_the_filters_fold_away_so_the_first_case_shows_first(page):
    demo_load()
    page.set_viewport_size(PHONE)
    page.goto("/innovationer/")
    assert not page.locator("#id_q").is_visible()
    assert page.locator(".card").first.bounding_box()["y"] < PHONE["height"]
    page.get_by_text("Visa filter").click()
    assert page.locator("#id_q").is_visible()


def test_on_a_wide_screen_the_menu_and_the_filters_are_open_without_a_button(page):
    page.set_viewport_size(LAPTOP)
    page.goto("/innovationer/")
    assert page.locator(".main-nav").get_by_role("link", name="Innovationer").is_visible()
    assert page.locator("#id_q").is_visible()
    assert not page.get_by_text("Visa filter").is_visible()
    assert not page.locator(".main-nav summary").is_visible()
