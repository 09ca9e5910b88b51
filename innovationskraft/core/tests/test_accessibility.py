"""axe-core in headless Chromium on every page type, in both languages.

Each feature adds its pages to PAGES. A page is a name, a path (Swedish URL; the English one
is the same under /en) and an optional setup that creates what the page needs. A setup may
return a dict: its values fill the path's {placeholders}, "user" is signed in first, and
"then" is done in the page before axe runs (such as submitting a form)."""

import datetime

import pytest
from django.core import signing

from innovationskraft.accounts.models import User
from innovationskraft.accounts.services import api_token_create, membership_grant
from innovationskraft.cases import services
from innovationskraft.cases.contract import CaseInput, input_from_case
from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.history import case_versions
from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.connect import following, joining
from innovationskraft.connect.notifications import unsubscribe_token
from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sign_in
from innovationskraft.insights.demo import demo_resources_load
from innovationskraft.insights.self_assessment.permalinks import result_token
from innovationskraft.insights.self_assessment.services import assessment_save
from innovationskraft.insights.self_assessment.statements import DIMENSIONS
from innovationskraft.workshops import services as workshop_services
from innovationskraft.workshops.access import PARTICIPANT_COOKIE_SALT, participant_cookie_name
from innovationskraft.workshops.models import Contribution, Participant, Prompt, Theme, Workshop

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def operator(settings):
    """The site as an operator runs it: named, with an address for reports and questions."""
    settings.SITE_OPERATOR_NAME = "Region Västmanland"
    settings.SITE_CONTACT_EMAIL = "tillganglighet@regionvastmanland.example"


def _municipality(code: str) -> Organisation:
    return Organisation.objects.get(kind=Organisation.Kind.MUNICIPALITY, official_code=code)


def _user(email: str, *, organisation=None, site_role: str = "") -> User:
    user = User.objects.create_user(email, "ett-lösenord-för-test", site_role=site_role)
    if organisation is not None:
        membership_grant(user=user, organisation=organisation)
    return user


def _terms(vocabulary: str, *codes: str) -> list[Term]:
    return list(Term.objects.filter(vocabulary=vocabulary, code__in=codes))


def _full_case(*, author: User | None = None) -> Case:
    """A draft (demo data loaded) that uses every part of the case page."""
    demo_load()
    data = CaseInput(
        title="Digital tillsyn i hemtjänsten",
        summary="Nattlig tillsyn via kamera för äldre som vill sova ostört.",
        description="## Bakgrund\n\nFärre väckningar.\n\n- trygghet\n- [Rapport](https://example.se/r)",
        stage="implemented",
        start_year=2021,
        sector=Term.objects.get(vocabulary="sector", code="elderly_care"),
        facet="enhancement",
        partners=[_municipality("0180")],
        innovation_types=_terms("innovation_type", "service", "technology"),
        target_groups=_terms("target_group", "older_people"),
        user_involvement="Brukare och anhöriga testade kamerorna.",
        barriers=_terms("barrier", "procurement", "legal_uncertainty", "resources"),
        barriers_text="Avtalen tog tid.",
        enablers=_terms("enabler", "co_creation", "management_support"),
        enablers_text="Ledningen gav stöd.",
        effects=_terms("effect", "quality", "user_satisfaction"),
        effects_evaluated=True,
        sdgs=_terms("sdg", "sdg3"),
        tags=["välfärdsteknik", "hemtjänst"],
        links=[("Projektrapport", "https://example.se/rapport")],
        inspired_by=[Case.objects.get(slug="retuna-aterbruksgalleria")],
        contact_name="Anna Andersson",
        contact_email="anna@example.se",
    )
    return services.case_create(actor=author, lead_organisation=_municipality("0484"), data=data)


def full_case() -> dict:
    case = _full_case()
    services.case_publish(actor=None, case=case)
    services.adoption_record(
        actor=None, case=case, organisation=_municipality("1980"), year=2023, note="Bra."
    )
    return {"slug": case.slug}


def edited_case() -> dict:
    """A published demo case whose newest version changed its summary and its stage."""
    demo_load()
    case = Case.objects.get(slug="retuna-aterbruksgalleria")
    data = input_from_case(case)
    data.summary = f"Sedan 2015: {data.summary} Nu med fler butiker."
    data.stage = "ended"
    services.case_update(actor=None, case=case, data=data)
    return {"slug": case.slug, "version": case_versions(case=case, public=True)[0].pk}


