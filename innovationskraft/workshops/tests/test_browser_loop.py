"""The workshop loop in real Chromium: a facilitator on a laptop, phones in the room and the
projector, from creating the workshop to the published report.

Texts are looked up through the same catalogue the server uses, so the assertions hold whatever
the Swedish wording is. No fixed sleeps: every wait is Playwright's `expect` with a timeout."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from innovationskraft.accounts.models import User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.services import organisation_upsert
from innovationskraft.core.testing.browser import sign_in, sv, sv_count
from innovationskraft.workshops import services
from innovationskraft.workshops.models import Contribution, Participant, Prompt, Workshop

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 900}
# The board polls every two seconds: a contribution shows within a few.
ON_THE_BOARD = 6_000
TITLE = "Innovationskraft i Sörmland"
CONCLUSIONS = "Upphandlingen är det största hindret; styrning som ger mandat hjälper."

EXAMPLES_KARIN = ["Medborgarbudget i Uppsala", "ReTuna återbruksgalleria i Eskilstuna"]
EXAMPLES_ANONYMOUS = ["Förifylld deklaration i mobilen"]
ENABLERS = ["Styrning som ger mandat att pröva", "Tydlig styrning och budget för att pröva nytt"]
BARRIERS = ["Upphandlingen tar för lång tid", "Krånglig upphandling stoppar nya lösningar"]


def exactly(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def eskilstuna() -> Organisation:
    """The organiser; the same as the demo library's when that is loaded."""
    return organisation_upsert(
        name="Eskilstuna kommun",
        kind=Organisation.Kind.MUNICIPALITY,
        official_code="0484",
        county_code="04",
    )


def facilitator() -> User:
    user = User.objects.create_user("facilitator@eskilstuna.se", "ett-lösenord-för-test")
    membership_grant(user=user, organisation=eskilstuna())
    return user


def open_workshop(user: User) -> Workshop:
    workshop = services.workshop_create(
        actor=user,
        organiser=eskilstuna(),
        title=TITLE,
        date=datetime.date(2026, 11, 30),
        template="opsi",
    )
    return services.workshop_open(actor=user, workshop=workshop)


