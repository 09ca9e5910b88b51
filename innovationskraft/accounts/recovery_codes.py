"""Recovery codes: ten single-use codes (django-otp's static tokens) she keeps on paper for the
day her phone is lost, so that a moderator is not locked out until an administrator helps."""

import secrets

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from innovationskraft.accounts.models import User

DEVICE_NAME = "recovery"
HOW_MANY = 10
# Digits only, so the phone's number pad, which the code field asks for, types them too; ten
# digits never pass for the app's six.
DIGITS = 10


def _normalised(code: str) -> str:
    # Shown in two groups of five; typed with or without the hyphen and spaces.
    return "".join(ch for ch in code if ch.isdigit())


def shown(token: str) -> str:
    return f"{token[:5]}-{token[5:]}"


def _new_token() -> str:
    return f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"


@transaction.atomic
def recovery_codes_new(*, user: User) -> list[str]:
    """New codes in place of any she had: the old ones stop working. Returns them as shown,
    the only time they are shown."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
    tokens = [_new_token() for _ in range(HOW_MANY)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=t) for t in tokens)
    return [shown(t) for t in tokens]


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def recovery_code_use(*, user: User, code: str) -> StaticDevice | None:
    """The device whose code it was, once the code is used up; None for a wrong one. Deleting
    the row is the check, so two requests racing with one code cannot both pass; wrong codes
    slow the next tries, as with the app's codes."""
    device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None or not device.verify_is_allowed()[0]:
        return None
    token = _normalised(code)
    if len(token) != DIGITS:
        return None
    deleted, _ = StaticToken.objects.filter(device=device, token=token).delete()
    if not deleted:
        device.throttle_increment()
        return None
    device.throttle_reset()
    return device


def recovery_codes_remove(*, user: User) -> None:
    StaticDevice.objects.filter(user=user).delete()