def editor() -> dict:
    demo_load()
    user = _user("redaktor@eskilstuna.se", organisation=_municipality("0484"))
    _full_case(author=user)
    return {"user": user}


def _submit_the_form_unfilled(page) -> None:
    page.locator("main form button[type=submit]").click()
    page.locator(".error-summary").wait_for()


def editor_after_a_failed_save() -> dict:
    return editor() | {"then": _submit_the_form_unfilled}


def _write_a_known_title(page) -> None:
    known = Case.objects.get(slug="retuna-aterbruksgalleria").title
    page.locator("#id_title").fill(known)
    page.locator("#possible-duplicates li").first.wait_for()


def reader_after_a_failed_contact() -> dict:
    return full_case() | {"then": _submit_the_form_unfilled}


def case_no_one_can_be_reached_about() -> dict:
    demo_load()
    case = services.case_create(
        actor=None,
        lead_organisation=_municipality("0180"),
        data=CaseInput(title="Fritidsbank", summary="Lån av fritidsutrustning.", stage="idea"),
    )
    services.case_publish(actor=None, case=case)
    return {"slug": case.slug}


def editor_warned_of_a_duplicate() -> dict:
    return editor() | {"then": _write_a_known_title}


def account_holder() -> dict:
    user = _user("redaktor@eskilstuna.se")
    api_token_create(user=user, name="Regionens portal")
    return {"user": user}


def _create_a_token(page) -> None:
    page.locator("#id_name").fill("Import")
    page.locator("main form button.button:not(.button-secondary)").last.click()
    page.locator("#new-token").wait_for()


def account_holder_with_two_factor() -> dict:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    context = account_holder()
    TOTPDevice.objects.create(user=context["user"], name="app", confirmed=True)
    return context


def account_holder_turning_on_two_factor() -> dict:
    """Sets up the app on the setup page; its right code leads to the recovery codes."""
    context = account_holder()

    def confirm(page) -> None:
        from django_otp.oath import totp
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.get(user=context["user"], confirmed=False)
        page.locator("#id_code").fill(f"{totp(device.bin_key, step=device.step):06d}")
        page.locator("main form button.button").click()
        page.locator(".recovery-codes").wait_for()

    return context | {"then": confirm}


def _fail_to_sign_in_until_locked_out(page) -> None:
    from django.conf import settings

    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        if page.locator("#locked-out").count():
            break
        page.locator("#id_username").fill("redaktor@eskilstuna.se")
        page.locator("#id_password").fill("fel lösenord")
        page.locator("main form button.button").click()
        page.wait_for_load_state()
    page.locator("#locked-out").wait_for()


def account_holder_locked_out() -> dict:
    _user("redaktor@eskilstuna.se")
    return {"then": _fail_to_sign_in_until_locked_out}


def account_holder_creating_a_token() -> dict:
    return account_holder() | {"then": _create_a_token}


def account_holder_after_a_failed_deletion() -> dict:
    return account_holder() | {"then": _submit_the_form_unfilled}


def organisation_admin_with_a_request() -> dict:
    """An administrator of Eskilstuna kommun with a request to join and an invitation out;
    the person who asked is a member of Umeå kommun."""
    demo_load()
    eskilstuna, umea = _municipality("0484"), _municipality("2480")
    admin = _user("admin@eskilstuna.se")
    membership_grant(user=admin, organisation=eskilstuna, role="admin")
    asker = _user("ny@umea.se", organisation=umea)
    joining.join_request_create(
        user=asker, organisation=eskilstuna, message="Jag arbetar med e-hälsa.", decide_url="/"
    )
    invitation = joining.invitation_create(
        actor=admin,
        organisation=eskilstuna,
        email="inbjuden@eskilstuna.se",
        role="editor",
        language="sv",
        accept_link=lambda token: token,
    )
    return {
        "user": admin,
        "asker": asker,
        "slug": eskilstuna.slug,
        "token": joining.invitation_token(invitation),
    }


