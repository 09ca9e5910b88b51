import datetime
from typing import cast

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases import contract
from innovationskraft.cases.contract import CaseInput, input_from_case
from innovationskraft.cases.models import Adoption, Case, CaseLink, Organisation, Term, Vocabulary
from innovationskraft.cases.organisation_field import OrganisationsField, organisation_choice

# Real addresses (a government decision's, say) run long: as long as the model keeps.
LINK_LENGTH = CaseLink._meta.get_field("url").max_length or 2000
LINK_TITLE_LENGTH = CaseLink._meta.get_field("title").max_length or 300


# Says the limit and the length, in the form, an import's row error and the API's answer.
TOO_LONG = _("This text has %(show_value)d characters; at most %(limit_value)d are allowed.")


class TermChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, term):
        return term.label


class TreeChoiceField(TermChoiceField):
    """Barriers and enablers: checkboxes in groups under each top-level term."""

    def __init__(self, vocabulary, **kwargs):
        queryset = Term.objects.filter(vocabulary=vocabulary).select_related("parent")
        super().__init__(queryset=queryset, **kwargs)

    @property
    def groups(self):
        terms = list(self.queryset.order_by("position"))
        roots = [t for t in terms if t.parent_id is None]
        return [(root, [t for t in terms if t.parent_id == root.id]) for root in roots]


def _terms(vocabulary: str, label, **kwargs):
    return TermChoiceField(
        queryset=Term.objects.filter(vocabulary=vocabulary), label=label, required=False, **kwargs
    )


class SectorField(forms.ModelChoiceField):
    def label_from_instance(self, term):
        return term.label


def this_year() -> int:
    return datetime.date.today().year


def not_in_the_future(year: int | None) -> int | None:
    if year is not None and year > this_year():
        raise forms.ValidationError(
            _("The year cannot be later than %(year)s."), params={"year": this_year()}
        )
    return year


def checked_link(title: str, url: str, *, number: int) -> tuple[str, str]:
    """A case link as (title, address), or a ValidationError naming the link's number."""
    url = url.strip()
    if len(url) > LINK_LENGTH:
        raise forms.ValidationError(
            _("Line %(number)s: the address has %(length)s characters, more than %(limit)s."),
            code="invalid_link",
            params={"number": number, "length": len(url), "limit": LINK_LENGTH},
        )
    try:
        URLValidator(schemes=["http", "https"])(url)
    except forms.ValidationError:
        raise forms.ValidationError(
            _("Line %(number)s is not a web address: %(url)s"),
            code="invalid_link",
            params={"number": number, "url": url},
        ) from None
    return title.strip()[:LINK_TITLE_LENGTH], url


