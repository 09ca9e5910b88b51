"""/tillganglighet/rapportera/: a report of an accessibility problem goes by e-mail, through
the outbox, to SITE_CONTACT_EMAIL; bad input is refused with what was typed kept."""

import pytest
from django.urls import reverse

from innovationskraft.core.models import OutgoingMail

pytestmark = pytest.mark.django_db

REPORT = reverse("core:accessibility_report")
GOOD = {
    "name": "Karin Ek",
    "email": "karin@example.se",
    "page": "https://innovationskraft.example/innovationer/",
    "description": "Filtren går inte att nå med tangentbordet.",
}


@pytest.fixture
def operator(settings):
    settings.SITE_OPERATOR_NAME = "Region Västmanland"
    settings.SITE_CONTACT_EMAIL = "tillganglighet@regionvastmanland.example"
    return settings


def test_the_form_asks_for_the_address_the_page_and_the_problem(client, operator):
    html = client.get(REPORT, {"sida": "/innovationer/"}).content.decode()
    assert 'name="email"' in html
    assert 'name="description"' in html
    assert 'name="page" value="/innovationer/"' in html


def test_a_report_is_mailed_through_the_outbox_to_the_contact_address(client, operator):
    response = client.post(REPORT, GOOD)

    assert response.status_code == 302
    assert response.url == reverse("core:accessibility_report_sent")
    [mail] = OutgoingMail.objects.all()
    assert mail.kind == "accessibility_report"
    assert mail.to == ["tillganglighet@regionvastmanland.example"]
    assert mail.reply_to == "Karin Ek <karin@example.se>"
    assert "Filtren går inte att nå med tangentbordet." in mail.text
    assert "https://innovationskraft.example/innovationer/" in mail.text
    assert "tillgänglighetsproblem" in mail.subject
    assert "Region Västmanland" in client.get(response.url).content.decode()


def test_a_report_needs_no_name(client, operator):
    assert client.post(REPORT, GOOD | {"name": ""}).status_code == 302
    assert OutgoingMail.objects.get().reply_to == "karin@example.se"


def test_bad_input_is_refused_with_a_summary_and_what_was_typed_kept(client, operator):
    response = client.post(
        REPORT, GOOD | {"email": "inte-en-adress", "description": "Kort", "name": "Karin\nBcc: x"}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_email"' in html
    assert 'href="#id_description"' in html
    assert 'href="#id_name"' in html
    assert 'value="inte-en-adress"' in html
    assert ">\nKort</textarea>" in html
    assert not OutgoingMail.objects.exists()


def test_a_filled_in_hidden_field_sends_nothing(client, operator):
    response = client.post(REPORT, GOOD | {"website": "https://spam.example"})
    assert response.status_code == 400
    assert not OutgoingMail.objects.exists()


def test_one_network_address_may_send_only_so_many_an_hour(client, operator):
    operator.ACCESSIBILITY_REPORTS_PER_ADDRESS_HOUR = 2
    for _report in range(2):
        assert client.post(REPORT, GOOD).status_code == 302
    response = client.post(REPORT, GOOD)

    assert response.status_code == 429
    assert "Försök igen om" in response.content.decode()
    assert 'value="karin@example.se"' in response.content.decode()
    assert OutgoingMail.objects.count() == 2


def test_without_a_contact_address_there_is_no_form_and_nothing_is_sent(client, settings):
    settings.SITE_CONTACT_EMAIL = ""
    assert 'name="email"' not in client.get(REPORT).content.decode()
    assert client.post(REPORT, GOOD).status_code == 200
    assert not OutgoingMail.objects.exists()