def person_who_asked_to_join() -> dict:
    prepared = organisation_admin_with_a_request()
    return prepared | {"user": prepared["asker"]}


def invited_person() -> dict:
    return organisation_admin_with_a_request() | {"user": _user("inbjuden@eskilstuna.se")}


def moderator_turning_off_a_kind_of_mail() -> dict:
    return {
        "token": unsubscribe_token(_user("mona@moderator.se", site_role="moderator"), "adopted")
    }


def _turn_it_off(page) -> None:
    page.locator("main form button[type=submit]").click()
    page.locator("main form input[name=again]").wait_for(state="attached")


def moderator_who_turned_off_a_kind_of_mail() -> dict:
    return moderator_turning_off_a_kind_of_mail() | {"then": _turn_it_off}


def follower() -> dict:
    demo_load()
    user = _user("foljare@umea.se")
    following.follow_create(
        user=user, filters={"barrier": "procurement"}, label="Upphandling", frequency="weekly"
    )
    return {"user": user}


def visitor_after_a_failed_sign_up() -> dict:
    return {"then": _submit_the_form_unfilled}


def _type_a_query(page) -> None:
    page.locator("#id_q").press_sequentially("hemsjukv")
    page.locator(".results mark").first.wait_for()


def visitor_typing_a_query() -> dict:
    demo_load()
    return {"then": _type_a_query}


def moderator_with_a_case_in_review() -> dict:
    demo_load()
    owner = _user("redaktor@eskilstuna.se", organisation=_municipality("0484"))
    case = _full_case(author=owner)
    services.case_submit_for_review(actor=owner, case=case)
    user = _user("moderator@example.se", site_role=User.SiteRole.MODERATOR)
    return {"user": user, "slug": case.slug}


def member_of_another_organisation() -> dict:
    demo_load()
    return {
        "user": _user("strateg@vasteras.se", organisation=_municipality("1980")),
        "slug": "retuna-aterbruksgalleria",
    }


def _participant_cookie(participant: Participant):
    """A "then" that gives the browser the participant's cookie, as joining on the phone does."""
    name = participant_cookie_name(participant.workshop)
    value = signing.get_cookie_signer(salt=name + PARTICIPANT_COOKIE_SALT).sign(participant.token)

    def then(page) -> None:
        page.context.add_cookies([{"name": name, "value": value, "url": page.url}])
        page.reload()
        page.locator("[data-participant-page]").wait_for()

    return then


WORKSHOP_ANSWERS: dict[str, list[str]] = {
    Prompt.Kind.EXAMPLE: [
        "ReTuna återbruksgalleria i Eskilstuna",
        "ReTuna, galleria där allt är återbrukat",
        "Avancerad sjukvård i hemmet",
        "Förifylld deklaration i mobilen",
    ],
    Prompt.Kind.ENABLER: [
        "Styrning som ger mandat att pröva",
        "Tydlig styrning och budget för att pröva nytt",
        "Utgå från användarnas behov",
    ],
    Prompt.Kind.BARRIER: [
        "Upphandlingen tar för lång tid",
        "Krånglig upphandling stoppar nya lösningar",
        "Fan vad allt blir projekt som dör",
        "Stuprör mellan förvaltningarna",
    ],
}


