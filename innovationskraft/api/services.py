"""The API's writes: a record is checked once, by the open-data parser (the JSON types, then
the rules of the case form shared with the bulk import), and written by the case services,
which check permissions.

Raises PermissionDenied (403), RecordInvalid (422, every bad field at once), Conflict (409)
or PreconditionFailed (412, 428). An editor's change to a published case is held for review
(`cases.services.case_edit`), which the API answers with 202."""

from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from innovationskraft.accounts.types import Actor
from innovationskraft.api.case_schemas import READ_ONLY
from innovationskraft.api.errors import Conflict, PreconditionFailed
from innovationskraft.cases import contract, permissions
from innovationskraft.cases import services as case_services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.cases.forms import AdoptionForm, not_in_the_future
from innovationskraft.cases.models import Adoption, Case, Organisation
from innovationskraft.opendata.columns import CONTACT_FIELDS
from innovationskraft.opendata.field_errors import FieldError, RecordInvalid
from innovationskraft.opendata.json_types import type_errors
from innovationskraft.opendata.lookups import Lookups
from innovationskraft.opendata.records import ParsedCase, parse_case_record
from innovationskraft.opendata.serialise import case_record

# What a client writes; everything else in a record is derived (labels, names, counts).
RECORD_FIELDS = ("identifier", *(f.name for f in contract.PUBLIC if f.writable))
WRITABLE_FIELDS = (*RECORD_FIELDS, *CONTACT_FIELDS)
INPUT_FIELDS = {f.name for f in contract.WRITABLE}


def _parsed(record: dict, *, sent: dict, errors: Sequence[FieldError] = ()) -> ParsedCase:
    """The record checked once, field by field: first the JSON types of what was sent, then
    the case's rules for the rest. RecordInvalid lists every bad field at once."""
    wrong = type_errors(sent, allowed={*WRITABLE_FIELDS, *READ_ONLY})
    bad = {error.field for error in wrong}
    usable = {name: value for name, value in record.items() if name not in bad}
    found = [*errors, *wrong]
    try:
        parsed = parse_case_record(usable, lookups=Lookups())
    except RecordInvalid as invalid:
        found += [error for error in invalid.errors if error.field not in bad]
        raise RecordInvalid(found) from None
    if found:
        raise RecordInvalid(found)
    return parsed


def writable_record(body: dict) -> dict:
    """The body without the read-only fields a client may send back."""
    return {name: value for name, value in body.items() if name not in READ_ONLY}


def _organisation(slug: Any) -> Organisation | None:
    if not isinstance(slug, str) or not slug.strip() or "\x00" in slug:
        return None
    return Organisation.objects.filter(slug=slug.strip()).first()


def case_create_from_record(*, actor: Actor, record: dict) -> Case:
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
    parsed = _parsed(writable_record(record), sent=record)
    # The API names existing organisations only (the parser creates none): a lead it does
    # not find is an error of the record.
    assert isinstance(parsed.lead_organisation, Organisation)
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


def _check_identity(*, actor: Actor, case: Case, record: dict) -> list[FieldError]:
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


def check_if_match(*, sent: str | None, current: Callable[[], str]) -> None:
    """A write must name the state it changes (If-Match: the ETag of the read): without it two
    clients overwrite each other unawares. `current` gives the saved state's ETag."""
    if not sent:
        message = _("Send If-Match with the ETag of the innovation as you read it.")
        raise PreconditionFailed(428, "precondition_required", message)
    tags = [tag.strip() for tag in sent.split(",")]
    if "*" not in tags and current() not in {tag.removeprefix("W/") for tag in tags}:
        message = _("The innovation has changed since you read it. Read it again and retry.")
        raise PreconditionFailed(412, "precondition_failed", message)


@transaction.atomic
def case_replace_from_record(
    *, actor: Actor, case: Case, record: dict, check: Callable[[Case], None]
) -> case_services.Edit:
    """`check(case)` runs once the case is locked, before anything is checked or written (the
    If-Match precondition comes first, as HTTP has it)."""
    errors = _check_identity(actor=actor, case=case, record=record)
    _locked_and_checked(case, check)
    data = _parsed(_replacement(case, writable_record(record)), sent=record, errors=errors).data
    return case_services.case_edit(actor=actor, case=case, data=data)


@transaction.atomic
def case_patch_from_record(
    *, actor: Actor, case: Case, changes: dict, check: Callable[[Case], None]
) -> case_services.Edit:
    """Only the sent fields change; the rest is kept exactly as it is."""
    errors = _check_identity(actor=actor, case=case, record=changes)
    _locked_and_checked(case, check)
    sent = writable_record(changes)
    parsed = _parsed(_patched(case, sent), sent=changes, errors=errors).data
    data = input_from_case(case)
    for name in sent.keys() & INPUT_FIELDS:
        setattr(data, name, getattr(parsed, name))
    return case_services.case_edit(actor=actor, case=case, data=data)


def _locked_and_checked(case: Case, check: Callable[[Case], None]) -> None:
    # Locked before the check, so no other write comes between it and this one.
    case_services.case_lock(case=case)
    case.refresh_from_db()
    check(case)


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


def adoption_record_from_payload(*, actor: Actor, case: Case, payload: dict) -> Adoption:
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
