"""The API's writes: a record is checked by the open-data parser (the rules of the case form,
shared with the bulk import), then written by the case services, which check permissions.

Raises PermissionDenied (403), RecordInvalid (422, every bad field at once) or Conflict (409)."""

from dataclasses import fields

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _

from innovationskraft.api.errors import Conflict
from innovationskraft.cases import permissions
from innovationskraft.cases import services as case_services
from innovationskraft.cases.forms import AdoptionForm, not_in_the_future
from innovationskraft.cases.inputs import CaseInput
from innovationskraft.cases.models import Adoption, Case, Organisation
from innovationskraft.opendata.records import (
    CONTACT_FIELDS,
    FieldError,
    Lookups,
    ParsedCase,
    RecordInvalid,
    parse_case_record,
)
from innovationskraft.opendata.serialise import case_record

# What a client writes; everything else in a record is derived (labels, names, counts).
RECORD_FIELDS = (
    "identifier", "title", "summary", "description", "language", "lead_organisation",
    "partners", "stage", "start_year", "sector", "facet", "innovation_types", "target_groups",
    "barriers", "enablers", "effects", "sdgs", "user_involvement", "barriers_text",
    "enablers_text", "effects_evaluated", "tags", "links", "inspired_by",
)  # fmt: skip
WRITABLE_FIELDS = (*RECORD_FIELDS, *CONTACT_FIELDS)
INPUT_FIELDS = {f.name for f in fields(CaseInput)}


def _parsed(record: dict, *, errors: list[FieldError] = ()) -> ParsedCase:
    """The record checked field by field; RecordInvalid lists every bad field at once."""
    try:
        parsed = parse_case_record(record, lookups=Lookups())
    except RecordInvalid as invalid:
        raise RecordInvalid([*invalid.errors, *errors]) from None
    if errors:
        raise RecordInvalid(list(errors))
    return parsed


def _organisation(slug) -> Organisation | None:
    if not isinstance(slug, str) or not slug.strip() or "\x00" in slug:
        return None
    return Organisation.objects.filter(slug=slug.strip()).first()


def case_create_from_record(*, actor, record: dict) -> Case:
    lead = _organisation(record.get("lead_organisation"))
    if lead is not None and not permissions.can_create_case_for(actor, lead):
        raise PermissionDenied
    identifier = record.get("identifier")
    if (
        isinstance(identifier, str)
        and "\x00" not in identifier
        and Case.objects.filter(identifier=identifier.strip()).exists()
    ):
        raise Conflict("identifier_taken", _("Another innovation has this identifier."))
    parsed = _parsed(record)
    try:
        return case_services.case_create(
            actor=actor,
            lead_organisation=parsed.lead_organisation,
            data=parsed.data,
            identifier=parsed.identifier,
        )
    except IntegrityError:
        # Another request took the identifier since it was checked.
        raise Conflict("identifier_taken", _("Another innovation has this identifier.")) from None


def _check_identity(*, actor, case: Case, record: dict) -> list[FieldError]:
    """Before any other check: may the actor edit the case, and is it the case meant?"""
    if not permissions.can_edit_case(actor, case):
        raise PermissionDenied
    identifier = record.get("identifier")
    if identifier is not None and identifier != case.identifier:
        raise Conflict(
            "identifier_mismatch", _("The identifier in the body is not the innovation's.")
        )
    lead = record.get("lead_organisation")
    if lead is not None and lead != case.lead_organisation.slug:
        message = _("The lead organisation of an innovation cannot be changed.")
        return [FieldError("lead_organisation", "cannot_change", message)]
    return []


def _replacement(case: Case, record: dict) -> dict:
    """PUT's record: the lead organisation and the contact person (which no read shows) stay
    what they are unless sent; the lead organisation cannot change at all."""
    record = {name: getattr(case, name) for name in CONTACT_FIELDS} | record
    return record | {"lead_organisation": case.lead_organisation.slug}


def _current_record(case: Case) -> dict:
    record = case_record(case, base_url="")
    current = {name: record[name] for name in RECORD_FIELDS if name in record}
    titles = record.get("links_titles") or []
    current["links"] = [
        {"title": titles[i] if i < len(titles) else "", "url": url}
        for i, url in enumerate(record.get("links") or [])
    ]
    return current | {name: getattr(case, name) for name in CONTACT_FIELDS}


def _patched(case: Case, changes: dict) -> dict:
    """PATCH's record: the case as it is with the sent fields over it, checked as a whole."""
    return _current_record(case) | changes | {"lead_organisation": case.lead_organisation.slug}


def case_replace_from_record(*, actor, case: Case, record: dict) -> Case:
    errors = _check_identity(actor=actor, case=case, record=record)
    data = _parsed(_replacement(case, record), errors=errors).data
    return case_services.case_update(actor=actor, case=case, data=data)


def case_patch_from_record(*, actor, case: Case, changes: dict) -> Case:
    """Only the sent fields change; the rest is kept exactly as it is."""
    errors = _check_identity(actor=actor, case=case, record=changes)
    parsed = _parsed(_patched(case, changes), errors=errors).data
    data = CaseInput.from_case(case)
    for name in changes.keys() & INPUT_FIELDS:
        setattr(data, name, getattr(parsed, name))
    return case_services.case_update(actor=actor, case=case, data=data)


def record_errors(*, actor, case: Case | None, method: str, record: dict) -> list[FieldError]:
    """The field errors of a case write whose other fields had the wrong JSON type, so that
    one answer names every bad field. Nothing for a case the actor may not edit: that
    answer is a 403 or 404 once the types are right."""
    if case is None:
        prepared = record
    elif not permissions.can_edit_case(actor, case):
        return []
    else:
        prepared = _patched(case, record) if method == "PATCH" else _replacement(case, record)
    try:
        parse_case_record(prepared, lookups=Lookups())
    except RecordInvalid as invalid:
        return invalid.errors
    return []


def _adoption_fields(payload: dict) -> dict:
    """Year, how and note checked by the web form's own fields."""
    form_fields, values, errors = AdoptionForm.base_fields, {}, []
    for name in ("year", "how", "note"):
        try:
            values[name] = form_fields[name].clean(payload.get(name))
            if name == "year":
                values[name] = not_in_the_future(values[name])
        except ValidationError as error:
            errors.append(
                FieldError(name, error.error_list[0].code or "invalid", error.messages[0])
            )
    if errors:
        raise RecordInvalid(errors)
    return values


def adoption_record_from_payload(*, actor, case: Case, payload: dict) -> Adoption:
    organisation = _organisation(payload.get("organisation"))
    if organisation is None:
        message = _("No organisation %(slug)s.") % {"slug": payload.get("organisation")}
        raise RecordInvalid([FieldError("organisation", "unknown_organisation", message)])
    if not permissions.can_record_adoption(actor, case, organisation):
        raise PermissionDenied
    values = _adoption_fields(payload)
    already = _("%(organisation)s has already recorded that it adopted this innovation.") % {
        "organisation": organisation.name
    }
    if Adoption.objects.filter(case=case, organisation=organisation).exists():
        raise Conflict("already_adopted", already)
    try:
        return case_services.adoption_record(
            actor=actor, case=case, organisation=organisation, **values
        )
    except ValidationError:
        if Adoption.objects.filter(case=case, organisation=organisation).exists():
            raise Conflict("already_adopted", already) from None
        raise