def _workshop(state: str = "open") -> dict:
    """A workshop in the middle of its life (demo library loaded): two participants, answers to
    every question, a duplicate, a hidden and a flagged one, themes with tags, an open voting
    round on the themes with votes, and an example drafted into a case. `state` moves it on."""
    demo_load()
    organiser = _municipality("0484")
    user = _user("facilitator@eskilstuna.se", organisation=organiser)
    workshop = workshop_services.workshop_create(
        actor=user,
        organiser=organiser,
        title="Innovationskraft i offentlig sektor",
        date=datetime.date(2026, 11, 30),
        description="Vad har gjorts, vad krävs och vad står i vägen?",
        template="opsi",
    )
    workshop_services.workshop_open(actor=user, workshop=workshop)
    people = [
        workshop_services.participant_join(
            workshop=workshop, name="Karin", organisation_name="Västerås stad"
        ),
        workshop_services.participant_join(workshop=workshop),
    ]
    sent = {}
    for prompt in workshop.prompts.all():
        for number, text in enumerate(WORKSHOP_ANSWERS[prompt.kind]):
            person = people[number % 2]
            person.workshop = workshop
            sent[text] = workshop_services.contribution_send(
                participant=person, prompt=prompt, text=text
            )
    answers = WORKSHOP_ANSWERS
    workshop_services.contribution_merge(
        actor=user, duplicate=sent[answers["example"][1]], into=sent[answers["example"][0]]
    )
    workshop_services.contribution_set_status(
        actor=user, contribution=sent[answers["barrier"][3]], status=Contribution.Status.HIDDEN
    )
    workshop_services.contribution_set_flags(
        actor=user, contribution=sent[answers["enabler"][2]], highlighted=True
    )
    workshop_services.themes_cluster(actor=user, workshop=workshop)
    themes = list(Theme.objects.filter(prompt__workshop=workshop))
    workshop_services.theme_set_terms(
        actor=user, theme=themes[0], terms=_terms("barrier", "procurement", "resources")
    )
    workshop_services.contribution_set_terms(
        actor=user, contribution=sent[answers["barrier"][0]], terms=_terms("barrier", "procurement")
    )
    example = sent[answers["example"][2]]
    example.workshop = workshop
    workshop_services.contribution_to_case(
        actor=user, contribution=example, organisation=organiser, title="Sjukvård i hemmet"
    )
    voting_round = workshop_services.round_open(
        actor=user, workshop=workshop, target="themes", budget=3, question="Vad är viktigast?"
    )
    for person in people:
        workshop_services.vote_cast(participant=person, voting_round=voting_round, item=themes[0])
    if state in ("closed", "published"):
        workshop_services.workshop_close(actor=user, workshop=workshop)
        workshop_services.workshop_save_conclusions(
            actor=user,
            workshop=workshop,
            conclusions="Rummet var överens:\n\n1. **Styrning** som ger mandat.\n2. Användarna.",
        )
    if state == "published":
        workshop_services.workshop_publish(actor=user, workshop=workshop)
    return {
        "user": user,
        "slug": workshop.slug,
        "code": workshop.join_code,
        "example": sent[answers["example"][0]].pk,
        "participant": people[0],
    }


def facilitator_of_a_running_workshop() -> dict:
    prepared = _workshop()
    del prepared["participant"]
    return prepared


def facilitator_of_a_closed_workshop() -> dict:
    prepared = _workshop("closed")
    del prepared["participant"]
    return prepared


def facilitator_before_voting() -> dict:
    prepared = facilitator_of_a_running_workshop()
    workshop = Workshop.objects.get(slug=prepared["slug"])
    for voting_round in workshop.rounds.all():
        workshop_services.round_close(actor=None, voting_round=voting_round)
    return prepared


def _submit_the_workshop_form_unfilled(page) -> None:
    page.locator("#id_title").fill("")
    page.locator("main form button[type=submit]").click()
    page.locator(".error-summary").wait_for()


def facilitator_after_a_failed_create() -> dict:
    return editor() | {"then": _submit_the_workshop_form_unfilled}


def visitor_of_a_running_workshop() -> dict:
    """Someone in the room who has not joined yet, or the projector."""
    prepared = _workshop()
    return {"code": prepared["code"]}


def participant_in_a_running_workshop() -> dict:
    prepared = _workshop()
    return {"code": prepared["code"], "then": _participant_cookie(prepared["participant"])}


def participant_who_sent_an_answer() -> dict:
    """The thank-you message, and her first contribution opened to change or withdraw it."""
    prepared = participant_in_a_running_workshop()
    join = prepared["then"]

    def then(page) -> None:
        join(page)
        page.locator("form[data-contribute] textarea").first.fill("Medborgarbudget i Uppsala")
        page.locator("form[data-contribute] button[type=submit]").first.click()
        page.locator("#status:not(:empty)").wait_for()
        page.locator("#mina summary").first.click()

    return prepared | {"then": then}


def participant_without_a_connection() -> dict:
    """What she sends cannot reach the server: the outbox and the warning show."""
    prepared = participant_in_a_running_workshop()
    join = prepared["then"]

    def then(page) -> None:
        join(page)
        page.route("**/skicka/", lambda route: route.abort())
        page.locator("form[data-contribute] textarea").first.fill("Medborgarbudget i Uppsala")
        page.locator("form[data-contribute] button[type=submit]").first.click()
        page.locator("#outbox li").first.wait_for()

    return prepared | {"then": then}


