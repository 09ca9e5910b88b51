"""When two people edit a case at once: what the other person saved, beside what this one
wrote, so that neither is lost."""

from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.db.models import Model
from django.http import QueryDict
from reversion.models import Version

from innovationskraft.cases import contract, history
from innovationskraft.cases.forms import CaseForm
from innovationskraft.cases.models import Case


@dataclass(frozen=True)
class ConflictRow:
    label: str
    theirs: str  # as saved meanwhile
    yours: str  # as this form has it


def _version_at(case: Case, revision: int) -> Version | None:
    for version in Version.objects.get_for_object(case):
        if version.field_dict.get("revision") == revision:
            return version
    return None


def _comparable(value):
    return sorted(value) if isinstance(value, list) else value


def _form_value(name: str, form: forms.Form) -> str:
    value: Any = form.cleaned_data.get(name)
    if isinstance(value, Model):
        value = value.pk
    elif isinstance(value, list | tuple) or hasattr(value, "model"):
        value = [item.pk if isinstance(item, Model) else item for item in value]
        if name == "tags":
            return ", ".join(value)
    return history.display_value(name, value)


def conflict_changes(*, case: Case, loaded_revision: int | None, form: forms.Form):
    """The fields someone else changed since `loaded_revision`, with their value and the
    form's. Without a version of the loaded revision (a case imported before versions were
    kept), every field where the saved case and the form differ."""
    versions = Version.objects.get_for_object(case)
    latest = versions.first()
    loaded = _version_at(case, loaded_revision) if loaded_revision is not None else None
    rows = []
    for name in history.HISTORY_FIELDS:
        if name not in form.fields:
            continue
        now = history.raw_value(latest, name)
        theirs = history.display_value(name, now) if latest else ""
        yours = _form_value(name, form)
        if loaded is not None:
            changed = _comparable(history.raw_value(loaded, name)) != _comparable(now)
        else:
            changed = theirs != yours
        if changed:
            label = str(contract.model_field(name).verbose_name)
            rows.append(ConflictRow(label[:1].upper() + label[1:], theirs, yours))
    return rows


def form_at_revision(form: CaseForm, *, revision: int) -> CaseForm:
    """The same form, bound to what was sent, but loaded at `revision`: sent again, it saves
    over the other person's changes, which the page has shown."""
    data = cast(QueryDict, form.data).copy()  # bound to request.POST
    data["revision"] = str(revision)
    lead = cast(forms.ModelChoiceField, form.fields["lead_organisation"])
    rebound = type(form)(data, organisations=lead.queryset)
    rebound.is_valid()
    return rebound
