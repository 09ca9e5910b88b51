import re

from django import forms
from django.utils.translation import gettext_lazy as _

# A line break in a name or an address would add headers to the e-mail it goes into.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def one_line(value: str) -> str:
    if CONTROL.search(value):
        raise forms.ValidationError(_("Write it on one line, without special characters."))
    return value


class HoneypotForm(forms.Form):
    """A form with a field people never see (hidden by the style sheet, and labelled for
    anyone who meets it): a program that fills in every field gives itself away."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # What a caught program is told: as little as any other failure would say.
    honeypot_message = _("The form could not be sent. Please try again.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(self.honeypot_message, code="honeypot")
        return cleaned


class AccessibilityReportForm(HoneypotForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We answer you at this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    page = forms.CharField(
        label=_("Address of the page"),
        max_length=500,
        required=False,
        help_text=_("Where the problem is, if it is on one page."),
        widget=forms.TextInput(attrs={"inputmode": "url"}),
    )
    description = forms.CharField(
        label=_("Describe the problem"),
        min_length=10,
        max_length=5000,
        help_text=_(
            "What you tried to do, what happened, and which browser or assistive technology "
            "you use, if you want to tell us."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    honeypot_message = _("The report could not be sent. Please try again.")

    def clean_name(self) -> str:
        return one_line(self.cleaned_data["name"])

    def clean_page(self) -> str:
        return one_line(self.cleaned_data["page"])
