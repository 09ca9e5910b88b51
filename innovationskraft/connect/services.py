"""Reaching the people behind a case."""

import ipaddress
from datetime import datetime, timedelta
from email.utils import formataddr

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from innovationskraft.accounts.models import User
from innovationskraft.cases.models import Case
from innovationskraft.connect.models import ContactMessage, NotificationOptOut, SpentChallenge
from innovationskraft.connect.selectors import contact_recipients, recipient_language
from innovationskraft.core.clients import address_key
from innovationskraft.core.mail import mail_queue
from innovationskraft.core.ratelimit import window_hit

HOUR = 60 * 60
DAY = 24 * HOUR


class ContactRefused(Exception):
    """Why a message was not sent, in words for the sender."""


def _network(address: str) -> str:
    """The address, or its /64 for IPv6: one household or office gets a whole /64 and can
    change the rest at will."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return address


def _check_limits(*, case: Case, email: str, address: str) -> None:
    # The network address first: the sender's e-mail address is whatever she types, and the
    # case's limit must not be used up by one sender.
    limits = (
        (f"contact:address:{_network(address)}", HOUR, settings.CONTACT_MESSAGES_PER_ADDRESS_HOUR),
        (f"contact:sender:{email.lower()}", HOUR, settings.CONTACT_MESSAGES_PER_SENDER_HOUR),
        (f"contact:case:{case.pk}", DAY, settings.CONTACT_MESSAGES_PER_CASE_DAY),
    )
    for key, seconds, most in limits:
        count = window_hit(key, seconds=seconds)
        if count.hits > most:
            minutes = (count.seconds_left + 59) // 60
            raise ContactRefused(
                _("Too many messages have been sent. Please try again in %(minutes)s minutes.")
                % {"minutes": minutes}
            )


def contact_message_send(
    *,
    case: Case,
    name: str,
    email: str,
    organisation: str,
    message: str,
    address: str,
    case_url: str,
) -> ContactMessage:
    """Relays the message to the people behind the case, with the sender as Reply-To so that
    they answer from their own mail program; their address is never shown to the sender.
    ContactRefused when there is no one to reach or a rate limit is passed."""
    recipients = contact_recipients(case=case)
    if not recipients:
        raise ContactRefused(_("No one can be reached about this innovation yet."))
    _check_limits(case=case, email=email, address=address)
    with transaction.atomic():
        contact = ContactMessage.objects.create(
            case=case,
            sender_name=name,
            sender_email=email,
            sender_organisation=organisation,
            body=message,
            recipients=len(recipients),
            address_key=address_key(address) if address else "",
        )
        contact.mail = mail_queue(
            kind="contact",
            to=recipients,
            template="connect/mail/contact",
            context={"contact": contact, "case": case, "case_url": case_url},
            language=recipient_language(case=case),
            reply_to=formataddr((name, email)),
        )
        contact.save(update_fields=["mail"])
    return contact


def contact_messages_expired(*, now: datetime | None = None) -> int:
    """Deletes the messages older than CONTACT_MESSAGE_KEEP_DAYS, and the spent challenges that
    have expired; returns how many messages were deleted."""
    now = now or timezone.now()
    SpentChallenge.objects.filter(expires_at__lt=now).delete()
    since = now - timedelta(days=settings.CONTACT_MESSAGE_KEEP_DAYS)
    deleted, _by_model = ContactMessage.objects.filter(created_at__lt=since).delete()
    return deleted


def notification_opt_out(*, user: User, kind: str) -> None:
    """She gets no more mail of this kind (notifications.py); asking twice changes nothing."""
    NotificationOptOut.objects.get_or_create(user=user, kind=kind)


def notification_opt_in(*, user: User, kind: str) -> None:
    NotificationOptOut.objects.filter(user=user, kind=kind).delete()
