from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from innovationskraft.accounts.models import Membership
from innovationskraft.cases.models import Organisation
from innovationskraft.cases.organisation_field import organisation_choice
from innovationskraft.connect.bot import solution_accepted
from innovationskraft.connect.models import Follow
from innovationskraft.core.forms import HoneypotForm, one_line


class ContactForm(HoneypotForm):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The answer comes to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Your organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    message = forms.CharField(
        label=_("Message"), min_length=10, max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    honeypot_message = _("The message could not be sent. Please try again.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_name(self) -> str:
        return one_line(self.cleaned_data["name"])

    def clean_organisation(self) -> str:
        return one_line(self.cleaned_data["organisation"])

    def clean(self):
        cleaned = super().clean()
        if not solution_accepted(self.data.get("altcha", "")):
            raise forms.ValidationError(
                _(
                    "The check that you are not a program did not finish. Wait until it says "
                    "it is done, then send again."
                ),
                code="proof_of_work",
            )
        return cleaned


class JoinForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        help_text=_("Start typing its name to jump to it in the list."),
    )
    message = forms.CharField(
        label=_("Message to its administrators"),
        required=False,
        max_length=1000,
        help_text=_("For example your unit and your role, so they know who you are."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every organisation of the site: a type-ahead once there are more than a few.
        field = cast(forms.ModelChoiceField, self.fields["organisation"])
        self.fields["organisation"] = organisation_choice(field, field.queryset)


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.EDITOR
    )


class InvitationForm(RoleForm):
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )

    field_order = ["email", "role"]


class FollowForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Follow.Frequency.choices,
        initial=Follow.Frequency.WEEKLY,
        help_text=_("Nothing is sent when nothing is new."),
    )
