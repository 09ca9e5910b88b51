"""axe-core in headless Chromium on every page type, in both languages.

Each feature adds its pages to PAGES. A page is a name, a path (Swedish URL; the English one
is the same under /en) and an optional setup that creates what the page needs. A setup may
return a dict: its values fill the path's {placeholders}, "user" is signed in first, and
"then" is done in the page before axe runs (such as submitting a form)."""

import pytest

from innovationskraft.accounts.models import User
from innovationskraft.accounts.services import membership_grant
from innovationskraft.cases import services
from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.history import case_versions
from innovationskraft.cases.inputs import CaseInput
from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.core.testing.axe import axe_violations, describe
from innovationskraft.core.testing.browser import sign_in

pytestmark = pytest.mark.browser


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
    data = CaseInput.from_case(case)
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
    page.locator("#id_title").fill("ReTuna återbruksgalleria i Eskilstuna")
    page.locator("#possible-duplicates li").first.wait_for()


def editor_warned_of_a_duplicate() -> dict:
    return editor() | {"then": _write_a_known_title}


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


PAGES = [
    ("home-empty", "/", None),
    ("home", "/", demo_load),
    ("login", "/konto/logga-in/", None),
    ("not-found", "/finns-inte/", None),
    ("case-list", "/innovationer/", demo_load),
    ("case-list-filtered", "/innovationer/?barrier=silos&sort=title", full_case),
    ("case-list-no-results", "/innovationer/?stage=idea&year=1901", demo_load),
    ("search", "/sok/", demo_load),
    ("search-results", "/sok/?q=sjukv%C3%A5rd&sort=relevance", demo_load),
    ("search-corrected", "/sok/?q=upphandlnig", demo_load),
    ("search-only-stop-words", "/sok/?q=och", demo_load),
    ("search-as-you-type", "/sok/", visitor_typing_a_query),
    ("case-detail", "/innovationer/retuna-aterbruksgalleria/", demo_load),
    ("case-detail-full", "/innovationer/{slug}/", full_case),
    ("case-history", "/innovationer/{slug}/historik/", edited_case),
    ("case-version", "/innovationer/{slug}/historik/{version}/", edited_case),
    ("organisation", "/organisationer/eskilstuna-kommun/", demo_load),
    ("organisation-list", "/organisationer/?kind=municipality", demo_load),
    ("organisation-list-empty", "/organisationer/?q=finns-inte", None),
    ("vocabulary", "/ordlista/barrier/", None),
    ("term", "/ordlista/barrier/procurement/", full_case),
    ("case-form", "/innovationer/ny/", editor),
    ("case-form-errors", "/innovationer/ny/", editor_after_a_failed_save),
    ("case-form-duplicate-warning", "/innovationer/ny/", editor_warned_of_a_duplicate),
    ("my-cases", "/mina-innovationer/", editor),
    ("review-queue", "/granskning/", moderator_with_a_case_in_review),
    ("case-review", "/innovationer/{slug}/granska/", moderator_with_a_case_in_review),
    ("adoption-form", "/innovationer/{slug}/vi-har-infort/", member_of_another_organisation),
]


@pytest.mark.parametrize(("name", "path", "setup"), PAGES, ids=[p[0] for p in PAGES])
def test_the_page_has_no_wcag_21_aa_violations_in_either_language(
    page, live_server, name, path, setup
):
    # Both languages in one test: the setup (often the whole demo library) is the slow part.
    prepared = (setup() if setup else None) or {}
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
        violations = axe_violations(page)
        if violations:
            found[language_prefix or "/sv"] = describe(violations)
    assert found == {}, "\n".join(f"{name} {lang}:\n{text}" for lang, text in found.items())


def test_the_checker_really_finds_violations(page):
    page.goto("/")
    page.evaluate("document.querySelector('main').innerHTML += '<img src=\"x.png\">'")
    ids = [violation["id"] for violation in axe_violations(page)]
    assert "image-alt" in ids
