"""Contacting the people behind a case: the message is relayed by e-mail to a real SMTP server
(aiosmtpd), the owner answers the sender directly, and the owner's address is never shown."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from innovationskraft.cases.models import Case
from innovationskraft.connect.models import ContactMessage
from innovationskraft.connect.services import contact_messages_expired
from innovationskraft.connect.tests.conftest import contact_url, message
from innovationskraft.core.models import OutgoingMail
from innovationskraft.core.testing.tasks import committed, run_worker

pytestmark = pytest.mark.django_db


def sent(client, case, remote_addr: str = "127.0.0.1", **overrides):
    """Posts the form from `remote_addr` and lets the request's transaction commit, as it would
    outside a test."""
    fields = message(client, **overrides)
    return committed(client.post, contact_url(case), fields, REMOTE_ADDR=remote_addr)


def test_a_published_case_offers_to_contact_the_people_behind_it(client, case):
    page = client.get(case.get_absolute_url()).content.decode()
    assert contact_url(case) in page
    assert case.contact_email not in page
    assert "Karin" not in page


def test_a_message_reaches_the_contact_person_and_the_reply_goes_to_the_sender(
    client, case, mailbox
):
    response = sent(client, case)
    assert response.status_code == 302
    assert response["Location"] == reverse("connect:contact_sent", args=[case.slug])
    run_worker()

    [received] = mailbox.messages
    assert received.recipients == ["karin.berg@eskilstuna.example"]
    assert received.message["Reply-To"] == "Per Holm <per.holm@region.example>"
    assert received.message["To"] == "karin.berg@eskilstuna.example"
    assert "Digital nattillsyn" in received.message["Subject"]
    assert "Hur kom ni igång med nattillsynen" in received.text
    assert "Region Örebro län" in received.text
    assert "Region Örebro län" in received.html
    assert case.get_absolute_url() in received.text


def test_the_sender_never_sees_the_owners_address(client, case, mailbox):
    form = client.get(contact_url(case)).content.decode()
    done = client.get(sent(client, case)["Location"]).content.decode()
    for page in (form, done):
        assert case.contact_email not in page
        assert "Karin Berg" not in page


def test_without_a_contact_person_the_lead_organisations_editors_get_the_message(
    client, make_case, editor, mailbox
):
    case = make_case(title="Fritidsbanken", status=Case.Status.PUBLISHED)
    assert sent(client, case).status_code == 302
    run_worker()
    [received] = mailbox.messages
    assert received.recipients == [editor.email]


def test_a_case_no_one_can_be_reached_about_has_no_form(client, make_case, mailbox):
    case = make_case(title="Fritidsbanken", status=Case.Status.PUBLISHED)
    page = client.get(contact_url(case)).content.decode()
    assert "<form" not in page.split("<main", 1)[1]
    assert client.post(contact_url(case), message(client)).status_code == 200
    assert not ContactMessage.objects.exists()
    assert "No one can be reached" not in page  # it is said in Swedish
    assert "Ingen kan nås" in page


def test_a_draft_has_no_contact_form(client, make_case):
    draft = make_case(title="Utkast", contact_email="x@eskilstuna.example")
    assert client.get(contact_url(draft)).status_code == 404
    assert client.post(contact_url(draft), message(client)).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"altcha": ""}, None),
        ({"altcha": "bm90IGEgc29sdXRpb24="}, None),
        ({"website": "https://spam.example"}, None),
        ({"name": "Per\r\nBcc: victim@example.org"}, "name"),
        ({"organisation": "Region\nX-Spam: 1"}, "organisation"),
        ({"email": "per.holm at region"}, "email"),
        ({"email": "per@region.example\r\nBcc: victim@example.org"}, "email"),
        ({"message": ""}, "message"),
    ],
)
def test_bad_input_is_told_in_the_form_and_nothing_is_sent(client, case, mailbox, overrides, field):
    response = sent(client, case, **overrides)
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors[field] if field else form.non_field_errors()
    assert 'class="error-summary"' in response.content.decode()
    run_worker()
    assert not mailbox.messages
    assert not ContactMessage.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_what_was_typed_stays_in_the_form_after_an_error(client, case):
    page = sent(client, case, altcha="").content.decode()
    assert "Hur kom ni igång med nattillsynen" in page
    assert "per.holm@region.example" in page


def test_a_solution_is_accepted_once(client, case, mailbox):
    fields = message(client)
    assert committed(client.post, contact_url(case), fields).status_code == 302
    again = committed(client.post, contact_url(case), fields)
    assert again.status_code == 400
    run_worker()
    assert len(mailbox.messages) == 1


def test_an_expired_challenge_is_refused(client, case, settings, mailbox):
    settings.ALTCHA_EXPIRES_MINUTES = -1
    assert sent(client, case).status_code == 400


def test_one_address_may_send_only_so_many_messages_an_hour(client, case, settings, mailbox):
    settings.CONTACT_MESSAGES_PER_ADDRESS_HOUR = 2
    assert sent(client, case).status_code == 302
    assert sent(client, case, email="other@region.example").status_code == 302
    refused = sent(client, case, email="third@region.example")
    assert refused.status_code == 429
    assert "Försök igen om" in refused.content.decode()
    assert ContactMessage.objects.count() == 2


def test_one_case_receives_only_so_many_messages_a_day(client, case, settings, mailbox):
    settings.CONTACT_MESSAGES_PER_CASE_DAY = 1
    assert sent(client, case).status_code == 302
    assert sent(client, case, remote_addr="10.1.1.1").status_code == 429


def test_the_message_is_sent_in_the_language_of_the_case(client, make_case, mailbox):
    case = make_case(
        title="Night-time digital supervision",
        language="en",
        status=Case.Status.PUBLISHED,
        contact_email="owner@example.org",
    )
    sent(client, case)
    run_worker()
    [received] = mailbox.messages
    assert str(received.message["Subject"]).strip().startswith("A question about")


def test_a_failing_mail_server_does_not_fail_the_request_or_lose_the_message(client, case, mailbox):
    mailbox.refusing = True
    assert sent(client, case).status_code == 302
    run_worker()
    mail = OutgoingMail.objects.get()
    assert mail.sent_at is None
    assert mail.attempts == 1


def test_messages_are_deleted_after_the_days_they_are_kept(client, case, settings, mailbox):
    sent(client, case)
    kept = timezone.now() + timedelta(days=settings.CONTACT_MESSAGE_KEEP_DAYS - 1)
    assert contact_messages_expired(now=kept) == 0
    later = timezone.now() + timedelta(days=settings.CONTACT_MESSAGE_KEEP_DAYS + 1)
    assert contact_messages_expired(now=later) == 1
    assert not ContactMessage.objects.exists()


def test_the_challenge_is_fresh_json_every_time(client):
    url = reverse("connect:bot_challenge")
    first, second = client.get(url), client.get(url)
    assert first["Content-Type"] == "application/json"
    assert "no-store" in first["Cache-Control"]
    assert first.json()["parameters"]["salt"] != second.json()["parameters"]["salt"]
    assert client.post(url).status_code == 405


def test_a_subject_keeps_the_title_as_written(client, make_case, mailbox):
    case = make_case(
        title='Mat & "hälsa"', status=Case.Status.PUBLISHED, contact_email="owner@example.org"
    )
    sent(client, case)
    run_worker()
    [received] = mailbox.messages
    assert 'Mat & "hälsa"' in str(received.message["Subject"])


def test_one_ipv6_network_counts_as_one_sender(client, case, settings, mailbox):
    settings.CONTACT_MESSAGES_PER_ADDRESS_HOUR = 1
    assert sent(client, case, remote_addr="2001:db8:1:2::1").status_code == 302
    assert sent(client, case, remote_addr="2001:db8:1:2::beef").status_code == 429
    assert sent(client, case, remote_addr="2001:db8:1:3::1").status_code == 302
