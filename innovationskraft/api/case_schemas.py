"""The API's case schemas, made from the case contract (`cases/contract.py`): a field added
there is read and written here with the export's name and a type that follows its kind."""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from ninja import Field, Schema
from pydantic import ConfigDict, create_model

from innovationskraft.api.schemas import PageOut
from innovationskraft.cases import contract
from innovationskraft.cases.contract import CaseField, Kind


class LinkOut(Schema):
    title: str
    url: str


class LinkIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: str = ""
    url: str


def _help(case_field: CaseField) -> str:
    if case_field.kind is Kind.TERM:
        return f"A term code of the {case_field.vocabulary} vocabulary."
    if case_field.kind is Kind.TERMS:
        return f"Term codes of the {case_field.vocabulary} vocabulary."
    if case_field.kind is Kind.ORGANISATION:
        return "An organisation's slug; cannot be changed after the case is made."
    if case_field.kind is Kind.ORGANISATIONS:
        return "Organisation slugs."
    if case_field.kind is Kind.CASES:
        return "Identifiers of published cases."
    if case_field.personal:
        return "Write-only: never shown or returned."
    if case_field.import_only:
        return "Where a harvested case comes from; written only by the bulk import."
    return "Markdown." if case_field.name == "description" else ""


def _read_type(case_field: CaseField) -> Any:
    if case_field.kind is Kind.LINKS:
        return list[LinkOut]
    if case_field.many:
        return list[str]
    types: dict[Kind, Any] = {
        Kind.YEAR: int | None,
        Kind.FLAG: bool,
        Kind.TERM: str | None,
        Kind.MOMENT: datetime | None,
    }
    return types.get(case_field.kind, str)


def _choices(case_field: CaseField) -> list[str]:
    choices = contract.model_field(case_field.name).choices or ()
    return [str(value) for value, _label in choices]


def _write_field(case_field: CaseField) -> tuple[Any, Any]:
    extra: dict[str, Any] = {}
    if case_field.kind is Kind.CHOICE:
        blank = [""] if contract.model_field(case_field.name).blank else []
        extra["enum"] = [*blank, *_choices(case_field), None]
    if case_field.kind in {Kind.TEXT, Kind.LONG_TEXT}:
        max_length = contract.max_length(case_field)
        if max_length:
            extra["maxLength"] = max_length
    read = _read_type(case_field)
    written: Any = list[LinkIn] if case_field.kind is Kind.LINKS else read
    description = _help(case_field)
    return written | None, Field(
        None, description=description or None, json_schema_extra=extra or None
    )


READ_ONLY: tuple[str, ...] = ("url", "slug", "lead_organisation_name", "adoption_count")
READ_ONLY += ("published_at", "updated_at", *contract.IMPORT_ONLY)
IGNORED = "Read-only: ignored when sent, so that a case read here can be sent back."
SHOWN = contract.PUBLIC

if TYPE_CHECKING:
    CaseOut = Schema
    CaseIn = Schema
else:
    CaseOut = create_model(
        "CaseOut",
        __base__=Schema,
        identifier=(str, ...),
        url=(str, Field(description="The case's page on the site.")),
        slug=(str, ...),
        **{f.name: (_read_type(f), Field(description=_help(f) or None)) for f in SHOWN},
        lead_organisation_name=(str, ...),
        adoption_count=(int, ...),
        published_at=(datetime | None, ...),
        updated_at=(datetime, ...),
    )
    CaseIn = create_model(
        "CaseIn",
        __base__=Schema,
        __config__=None,
        __doc__="A case as written. Fields left out keep their value on PATCH; on PUT they are "
        "cleared, except the write-only contact fields, which keep theirs unless sent.",
        identifier=(
            str | None,
            Field(
                None,
                description="On POST, a stable identifier of your own (a UUID is made "
                "otherwise); on PUT and PATCH it must be the case's own.",
            ),
        ),
        **{f.name: _write_field(f) for f in contract.FIELDS if f.writable},
        **{
            name: (Any, Field(None, description=IGNORED, json_schema_extra={"readOnly": True}))
            for name in READ_ONLY
        },
    )
    CaseIn.model_config["extra"] = "forbid"


class CaseCreateIn(CaseIn):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"required": ["title", "summary", "stage", "lead_organisation"]},
    )


class CaseReplaceIn(CaseIn):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"required": ["title", "summary", "stage"]}
    )


if TYPE_CHECKING:
    CaseListItem = Schema
else:
    CaseListItem = create_model(
        "CaseListItem",
        __base__=CaseOut,
        description=(
            str | None,
            Field(None, description="Only with include=description; left out otherwise."),
        ),
    )


class CasePage(PageOut):
    results: list[CaseListItem]
