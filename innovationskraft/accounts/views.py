from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from innovationskraft.accounts import selectors, services
from innovationskraft.accounts.forms import ApiTokenForm, OutboxPasswordResetForm, SignUpForm
from innovationskraft.accounts.limits import minutes_to_wait, recipient_may_get_mail
from innovationskraft.accounts.models import ApiToken, Membership
from innovationskraft.accounts.recovery_codes import recovery_codes_left
from innovationskraft.accounts.redirects import safe_next
from innovationskraft.accounts.signup import account_waiting_for, user_confirmed, user_sign_up
from innovationskraft.accounts.two_factor import confirmed_device_of, needs_two_factor
from innovationskraft.accounts.two_factor_views import sign_in_pending
from innovationskraft.core.clients import client_address
from innovationskraft.core.panels import panels_rendered


def _profile(request, *, form: ApiTokenForm, new_secret: str = "", status: int = 200):
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "tokens": selectors.active_api_tokens(user=request.user),
            "new_secret": new_secret,
            "memberships": selectors.memberships_of(user=request.user),
            "panels": panels_rendered(page="account", request=request, obj=request.user),
            "two_factor_on": confirmed_device_of(request.user) is not None,
            "two_factor_required": needs_two_factor(request.user),
            "recovery_codes_left": recovery_codes_left(request.user),
        },
        status=status,
    )


@login_required
@never_cache
def profile(request):
    return _profile(request, form=ApiTokenForm())


@login_required
@never_cache
@require_POST
def api_token_create(request):
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _profile(request, form=form, status=400)
    data = form.cleaned_data
    _token, secret = services.api_token_create(
        user=request.user, name=data["name"], scope=data["scope"], days=data["days"]
    )
    # Shown in this answer only: the secret is not stored, so a reload cannot show it again.
    return _profile(request, form=ApiTokenForm(), new_secret=secret)


@login_required
@require_POST
def api_token_revoke(request, token_id: int):
    try:
        token = services.api_token_revoke(user=request.user, token_id=token_id)
    except ApiToken.DoesNotExist:
        raise Http404 from None
    messages.success(request, _("The token %(name)s no longer works.") % {"name": token.name})
    return redirect("accounts:profile")


def _too_many(minutes: int) -> str:
    return _("Too many attempts from your network. Please try again in %(minutes)s minutes.") % {
        "minutes": minutes
    }


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, with the mail written to the outbox and limited like the sign-up's."""

    form_class = OutboxPasswordResetForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        wait = minutes_to_wait(client_address(self.request))
        if wait:
            form.add_error(None, _too_many(wait))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if not recipient_may_get_mail(form.cleaned_data["email"]):
            return redirect(self.success_url)
        return super().form_valid(form)


def sign_up(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignUpForm(request.POST or None)
    after = safe_next(request)
    suffix = f"?{urlencode({'next': after})}" if after else ""
    if request.method == "POST":
        wait = minutes_to_wait(client_address(request))
        if wait:
            form.add_error(None, _too_many(wait))
            context = {"form": form, "next": after}
            return render(request, "accounts/sign_up.html", context, status=429)
        if form.is_valid():
            data = form.cleaned_data
            if not recipient_may_get_mail(data["email"]):
                return redirect("accounts:sign_up_sent")
            user_sign_up(
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                language=translation.get_language() or settings.LANGUAGE_CODE,
                verify_link=lambda token: request.build_absolute_uri(
                    reverse("accounts:verify", args=[token]) + suffix
                ),
                reset_url=request.build_absolute_uri(reverse("accounts:password_reset")),
            )
            return redirect("accounts:sign_up_sent")
        return render(request, "accounts/sign_up.html", {"form": form, "next": after}, status=400)
    return render(request, "accounts/sign_up.html", {"form": form, "next": after})


def sign_up_sent(request):
    return render(request, "accounts/sign_up_sent.html")


@never_cache
def verify(request, token: str):
    """The link in the sign-up mail: whoever opens it owns the address, and chooses the
    account's password here."""
    user = account_waiting_for(token=token)
    if user is None:
        return render(request, "accounts/verify_failed.html", status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = user_confirmed(user=user, password=form.cleaned_data["new_password1"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your address is confirmed and you are signed in."))
        return redirect(safe_next(request) or "accounts:profile")
    status = 400 if form.errors else 200
    return render(request, "accounts/verify.html", {"form": form, "user": user}, status=status)


@login_required
@require_POST
def membership_leave(request, membership_id: int):
    try:
        membership = services.membership_leave(user=request.user, membership_id=membership_id)
    except Membership.DoesNotExist:
        raise Http404 from None
    messages.success(
        request,
        _("You are no longer a member of %(organisation)s.")
        % {"organisation": membership.organisation},
    )
    return redirect("accounts:profile")


class LoginView(auth_views.LoginView):
    """Django's sign-in, with the way to create an account that keeps where she was going."""

    template_name = "accounts/login.html"

    def form_valid(self, form):
        """With two-factor sign-in on, a right password leads to the code, not in."""
        user = form.get_user()
        if confirmed_device_of(user) is None:
            return super().form_valid(form)
        sign_in_pending(self.request, user=user, backend=user.backend)
        after = self.get_redirect_url()
        suffix = f"?{urlencode({'next': after})}" if after else ""
        return redirect(reverse("accounts:sign_in_code") + suffix)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Django names the site after the host; the page is Innovationskraft's.
        context["site_name"] = settings.SITE_NAME
        after = self.get_redirect_url()
        suffix = f"?{urlencode({'next': after})}" if after else ""
        context["sign_up_url"] = reverse("accounts:sign_up") + suffix
        if settings.OIDC_RP_CLIENT_ID:
            context["sso_url"] = reverse("oidc_authentication_init") + suffix
            context["sso_name"] = settings.OIDC_PROVIDER_NAME or _("your organisation's sign-in")
        return context
