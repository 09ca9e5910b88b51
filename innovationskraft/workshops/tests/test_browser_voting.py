"""Voting and the lock on a 320-pixel phone in real Chromium: stacked dots, the results of a
closed round on the phone and the board, and a locked page that comes back by itself."""

import datetime

import pytest
from playwright.sync_api import expect

from innovationskraft.accounts.models import User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases.models import Organisation
from innovationskraft.cases.services import organisation_upsert
from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sv, sv_count
from innovationskraft.workshops import services
from innovationskraft.workshops.models import Theme, Vote, Workshop

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}
BARRIERS = ["Upphandlingen tar för lång tid", "Krånglig upphandling", "Politiska val", "Nya val"]


@pytest.fixture
def running(transactional_db):
    """An open workshop with two themes and a facilitator, as the room has it before voting."""
    organiser = organisation_upsert(name="Eskilstuna kommun", kind=Organisation.Kind.MUNICIPALITY)
    user = User.objects.create_user("facilitator@eskilstuna.se", "ett-lösenord-för-test")
    membership_grant(user=user, organisation=organiser)
    workshop = services.workshop_create(
        actor=user, organiser=organiser, title="Röstning", date=datetime.date(2026, 11, 30)
    )
    workshop = services.workshop_open(actor=user, workshop=workshop)
    prompt = workshop.prompts.get(kind="barrier")
    someone = services.participant_join(workshop=workshop)
    for text in BARRIERS:
        services.contribution_send(participant=someone, prompt=prompt, text=text)
    services.themes_cluster(actor=user, workshop=workshop)
    return user, workshop


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE", viewport=NARROW)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def _check(page) -> None:
    assert axe_violations(page) == [], describe(axe_violations(page))
    sideways = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(sideways) <= 0


def test_a_participant_stacks_dots_and_reads_the_results_on_a_narrow_phone(running, phone):
    user, workshop = running
    theme = Theme.objects.order_by("pk").first()
    voting_round = services.round_open(
        actor=user, workshop=workshop, target="themes", budget=3, max_per_item=2
    )
    phone.goto(f"/w/{workshop.join_code}/")
    phone.get_by_role("button", name=sv("Start")).click()
    panel = phone.locator("#rosta")
    vote = panel.get_by_role("button", name=sv("Vote for %(item)s") % {"item": theme})
    vote.click()
    vote.click()
    expect(vote).to_have_count(0)  # two dots: the most one item may get
    left = sv_count("You have %(left)s vote left.", "You have %(left)s votes left.", 1, "left")
    expect(panel).to_contain_text(left)
    assert Vote.objects.filter(theme=theme).count() == 2
    _check(phone)

    services.round_close(actor=user, voting_round=voting_round)
    phone.reload()
    results = phone.locator(".round-results")
    expect(results).to_contain_text(sv("Results of the vote"))
    expect(results.locator("li").first).to_contain_text(theme.name)
    _check(phone)

    board = phone.context.new_page()
    board.goto(f"/w/{workshop.join_code}/tavla/")
    expect(board.locator(".round-results li").first).to_contain_text(theme.name)
    _check(board)


def test_a_locked_phone_page_offers_nothing_to_press_and_comes_back_when_unlocked(running, phone):
    user, workshop = running
    services.round_open(actor=user, workshop=workshop, target="themes", budget=2)
    phone.goto(f"/w/{workshop.join_code}/")
    phone.get_by_role("button", name=sv("Start")).click()
    expect(phone.locator("form[data-contribute]").first).to_be_visible()
    services.workshop_set_locked(actor=user, workshop=workshop, locked=True)
    phone.reload()
    expect(phone.locator("form[data-contribute]")).to_have_count(0)
    expect(phone.locator("#rosta button:not([disabled])")).to_have_count(0)
    expect(phone.locator(".notice")).to_have_count(1)
    _check(phone)

    services.workshop_set_locked(actor=user, workshop=Workshop.objects.get(), locked=False)
    # The voting panel's poll (every 15 s) finds the lock lifted and the page loads again.
    expect(phone.locator("form[data-contribute]").first).to_be_visible(timeout=25_000)
