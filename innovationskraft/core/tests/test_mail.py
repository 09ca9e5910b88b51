"""The outbox: mail goes to a real SMTP server (aiosmtpd) after the commit, waits and is
tried again when the server refuses, and is never sent twice."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend

from innovationskraft.core.mail import mail_queue
from innovationskraft.core.models import OutgoingMail
from innovationskraft.core.outbox import mail_deliver
from innovationskraft.core.tasks import mail_send, outbox_flush
from innovationskraft.core.testing.tasks import committed, run_worker

pytestmark = pytest.mark.django_db


def queued(**overrides) -> OutgoingMail:
    fields = {
        "kind": "contact",
        "to": ["owner@kommun.se"],
        "template": "connect/mail/contact",
        "context": {
            "contact": {"sender_name": "Ada", "sender_email": "ada@region.se", "body": "Hej!"},
            "case": {"title": "Digital nattillsyn"},
            "case_url": "https://example.org/innovationer/digital-nattillsyn/",
        },
        "language": "sv",
        "reply_to": "Ada <ada@region.se>",
    }
    return committed(mail_queue, **(fields | overrides))


def test_a_queued_mail_reaches_the_smtp_server_once_the_transaction_commits(mailbox):
    mail = queued()
    assert not mailbox.messages  # queued, not sent by the request
    run_worker()

    [received] = mailbox.messages
    assert received.recipients == ["owner@kommun.se"]
    assert received.message["Reply-To"] == "Ada <ada@region.se>"
    assert "Digital nattillsyn" in received.message["Subject"]
    assert "Hej!" in received.text
    assert "Hej!" in received.html
    mail.refresh_from_db()
    assert mail.sent_at is not None


def test_a_mail_is_written_in_the_language_asked_for(mailbox):
    queued(language="en")
    run_worker()
    [received] = mailbox.messages
    assert str(received.message["Subject"]).strip().startswith("A question about")


def test_a_refused_mail_stays_in_the_outbox_and_goes_out_on_a_later_attempt(mailbox):
    mailbox.refusing = True
    mail = queued()
    run_worker()
    mail.refresh_from_db()
    assert mail.sent_at is None
    assert mail.attempts == 1
    assert "451" in mail.last_error
    assert mail.next_attempt_at > timezone.now()

    mailbox.refusing = False
    assert outbox_flush() == 0  # not due yet
    assert outbox_flush(now=mail.next_attempt_at + timedelta(seconds=1)) == 1
    run_worker()
    assert len(mailbox.messages) == 1
    mail.refresh_from_db()
    assert mail.sent_at is not None


def test_a_mail_is_tried_again_when_no_server_answers(mailbox, settings):
    settings.EMAIL_PORT = 9  # nothing listens there
    mail = queued()
    run_worker()
    mail.refresh_from_db()
    assert mail.sent_at is None
    assert mail.attempts == 1
    assert mail.last_error


def test_two_tasks_for_one_mail_send_it_once(mailbox):
    mail = queued()
    mail_send.enqueue(mail.pk)
    run_worker()
    assert len(mailbox.messages) == 1
    assert mail_deliver(mail_id=mail.pk) == "skipped"


def test_a_mail_whose_task_could_not_be_queued_is_queued_by_the_flush(mailbox):
    down = ConnectionError("queue down")
    with mock.patch.object(DatabaseBackend, "enqueue", side_effect=down):
        mail = queued()  # the queue's failure does not reach the caller
    run_worker()
    assert not mailbox.messages

    later = timezone.now() + timedelta(minutes=11)
    assert outbox_flush(now=later) == 1
    run_worker()
    assert len(mailbox.messages) == 1
    mail.refresh_from_db()
    assert mail.sent_at is not None


def test_sent_mails_are_deleted_after_the_days_they_are_kept(mailbox, settings):
    mail = queued()
    run_worker()
    mail.refresh_from_db()
    outbox_flush(now=mail.sent_at + timedelta(days=settings.MAIL_SENT_KEEP_DAYS - 1))
    assert OutgoingMail.objects.filter(pk=mail.pk).exists()
    outbox_flush(now=mail.sent_at + timedelta(days=settings.MAIL_SENT_KEEP_DAYS + 1))
    assert not OutgoingMail.objects.filter(pk=mail.pk).exists()
