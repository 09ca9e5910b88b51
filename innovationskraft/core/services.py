"""Writes of the site's own pages: a report of an accessibility problem to the operator."""

from email.utils import formataddr

from django.conf import settings
from django.utils.translation import gettext as _

from innovationskraft.core.mail import mail_queue
from innovationskraft.core.models import OutgoingMail
from innovationskraft.core.ratelimit import window_hit

HOUR = 60 * 60


class ReportRefused(Exception):
    """Why a report was not sent, in words for the sender."""


def accessibility_report_send(
    *, name: str, email: str, page: str, description: str, address: str
) -> OutgoingMail:
    """Mails the report to SITE_CONTACT_EMAIL through the outbox, with the sender as Reply-To.
    ReportRefused when no address is set or the sender's network has sent too many."""
    if not settings.SITE_CONTACT_EMAIL:
        raise ReportRefused(_("Reports cannot be sent from the site: it has no contact address."))
    count = window_hit(f"accessibility:address:{address}", seconds=HOUR)
    if count.hits > settings.ACCESSIBILITY_REPORTS_PER_ADDRESS_HOUR:
        minutes = (count.seconds_left + 59) // 60
        raise ReportRefused(
            _("Too many reports have been sent. Please try again in %(minutes)s minutes.")
            % {"minutes": minutes}
        )
    return mail_queue(
        kind="accessibility_report",
        to=[settings.SITE_CONTACT_EMAIL],
        template="core/mail/accessibility_report",
        context={"name": name, "email": email, "page": page, "description": description},
        # The operator's language: the site's own.
        language=settings.LANGUAGE_CODE,
        reply_to=formataddr((name, email)),
    )
