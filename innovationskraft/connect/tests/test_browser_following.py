"""A follower in Chromium: she follows an organisation from its page, a new case of it is
published, and the daily digest that reaches a real SMTP server names it."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from innovationskraft.accounts.models import User
from innovationskraft.cases.models import Case
from innovationskraft.connect.following import digests_sent
from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sign_in, sv
from innovationskraft.core.testing.tasks import committed, run_worker

pytestmark = pytest.mark.browser


def test_a_follower_gets_a_digest_with_the_new_case(
    page, live_server, eskilstuna, make_case, mailbox
):
    follower = User.objects.create_user("foljare@umea.example", "ett-långt-lösenord-2026")
    sign_in(page, follower, live_server.url)
    page.goto(eskilstuna.get_absolute_url())
    page.get_by_role("link", name=sv("Follow by e-mail")).click()
    violations = axe_violations(page)
    assert not violations, describe(violations)
    page.get_by_label(sv("How often")).select_option(label=sv("Daily"))
    page.get_by_role("button", name=sv("Follow"), exact=True).click()
    expect(page.locator("#follows-heading + ul")).to_contain_text("Eskilstuna kommun")

    make_case(title="Digital nattillsyn", status=Case.Status.PUBLISHED)
    committed(digests_sent, frequency="daily", now=timezone.now())
    run_worker()
    [received] = mailbox.messages
    assert received.recipients == [follower.email]
    assert "Digital nattillsyn" in received.text
    page.goto(received.link("/innovationer/").replace("http://127.0.0.1:8000", live_server.url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Digital nattillsyn")
