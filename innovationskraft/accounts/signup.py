"""Signing up: an account that can do nothing until its owner has opened the link sent to
her address. The answer is the same whether the address is new or already has an account,
so the form cannot be used to find out who has one; the owner of a known address is told by
mail instead."""

from collections.abc import Callable

from django.core import signing
from django.db import transaction

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
    password: str,
    language: str,
    verify_link: Callable[[str], str],
    reset_url: str,
) -> None:
    """Creates an inactive account and mails the link that activates it (`verify_link` makes
    its address from a token); for an address that already has an account, mails its owner
    the way to a new password instead and changes nothing."""
    email = User.objects.normalize_email(email).lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and existing.is_active:
        mail_queue(
            kind="account",
            to=[existing.email],
            template="accounts/mail/already_registered",
            context={"user": existing, "reset_url": reset_url},
            language=language,
        )
        return
    user = existing or User(email=email)
    user.first_name, user.last_name = first_name.strip(), last_name.strip()
    user.language = language
    user.is_active = False
    user.set_password(password)
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


def user_verified(*, token: str) -> User | None:
    """The account the token was made for, now active; None for a token that is not ours,
    has expired, or names an address the account no longer has."""
    try:
        data = signing.loads(token, salt=SALT, max_age=VERIFY_DAYS * 24 * 60 * 60)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("user"), email=data.get("email")).first()
    if user is None:
        return None
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user
