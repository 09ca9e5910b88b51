"""The case library's main flow in real Chromium: describe, review, publish, find, adopt, trace.

Texts are looked up through the same catalogue the server uses, so the assertions hold whether
a Swedish translation exists yet or the page still falls back to the English source text."""

import re

import pytest
from django.utils import translation
from django.utils.text import capfirst
from playwright.sync_api import expect

from innovationskraft.accounts.models import User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.core.testing.browser import sv, sv_count
from innovationskraft.search.selectors import PAGE_SIZE

pytestmark = pytest.mark.browser

PASSWORD = "ett-långt-lösenord-för-test"
TITLE = "Digital trygghetskamera i hemtjänsten"
SUMMARY = "Nattlig tillsyn via kamera för äldre som vill slippa bli väckta."
EDITED_SUMMARY = "Nattlig tillsyn via kamera för äldre som vill sova ostört."


def sv_label(choice) -> str:
    with translation.override("sv"):
        return str(choice.label)


def term_label(vocabulary: str, code: str) -> str:
    with translation.override("sv"):
        return Term.objects.get(vocabulary=vocabulary, code=code).label


def labelled(text: str) -> re.Pattern:
    """A label as Django renders it: the text, then the form's label suffix."""
    return re.compile(rf"^{re.escape(text)}:?$")


def municipality(code: str) -> Organisation:
    return Organisation.objects.get(kind=Organisation.Kind.MUNICIPALITY, official_code=code)


def user_with(email: str, *, organisation=None, site_role: str = "") -> User:
    user = User.objects.create_user(email, PASSWORD, site_role=site_role)
    if organisation is not None:
        membership_grant(user=user, organisation=organisation)
    return user


@pytest.fixture
def new_page(page, live_server):
    """Opens a page in a fresh browser context, as a second person on another computer."""
    contexts = []

    def open_page():
        context = page.context.browser.new_context(
            base_url=live_server.url, locale="sv-SE", viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def sign_in(page, user: User) -> None:
    page.goto("/konto/logga-in/")
    page.get_by_label(capfirst(sv("e-mail address"))).fill(user.email)
    page.get_by_label(sv("Password")).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name=sv("Sign in")).click()
    page.wait_for_url(lambda url: "/logga-in/" not in url)
    expect(page.get_by_role("button", name=sv("Sign out"))).to_be_visible()


def results_heading(page):
    return page.locator("#results-heading")


