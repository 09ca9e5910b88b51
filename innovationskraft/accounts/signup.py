"""Signing up: the account waits, without a password and without rights, until the owner of
the address opens the link sent to it and chooses her password there. Whoever types an address
into the form therefore never decides the password of its account. The answer is the same
whether the address is new or already has an account, so the form cannot be used to find out
who has one; the owner of a known address is told by mail instead."""

from collections.abc import Callable

from django.core import signing
from django.db import transaction
from django.utils import timezone

from innovationskraft.accounts.models import User
from innovationskraft.core.mail import mail_queue

SALT = "innovationskraft.accounts.verify"
# How long the link in the mail works.
VERIFY_DAYS = 3


def verification_token(user: User) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=SALT)


@transaction.atomic
def user_sign_up(
    *,
    email: str,
    first_name: str,
    last_name: str,
    language: str,
    verify_link: Callable[[str], str],
    reset_url: str,
) -> None:
    """Makes an account that waits for its link and mails the link (`verify_link` makes its
    address from a token). For an address whose account is confirmed, whether it is in use or
    turned off, mails its owner the way to a new password instead and changes nothing."""
    email = User.objects.normalize_email(email).lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and not existing.is_waiting_for_confirmation:
        mail_queue(
            kind="account",
            to=[existing.email],
            template="accounts/mail/already_registered",
            context={"user": existing, "reset_url": reset_url},
            language=language,
        )
        return
    user = existing or User(email=email, is_active=False)
    user.first_name, user.last_name = first_name.strip(), last_name.strip()
    user.language = language
    user.set_unusable_password()
    user.save()
    mail_queue(
        kind="account",
        to=[email],
        template="accounts/mail/verify",
        context={
            "user": user,
            "verify_url": verify_link(verification_token(user)),
            "days": VERIFY_DAYS,
        },
        language=language,
    )


def account_waiting_for(*, token: str) -> User | None:
    """The account the token was made for, if it still waits for its link; None for a token
    that is not ours, has expired, was used, or names an address the account no longer has."""
    try:
        data = signing.loads(token, salt=SALT, max_age=VERIFY_DAYS * 24 * 60 * 60)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("user"), email=data.get("email")).first()
    return user if user is not None and user.is_waiting_for_confirmation else None


@transaction.atomic
def user_confirmed(*, user: User, password: str) -> User:
    """The owner of the address has opened the link and chosen her password: the account is
    hers and active. The link cannot be used again."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_waiting_for_confirmation:
        raise ValueError("The account has already been confirmed.")
    user.set_password(password)
    user.is_active, user.verified_at = True, timezone.now()
    user.save(update_fields=["password", "is_active", "verified_at"])
    return user
