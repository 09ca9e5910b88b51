"""Two-factor sign-in with time-based codes (TOTP, django-otp): an app on her phone shows a new
six-digit code every 30 seconds from a secret it shares with the site. Moderators and
administrators need it (two_factor_middleware.py); for everyone else it is a choice on the
account page."""

import base64

import segno
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from innovationskraft.accounts.models import User
from innovationskraft.accounts.recovery_codes import recovery_codes_remove

DEVICE_NAME = "app"
# The app's codes; longer ones are recovery codes (recovery_codes.py).
CODE_DIGITS = 6


def needs_two_factor(user: User) -> bool:
    return user.is_active and (user.is_moderator or user.is_staff)


def confirmed_device_of(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device_of(user: User) -> TOTPDevice:
    """The device she is setting up: one unconfirmed, kept between the page and its form so
    that the code she types matches the secret she scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as the apps take it typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=2, omitsize=True, title=_("QR code for your authenticator app")
    )


def code_is_right(device: TOTPDevice, code: str) -> bool:
    """Whether the code is the device's now; wrong codes slow the next tries (django-otp
    throttles the device), so that six digits cannot be guessed in time."""
    code = "".join(code.split())
    return code.isdigit() and device.verify_is_allowed()[0] and device.verify_token(code)


@transaction.atomic
def device_confirm(*, user: User, device: TOTPDevice) -> TOTPDevice:
    """Her first right code turns the device on, in place of any she had before."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


@transaction.atomic
def devices_remove(*, user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    recovery_codes_remove(user=user)