def create_draft_with_a_failed_first_try(page) -> None:
    page.get_by_role("link", name=sv("My innovations")).click()
    page.wait_for_url("**/mina-innovationer/")
    page.get_by_role("link", name=sv("Describe a new innovation")).click()
    page.wait_for_url("**/innovationer/ny/")
    expect(page.get_by_role("heading", level=1)).to_have_text(sv("New innovation"))

    page.get_by_label(sv("Summary")).fill(SUMMARY)
    page.get_by_label(sv("Implemented"), exact=True).check()
    barrier = page.get_by_label(term_label("barrier", "procurement"), exact=True)
    enabler = page.get_by_label(term_label("enabler", "co_creation"), exact=True)
    barrier.check()
    enabler.check()
    page.get_by_role("button", name=sv("Save draft")).click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name=re.compile(re.escape(sv("Title"))))).to_be_visible()
    title_field = page.locator(".field-invalid").filter(has=page.locator("#id_title"))
    expect(title_field).to_contain_text(sv("This field is required."))
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label(sv("Summary"))).to_have_value(SUMMARY)
    expect(page.get_by_label(sv("Implemented"), exact=True)).to_be_checked()
    expect(page.get_by_label(term_label("barrier", "procurement"), exact=True)).to_be_checked()
    expect(page.get_by_label(term_label("enabler", "co_creation"), exact=True)).to_be_checked()
    assert not Case.objects.filter(summary=SUMMARY).exists()

    # The error summary's link takes the keyboard user to the field.
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_title")).to_be_focused()
    page.locator("#id_title").fill(TITLE)
    page.get_by_role("button", name=sv("Save draft")).click()
    # The fragment the error link added survives the redirect, as browsers keep it.
    page.wait_for_url(re.compile(r"/innovationer/(?!ny/)[\w-]+/(#id_title)?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("status")).to_contain_text(
        sv("The draft is saved. Submit it for review when it is ready.")
    )


def edit_summary_and_submit_for_review(page) -> None:
    page.get_by_role("link", name=sv("Edit"), exact=True).click()
    page.wait_for_url("**/redigera/")
    expect(page.get_by_label(sv("Title"))).to_have_value(TITLE)
    page.get_by_label(sv("Summary")).fill(EDITED_SUMMARY)
    page.get_by_role("button", name=sv("Save changes")).click()
    page.wait_for_url(re.compile(r"/innovationer/[\w-]+/$"))
    expect(page.locator(".lead")).to_have_text(EDITED_SUMMARY)

    page.get_by_role("button", name=sv("Submit for review")).click()
    expect(page.get_by_role("status")).to_contain_text(
        sv("Thank you! A moderator will review the case.")
    )
    expect(page.get_by_role("button", name=sv("Submit for review"))).to_have_count(0)
    page.get_by_role("link", name=sv("My innovations")).click()
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text(sv_label(Case.Status.IN_REVIEW))


def publish_as_moderator(page, moderator: User) -> None:
    sign_in(page, moderator)
    page.goto("/granskning/")
    page.get_by_role("link", name=f"{sv('Review')} {TITLE}").click()
    page.wait_for_url("**/granska/")
    page.get_by_label(sv("Publish"), exact=True).check()
    page.get_by_label(sv("Comment to the owner")).fill("Fint exempel!")
    page.get_by_role("button", name=sv("Save decision")).click()
    page.wait_for_url("**/granskning/")
    expect(page.get_by_role("status")).to_contain_text(sv("The case is published."))
    expect(page.get_by_text(sv("No cases are waiting for review."))).to_be_visible()


def find_by_barrier_as_visitor(page) -> None:
    page.goto("/innovationer/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    published = Case.objects.filter(status=Case.Status.PUBLISHED).count()
    assert published > 1
    expect(results_heading(page)).to_have_text(
        sv_count("%(counter)s innovation", "%(counter)s innovations", published)
    )
    page.get_by_label(sv("Barrier"), exact=True).select_option("procurement")
    page.get_by_role("button", name=sv("Show innovations")).click()
    page.wait_for_url("**/innovationer/?*barrier=procurement*")
    with_barrier = Case.objects.filter(
        status=Case.Status.PUBLISHED, barriers__code="procurement"
    ).count()
    assert 0 < with_barrier < published
    expect(results_heading(page)).to_have_text(
        sv_count("%(counter)s innovation", "%(counter)s innovations", with_barrier)
    )
    cards = page.locator(".results .card")
    expect(cards).to_have_count(min(with_barrier, PAGE_SIZE))
    expect(cards.first.get_by_role("link", name=TITLE)).to_be_visible()
    expect(page.get_by_label(sv("Barrier"), exact=True)).to_have_value("procurement")
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(r"/innovationer/[\w-]+/$"))


def record_adoption(page, adopter: User, organisation: Organisation) -> None:
    sign_in(page, adopter)
    page.goto("/innovationer/")
    page.get_by_role("link", name=TITLE).click()
    spread = page.locator("section[aria-labelledby=spread-heading]")
    expect(spread).to_contain_text(
        sv("No organisation has recorded that it adopted this innovation yet.")
    )
    page.get_by_role("link", name=sv("We adopted this")).click()
    page.wait_for_url("**/vi-har-infort/")
    page.get_by_label(labelled(sv("Organisation"))).select_option(label=organisation.name)
    page.get_by_label(sv("Note")).fill("Vi testade kamerorna i två hemtjänstgrupper.")
    page.get_by_role("button", name=sv("Record the adoption")).click()
    page.wait_for_url(re.compile(r"/innovationer/[\w-]+/$"))
    expect(page.get_by_role("status")).to_contain_text(
        sv("Thank you! The adoption is recorded on the case.")
    )
    expect(spread.get_by_role("link", name=organisation.name)).to_be_visible()
    expect(spread.get_by_role("link", name=sv("We adopted this"))).to_have_count(0)


def follow_the_history(page) -> None:
    page.get_by_role("link", name=sv("History of changes")).click()
    page.wait_for_url("**/historik/")
    versions = page.locator("ol.history > li")
    expect(versions).to_have_count(4)
    for comment, item in zip(
        ["Published", "Submitted for review", "Edited", "Created"], versions.all(), strict=True
    ):
        expect(item).to_contain_text(sv(comment))

    versions.filter(has_text=sv("Edited")).get_by_role("link").click()
    page.wait_for_url(re.compile(r"/historik/\d+/$"))
    expect(page.locator("#changes-heading")).to_have_text(
        sv("What changed since the version before")
    )
    diff = page.locator(".changes .diff")
    expect(diff).to_have_count(1)
    # Screen readers hear the change named, not only coloured.
    expect(diff.locator("del")).to_have_text(f"[{sv('removed:')}slippa bli väckta.]")
    expect(diff.locator("ins")).to_have_text(f"[{sv('added:')}sova ostört.]")

    page.get_by_role("link", name=sv("History of changes")).click()
    versions.filter(has_text=sv("Published")).get_by_role("link").click()
    changes = page.locator(".changes")
    expect(changes.locator("del")).to_have_text(sv_label(Case.Status.IN_REVIEW))
    expect(changes.locator("ins")).to_have_text(sv_label(Case.Status.PUBLISHED))


def test_a_case_goes_from_draft_to_published_found_adopted_and_traced(page, new_page):
    demo_load()
    eskilstuna, vasteras = municipality("0484"), municipality("1980")
    editor = user_with("redaktor@eskilstuna.se", organisation=eskilstuna)
    moderator = user_with("moderator@example.se", site_role=User.SiteRole.MODERATOR)
    adopter = user_with("strateg@vasteras.se", organisation=vasteras)

    sign_in(page, editor)
    create_draft_with_a_failed_first_try(page)
    edit_summary_and_submit_for_review(page)
    case = Case.objects.get(title=TITLE)
    assert case.status == Case.Status.IN_REVIEW
    assert case.lead_organisation == eskilstuna
    assert [t.code for t in case.barriers.all()] == ["procurement"]
    assert [t.code for t in case.enablers.all()] == ["co_creation"]

    visitor = new_page()
    visitor.goto(case.get_absolute_url())
    expect(visitor.get_by_role("heading", level=1)).not_to_have_text(TITLE)

    publish_as_moderator(new_page(), moderator)
    find_by_barrier_as_visitor(visitor)
    record_adoption(new_page(), adopter, vasteras)
    assert case.adoptions.get().organisation == vasteras

    # The public history starts at the publication; the editor sees the drafts too.
    visitor.goto(case.get_absolute_url() + "historik/")
    expect(visitor.locator("ol.history > li")).to_have_count(1)
    page.goto(case.get_absolute_url())
    follow_the_history(page)


def test_the_filters_work_with_the_keyboard_alone(page):
    demo_load()
    published = Case.objects.filter(status=Case.Status.PUBLISHED).count()
    page.goto("/innovationer/")
    expect(results_heading(page)).to_have_text(
        sv_count("%(counter)s innovation", "%(counter)s innovations", published)
    )
    stage = page.get_by_label(sv("Stage"), exact=True)
    for _press in range(40):
        page.keyboard.press("Tab")
        if stage.evaluate("element => element === document.activeElement"):
            break
    expect(stage).to_be_focused()

    page.keyboard.press("ArrowDown")
    chosen = stage.input_value()
    assert chosen
    page.keyboard.press("Tab")
    button = page.get_by_role("button", name=sv("Show innovations"))
    for _press in range(20):
        if button.evaluate("element => element === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")

    page.wait_for_url(f"**/innovationer/?*stage={chosen}*")
    count = Case.objects.filter(status=Case.Status.PUBLISHED, stage=chosen).count()
    assert 0 < count < published
    expect(results_heading(page)).to_have_text(
        sv_count("%(counter)s innovation", "%(counter)s innovations", count)
    )
    expect(page.locator(".results .card")).to_have_count(min(count, PAGE_SIZE))
    expect(page.get_by_label(sv("Stage"), exact=True)).to_have_value(chosen)