class CaseForm(forms.Form):
    """The case owner's form; grouped in the template, validated here, saved by services."""

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("A name others recognise, for example the service's own name."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what it is and for whom. At most 600 characters."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=contract.DESCRIPTION_MAX_LENGTH,
        error_messages={"max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Background, how it works and what you learnt, in at most 20,000 characters. You "
            "can use Markdown: ## for a heading, - for a list, [text](address) for a link."
        ),
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=Case.Language.choices)
    lead_organisation = forms.ModelChoiceField(
        label=_("Lead organisation"), queryset=Organisation.objects.none()
    )
    partners = OrganisationsField(
        label=_("Partner organisations"), queryset=Organisation.objects.all(), required=False
    )
    stage = forms.ChoiceField(
        label=_("Stage"), choices=Case.Stage.choices, widget=forms.RadioSelect
    )
    start_year = forms.IntegerField(
        label=_("Start year"),
        required=False,
        min_value=1950,
        help_text=_("The year the work started."),
    )
    sector = SectorField(
        label=_("Sector"),
        queryset=Term.objects.filter(vocabulary=Vocabulary.SECTOR),
        required=False,
        empty_label=_("Choose a sector"),
    )
    facet = forms.ChoiceField(
        label=_("OPSI facet"),
        choices=[("", _("Not sure")), *Case.Facet.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Enhancement-oriented improves what exists; mission-oriented pursues an ambitious "
            "goal; adaptive responds to a changing world; anticipatory prepares for possible "
            "futures."
        ),
    )
    innovation_types = _terms(Vocabulary.INNOVATION_TYPE, _("Type of innovation"))
    target_groups = _terms(Vocabulary.TARGET_GROUP, _("Target groups"))
    user_involvement = forms.CharField(
        label=_("How were users involved?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    barriers = TreeChoiceField(Vocabulary.BARRIER, label=_("Barriers you met"), required=False)
    barriers_text = forms.CharField(
        label=_("Barriers in your own words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    enablers = TreeChoiceField(Vocabulary.ENABLER, label=_("What helped"), required=False)
    enablers_text = forms.CharField(
        label=_("What helped, in your own words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    effects = _terms(Vocabulary.EFFECT, _("Effects"))
    effects_evaluated = forms.BooleanField(
        label=_("The effects have been evaluated"), required=False
    )
    evidence = forms.ChoiceField(
        label=_("How well are the effects known?"),
        choices=[("", _("Not stated")), *Case.Evidence.choices],
        required=False,
        help_text=_(
            "From a description of what the innovation does to an evaluation that compares "
            "it with doing without it."
        ),
    )
    evaluation = forms.CharField(
        label=_("How were the effects evaluated?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: who evaluated, what was measured, compared with what."),
    )
    sdgs = _terms(Vocabulary.SDG, _("Sustainable development goals"))
    tags = forms.CharField(
        label=_("Keywords"),
        required=False,
        help_text=_("Separate with commas, for example: reuse, circular economy."),
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: link text | address, or just the address."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(
        label=_("Contact e-mail"),
        required=False,
        help_text=_("Never shown. Questions reach it through the site's contact form."),
    )
    # The case's revision when the form was loaded: a save over a newer one is a conflict.
    revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    GROUPS = [
        (_("About the innovation"), ["title", "summary", "description", "language"]),
        (_("Who"), ["lead_organisation", "partners", "contact_name", "contact_email"]),
        (
            _("Classification"),
            ["stage", "start_year", "sector", "facet", "innovation_types", "target_groups"],
        ),
        (
            _("Barriers and enablers"),
            ["barriers", "barriers_text", "enablers", "enablers_text"],
        ),
        (
            _("Users and effects"),
            [
                "user_involvement",
                "effects",
                "effects_evaluated",
                "evidence",
                "evaluation",
                "sdgs",
            ],
        ),
        (_("Keywords and links"), ["tags", "links"]),
    ]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        lead = cast(forms.ModelChoiceField, self.fields["lead_organisation"])
        self.fields["lead_organisation"] = organisation_choice(lead, organisations)
        if organisations.count() == 1:
            self.fields["lead_organisation"].initial = organisations.first()

    def grouped_fields(self):
        return [(title, [self[name] for name in names]) for title, names in self.GROUPS]

    def clean_start_year(self):
        return not_in_the_future(self.cleaned_data["start_year"])

    def clean_links(self) -> list[tuple[str, str]]:
        links = []
        for number, line in enumerate(self.cleaned_data["links"].splitlines(), start=1):
            if line.strip():
                title, _sep, url = line.rpartition("|")
                links.append(checked_link(title, url, number=number))
        return links

    def clean_tags(self) -> list[str]:
        return [tag.strip() for tag in self.cleaned_data["tags"].split(",") if tag.strip()]

    def to_input(self, *, case: Case | None = None) -> CaseInput:
        """The typed input; fields the form does not show are kept from `case`."""
        kept = input_from_case(case) if case else None
        data = {}
        for case_field in contract.WRITABLE:
            name = case_field.name
            if name in self.fields:
                value = self.cleaned_data.get(name)
                data[name] = list(value or []) if case_field.relation else value
            elif kept is not None:
                data[name] = getattr(kept, name)
        return CaseInput(**data)

    @classmethod
    def initial_from(
        cls, case: Case, *, written: CaseInput | None = None, revision: int | None = None
    ) -> dict:
        """The case as it is, or as `written` in a change waiting for review (at the
        `revision` that change was based on)."""
        data = (written or input_from_case(case)).__dict__.copy()
        data["lead_organisation"] = case.lead_organisation
        data["tags"] = ", ".join(data["tags"])
        data["links"] = "\n".join(f"{title} | {url}" for title, url in data["links"])
        data["revision"] = case.revision if revision is None else revision
        return data


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("publish", _("Publish")), ("return", _("Return to the owner for changes"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment to the owner"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you return the case: say what to change."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return" and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Tell the owner what to change."))
        return cleaned


class ChangeReviewForm(ReviewForm):
    """A moderator's decision on a change to a published case."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("publish", _("Approve: publish the change")),
            ("return", _("Return the change to the owner")),
        ],
        widget=forms.RadioSelect,
    )


class AdoptionForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1950)
    how = forms.ChoiceField(
        label=_("How"), choices=Adoption.How.choices, initial=Adoption.How.ADAPTED
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What did you change, and what happened?"),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        )
        self.fields["year"].initial = this_year()
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk

    def clean_year(self):
        return not_in_the_future(self.cleaned_data["year"])