def participant_whose_answer_was_refused() -> dict:
    """Without JavaScript the form posts the page; a refused answer comes back with the reason."""
    prepared = participant_in_a_running_workshop()
    join = prepared["then"]

    def then(page) -> None:
        join(page)
        page.evaluate(
            """() => {
              const form = document.querySelector("form[data-contribute]");
              form.querySelector("textarea").value = "x".repeat(300);
              HTMLFormElement.prototype.submit.call(form);
            }"""
        )
        page.locator(".error-summary").wait_for()

    return prepared | {"then": then}


def _enter_a_wrong_code(page) -> None:
    page.locator("#id_kod").fill("KKKKKK")
    page.locator("main form button[type=submit]").click()
    page.locator(".error-summary").wait_for()


def participant_with_a_wrong_code() -> dict:
    return {"then": _enter_a_wrong_code}


def _lose_the_connection(page) -> None:
    page.route("**/tavla/innehall/**", lambda route: route.abort())
    page.locator("#connection:not(:empty)").wait_for()


def projector_without_a_connection() -> dict:
    return visitor_of_a_running_workshop() | {"then": _lose_the_connection}


def _open_every_details(page) -> None:
    for summary in page.locator("main details summary").all():
        summary.click()


def facilitator_tagging_themes() -> dict:
    return facilitator_of_a_running_workshop() | {"then": _open_every_details}


def visitor_of_a_closed_workshop() -> dict:
    return {"code": _workshop("closed")["code"]}


def visitor_of_a_published_workshop() -> dict:
    prepared = _workshop("published")
    return {"code": prepared["code"], "slug": prepared["slug"]}


def demo_with_resources():
    demo_load()
    demo_resources_load()


def _answers(value: int, **per_area: int) -> dict[str, int]:
    return {s.code: per_area.get(d.code, value) for d in DIMENSIONS for s in d.statements}


def self_assessment_with_peers() -> dict:
    """A result whose comparisons are both shown (six municipalities saved answers) and whose
    weakest areas have resources."""
    demo_with_resources()
    for n, code in enumerate(["0180", "0484", "1980", "2480", "1280", "1480"]):
        organisation = _municipality(code)
        user = _user(f"svar{n}@kommun.se", organisation=organisation)
        assessment_save(user=user, organisation=organisation, answers=_answers(3, scaling=2))
    return {"token": result_token(answers=_answers(4, procurement=1, users=2), kind="municipality")}


def member_of_a_team_that_answered() -> dict:
    """A member of Eskilstuna kommun, where three have answered: the team profile shows."""
    prepared = self_assessment_with_peers()
    eskilstuna = _municipality("0484")
    colleagues = [_user(f"kollega{n}@eskilstuna.se", organisation=eskilstuna) for n in range(2)]
    for user in colleagues:
        assessment_save(user=user, organisation=eskilstuna, answers=_answers(4, culture=1))
    return prepared | {"user": colleagues[0], "slug": eskilstuna.slug}


def _answer_one_statement_and_send(page) -> None:
    page.locator("#id_steering-1_3").check()
    page.locator("main form button[type=submit]").click()
    page.locator(".error-summary").wait_for()


def visitor_after_an_incomplete_self_assessment() -> dict:
    return {"then": _answer_one_statement_and_send}


def visitor_after_a_failed_sign_in() -> dict:
    return {"then": _submit_the_form_unfilled}


def visitor_after_a_failed_report() -> dict:
    return {"then": _submit_the_form_unfilled}


