"""A person gets an account as a real organisation's people would, in Chromium: she signs up,
confirms her address from the mail that arrived at a real SMTP server, asks to join, is
approved by the organisation's administrator, and can then describe an innovation."""

import re

import pytest
from playwright.sync_api import expect

from innovationskraft.accounts.models import Membership, User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases.models import Organisation
from innovationskraft.cases.organisation_field import LONG_LIST
from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sign_in, sv
from innovationskraft.core.testing.tasks import run_worker

pytestmark = pytest.mark.browser

PASSWORD = "ett-långt-lösenord-2026"


def no_violations(page) -> None:
    violations = axe_violations(page)
    assert not violations, describe(violations)


def as_many_organisations_as_a_real_site() -> None:
    """The municipalities come with the migrations, but a browser test before this one may
    have emptied the tables: the join form offers a select for a short list, the type-ahead
    for a long one, and this test is about the long one."""
    missing = LONG_LIST + 1 - Organisation.objects.count()
    Organisation.objects.bulk_create(
        Organisation(name=f"Förvaltning {n}", slug=f"forvaltning-{n}", kind="agency")
        for n in range(max(0, missing))
    )


def test_a_person_signs_up_confirms_asks_to_join_is_approved_and_edits(
    page, live_server, eskilstuna, mailbox
):
    as_many_organisations_as_a_real_site()
    admin = User.objects.create_user("admin@eskilstuna.example", PASSWORD)
    membership_grant(user=admin, organisation=eskilstuna, role=Membership.Role.ADMIN)

    page.goto("/konto/logga-in/")
    page.get_by_role("link", name=re.compile("Skapa ett|Create one")).click()
    no_violations(page)
    page.get_by_label(sv("E-mail address")).fill("sara.lind@eskilstuna.example")
    page.get_by_label(sv("First name")).fill("Sara")
    page.get_by_label(sv("Last name")).fill("Lind")
    page.get_by_role("button", name=sv("Create the account")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(sv("Check your e-mail"))
    no_violations(page)

    run_worker()
    [welcome] = mailbox.messages
    page.goto(welcome.link())
    expect(page.get_by_role("heading", level=1)).to_have_text(sv("Choose your password"))
    no_violations(page)
    page.locator("#id_new_password1").fill(PASSWORD)
    page.locator("#id_new_password2").fill(PASSWORD)
    page.get_by_role("button", name=sv("Save the password")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(sv("My account"))
    page.get_by_role("link", name=sv("Ask to join an organisation")).click()
    no_violations(page)
    # Every organisation of the site: the type-ahead, used with the keyboard.
    page.get_by_role("combobox", name=sv("Organisation")).press_sequentially("Eskilstuna")
    expect(page.get_by_role("option", name="Eskilstuna kommun")).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.get_by_label(sv("Message to its administrators")).fill("Jag arbetar med e-hälsa.")
    page.get_by_role("button", name=sv("Send the request")).click()
    expect(page.locator("#joining-heading + p + ul")).to_contain_text("Eskilstuna kommun")

    run_worker()
    to_admin = [m for m in mailbox.messages if m.recipients == [admin.email]]
    assert len(to_admin) == 1
    admin_page = page.context.browser.new_context(base_url=live_server.url).new_page()
    sign_in(admin_page, admin, live_server.url)
    admin_page.goto(to_admin[0].link())
    no_violations(admin_page)
    admin_page.get_by_role("button", name=re.compile(sv("Approve"))).click()
    expect(admin_page.get_by_text(sv("No request waits for your decision."))).to_be_visible()
    admin_page.context.close()

    page.goto("/innovationer/ny/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.locator("#id_title").is_visible()
    run_worker()
    assert any(m.recipients == ["sara.lind@eskilstuna.example"] for m in mailbox.messages[1:])
