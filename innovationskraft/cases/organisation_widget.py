"""The organisation picker: a text area (or, for one organisation, a text field) of names
that static/cases/organisation-picker.js turns into a combobox after the WAI-ARIA 1.2
pattern, with suggestions from `cases:organisation_suggestions`."""

from typing import Any

from django import forms
from django.db.models import Model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Organisation
from innovationskraft.cases.organisation_search import shared_names

NAMES_SUFFIX = "-names"


class WrittenNames(str):
    """What the text area sent, told apart from ids."""


class OrganisationPicker(forms.Widget):
    template_name = "cases/widgets/organisation_picker.html"

    def __init__(self, attrs=None, *, single: bool = False):
        super().__init__(attrs)
        self.single = single

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
        widget["single"] = self.single
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