PAGES = [
    ("home-empty", "/", None),
    ("home", "/", demo_load),
    ("login", "/konto/logga-in/", None),
    ("login-errors", "/konto/logga-in/", visitor_after_a_failed_sign_in),
    ("account", "/konto/", account_holder),
    ("account-new-token", "/konto/", account_holder_creating_a_token),
    ("two-factor-setup", "/konto/tvastegsverifiering/", account_holder),
    ("sign-in-code", "/konto/logga-in/kod/", account_holder_with_two_factor),
    ("recovery-codes", "/konto/tvastegsverifiering/", account_holder_turning_on_two_factor),
    ("locked-out", "/konto/logga-in/", account_holder_locked_out),
    ("account-with-organisations", "/konto/", person_who_asked_to_join),
    ("account-of-an-organisation-admin", "/konto/", organisation_admin_with_a_request),
    ("sign-up", "/konto/skapa/", None),
    ("sign-up-errors", "/konto/skapa/", visitor_after_a_failed_sign_up),
    ("sign-up-sent", "/konto/skapa/skickat/", None),
    ("password-reset", "/konto/nytt-losenord/", None),
    ("password-reset-sent", "/konto/nytt-losenord/skickat/", None),
    ("password-reset-old-link", "/konto/nytt-losenord/MQ/fel-nyckel/", None),
    ("password-reset-done", "/konto/nytt-losenord/klart/", None),
    ("join", "/konto/ga-med/", person_who_asked_to_join),
    ("join-requests", "/konto/forfragningar/", organisation_admin_with_a_request),
    ("join-requests-none", "/konto/forfragningar/", account_holder),
    ("invite", "/organisationer/{slug}/bjud-in/", organisation_admin_with_a_request),
    ("invitation", "/konto/inbjudan/{token}/", invited_person),
    ("unsubscribe", "/avregistrera/{token}/", moderator_turning_off_a_kind_of_mail),
    ("unsubscribed", "/avregistrera/{token}/", moderator_who_turned_off_a_kind_of_mail),
    ("follow", "/konto/folj/?barrier=procurement&q=%C3%A5terbruk", follower),
    ("account-following", "/konto/", follower),
    ("search-results-signed-in", "/sok/?q=%C3%A5terbruk", follower),
    ("not-found", "/finns-inte/", None),
    ("case-list", "/innovationer/", demo_load),
    ("case-list-filtered", "/innovationer/?barrier=silos&sort=title", full_case),
    ("case-list-no-results", "/innovationer/?stage=idea&year=1901", demo_load),
    ("search", "/sok/", demo_load),
    ("insights", "/insikter/", demo_load),
    ("resources", "/resurser/", demo_with_resources),
    ("resources-none", "/resurser/?kind=network&stage=ended", demo_with_resources),
    ("self-assessment", "/sjalvskattning/", None),
    ("self-assessment-errors", "/sjalvskattning/", visitor_after_an_incomplete_self_assessment),
    ("self-assessment-result", "/sjalvskattning/resultat/{token}/", self_assessment_with_peers),
    (
        "self-assessment-result-member",
        "/sjalvskattning/resultat/{token}/",
        member_of_a_team_that_answered,
    ),
    (
        "self-assessment-team",
        "/sjalvskattning/organisation/{slug}/",
        member_of_a_team_that_answered,
    ),
    (
        "insights-compared",
        "/insikter/?org_type=municipality&compare=1&b-org_type=region",
        demo_load,
    ),
    ("search-results", "/sok/?q=sjukv%C3%A5rd&sort=relevance", demo_load),
    ("search-corrected", "/sok/?q=upphandlnig", demo_load),
    ("search-only-stop-words", "/sok/?q=och", demo_load),
    ("search-as-you-type", "/sok/", visitor_typing_a_query),
    ("case-detail", "/innovationer/retuna-aterbruksgalleria/", demo_with_resources),
    ("term-with-resources", "/ordlista/barrier/silos/", demo_with_resources),
    ("case-related-page", "/sok/liknande/retuna-aterbruksgalleria/", demo_load),
    ("case-detail-full", "/innovationer/{slug}/", full_case),
    ("case-history", "/innovationer/{slug}/historik/", edited_case),
    ("case-version", "/innovationer/{slug}/historik/{version}/", edited_case),
    ("organisation", "/organisationer/eskilstuna-kommun/", demo_load),
    ("organisation-list", "/organisationer/?kind=municipality", demo_load),
    ("organisation-list-empty", "/organisationer/?q=finns-inte", None),
    ("open-data", "/oppna-data/", demo_load),
    ("vocabulary", "/ordlista/barrier/", None),
    ("term", "/ordlista/barrier/procurement/", full_case),
    ("case-form", "/innovationer/ny/", editor),
    ("case-form-errors", "/innovationer/ny/", editor_after_a_failed_save),
    ("case-form-duplicate-warning", "/innovationer/ny/", editor_warned_of_a_duplicate),
    ("my-cases", "/mina-innovationer/", editor),
    ("review-queue", "/granskning/", moderator_with_a_case_in_review),
    ("case-review", "/innovationer/{slug}/granska/", moderator_with_a_case_in_review),
    ("adoption-form", "/innovationer/{slug}/vi-har-infort/", member_of_another_organisation),
    ("contact-form", "/innovationer/{slug}/kontakt/", full_case),
    ("contact-form-errors", "/innovationer/{slug}/kontakt/", reader_after_a_failed_contact),
    ("contact-sent", "/innovationer/{slug}/kontakt/skickat/", full_case),
    ("contact-no-one", "/innovationer/{slug}/kontakt/", case_no_one_can_be_reached_about),
    ("workshop-enter-code", "/w/", None),
    ("workshop-wrong-code", "/w/", participant_with_a_wrong_code),
    ("workshop-join", "/w/{code}/", visitor_of_a_running_workshop),
    ("workshop-participant", "/w/{code}/", participant_in_a_running_workshop),
    ("workshop-participant-sent", "/w/{code}/", participant_who_sent_an_answer),
    ("workshop-participant-offline", "/w/{code}/", participant_without_a_connection),
    ("workshop-participant-refused", "/w/{code}/", participant_whose_answer_was_refused),
    ("workshop-closed", "/w/{code}/", visitor_of_a_closed_workshop),
    ("workshop-published", "/w/{code}/", visitor_of_a_published_workshop),
    ("workshop-board", "/w/{code}/tavla/", visitor_of_a_running_workshop),
    ("workshop-board-closed", "/w/{code}/tavla/", visitor_of_a_closed_workshop),
    ("workshop-board-offline", "/w/{code}/tavla/", projector_without_a_connection),
    ("workshop-list", "/workshoppar/", facilitator_of_a_running_workshop),
    ("workshop-list-empty", "/workshoppar/", editor),
    ("workshop-create", "/workshoppar/ny/", editor),
    ("workshop-create-errors", "/workshoppar/ny/", facilitator_after_a_failed_create),
    ("workshop-edit", "/workshoppar/{slug}/redigera/", facilitator_of_a_running_workshop),
    ("workshop-manage", "/workshoppar/{slug}/", facilitator_of_a_running_workshop),
    ("workshop-manage-closed", "/workshoppar/{slug}/", facilitator_of_a_closed_workshop),
    ("workshop-presenter", "/workshoppar/{slug}/presentera/", facilitator_of_a_running_workshop),
    ("workshop-moderation", "/workshoppar/{slug}/moderera/", facilitator_of_a_running_workshop),
    (
        "workshop-contribution",
        "/workshoppar/{slug}/bidrag/{example}/",
        facilitator_of_a_running_workshop,
    ),
    ("workshop-themes", "/workshoppar/{slug}/teman/", facilitator_tagging_themes),
    ("workshop-voting", "/workshoppar/{slug}/rostning/", facilitator_of_a_running_workshop),
    ("workshop-voting-form", "/workshoppar/{slug}/rostning/", facilitator_before_voting),
    (
        "workshop-report-edit",
        "/workshoppar/{slug}/rapport/redigera/",
        facilitator_of_a_closed_workshop,
    ),
    ("workshop-report", "/workshoppar/{slug}/rapport/", visitor_of_a_published_workshop),
    ("workshop-report-list", "/workshoppar/rapporter/", visitor_of_a_published_workshop),
    ("accessibility-statement", "/tillganglighet/", None),
    ("accessibility-report", "/tillganglighet/rapportera/", None),
    ("accessibility-report-errors", "/tillganglighet/rapportera/", visitor_after_a_failed_report),
    ("accessibility-report-sent", "/tillganglighet/rapportera/skickat/", None),
    ("privacy", "/personuppgifter/", None),
    ("account-delete", "/konto/radera/", account_holder),
    ("account-delete-errors", "/konto/radera/", account_holder_after_a_failed_deletion),
]


