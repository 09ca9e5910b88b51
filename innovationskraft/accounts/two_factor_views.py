"""Two-factor sign-in (two_factor.py): setting it up from the account page, turning it off, and
the code asked for after the password."""

import time

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from innovationskraft.accounts import recovery_codes, two_factor
from innovationskraft.accounts.forms import OneTimeCodeForm
from innovationskraft.accounts.lockout import is_locked_out, locked_out
from innovationskraft.accounts.models import User
from innovationskraft.accounts.redirects import safe_next

PENDING = "two_factor_pending"
# How long after a right password the code may come.
PENDING_SECONDS = 5 * 60


def sign_in_pending(request, *, user: User, backend: str) -> None:
    """The password was right: she is signed in once the code is too (sign_in_code)."""
    request.session[PENDING] = {"user": user.pk, "backend": backend, "at": int(time.time())}


def _pending_user(request) -> tuple[User | None, str]:
    pending = request.session.get(PENDING) or {}
    if time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, ""
    user = User.objects.filter(pk=pending.get("user") or 0, is_active=True).first()
    return user, pending.get("backend", "")


@never_cache
def sign_in_code(request):
    """The second step: after the password, or for a signed-in moderator whose session no code
    has confirmed yet (she signed in through the admin's form)."""
    signed_in = request.user.is_authenticated
    user, backend = (request.user, "") if signed_in else _pending_user(request)
    device = two_factor.confirmed_device_of(user) if user is not None else None
    if device is None:
        return redirect("accounts:login")
    credentials = {"username": user.email}
    if request.method == "POST" and is_locked_out(request, credentials):
        return locked_out(request, None, credentials)
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        used = _device_of_right_code(request, user, device, form.cleaned_data["code"])
        if used is not None:
            if signed_in:
                otp_login(request, used)
            else:
                request.session.pop(PENDING, None)
                user.otp_device = used  # django-otp marks the session as it signs her in
                login(request, user, backend=backend)
            return redirect(safe_next(request) or "home")
        # A wrong code counts like a wrong password towards the lockout (lockout.py).
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            return locked_out(request, None, credentials)
        form.add_error("code", _("The code is wrong or has expired. Try the app's current code."))
    status = 400 if form.errors else 200
    context = {"form": form, "next": safe_next(request)}
    return render(request, "accounts/sign_in_code.html", context, status=status)


def _device_of_right_code(request, user: User, device, code: str):
    """The app's device for its current code, the recovery device for an unused recovery code
    (she is told how many are left), or None."""
    if len("".join(code.split())) <= two_factor.CODE_DIGITS:
        return device if two_factor.code_is_right(device, code) else None
    used = recovery_codes.recovery_code_use(user=user, code=code)
    if used is not None:
        left = recovery_codes.recovery_codes_left(user)
        messages.warning(
            request,
            _(
                "You signed in with a recovery code, which now no longer works. Recovery codes "
                "left: %(left)s. Make new ones on your account page before they run out."
            )
            % {"left": left},
        )
    return used


def _unconfirmed_session(request) -> bool:
    """She has two-factor on but this session has not given a code (the admin's sign-in form,
    single sign-on): the password alone must not move her device or make new codes."""
    has_device = two_factor.confirmed_device_of(request.user) is not None
    return has_device and not request.user.is_verified()


def _codes_page(request, codes: list[str], *, first: bool):
    context = {"codes": codes, "first": first, "next": safe_next(request)}
    return render(request, "accounts/recovery_codes.html", context)


@login_required
@never_cache
def setup(request):
    """Shows the QR code and the secret of a new device, and turns it on with a right code;
    then shows her recovery codes, once."""
    if _unconfirmed_session(request):
        return redirect(f"{reverse('accounts:sign_in_code')}?{urlencode({'next': request.path})}")
    current = two_factor.confirmed_device_of(request.user)
    device = two_factor.pending_device_of(request.user)
    form = OneTimeCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.code_is_right(device, form.cleaned_data["code"]):
            device = two_factor.device_confirm(user=request.user, device=device)
            otp_login(request, device)
            messages.success(request, _("Two-factor sign-in is on."))
            codes = recovery_codes.recovery_codes_new(user=request.user)
            return _codes_page(request, codes, first=True)
        form.add_error("code", _("The code is wrong or has expired. Try the app's current code."))
    context = {
        "form": form,
        "current": current,
        "required": two_factor.needs_two_factor(request.user),
        "qr_svg": two_factor.qr_svg(device),
        "secret": two_factor.secret_text(device),
        "next": safe_next(request),
    }
    return render(request, "accounts/two_factor.html", context, status=400 if form.errors else 200)


@login_required
@never_cache
@require_POST
def recovery_codes_make(request):
    """New recovery codes in place of the old ones, from the account page."""
    if two_factor.confirmed_device_of(request.user) is None:
        return redirect("accounts:two_factor")
    if _unconfirmed_session(request):
        return redirect(f"{reverse('accounts:sign_in_code')}?{urlencode({'next': request.path})}")
    codes = recovery_codes.recovery_codes_new(user=request.user)
    return _codes_page(request, codes, first=False)


@login_required
@require_POST
def turn_off(request):
    if two_factor.needs_two_factor(request.user):
        messages.error(request, _("Moderators and administrators cannot turn two-factor off."))
    else:
        two_factor.devices_remove(user=request.user)
        messages.success(request, _("Two-factor sign-in is off."))
    return redirect("accounts:profile")
