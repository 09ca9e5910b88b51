"""E-mail that tells people what happened to the cases and organisations they look after: a
case or a change to a published one waiting for review, or a trusted organisation's change
gone live (to the moderators), a decision on it or its adoption by another
organisation (to the people of its lead organisation), a request to join (to the
organisation's administrators). Each kind can be turned off by its recipient with one click
(RFC 8058: List-Unsubscribe and List-Unsubscribe-Post headers, and a link in the mail)."""

from collections.abc import Iterable

from django.conf import settings
from django.core import signing
from django.db.models import TextChoices
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innovationskraft.accounts.models import User
from innovationskraft.connect.models import NotificationOptOut
from innovationskraft.core.mail import mail_queue

UNSUBSCRIBE_SALT = "innovationskraft.connect.unsubscribe"


class Kind(TextChoices):
    REVIEW_REQUESTED = "review_requested", _("cases waiting for review")
    REVIEW_DECIDED = "review_decided", _("decisions on your organisation's cases")
    CHANGE_REVIEW = "change_review", _("changes to published cases")
    ADOPTED = "adopted", _("adoptions of your organisation's cases")
    INSPIRED = "inspired", _("cases inspired by your organisation's cases")
    JOIN_REQUEST = "join_request", _("requests to join your organisation")
    DIGEST = "digest", _("what is new in what you follow")


def unsubscribe_token(user: User, kind: str) -> str:
    return signing.dumps({"user": user.pk, "kind": kind}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(user: User, kind: str) -> str:
    path = reverse("connect:unsubscribe", args=[unsubscribe_token(user, kind)])
    return f"{settings.SITE_URL}{path}"


def opt_out_by_token(token: str) -> tuple[User, str] | None:
    """The person and the kind of mail the token names, or None for a token not made here."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("user")).first()
    kind = data.get("kind")
    if user is None or kind not in Kind.values:
        return None
    return user, kind


def notify(users: Iterable[User], *, kind: str, template: str, context: dict) -> int:
    """Writes the mail to each person who has not turned this kind off, in her language, with
    her own way to turn it off; returns how many were written."""
    users = [user for user in users if user.is_active]
    muted = set(
        NotificationOptOut.objects.filter(user__in=users, kind=kind).values_list(
            "user_id", flat=True
        )
    )
    written = 0
    for user in users:
        if user.pk in muted:
            continue
        url = unsubscribe_url(user, kind)
        mail_queue(
            kind=kind,
            to=[user.email],
            template=template,
            context={**context, "recipient": user, "unsubscribe_url": url},
            language=user.language,
            headers={
                "List-Unsubscribe": f"<{url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        written += 1
    return written
