"""A case's input (contract.CaseInput) as JSON and back, for a change that waits for review.

Related objects are kept by id, as the history's versions keep them (history.py reads both
alike); tags by name, since a change may name tags the library does not have yet."""

from typing import Any

from innovationskraft.cases import contract
from innovationskraft.cases.contract import CaseInput, Kind
from innovationskraft.cases.models import Case, Organisation, Term

MODELS: dict[Kind, type[Term | Organisation | Case]] = {
    Kind.TERM: Term,
    Kind.TERMS: Term,
    Kind.ORGANISATION: Organisation,
    Kind.ORGANISATIONS: Organisation,
    Kind.CASES: Case,
}


def input_to_data(data: CaseInput) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for case_field in contract.WRITABLE:
        value = getattr(data, case_field.name)
        if case_field.kind in {Kind.TERMS, Kind.ORGANISATIONS, Kind.CASES}:
            value = [item.pk for item in value]
        elif case_field.kind in {Kind.TERM, Kind.ORGANISATION}:
            value = value.pk if value is not None else None
        elif case_field.kind is Kind.LINKS:
            value = [[title, url] for title, url in value]
        elif case_field.kind is Kind.TAGS:
            value = list(value)
        found[case_field.name] = value
    return found


def input_from_data(data: dict[str, Any]) -> CaseInput:
    """The input again; an object deleted since the change was written is left out."""
    wanted: dict[type[Term | Organisation | Case], set[int]] = {}
    for case_field in contract.WRITABLE:
        model, value = MODELS.get(case_field.kind), data.get(case_field.name)
        if model is not None and value is not None:
            ids = value if isinstance(value, list) else [value]
            wanted.setdefault(model, set()).update(ids)
    objects = {model: model._default_manager.in_bulk(ids) for model, ids in wanted.items()}
    values: dict[str, Any] = {}
    for case_field in contract.WRITABLE:
        name, model = case_field.name, MODELS.get(case_field.kind)
        if name not in data:
            continue
        value = data[name]
        if model is not None and isinstance(value, list):
            value = [objects[model][pk] for pk in value if pk in objects[model]]
        elif model is not None:
            value = objects[model].get(value) if value is not None else None
        elif case_field.kind is Kind.LINKS:
            value = [(title, url) for title, url in value]
        values[name] = value
    return CaseInput(**values)