@pytest.mark.parametrize(("name", "path", "setup"), PAGES, ids=[p[0] for p in PAGES])
def test_the_page_has_no_wcag_21_aa_violations_in_either_language(
    page, live_server, name, path, setup
):
    # Both languages in one test: the setup (often the whole demo library) is the slow part.
    prepared = (setup() if setup else None) or {}
    _with_the_longest_words()
    if "user" in prepared:
        sign_in(page, prepared["user"], live_server.url)
    found = {}
    for language_prefix in ["", "/en"]:
        url = language_prefix + path.format(**prepared)
        response = page.goto(url)
        assert response.status == (404 if name == "not-found" else 200), page.url
        assert page.url == live_server.url + url, "the page redirected"
        if "then" in prepared:
            prepared["then"](page)
        unattended = _error_summary_unattended(page, language_prefix)
        if unattended:
            found[f"{language_prefix or '/sv'} error summary"] = unattended
        violations = axe_violations(page)
        if violations:
            found[language_prefix or "/sv"] = describe(violations)
        overflow = _sideways_at_narrowest(page)
        if overflow:
            found[f"{language_prefix or '/sv'} at 320 px"] = overflow
    assert found == {}, "\n".join(f"{name} {lang}:\n{text}" for lang, text in found.items())


# A word without spaces as long as the field allows (280 characters in a contribution), such
# as a pasted address or a compound: every page must still wrap it at 320 px.
LONG_WORD = ("Innovationsupphandlingsutvecklingsprojektledarutbildning" * 6)[:280]


