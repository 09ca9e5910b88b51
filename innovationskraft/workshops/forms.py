from django import forms
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Organisation
from innovationskraft.cases.organisation_field import organisation_choice
from innovationskraft.workshops.models import (
    MAX_CONTRIBUTION_LENGTH,
    Prompt,
    VotingRound,
    Workshop,
)
from innovationskraft.workshops.services import TEMPLATE_CHOICES


class DateInput(forms.DateInput):
    input_type = "date"


class WorkshopForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = ["title", "organiser", "date", "description", "language", "approve_first"]
        widgets = {
            "date": DateInput(format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        organiser = self.fields["organiser"]
        organiser.empty_label = None
        self.fields["organiser"] = organisation_choice(organiser, organisations)


class WorkshopCreateForm(WorkshopForm):
    template = forms.ChoiceField(
        label=_("Questions to start with"),
        choices=TEMPLATE_CHOICES,
        initial="opsi",
        widget=forms.RadioSelect,
    )


class PromptForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Prompt.Kind.choices)
    text = forms.CharField(label=_("Question"), max_length=300)


class JoinForm(forms.Form):
    name = forms.CharField(label=_("Your name (optional)"), max_length=100, required=False)
    organisation = forms.CharField(
        label=_("Your organisation (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "organisations", "autocomplete": "organization"}),
    )
    join_key = forms.CharField(max_length=43, required=False, widget=forms.HiddenInput)


class ContributionForm(forms.Form):
    prompt = forms.IntegerField(widget=forms.HiddenInput)
    client_key = forms.CharField(max_length=36, required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_CONTRIBUTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": MAX_CONTRIBUTION_LENGTH}),
    )


class CodeForm(forms.Form):
    kod = forms.CharField(label=_("Code"), max_length=12)


class RoundForm(forms.Form):
    target = forms.ChoiceField(
        label=_("Vote on"), choices=VotingRound.Target.choices, initial="themes"
    )
    budget = forms.IntegerField(
        label=_("Votes per participant"), min_value=1, max_value=20, initial=3
    )
    max_per_item = forms.IntegerField(
        label=_("Votes one participant may give one item"),
        min_value=1,
        max_value=20,
        initial=1,
        required=False,
        help_text=_("1: one dot per item. More: a participant may stack her dots."),
    )

    def clean_max_per_item(self) -> int:
        return self.cleaned_data["max_per_item"] or 1

    question = forms.CharField(label=_("Question (optional)"), max_length=200, required=False)


class ConclusionsForm(forms.Form):
    conclusions = forms.CharField(
        label=_("Conclusions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Your own synthesis: what the room concluded. Markdown is allowed."),
    )


class CurateForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation that leads the case"), queryset=Organisation.objects.none()
    )
    title = forms.CharField(label=_("Title of the case"), max_length=200)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.empty_label = None
        self.fields["organisation"] = organisation_choice(organisation, organisations)
