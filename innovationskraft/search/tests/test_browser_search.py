import re

import pytest
from playwright.sync_api import expect

from innovationskraft.accounts.models import User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.models import Organisation
from innovationskraft.core.testing.browser import sign_in

pytestmark = pytest.mark.browser


def test_results_follow_the_typing_and_the_address_keeps_the_query(page):
    demo_load()
    page.goto("/sok/")
    box = page.get_by_label("Sökord")
    box.press_sequentially("hemsjukv")
    expect(page.locator(".results mark").first).to_have_text(re.compile("hemsjukv", re.I))
    expect(page).to_have_url(re.compile(r"q=hemsjukv"))
    expect(box).to_be_focused()
    expect(page.locator("#results-heading")).to_contain_text("innovation")


def test_without_javascript_the_search_is_a_plain_form(browser, live_server, transactional_db):
    demo_load()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.get_by_label("Sök bland innovationerna").fill("återbruk")
    page.get_by_label("Sök bland innovationerna").press("Enter")
    expect(page).to_have_url(re.compile(r"/sok/\?q=%C3%A5terbruk"))
    expect(page.locator(".card h3").first).to_contain_text("ReTuna")
    page.get_by_label("Sektor").select_option("environment")
    page.get_by_role("button", name="Visa innovationer").click()
    expect(page).to_have_url(re.compile(r"sector=environment"))
    context.close()


def test_writing_a_known_title_shows_the_existing_case_before_saving(page, live_server):
    demo_load()
    user = User.objects.create_user("redaktor@eskilstuna.se", "ett-lösenord-för-test")
    membership_grant(user=user, organisation=Organisation.objects.get(official_code="0484"))
    sign_in(page, user, live_server.url)
    page.goto("/innovationer/ny/")
    page.locator("#id_title").fill("ReTuna återbruksgalleria i Eskilstuna")
    warning = page.locator("#possible-duplicates")
    expect(warning.get_by_role("link", name=re.compile("ReTuna"))).to_be_visible()
    page.locator("#id_title").fill("Simskola för vuxna")
    expect(warning.get_by_role("link")).to_have_count(0)