@pytest.fixture
def new_page(browser, live_server, transactional_db):
    """new_page(phone=True): a page in a browser context of its own, as another device."""
    contexts = []

    def open_page(*, phone: bool = False):
        context = browser.new_context(
            base_url=live_server.url,
            locale="sv-SE",
            viewport=PHONE if phone else LAPTOP,
            is_mobile=phone,
            has_touch=phone,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def join(phone, code: str, *, name: str = "", organisation: str = "") -> None:
    phone.goto(f"/w/{code}/")
    if name:
        phone.get_by_label(sv("Your name (optional)")).fill(name)
    if organisation:
        field = phone.get_by_label(sv("Your organisation (optional)"))
        # Type-ahead: the field offers the names of the organisations the site knows.
        expect(field).to_have_attribute("list", "organisations")
        expect(
            phone.locator(f'datalist#organisations option[value="{organisation}"]')
        ).to_have_count(1)
        field.press_sequentially(organisation[:5])
        field.fill(organisation)
    phone.get_by_role("button", name=sv("Start")).click()
    # The page's script has taken over its forms (a key pressed before sends the ordinary way).
    expect(phone.locator("[data-participant-page][data-ready]")).to_be_attached()


def contribute_form(phone, prompt: Prompt):
    return phone.locator("form[data-contribute]").filter(has_text=prompt.text)


def send(phone, prompt: Prompt, text: str) -> None:
    form = contribute_form(phone, prompt)
    form.get_by_role("textbox").fill(text)
    form.get_by_role("button", name=sv("Send")).click()
    expect(phone.locator("#mina .mine-text").filter(has_text=exactly(text))).to_be_visible()
    expect(phone.locator("#status")).to_have_text(sv("Thank you! Your contribution is sent."))


def test_a_workshop_runs_from_the_first_contribution_to_the_published_report(
    page, new_page, live_server
):
    demo_load()
    user = facilitator()
    sign_in(page, user, live_server.url)

    # The facilitator creates the workshop through the form and opens it.
    page.goto("/workshoppar/")
    page.get_by_role("link", name=sv("Create a workshop")).click()
    page.get_by_label(re.compile(rf"^{re.escape(sv('Title'))}")).fill(TITLE)
    page.locator("#id_date").fill("2026-11-30")
    expect(page.get_by_role("radio", name=re.compile("OPSI"))).to_be_checked()
    page.get_by_role("button", name=sv("Create the workshop")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    workshop = Workshop.objects.get(title=TITLE)
    assert workshop.state == Workshop.State.DRAFT
    assert workshop.created_by == user
    page.get_by_role("button", name=sv("Open the workshop")).click()
    expect(page.get_by_text(sv("The workshop is open: show the join code."))).to_be_visible()
    code = page.locator(".code-large").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6}", code)
    prompts = {prompt.kind: prompt for prompt in workshop.prompts.all()}
    assert set(prompts) == {Prompt.Kind.EXAMPLE, Prompt.Kind.ENABLER, Prompt.Kind.BARRIER}

    # The projector shows the board; it is never reloaded from here on.
    board = new_page()
    board.goto(f"/w/{code}/tavla/")
    expect(board.get_by_role("heading", level=1)).to_have_text(TITLE)
    board.evaluate("window.neverReloaded = true")

    # Two phones join with the code: one types it in (lower case), gives a name and an
    # organisation; the other opens the address and stays anonymous.
    karin = new_page(phone=True)
    karin.goto("/w/")
    karin.get_by_label(sv("The code on the screen")).fill(code.lower())
    karin.get_by_role("button", name=sv("Continue")).click()
    expect(karin).to_have_url(re.compile(rf"/w/{code}/$"))
    join(karin, code, name="Karin", organisation="Västerås stad")
    anonymous = new_page(phone=True)
    join(anonymous, code)
    karin_participant = Participant.objects.get(workshop=workshop, name="Karin")
    assert karin_participant.organisation.name == "Västerås stad"
    assert Participant.objects.filter(workshop=workshop, name="").count() == 1

    for text in EXAMPLES_KARIN:
        send(karin, prompts["example"], text)
    send(karin, prompts["barrier"], BARRIERS[0])
    send(karin, prompts["enabler"], ENABLERS[0])
    for text in EXAMPLES_ANONYMOUS:
        send(anonymous, prompts["example"], text)
    send(anonymous, prompts["barrier"], BARRIERS[1])
    send(anonymous, prompts["enabler"], ENABLERS[1])
    expect(karin.locator("#mina .mine-text")).to_have_count(4)
    expect(anonymous.locator("#mina .mine-text")).to_have_count(3)

    for text in EXAMPLES_KARIN + EXAMPLES_ANONYMOUS + ENABLERS + BARRIERS:
        expect(board.locator(".note").filter(has_text=exactly(text))).to_be_visible(
            timeout=ON_THE_BOARD
        )
    examples_column = board.locator(".board-column").filter(has_text=prompts["example"].text)
    expect(examples_column.locator("h2 .count")).to_have_text("3")

    # The facilitator groups the contributions into themes.
    page.get_by_role("navigation", name=sv("Workshop")).get_by_role(
        "link", name=sv("Themes")
    ).click()
    page.get_by_role("button", name=sv("Group into themes")).click()
    procurement = Contribution.objects.get(text=BARRIERS[0]).theme
    governance = Contribution.objects.get(text=ENABLERS[0]).theme
    assert procurement is not None
    assert governance is not None
    assert Contribution.objects.get(text=BARRIERS[1]).theme == procurement
    expect(page.get_by_role("heading", name=procurement.name)).to_be_visible()
    expect(board.locator(".board-group h3").filter(has_text=procurement.name)).to_be_visible(
        timeout=ON_THE_BOARD
    )

    # A voting round on the themes; both phones vote, the board counts.
    page.get_by_role("navigation", name=sv("Workshop")).get_by_role(
        "link", name=sv("Voting")
    ).click()
    page.get_by_label(re.compile(rf"^{re.escape(sv('Vote on'))}")).select_option("themes")
    page.get_by_label(re.compile(rf"^{re.escape(sv('Votes per participant'))}")).fill("2")
    page.get_by_role("button", name=sv("Open the voting")).click()
    expect(page.get_by_text(sv("Voting is open: results show live on the board."))).to_be_visible()
    expect(board.locator(".board-voting")).to_be_visible(timeout=ON_THE_BOARD)

    for phone, themes in ((karin, [procurement]), (anonymous, [procurement, governance])):
        phone.reload()
        panel = phone.locator("#rosta")
        expect(panel).to_contain_text(
            sv_count("You have %(left)s vote left.", "You have %(left)s votes left.", 2, "left")
        )
        for theme in themes:
            panel.get_by_role("button", name=sv("Vote for %(item)s") % {"item": theme}).click()
            expect(
                phone.get_by_role(
                    "button", name=sv("Take back your vote for %(item)s") % {"item": theme}
                )
            ).to_be_visible()
    expect(anonymous.locator("#rosta")).to_contain_text(
        sv_count("You have %(left)s vote left.", "You have %(left)s votes left.", 0, "left")
    )
    two_votes = sv_count("%(votes)s vote", "%(votes)s votes", 2, "votes")
    one_vote = sv_count("%(votes)s vote", "%(votes)s votes", 1, "votes")
    procurement_heading = board.locator(".board-group h3").filter(has_text=procurement.name)
    governance_heading = board.locator(".board-group h3").filter(has_text=governance.name)
    expect(procurement_heading.locator(".votes")).to_have_text(two_votes, timeout=ON_THE_BOARD)
    expect(governance_heading.locator(".votes")).to_have_text(one_vote, timeout=ON_THE_BOARD)

    # One example becomes a draft case that remembers where it came from.
    page.get_by_role("navigation", name=sv("Workshop")).get_by_role(
        "link", name=sv("Contributions")
    ).click()
    page.get_by_role("link", name=EXAMPLES_KARIN[0], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EXAMPLES_KARIN[0])
    page.get_by_role("button", name=sv("Create a draft case")).click()
    expect(page).to_have_url(re.compile(r"/innovationer/[-\w]+/redigera/$"))
    case = Case.objects.get(title=EXAMPLES_KARIN[0])
    assert case.status == Case.Status.DRAFT
    assert case.lead_organisation == eskilstuna()
    example = Contribution.objects.get(text=EXAMPLES_KARIN[0])
    assert example.case == case
    page.goto(f"/workshoppar/{workshop.slug}/bidrag/{example.pk}/")
    expect(page.get_by_role("link", name=case.title, exact=True)).to_have_attribute(
        "href", case.get_absolute_url()
    )

    # Close, conclude, publish.
    page.get_by_role("link", name=sv("Back to all contributions")).click()
    page.get_by_role("navigation", name=sv("Workshop")).get_by_role(
        "link", name=sv("Overview")
    ).click()
    page.get_by_role("button", name=sv("Close the workshop")).click()
    closed = sv("The workshop is closed. Write the conclusions and publish the report.")
    expect(page.get_by_text(closed)).to_be_visible()
    expect(board.locator("#board")).to_contain_text(
        sv("The workshop is closed."), timeout=ON_THE_BOARD
    )
    karin.reload()
    expect(karin.get_by_role("status")).to_contain_text(
        sv("This workshop is closed and takes no more contributions. Thank you for taking part!")
    )
    page.get_by_role("navigation", name=sv("Workshop")).get_by_role(
        "link", name=sv("Report")
    ).click()
    page.get_by_label(re.compile(rf"^{re.escape(sv('Conclusions'))}")).fill(CONCLUSIONS)
    page.get_by_role("button", name=sv("Save the conclusions")).click()
    expect(page.get_by_text(sv("The conclusions are saved."))).to_be_visible()
    page.get_by_role("button", name=sv("Publish the report")).click()
    expect(page.get_by_text(sv("The report is published."))).to_be_visible()
    workshop.refresh_from_db()
    assert workshop.state == Workshop.State.PUBLISHED
    assert board.evaluate("window.neverReloaded") is True

    # The PDF is a PDF.
    page.get_by_role("link", name=sv("The published report")).click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF", exact=True).click()
    download = download_info.value
    assert download.suggested_filename == f"{workshop.slug}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # The case page links back to the report that named it.
    page.goto(case.get_absolute_url())
    expect(page.locator(f'a[href="/workshoppar/{workshop.slug}/rapport/"]')).to_have_text(TITLE)

    # Anyone can read the report, from the list of reports.
    visitor = new_page()
    visitor.goto("/workshoppar/rapporter/")
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    report = visitor.get_by_role("main")
    expect(report).to_contain_text(CONCLUSIONS)
    for text in EXAMPLES_KARIN + EXAMPLES_ANONYMOUS + BARRIERS + ENABLERS:
        expect(report).to_contain_text(text)
    themes_table = report.locator("table")
    expect(themes_table.locator("tr").filter(has_text=procurement.name)).to_contain_text("2")
    karin.reload()
    expect(karin.get_by_role("link", name=sv("Read the workshop's report"))).to_be_visible()


def test_a_participant_without_a_connection_keeps_her_contribution_and_it_is_sent_once(
    new_page, live_server
):
    workshop = open_workshop(facilitator())
    prompt = workshop.prompts.get(kind=Prompt.Kind.BARRIER)
    phone = new_page(phone=True)
    join(phone, workshop.join_code)

    phone.context.set_offline(True)
    form = contribute_form(phone, prompt)
    form.get_by_role("textbox").fill("Ingen tid för att pröva nytt")
    form.get_by_role("button", name=sv("Send")).click()
    outbox = phone.locator("#outbox")
    expect(outbox).to_be_visible()
    expect(outbox.get_by_role("listitem")).to_have_text(["Ingen tid för att pröva nytt"])
    expect(phone.locator("#status")).to_have_text(
        sv(
            "No connection: your contribution is kept on this phone and sent when the "
            "connection is back."
        )
    )
    expect(form.get_by_role("textbox")).to_have_value("")
    assert not Contribution.objects.filter(workshop=workshop).exists()

    phone.context.set_offline(False)
    expect(outbox).to_be_hidden()
    expect(phone.locator("#mina .mine-text")).to_have_text(["Ingen tid för att pröva nytt"])
    expect(phone.locator("#status")).to_have_text(sv("Thank you! Your contribution is sent."))
    assert list(Contribution.objects.filter(workshop=workshop).values_list("text", flat=True)) == [
        "Ingen tid för att pröva nytt"
    ]
    # Nothing is left to resend: a reload finds the outbox empty and sends nothing again.
    phone.reload()
    expect(phone.locator("#mina .mine-text")).to_have_count(1)
    expect(outbox).to_be_hidden()
    assert Contribution.objects.filter(workshop=workshop).count() == 1


def test_a_participant_whose_answer_was_lost_sends_again_and_it_is_stored_once(
    new_page, live_server
):
    """The server stored it but the phone never heard back: the resend carries the same key."""
    workshop = open_workshop(facilitator())
    prompt = workshop.prompts.get(kind=Prompt.Kind.EXAMPLE)
    phone = new_page(phone=True)
    join(phone, workshop.join_code)
    lost = []

    def lose_the_first_answer(route):
        if not lost:
            lost.append(route.fetch())
            route.abort("connectionreset")
        else:
            route.continue_()

    phone.route("**/skicka/", lose_the_first_answer)
    send_button = contribute_form(phone, prompt).get_by_role("button", name=sv("Send"))
    contribute_form(phone, prompt).get_by_role("textbox").fill("Trygghetskamera i hemtjänsten")
    send_button.click()
    expect(phone.locator("#outbox")).to_be_visible()
    assert [answer.status for answer in lost] == [200]
    assert Contribution.objects.filter(workshop=workshop).count() == 1

    phone.evaluate("window.dispatchEvent(new Event('online'))")
    expect(phone.locator("#outbox")).to_be_hidden()
    expect(phone.locator("#mina .mine-text")).to_have_text(["Trygghetskamera i hemtjänsten"])
    assert Contribution.objects.filter(workshop=workshop).count() == 1


def test_a_participant_with_a_wrong_code_is_told_so_and_can_try_again(new_page, live_server):
    workshop = open_workshop(facilitator())
    wrong = "KKKKKK" if workshop.join_code != "KKKKKK" else "MMMMMM"
    phone = new_page(phone=True)
    phone.goto("/w/")
    phone.get_by_label(sv("The code on the screen")).fill(wrong)
    phone.get_by_role("button", name=sv("Continue")).click()

    message = sv(
        "No open workshop has the code “%(code)s”. Check the code on the screen and try again."
    ) % {"code": wrong}
    expect(phone.get_by_role("alert")).to_have_text(message)
    retry = phone.get_by_label(sv("The code on the screen"))
    expect(retry).to_have_value(wrong)
    retry.fill(workshop.join_code)
    phone.get_by_role("button", name=sv("Continue")).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(phone.get_by_role("button", name=sv("Start"))).to_be_visible()


def test_a_participant_sends_a_contribution_with_the_keyboard_alone(new_page, live_server):
    workshop = open_workshop(facilitator())
    first = workshop.prompts.first()
    phone = new_page()
    join(phone, workshop.join_code)
    field = phone.locator(f"#text-{first.pk}")

    for _ in range(20):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.id") == f"text-{first.pk}":
            break
    expect(field).to_be_focused()
    phone.keyboard.type("Samskapande med brukarna")
    phone.keyboard.press("Tab")
    send_button = contribute_form(phone, first).get_by_role("button", name=sv("Send"))
    expect(send_button).to_be_focused()
    phone.keyboard.press("Enter")

    expect(phone.locator("#status")).to_have_text(sv("Thank you! Your contribution is sent."))
    expect(phone.locator("#mina .mine-text")).to_have_text(["Samskapande med brukarna"])
    expect(field).to_be_focused()
    expect(field).to_have_value("")
    assert list(Contribution.objects.values_list("text", "prompt")) == [
        ("Samskapande med brukarna", first.pk)
    ]
