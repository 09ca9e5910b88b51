"""A case's versions (kept by django-reversion) in words a reader understands."""

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.http import Http404
from django.utils.translation import gettext
from reversion.models import Version

from innovationskraft.cases import contract
from innovationskraft.cases.contract import Kind
from innovationskraft.cases.models import Case, Organisation, Tag, Term

# Shown fields, in the contract's order; links have no column of the case and personal data is
# never kept. Contact details are personal data and never shown. The provenance of a harvested
# case is not what the case says (and its harvest time changes with every harvest).
HISTORY_FIELDS = [
    *(
        f.name
        for f in contract.PUBLIC
        if f.kind is not Kind.LINKS and not f.fixed and not f.import_only
    ),
    "status",
]
TEXT_FIELDS = {f.name for f in contract.PUBLIC if f.kind in {Kind.TEXT, Kind.LONG_TEXT}}
RELATED_MODELS: dict[str, type[Term | Organisation | Tag | Case]] = {
    "sector": Term,
    "partners": Organisation,
    "tags": Tag,
    "inspired_by": Case,
}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    segments: list[tuple[str, str]] | None = None


def case_versions(*, case: Case, public: bool) -> list[Version]:
    """Newest first. The public sees only what was published: drafts and text a moderator
    sent back stay with the case's editors."""
    versions = list(Version.objects.get_for_object(case).select_related("revision__user"))
    if not public:
        return versions
    published = [v for v in versions if v.field_dict.get("status") == Case.Status.PUBLISHED]
    if not published:
        return []
    first_published = published[-1].revision.date_created
    return [v for v in versions if v.revision.date_created >= first_published]


def version_of(*, case: Case, version_id: int, public: bool) -> tuple[Version, Version | None]:
    versions = case_versions(case=case, public=public)
    for index, version in enumerate(versions):
        if version.pk == version_id:
            older = versions[index + 1] if index + 1 < len(versions) else None
            return version, older
    raise Http404


def raw_value(version: Version | None, name: str):
    if version is None:
        return None
    data = version.field_dict
    return data.get(f"{name}_id", data.get(name))


def display_value(name: str, value) -> str:
    field = contract.model_field(name)
    if value in (None, "", []):
        return ""
    if field.choices:
        return str(dict(field.choices).get(value, value))
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    model = RELATED_MODELS.get(name) or (Term if field.is_relation else None)
    if model is None:
        return str(value)
    ids = value if isinstance(value, list) else [value]
    names = {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)}
    return ", ".join(sorted(names.get(pk, f"#{pk}") for pk in ids))


def version_fields(*, version: Version) -> list[tuple[str, str]]:
    fields = []
    for name in HISTORY_FIELDS:
        value = display_value(name, raw_value(version, name))
        fields.append((str(contract.model_field(name).verbose_name), value))
    return fields


def _word_diff(old: str, new: str) -> list[tuple[str, str]]:
    old_words, new_words = old.split(" "), new.split(" ")
    segments = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("same", " ".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            segments.append(("removed", " ".join(old_words[a1:a2])))
        if b2 > b1:
            segments.append(("added", " ".join(new_words[b1:b2])))
    return segments


def field_changes(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    *,
    names: Iterable[str] = HISTORY_FIELDS,
    shown: Callable[[str, Any], str] = display_value,
) -> list[FieldChange]:
    """The fields whose raw values (ids for related objects) differ, shown for a reader."""
    changes = []
    for name in names:
        old_raw, new_raw = old.get(name), new.get(name)
        if isinstance(old_raw, list) and isinstance(new_raw, list):
            old_raw, new_raw = sorted(old_raw), sorted(new_raw)
        if old_raw == new_raw:
            continue
        old_text, new_text = shown(name, old_raw), shown(name, new_raw)
        change = FieldChange(str(contract.model_field(name).verbose_name), old_text, new_text)
        if name in TEXT_FIELDS and old_text and new_text:
            change.segments = _word_diff(old_text, new_text)
        changes.append(change)
    return changes


def version_changes(*, version: Version, older: Version | None) -> list[FieldChange]:
    old = {name: raw_value(older, name) for name in HISTORY_FIELDS}
    return field_changes(old, {name: raw_value(version, name) for name in HISTORY_FIELDS})
