"""A reader contacts the people behind a case in real Chromium: the ALTCHA widget does its
proof of work under the site's Content-Security-Policy, and the message arrives at a real SMTP
server with the sender as Reply-To."""

import re

import pytest
from playwright.sync_api import expect

from innovationskraft.cases.models import Case
from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sv
from innovationskraft.core.testing.tasks import run_worker

pytestmark = pytest.mark.browser


@pytest.fixture
def published(make_case) -> Case:
    return make_case(
        title="Digital nattillsyn",
        status=Case.Status.PUBLISHED,
        contact_name="Karin Berg",
        contact_email="karin.berg@eskilstuna.example",
    )


def no_violations(page) -> None:
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_a_reader_writes_to_the_people_behind_a_case_and_the_owner_receives_it(
    page, published, mailbox
):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(published.get_absolute_url())
    page.get_by_role("link", name=sv("Contact the people behind this innovation")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        sv("Contact the people behind the innovation")
    )
    expect(page.get_by_text("Jag är inte en robot")).to_be_visible()  # the widget, in Swedish
    no_violations(page)

    page.get_by_label(sv("Your name")).fill("Per Holm")
    page.get_by_label(sv("Your e-mail address")).fill("per.holm@region.example")
    page.get_by_label(sv("Your organisation")).fill("Region Örebro län")
    page.get_by_label(sv("Message")).fill("Hej! Hur kom ni igång med nattillsynen?")
    page.get_by_role("button", name=sv("Send the message")).click()

    # The widget solves its challenge on submit, then sends the form.
    expect(page).to_have_url(re.compile(r"/kontakt/skickat/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(sv("Your message has been sent"))
    no_violations(page)
    assert "karin.berg" not in page.content()
    assert not [text for text in console if "Content Security Policy" in text], console

    run_worker()
    [received] = mailbox.messages
    assert received.recipients == ["karin.berg@eskilstuna.example"]
    assert received.message["Reply-To"] == "Per Holm <per.holm@region.example>"
    assert "Hur kom ni igång med nattillsynen?" in received.text


def test_the_check_is_done_from_the_keyboard_and_a_missing_field_is_told(page, published):
    page.goto(f"{published.get_absolute_url()}kontakt/")
    page.get_by_label(sv("Message")).fill("Hej! Hur kom ni igång?")
    page.get_by_label(sv("Message")).press("Tab")
    expect(page.get_by_role("checkbox", name="Jag är inte en robot")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_text("Verifierad")).to_be_visible()

    page.get_by_role("button", name=sv("Send the message")).click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(sv("Your name"))
    expect(page.get_by_label(sv("Message"))).to_have_value("Hej! Hur kom ni igång?")
    no_violations(page)


def test_the_contact_page_fits_a_narrow_phone(page, published):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{published.get_absolute_url()}kontakt/")
    expect(page.get_by_text("Jag är inte en robot")).to_be_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
