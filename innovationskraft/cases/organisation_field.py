"""Form fields for organisations chosen from a long list: several in the order they are
chosen, or one.

Without JavaScript the widget (organisation_widget.py) takes names, matched here; with it, the
chosen organisations' ids."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Organisation
from innovationskraft.cases.organisation_search import organisations_by_name
from innovationskraft.cases.organisation_widget import (
    OrganisationPicker,
    WrittenNames,
    chosen_organisations,
)


class OrganisationsField(forms.Field):
    """Organisations of `queryset`, as a list in the order given, without repeats."""

    widget = OrganisationPicker
    default_error_messages = {
        "unknown": _(
            "No organisation is called “%(name)s”. Check the spelling against the list of "
            "organisations, or write another name it goes by."
        ),
        "several": _(
            "Several organisations are called “%(name)s”. Write the one you mean as the last "
            "part of its address on this site: %(slugs)s."
        ),
        "invalid_choice": _("Choose the organisation again from the suggestions."),
    }

    def __init__(self, *, queryset: QuerySet[Organisation], **kwargs):
        super().__init__(**kwargs)
        self.queryset = queryset

    def to_python(self, value: Any) -> list[Organisation]:
        if isinstance(value, WrittenNames):
            return self._named(value.splitlines())
        if value in self.empty_values:
            return []
        return self._with_ids(value if isinstance(value, list | tuple) else [value])

    def validate(self, value: list[Organisation]) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")

    def has_changed(self, initial, data) -> bool:
        try:
            after = self.to_python(data)
        except forms.ValidationError:
            return True
        after_ids = [o.pk for o in (after if isinstance(after, list) else [after] if after else [])]
        return [o.pk for o in chosen_organisations(initial)] != after_ids

    def _with_ids(self, ids: Sequence[Any]) -> list[Organisation]:
        invalid = forms.ValidationError(self.error_messages["invalid_choice"], "invalid_choice")
        if not all(str(pk).isdigit() for pk in ids):
            raise invalid
        wanted = list(dict.fromkeys(int(pk) for pk in ids))
        found = self.queryset.in_bulk(wanted)
        if len(found) != len(wanted):
            raise invalid
        return [found[pk] for pk in wanted]

    def _named(self, lines: list[str]) -> list[Organisation]:
        names = [line.strip() for line in lines if line.strip()]
        found = organisations_by_name(names, queryset=self.queryset)
        errors, chosen = [], []
        for name in names:
            matches = found.get(name, [])
            if len(matches) == 1:
                chosen.append(matches[0])
                continue
            code = "several" if matches else "unknown"
            slugs = ", ".join(o.slug for o in matches)
            params = {"name": name, "slugs": slugs}
            errors.append(forms.ValidationError(self.error_messages[code], code, params))
        if errors:
            raise forms.ValidationError(errors)
        return list(dict.fromkeys(chosen))


class OrganisationField(OrganisationsField):
    """One organisation of `queryset`, or None."""

    default_error_messages = {"one": _("Choose one organisation.")}

    def __init__(self, *, queryset: QuerySet[Organisation], **kwargs):
        kwargs.setdefault("widget", OrganisationPicker(single=True))
        super().__init__(queryset=queryset, **kwargs)

    def to_python(self, value: Any) -> Organisation | None:  # type: ignore[override]
        chosen = super().to_python(value)
        if len(chosen) > 1:
            raise forms.ValidationError(self.error_messages["one"], code="one")
        return chosen[0] if chosen else None

    def validate(self, value: Organisation | None) -> None:  # type: ignore[override]
        if self.required and value is None:
            raise forms.ValidationError(self.error_messages["required"], code="required")


# More organisations than this make a select slow to use; most people belong to one or two.
LONG_LIST = 20


def organisation_choice(field: forms.ModelChoiceField, queryset: QuerySet[Organisation]):
    """The field choosing from `queryset`: its select when the list is short, else a picker,
    which says itself how it is used (a select's help text would not fit it)."""
    if queryset.count() <= LONG_LIST:
        field.queryset = queryset
        return field
    return OrganisationField(
        queryset=queryset,
        label=field.label,
        required=field.required,
        initial=field.initial,
    )
