"""The self-assessment in real Chromium: answered from the keyboard, a missing answer told in
a summary that takes focus, the answers kept, and the profile shown."""

import re

import pytest
from playwright.sync_api import expect

from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sv
from innovationskraft.insights.self_assessment.statements import STATEMENTS

pytestmark = pytest.mark.browser


def no_violations(page) -> None:
    violations = axe_violations(page)
    assert not violations, describe(violations)


def answer_by_keyboard(page, code: str, steps_right: int) -> None:
    """Into the group's first choice, Space picks it, each arrow the next choice."""
    page.locator(f"#id_{code}_0").focus()
    page.keyboard.press("Space")
    for _ in range(steps_right):
        page.keyboard.press("ArrowRight")


def test_a_visitor_answers_from_the_keyboard_and_sees_her_profile(page, tmp_path):
    page.goto("/sjalvskattning/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        sv("Self-assessment of innovation capacity")
    )
    # Two statements answered by clicking their labels, then sent: 23 are missing.
    first = page.get_by_role("group", name=re.compile(r"^1\. "))
    first.get_by_label(sv("Agree"), exact=True).click()
    page.get_by_role("group", name=re.compile(r"^2\. ")).get_by_label(
        sv("Strongly agree"), exact=True
    ).click()
    page.get_by_role("button", name=sv("Show my profile")).click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("23 påståenden är inte besvarade ännu")
    expect(summary).to_contain_text(f"Påstående 3: {sv(str(STATEMENTS[2].text))}")
    expect(first.get_by_label(sv("Agree"), exact=True)).to_be_checked()
    no_violations(page)

    # The summary's link moves to the statement; the rest is answered from the keyboard.
    summary.get_by_role("link").first.press("Enter")
    expect(page.locator(f"#id_{STATEMENTS[2].code}_0")).to_be_focused()
    for statement in STATEMENTS[2:]:
        answer_by_keyboard(page, statement.code, 0 if statement.code.startswith("users") else 3)
    page.get_by_label(sv("Type of organisation")).select_option("municipality")
    page.get_by_role("button", name=sv("Show my profile")).press("Enter")

    page.wait_for_url("**/sjalvskattning/resultat/**")
    expect(page.get_by_role("heading", level=1)).to_have_text(sv("Your self-assessment"))
    table = page.locator("table.profile-table")
    expect(table.get_by_role("row", name=re.compile(sv("User focus")))).to_contain_text("0")
    expect(table.get_by_role("row", name=re.compile(sv("Procurement")))).to_contain_text("75")
    expect(page.get_by_role("img", name=re.compile("Svagast: Användarfokus"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(sv("User focus")), level=3)).to_be_visible()
    expect(
        page.get_by_text("Färre än fem organisationer av den här typen (Kommun)")
    ).to_be_visible()
    no_violations(page)

    # The address is the permanent link: opened again, it shows the same result.
    address = page.url
    page.goto("/")
    page.goto(address)
    expect(table.get_by_role("row", name=re.compile(sv("Procurement")))).to_contain_text("75")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    page.emulate_media(media="screen")
    page.screenshot(path=tmp_path / "result.png", full_page=True)


def test_the_form_and_the_result_fit_a_narrow_phone(page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/sjalvskattning/")
    for statement in STATEMENTS:
        page.locator(f"#id_{statement.code}_2").check()
    page.get_by_role("button", name=sv("Show my profile")).click()
    page.wait_for_url("**/sjalvskattning/resultat/**")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
