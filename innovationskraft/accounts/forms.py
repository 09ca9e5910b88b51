from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from innovationskraft.accounts.models import ApiToken
from innovationskraft.core.mail import mail_queue

# How long a new token may work, in days: the default (API_TOKEN_DAYS) is preselected.
TOKEN_LIFETIMES = (30, 90, 180, 365)


def _lifetime_choices() -> list[tuple[int, str]]:
    days = sorted({*TOKEN_LIFETIMES, settings.API_TOKEN_DAYS})
    return [(n, ngettext("%(days)s day", "%(days)s days", n) % {"days": n}) for n in days]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=100,
        help_text=_("What it is for, for example: the regional portal's import."),
    )
    scope = forms.ChoiceField(
        label=_("What it may do"),
        choices=ApiToken.Scope.choices,
        initial=ApiToken.Scope.READ,
        widget=forms.RadioSelect,
        help_text=_("A token that may only read cannot change anything, even if it leaks."),
    )
    days = forms.TypedChoiceField(
        label=_("Works for"),
        coerce=int,
        help_text=_("After that it stops working, and you make a new one."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = _lifetime_choices()
        self.fields["days"].initial = settings.API_TOKEN_DAYS


class SignUpForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Your work address: we send a link to it to confirm that it is yours."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the mail written to the outbox (core/mail.py) instead of sent
    while the person waits. Like Django's, it says the same for an unknown address."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        mail_queue(
            kind="password_reset",
            to=[to_email],
            template="accounts/mail/password_reset",
            context=context,
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )


class AccountDeleteForm(forms.Form):
    """She confirms with her password; someone who signs in through her organisation and has
    none types her e-mail address instead."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            self.fields["password"] = forms.CharField(
                label=_("Your e-mail address"),
                help_text=_("You have no password here, so type your address to confirm."),
                widget=forms.EmailInput(attrs={"autocomplete": "off"}),
            )

    def clean_password(self) -> str:
        given = self.cleaned_data["password"]
        if self.user.has_usable_password():
            if not self.user.check_password(given):
                raise forms.ValidationError(_("The password is wrong."), code="wrong_password")
        elif given.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(
                _("That is not the address of your account."), code="wrong_email"
            )
        return given


class OneTimeCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=20,
        help_text=_(
            "Six digits. The app shows a new code every 30 seconds. Without your phone, type "
            "one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
