"""Moderation that holds, in real Chromium: the editor's notice, the moderator's queue and
review of a change, and a partner's answer, each without accessibility violations and
without sideways scroll at 320 px."""

import pytest
from playwright.sync_api import expect

from innovationskraft.accounts.models import User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.models import Case, CasePartner, Organisation
from innovationskraft.cases.tests.conftest import case_input
from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sign_in, sv

pytestmark = pytest.mark.browser

PASSWORD = "ett-långt-lösenord-för-test"


def organisation(name: str, code: str) -> Organisation:
    return services.organisation_upsert(
        name=name, kind=Organisation.Kind.MUNICIPALITY, official_code=code
    )


def person(email: str, organisation=None, site_role: str = "") -> User:
    user = User.objects.create_user(email, PASSWORD, site_role=site_role)
    if organisation is not None:
        membership_grant(user=user, organisation=organisation)
    return user


@pytest.fixture
def waiting():
    """A published case of Eskilstuna with a change waiting, naming Västerås as partner."""
    eskilstuna, vasteras = (
        organisation("Eskilstuna kommun", "0484"),
        organisation("Västerås stad", "1980"),
    )
    editor = person("anna@eskilstuna.example", eskilstuna)
    case = services.case_create(
        actor=editor,
        lead_organisation=eskilstuna,
        data=case_input(title="Återbruksgalleria", partners=[vasteras]),
    )
    services.case_publish(actor=None, case=case)
    data = input_from_case(case)
    data.title = "Cirkulär galleria"
    services.case_edit(actor=editor, case=case, data=data)
    return {
        "case": case,
        "editor": editor,
        "moderator": person("mona@moderator.example", site_role=User.SiteRole.MODERATOR),
        "partner": person("bo@vasteras.example", vasteras),
    }


def checked(page) -> None:
    violations = axe_violations(page)
    assert not violations, describe(violations)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320


def test_the_editor_the_moderator_and_the_partner_each_see_their_part(page, live_server, waiting):
    page.set_viewport_size({"width": 320, "height": 800})
    case: Case = waiting["case"]
    sign_in(page, waiting["editor"], live_server.url)
    page.goto(case.get_absolute_url())
    expect(page.get_by_role("heading", name=sv("A change waits for review"))).to_be_visible()
    checked(page)

    page.context.clear_cookies()
    sign_in(page, waiting["moderator"], live_server.url)
    page.goto("/granskning/")
    checked(page)
    page.goto(f"/innovationer/{case.slug}/granska-andring/")
    checked(page)
    page.get_by_label(sv("Approve: publish the change")).check()
    page.get_by_role("button", name=sv("Save decision")).click()
    expect(page.get_by_text(sv("The change is published."))).to_be_visible()
    assert Case.objects.get(pk=case.pk).title == "Cirkulär galleria"

    page.context.clear_cookies()
    sign_in(page, waiting["partner"], live_server.url)
    page.goto("/organisationer/vasteras-stad/")
    checked(page)
    page.get_by_role("button", name=sv("Confirm")).click()
    expect(page.get_by_text("Västerås stad är bekräftad som samarbetspart")).to_be_visible()
    assert CasePartner.objects.get(case=case).confirmed
