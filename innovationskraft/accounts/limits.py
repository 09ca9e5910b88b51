"""Limits on the mail that the account pages send to an address someone types: without them
the sign-up and reset forms could flood a stranger's mailbox from the site. Counted in Django's
cache (shared through Redis when REDIS_URL is set)."""

from django.conf import settings

from innovationskraft.core.ratelimit import window_hit

HOUR = 60 * 60


def minutes_to_wait(address: str) -> int:
    """0 when this network address may ask for another account mail now, or else the minutes
    until it may (the person is told: it says nothing about any account)."""
    count = window_hit(f"account-mail:address:{address}", seconds=HOUR)
    if count.hits > settings.ACCOUNT_MAILS_PER_ADDRESS_HOUR:
        return (count.seconds_left + 59) // 60
    return 0


def recipient_may_get_mail(email: str) -> bool:
    """Whether the address may be sent another account mail this hour. Over the limit nothing
    is sent, and the page answers as if it was, so that it tells nothing about the address."""
    count = window_hit(f"account-mail:recipient:{email.strip().lower()}", seconds=HOUR)
    return count.hits <= settings.ACCOUNT_MAILS_PER_RECIPIENT_HOUR
