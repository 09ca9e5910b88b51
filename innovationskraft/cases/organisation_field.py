"""A form field for organisations chosen from a long list, in the order they are chosen.

Without JavaScript it is a text area of names, one a line, matched on the server. The script
(static/cases/organisation-picker.js) turns it into a combobox whose suggestions come from
`cases:organisation_suggestions`, and sends the chosen organisations' ids instead."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Organisation
from innovationskraft.cases.organisation_search import organisations_by_name, shared_names

NAMES_SUFFIX = "-names"


class WrittenNames(str):
    """What the text area sent, told apart from ids."""


class OrganisationPicker(forms.Widget):
    template_name = "cases/widgets/organisation_picker.html"

    class Media:
        css = {"all": ["cases/organisation-picker.css"]}
        js = [forms.Script("cases/organisation-picker.js", defer=True)]

    def value_from_datadict(self, data, files, name):
        names = data.get(name + NAMES_SUFFIX)
        if names is not None:
            return WrittenNames(names)
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        # The script sends no id when every organisation is removed: that is a choice too.
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = [] if isinstance(value, WrittenNames) else chosen_organisations(value)
        shared = shared_names(chosen)
        widget = context["widget"]
        identifier = widget["attrs"].get("id", name)
        hint = f"{identifier}-hint"
        described = widget["attrs"].get("aria-describedby", "")
        widget["attrs"]["aria-describedby"] = f"{hint} {described}".strip()
        widget["chosen_id"] = f"{identifier}-chosen"
        widget["names_name"] = name + NAMES_SUFFIX
        widget["chosen"] = [{"id": o.pk, "name": o.name} for o in chosen]
        widget["text"] = (
            value
            if isinstance(value, WrittenNames)
            else "\n".join(o.slug if o.pk in shared else o.name for o in chosen)
        )
        widget["source"] = reverse("cases:organisation_suggestions")
        # What the live region says; the script puts the organisation's name in.
        widget["added"] = _("%(name)s is added.")
        widget["removed"] = _("%(name)s is removed.")
        return context

    def format_value(self, value):
        return value


def chosen_organisations(value: Any) -> list[Organisation]:
    """Organisations, or their ids, as a list in the same order."""
    if not value:
        return []
    items = value if isinstance(value, list | tuple) else [value]
    ids = [item.pk if isinstance(item, Model) else item for item in items]
    ids = [int(pk) for pk in ids if str(pk).isdigit()]
    found = Organisation.objects.in_bulk(ids)
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


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
        return [o.pk for o in chosen_organisations(initial)] != [o.pk for o in after]

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
