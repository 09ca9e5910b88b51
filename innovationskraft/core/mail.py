"""E-mail from the site: written into the outbox (OutgoingMail) inside the transaction of the
change that causes it, handed to the mail server by a task once that has committed, and tried
again later when the server refuses or cannot be reached (core/outbox.py). A request never
waits for the mail server and never fails because of it."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from innovationskraft.core.models import OutgoingMail
from innovationskraft.core.tasks import mail_send_soon


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
    transaction.on_commit(partial(mail_send_soon, mail.pk))
    return mail
