"""E-mail from the site: written into the outbox (OutgoingMail) inside the transaction of the
change that causes it, handed to the mail server by a task once that has committed, and tried
again later when the server refuses or cannot be reached. A request never waits for the mail
server and never fails because of it."""

import logging
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from innovationskraft.core.models import OutgoingMail

logger = logging.getLogger(__name__)

# A worker that claimed a mail this long ago and has not sent it has died with it.
SENDING_STALE = timedelta(minutes=10)
# Waits between attempts double from a minute up to an hour; after this many attempts (about a
# day) the mail stays in the outbox with its last error, for an administrator to look at.
ATTEMPTS_AT_MOST = 30
LONGEST_WAIT = timedelta(hours=1)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def mail_queue(
    *,
    kind: str,
    to: list[str],
    template: str,
    context: dict,
    language: str,
    reply_to: str = "",
    headers: dict[str, str] | None = None,
) -> OutgoingMail:
    """Writes a mail from `template` (`<template>_subject.txt`, `.txt` and `.html`) in the
    recipient's language and sends it once the current transaction commits."""
    with translation.override(language):
        context = {**context, "site_name": settings.SITE_NAME, "site_url": settings.SITE_URL}
        mail = OutgoingMail.objects.create(
            kind=kind,
            to=to,
            subject=_one_line(render_to_string(f"{template}_subject.txt", context))[:300],
            text=render_to_string(f"{template}.txt", context),
            html=render_to_string(f"{template}.html", context),
            reply_to=reply_to,
            headers=headers or {},
        )
    transaction.on_commit(partial(_enqueue, mail.pk))
    return mail


def _enqueue(mail_id: int) -> None:
    from innovationskraft.core.tasks import mail_send

    try:
        mail_send.enqueue(mail_id)
    except Exception:
        # The queue is down: the outbox keeps the mail and the next flush queues it.
        logger.exception("Mail %s could not be queued; the outbox flush will", mail_id)


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


def outbox_flush(*, now: datetime | None = None) -> int:
    """Queues every mail due to be tried (again), and deletes the mails sent more than
    MAIL_SENT_KEEP_DAYS ago; returns how many were queued."""
    now = now or timezone.now()
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
    queued = 0
    for mail_id in due:
        _enqueue(mail_id)
        queued += 1
    kept_since = now - timedelta(days=settings.MAIL_SENT_KEEP_DAYS)
    OutgoingMail.objects.filter(sent_at__lt=kept_since).delete()
    return queued
