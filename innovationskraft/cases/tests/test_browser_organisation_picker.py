"""The partner type-ahead in real Chromium, with the keyboard alone: type, arrow down, Enter,
and the case is saved with its partners in the order they were chosen."""

import pytest
from playwright.sync_api import expect

from innovationskraft.cases import services
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.organisation_field import LONG_LIST
from innovationskraft.cases.relations import partners_in_order
from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sign_in, sv

pytestmark = pytest.mark.browser


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def suggestions(page):
    return page.get_by_role("listbox", name=sv("Suggestions"))


def choose_with_the_keyboard(page, text: str, name: str) -> None:
    combobox = page.get_by_role("combobox", name=sv("Partner organisations"))
    combobox.press_sequentially(text)
    listbox = suggestions(page)
    expect(listbox).to_be_visible()
    expect(combobox).to_have_attribute("aria-expanded", "true")
    first = listbox.get_by_role("option").first
    expect(first).to_contain_text(name)
    page.keyboard.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(combobox).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    page.keyboard.press("Enter")
    expect(listbox).to_be_hidden()
    expect(combobox).to_have_value("")
    expect(combobox).to_be_focused()
    added = sv("%(name)s is added.").replace("%(name)s", name)
    expect(page.get_by_role("status").filter(has_text=added)).to_be_visible()


def test_partners_are_chosen_with_the_keyboard_and_saved_in_that_order(
    page, live_server, editor, eskilstuna, vasteras, region_skane
):
    sign_in(page, editor, live_server.url)
    page.goto("/innovationer/ny/")
    page.get_by_label(sv("Title")).fill("Digital trygghetskamera")
    page.get_by_label(sv("Summary")).fill("Nattillsyn i hemtjänsten med kamera.")
    page.get_by_label(str(Case.Stage.PILOT.label), exact=True).check()

    combobox = page.get_by_role("combobox", name=sv("Partner organisations"))
    combobox.focus()
    combobox.press_sequentially("Västerås")
    expect(suggestions(page).get_by_role("option").first).to_be_visible()
    count = sv("%(count)s suggestion. Choose with the up and down arrow keys.") % {"count": 1}
    expect(page.get_by_role("status").filter(has_text=count)).to_be_visible()
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(suggestions(page)).to_be_hidden()
    page.keyboard.press("Escape")
    expect(combobox).to_have_value("")

    choose_with_the_keyboard(page, "Västerås", "Västerås stad")
    choose_with_the_keyboard(page, "region skå", "Region Skåne")
    chosen = page.get_by_role("list", name=sv("Chosen"))
    expect(chosen.get_by_role("listitem")).to_have_text(
        [f"Västerås stad {sv('Remove')} Västerås stad", f"Region Skåne {sv('Remove')} Region Skåne"]
    )
    assert_accessible(page)

    # Enter in the empty field sends the form, as in any text field.
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/ny/" not in url)
    case = Case.objects.get(title="Digital trygghetskamera")
    assert partners_in_order(case) == [vasteras, region_skane]


def test_a_partner_is_removed_with_its_button_and_the_others_keep_their_order(
    page, live_server, editor, make_case, eskilstuna, vasteras, region_skane
):
    case = make_case(partners=[vasteras, eskilstuna, region_skane])
    sign_in(page, editor, live_server.url)
    page.goto(f"/innovationer/{case.slug}/redigera/")

    remove = page.get_by_role("button", name=f"{sv('Remove')} Västerås stad")
    remove.focus()
    page.keyboard.press("Enter")
    expect(remove).to_have_count(0)
    expect(page.get_by_role("button", name=f"{sv('Remove')} Eskilstuna kommun")).to_be_focused()
    removed = sv("%(name)s is removed.").replace("%(name)s", "Västerås stad")
    expect(page.get_by_role("status").filter(has_text=removed)).to_be_visible()

    page.get_by_role("button", name=sv("Save changes")).press("Enter")
    page.wait_for_url(lambda url: "/redigera/" not in url)
    assert partners_in_order(case) == [eskilstuna, region_skane]


def test_the_field_fits_a_narrow_phone_with_suggestions_open(
    page, live_server, editor, eskilstuna, vasteras
):
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, editor, live_server.url)
    page.goto("/innovationer/ny/")
    page.get_by_role("combobox", name=sv("Partner organisations")).press_sequentially("Väs")
    expect(suggestions(page).get_by_role("option").first).to_be_visible()

    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_a_moderator_picks_the_lead_organisation_and_a_second_choice_replaces_the_first(
    page, live_server, moderator, vasteras, region_skane
):
    for number in range(LONG_LIST):
        services.organisation_upsert(name=f"Bolag {number}", kind=Organisation.Kind.COMPANY)
    sign_in(page, moderator, live_server.url)
    page.goto("/innovationer/ny/")
    page.get_by_label(sv("Title")).fill("Digital trygghetskamera")
    page.get_by_label(sv("Summary")).fill("Nattillsyn i hemtjänsten med kamera.")
    page.get_by_label(str(Case.Stage.PILOT.label), exact=True).check()
    lead = page.get_by_role("combobox", name=sv("Lead organisation"))

    for text in ("Västerås", "Region Skåne"):
        lead.press_sequentially(text)
        expect(page.locator("#id_lead_organisation-listbox [role=option]").first).to_be_visible()
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
    chosen = page.locator(".organisation-picker-chosen").first
    expect(chosen.get_by_role("listitem")).to_have_count(1)
    expect(chosen).to_contain_text("Region Skåne")
    assert_accessible(page)

    page.get_by_role("button", name=sv("Save draft")).press("Enter")
    page.wait_for_url(lambda url: "/ny/" not in url)
    assert Case.objects.get(title="Digital trygghetskamera").lead_organisation == region_skane
