from django import forms
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Organisation
from innovationskraft.insights.self_assessment.statements import DIMENSIONS, SCALE, STATEMENTS


class AssessmentForm(forms.Form):
    """One radio group per statement, every one required, and the type of organisation to
    compare with (optional: nothing else about the person is asked)."""

    kind = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[("", _("Do not compare with a type")), *Organisation.Kind.choices],
        required=False,
        help_text=_("To compare your result with organisations of the same type."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for statement in STATEMENTS:
            self.fields[statement.code] = forms.TypedChoiceField(
                label=statement.text,
                choices=SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose how well this fits your organisation.")},
            )

    def numbered(self) -> dict[str, int]:
        return {s.code: n for n, s in enumerate(STATEMENTS, start=1)}

    def by_dimension(self) -> list[tuple]:
        """Each dimension with its statements' fields, numbered through the form."""
        number = self.numbered()
        return [(d, [(number[s.code], self[s.code]) for s in d.statements]) for d in DIMENSIONS]

    def unanswered(self) -> list[tuple]:
        number = self.numbered()
        return [(number[s.code], self[s.code]) for s in STATEMENTS if self[s.code].errors]

    def answers(self) -> dict[str, int]:
        return {s.code: self.cleaned_data[s.code] for s in STATEMENTS}
