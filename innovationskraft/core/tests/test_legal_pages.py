"""/tillganglighet/ and /personuppgifter/: the accessibility statement and the privacy page,
in both languages, with the operator's settings and the real retention periods, linked from
the footer of every page."""

import pytest
from django.urls import reverse

from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures shared with cases
    eskilstuna,
    make_case,
    moderator,
)

pytestmark = pytest.mark.django_db

STATEMENT = "/tillganglighet/"
PRIVACY = "/personuppgifter/"


@pytest.fixture
def operator(settings):
    settings.SITE_OPERATOR_NAME = "Region Västmanland"
    settings.SITE_CONTACT_EMAIL = "tillganglighet@regionvastmanland.example"
    settings.SITE_DATA_PROTECTION_OFFICER_EMAIL = "dataskydd@regionvastmanland.example"
    return settings


def test_the_pages_are_at_their_swedish_addresses():
    assert reverse("core:accessibility") == STATEMENT
    assert reverse("core:privacy") == PRIVACY


def test_the_statement_names_the_operator_its_compliance_digg_and_the_dates(client, operator):
    operator.ACCESSIBILITY_STATEMENT_UPDATED_ON = operator.ACCESSIBILITY_ASSESSED_ON.replace(
        year=2027, month=3, day=1
    )
    html = client.get(STATEMENT).content.decode()

    assert "<h1>Tillgänglighet för Innovationskraft</h1>" in html
    assert "Region Västmanland står bakom Innovationskraft." in html
    assert "delvis förenlig med lagen om tillgänglighet till digital offentlig service" in html
    assert 'href="https://www.digg.se/tdosanmalan"' in html
    assert 'href="mailto:tillganglighet@regionvastmanland.example"' in html
    assert f'href="{reverse("core:accessibility_report")}"' in html
    assert "axe-core" in html
    assert "320 pixlars bredd" in html
    assert "Den senaste bedömningen gjordes den 4 december 2026." in html
    assert "Redogörelsen uppdaterades senast den 1 mars 2027." in html


def test_the_statement_names_the_shortcomings_that_remain_and_not_the_tagged_pdfs(client, operator):
    html = client.get(STATEMENT).content.decode()
    assert "JavaScript" in html  # the contact form's bot check
    assert "inte taggad" not in html  # both PDFs are tagged


def test_the_statement_is_in_english_under_en(client, operator):
    html = client.get("/en" + STATEMENT).content.decode()

    assert "<h1>Accessibility of Innovationskraft</h1>" in html
    assert "Region Västmanland is behind Innovationskraft." in html
    assert "partially compliant" in html
    assert "The Agency for Digital Government (Digg)" in html


def test_without_a_contact_address_the_statement_says_reports_cannot_be_sent(client, settings):
    settings.SITE_OPERATOR_NAME = settings.SITE_CONTACT_EMAIL = ""
    html = client.get(STATEMENT).content.decode()

    assert "Organisationen som driver webbplatsen står bakom Innovationskraft." in html
    assert "mailto:" not in html
    assert "rapporter kan inte skickas" in html


def test_the_privacy_page_states_the_real_retention_periods(client, operator):
    operator.CONTACT_MESSAGE_KEEP_DAYS = 45
    operator.WORKSHOP_PARTICIPANT_KEEP_DAYS = 120
    operator.MAIL_SENT_KEEP_DAYS = 1
    html = client.get(PRIVACY).content.decode()

    assert "Region Västmanland driver Innovationskraft" in html
    assert "Vi sparar meddelandet i 45 dagar" in html
    assert "120 dagar efter att workshoppen stängdes" in html
    assert "och sedan 1 dag till" in html
    assert 'href="mailto:dataskydd@regionvastmanland.example"' in html
    assert "Integritetsskyddsmyndigheten (IMY)" in html
    assert f'href="{reverse("accounts:profile")}"' in html


def test_the_privacy_page_is_in_english_under_en(client, operator):
    operator.WORKSHOP_PARTICIPANT_KEEP_DAYS = 30
    html = client.get("/en" + PRIVACY).content.decode()

    assert "<h1>How we handle personal data</h1>" in html
    assert "30 days after the workshop closed" in html
    assert "Swedish Authority for Privacy Protection (IMY)" in html


def test_the_privacy_page_gives_the_legal_basis_the_operator_chose(client, operator):
    assert "allmänt intresse (artikel 6.1 e i GDPR)" in client.get(PRIVACY).content.decode()
    assert "offentlighetsprincipen" in client.get(PRIVACY).content.decode()

    operator.PRIVACY_LEGAL_BASIS = "legitimate_interests"
    html = client.get(PRIVACY).content.decode()
    assert "berättigade intresse (artikel 6.1 f i GDPR)" in html
    assert "offentlighetsprincipen" not in html


@pytest.mark.parametrize("language", ["", "/en"])
def test_the_footer_of_the_home_page_and_a_case_page_links_to_both(
    client,
    make_case,  # noqa: F811 - the shared fixture
    language,
):
    case = make_case(status="published")
    for path in ["/", case.get_absolute_url()]:
        response = client.get(language + path)
        assert response.status_code == 200
        footer = response.content.decode().split('<footer class="site-footer">')[1]
        assert f'href="{language}{STATEMENT}"' in footer
        assert f'href="{language}{PRIVACY}"' in footer
