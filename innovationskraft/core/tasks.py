"""The site's own work for the task worker (docs/tasks.md): sending e-mail."""

import logging
from datetime import datetime

from django.utils import timezone
from django_tasks import task

from innovationskraft.core.outbox import mail_deliver, mails_due, sent_mails_forgotten

logger = logging.getLogger(__name__)


@task()
def mail_send(mail_id: int) -> str:
    return mail_deliver(mail_id=mail_id)


def mail_send_soon(mail_id: int) -> None:
    try:
        mail_send.enqueue(mail_id)
    except Exception:
        # The queue is down: the outbox keeps the mail and the next flush queues it.
        logger.exception("Mail %s could not be queued; the outbox flush will", mail_id)


def outbox_flush(*, now: datetime | None = None) -> int:
    """Queues every mail due to be tried (again), and deletes the mails sent more than
    MAIL_SENT_KEEP_DAYS ago; returns how many were queued."""
    now = now or timezone.now()
    due = mails_due(now=now)
    for mail_id in due:
        mail_send_soon(mail_id)
    sent_mails_forgotten(now=now)
    return len(due)


@task()
def mail_outbox_flush() -> int:
    """Scheduled (core/schedule.py): the mails due to be tried again."""
    return outbox_flush()
