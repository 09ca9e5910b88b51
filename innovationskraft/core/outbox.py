"""The outbox's side towards the mail server: handing one mail over, claimed so that no two
workers send it, and waiting longer after each refusal; which mails are due to be tried
again. Queued as tasks by core/tasks.py."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.utils import timezone

from innovationskraft.core.models import OutgoingMail

logger = logging.getLogger(__name__)

# A worker that claimed a mail this long ago and has not sent it has died with it.
SENDING_STALE = timedelta(minutes=10)
# Waits between attempts double from a minute up to an hour; after this many attempts (about a
# day) the mail stays in the outbox with its last error, for an administrator to look at.
ATTEMPTS_AT_MOST = 30
LONGEST_WAIT = timedelta(hours=1)


def _wait_after(attempts: int) -> timedelta:
    return min(timedelta(minutes=2 ** (attempts - 1)), LONGEST_WAIT)


def mail_deliver(*, mail_id: int) -> str:
    """Hands one mail to the mail server: "sent", "failed" (to be tried again) or "skipped"
    (already sent, or being sent by another worker)."""
    now = timezone.now()
    claimed = (
        OutgoingMail.objects.filter(pk=mail_id, sent_at=None)
        .filter(Q(sending_since=None) | Q(sending_since__lt=now - SENDING_STALE))
        .update(sending_since=now)
    )
    if not claimed:
        return "skipped"
    mail = OutgoingMail.objects.get(pk=mail_id)
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=mail.to,
        reply_to=[mail.reply_to] if mail.reply_to else None,
        headers=mail.headers,
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    try:
        message.send()
    except Exception as error:
        # Whatever went wrong (a refusal, no connection, a timeout), the mail stays unsent and
        # is tried again: a worker must not lose it by crashing.
        attempts = mail.attempts + 1
        OutgoingMail.objects.filter(pk=mail_id).update(
            sending_since=None,
            attempts=attempts,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            next_attempt_at=timezone.now() + _wait_after(attempts),
        )
        logger.warning("Mail %s not sent (attempt %s): %s", mail_id, attempts, error)
        return "failed"
    OutgoingMail.objects.filter(pk=mail_id).update(sent_at=timezone.now(), sending_since=None)
    return "sent"


def mails_due(*, now: datetime) -> list[int]:
    """The mails due to be tried (again), and those whose task was lost."""
    due = (
        OutgoingMail.objects.filter(sent_at=None, attempts__lt=ATTEMPTS_AT_MOST)
        .filter(Q(sending_since=None) | Q(sending_since__lt=now - SENDING_STALE))
        .filter(
            Q(next_attempt_at__lte=now)
            # Never tried: its task was lost (the queue was down when it was written).
            | Q(next_attempt_at=None, created_at__lt=now - SENDING_STALE)
        )
        .values_list("pk", flat=True)
    )
    return list(due)


def sent_mails_forgotten(*, now: datetime) -> None:
    """Deletes the mails sent more than MAIL_SENT_KEEP_DAYS ago."""
    kept_since = now - timedelta(days=settings.MAIL_SENT_KEEP_DAYS)
    OutgoingMail.objects.filter(sent_at__lt=kept_since).delete()