def _with_the_longest_words() -> None:
    """Every case title, organisation name, workshop contribution and theme ends in a word as
    long as its field allows, as real content can; the search index and caches follow."""
    from django.core.cache import caches
    from django.db import models
    from django.db.models import CharField, F, Value
    from django.db.models.functions import Concat, Substr

    from innovationskraft.search.columns import forget_columns
    from innovationskraft.search.indexing import index_rebuilt

    longest: list[tuple[type[models.Model], str]] = [
        (Case, "title"),
        (Organisation, "name"),
        (Contribution, "text"),
        (Theme, "name"),
        (Workshop, "title"),
        (Participant, "organisation_name"),
    ]
    for model, name in longest:
        field = model._meta.get_field(name)
        assert isinstance(field, CharField)
        longer = Concat(F(name), Value(" " + LONG_WORD), output_field=CharField())
        model._default_manager.update(**{name: Substr(longer, 1, field.max_length)})
    index_rebuilt()
    for cache in caches.all():
        cache.clear()
    forget_columns()


def _error_summary_unattended(page, language_prefix: str) -> str:
    """After a form comes back with errors, focus is on the error summary (so that a screen
    reader reads it and a keyboard starts there) and the title begins with "Error:". What is
    wrong, or "" when it is right or there are no errors."""
    if not page.locator(".error-summary").count():
        return ""
    prefix = "Error: " if language_prefix == "/en" else "Fel: "
    title = page.title()
    focused = page.evaluate("document.activeElement.classList.contains('error-summary')")
    problems = [] if title.startswith(prefix) else [f"the title is {title!r}"]
    return "; ".join(problems + ([] if focused else ["focus is not on it"]))


NARROWEST = {"width": 320, "height": 640}
WIDEST_ELEMENTS = """() => [...document.querySelectorAll("body *")]
  .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
    || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible"
       && e.clientWidth > 0)
  .slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
    + (typeof e.className === "string" && e.className
       ? "." + e.className.split(" ").join(".") : ""))"""


def _sideways_at_narrowest(page) -> str:
    """WCAG 1.4.10 (reflow): at 320 CSS pixels nothing scrolls sideways. The elements that
    stick out, or "" when none does."""
    wide = page.viewport_size
    page.set_viewport_size(NARROWEST)
    try:
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        return f"{overflow} px too wide: {page.evaluate(WIDEST_ELEMENTS)}" if overflow > 0 else ""
    finally:
        page.set_viewport_size(wide)


def test_the_checker_really_finds_violations(page):
    page.goto("/")
    page.evaluate("document.querySelector('main').innerHTML += '<img src=\"x.png\">'")
    ids = [violation["id"] for violation in axe_violations(page)]
    assert "image-alt" in ids
