"""The one declaration of what a case holds. Forms, the typed input of the services, the
open-data records, the API's schemas, the history diff and the search columns read it, so a
new field is the model field, its migration, one line here and (when people write it on the
site) its form field.

The order is the order of the open-data columns and of the history page."""

import enum
from dataclasses import dataclass, field, make_dataclass
from typing import Any, TypeAlias

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import Case, Vocabulary
from innovationskraft.cases.relations import partners_in_order, tags_in_order


class Kind(enum.Enum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # paragraphs; shown as a word diff in the history
    CHOICE = "choice"  # one of the model field's choices
    YEAR = "year"
    FLAG = "flag"
    TERM = "term"  # one term of a vocabulary
    TERMS = "terms"  # terms of a vocabulary
    ORGANISATION = "organisation"
    ORGANISATIONS = "organisations"
    TAGS = "tags"
    LINKS = "links"
    CASES = "cases"
    MOMENT = "moment"  # a date and time with a time zone


MANY = {Kind.TERMS, Kind.ORGANISATIONS, Kind.TAGS, Kind.LINKS, Kind.CASES}


@dataclass(frozen=True)
class CaseField:
    name: str
    kind: Kind
    vocabulary: str = ""
    # Written by the case's owner through the form, the import and the API.
    writable: bool = True
    # Set when the case is created and never changed afterwards.
    fixed: bool = False
    # Personal data: accepted from writers, never exported, shown or kept in the history.
    personal: bool = False
    # The name of the library filter that narrows on this field ("" when none), and its label.
    filter: str = ""
    filter_label: str | Promise = ""
    # What a writer who leaves the field out means ("" or an empty list by kind otherwise).
    default: Any = None
    # Written only by an import (a harvest from another catalogue), never by the owner through
    # the form or the API; exported like any public field. Such a field is not `writable`.
    import_only: bool = False
    # The most characters a text may have where the model does not say (a TextField).
    max_length: int | None = None

    @property
    def many(self) -> bool:
        return self.kind in MANY

    @property
    def exported(self) -> bool:
        return not self.personal

    @property
    def relation(self) -> bool:
        """A many-to-many field of the model, set as a whole."""
        return self.kind in {Kind.TERMS, Kind.ORGANISATIONS, Kind.CASES}

    @property
    def labelled(self) -> bool:
        """Exported with the label beside the code (`stage_label`, `barriers_labels`)."""
        return self.kind in {Kind.CHOICE, Kind.TERM, Kind.TERMS} and self.name != "language"


# About ten printed pages: room for any case, and a bound on what every list, export and
# search index has to carry for one.
DESCRIPTION_MAX_LENGTH = 20_000


def _terms(name: str, vocabulary: str, filter: str, label: Promise) -> CaseField:
    return CaseField(name, Kind.TERMS, vocabulary=vocabulary, filter=filter, filter_label=label)


FIELDS: tuple[CaseField, ...] = (
    CaseField("title", Kind.TEXT),
    CaseField("summary", Kind.LONG_TEXT),
    CaseField("description", Kind.LONG_TEXT, max_length=DESCRIPTION_MAX_LENGTH),
    CaseField("language", Kind.CHOICE, default="sv"),
    CaseField("lead_organisation", Kind.ORGANISATION, fixed=True),
    CaseField("partners", Kind.ORGANISATIONS),
    CaseField("stage", Kind.CHOICE, filter="stage", filter_label=_("Stage")),
    CaseField("start_year", Kind.YEAR, filter="year", filter_label=_("Start year")),
    CaseField(
        "sector", Kind.TERM, vocabulary=Vocabulary.SECTOR, filter="sector", filter_label=_("Sector")
    ),
    CaseField("facet", Kind.CHOICE, filter="facet", filter_label=_("OPSI facet")),
    _terms(
        "innovation_types", Vocabulary.INNOVATION_TYPE, "innovation_type", _("Type of innovation")
    ),
    _terms("target_groups", Vocabulary.TARGET_GROUP, "target_group", _("Target group")),
    CaseField("user_involvement", Kind.LONG_TEXT),
    _terms("barriers", Vocabulary.BARRIER, "barrier", _("Barrier")),
    CaseField("barriers_text", Kind.LONG_TEXT),
    _terms("enablers", Vocabulary.ENABLER, "enabler", _("Enabler")),
    CaseField("enablers_text", Kind.LONG_TEXT),
    _terms("effects", Vocabulary.EFFECT, "effect", _("Effects")),
    CaseField(
        "effects_evaluated", Kind.FLAG, filter="evaluated", filter_label=_("Effects evaluated")
    ),
    CaseField("evidence", Kind.CHOICE, filter="evidence", filter_label=_("Evidence of effects")),
    CaseField("evaluation", Kind.LONG_TEXT),
    _terms("sdgs", Vocabulary.SDG, "sdg", _("Sustainable development goals")),
    CaseField("tags", Kind.TAGS),
    CaseField("links", Kind.LINKS),
    CaseField("inspired_by", Kind.CASES),
    # Provenance: the catalogue a harvested case comes from, its key there and when.
    CaseField("source", Kind.TEXT, writable=False, import_only=True),
    CaseField("source_identifier", Kind.TEXT, writable=False, import_only=True),
    CaseField("harvested_at", Kind.MOMENT, writable=False, import_only=True),
    CaseField("contact_name", Kind.TEXT, personal=True),
    CaseField("contact_email", Kind.TEXT, personal=True),
)
BY_NAME = {f.name: f for f in FIELDS}

# What the owner writes after creating the case.
WRITABLE = tuple(f for f in FIELDS if f.writable and not f.fixed)
# Plain columns of the case row, written as they are.
SCALARS = tuple(f.name for f in WRITABLE if not f.many)
# Many-to-many fields set as a whole (tags and links have tables of their own).
RELATIONS = tuple(f.name for f in WRITABLE if f.relation)
# Exported, shown and versioned: everything but personal data.
PUBLIC = tuple(f for f in FIELDS if not f.personal)
PERSONAL = tuple(f.name for f in FIELDS if f.personal)
# Set by an import only: the provenance of a harvested case.
IMPORT_ONLY = tuple(f.name for f in FIELDS if f.import_only)
TERM_LISTS = {f.name: f.vocabulary for f in FIELDS if f.kind is Kind.TERMS}
# The library's filters on case fields, in the order the pages show them.
FILTERED = tuple(f for f in FIELDS if f.filter)
LONG_TEXTS = tuple(f.name for f in PUBLIC if f.kind is Kind.LONG_TEXT)


def _default(case_field: CaseField) -> Any:
    if case_field.default is not None:
        return case_field.default
    if case_field.many:
        return field(default_factory=list)
    if case_field.kind in {Kind.YEAR, Kind.TERM, Kind.ORGANISATION}:
        return None
    if case_field.kind is Kind.FLAG:
        return False
    return ""


# Everything a case owner writes, typed by kind: Terms, Organisations and Cases as model
# objects, tags as names, links as (title, address). Made from the contract at import, so a
# type checker cannot see its fields: to it, the alias is Any.
CaseInput: TypeAlias = make_dataclass(  # type: ignore[valid-type]
    "CaseInput",
    [
        ("title", str),
        ("summary", str),
        ("stage", str),
        *[
            (f.name, Any, _default(f))
            for f in WRITABLE
            if f.name not in {"title", "summary", "stage"}
        ],
    ],
    kw_only=True,
)
CaseInput.__module__ = __name__
CaseInput.__doc__ = "Everything a case owner writes about a case, as every write path delivers it."


def model_field(name: str) -> models.Field[Any, Any]:
    """The case model's field for a name of this contract (or `status`): each is a column or a
    many-to-many field of the case, never a relation from another model."""
    case_field = Case._meta.get_field(name)
    assert isinstance(case_field, models.Field), name
    return case_field


def max_length(case_field: CaseField) -> int | None:
    """The most characters a text of the field may have, whoever writes it."""
    return case_field.max_length or model_field(case_field.name).max_length


def input_from_case(case: Case) -> CaseInput:
    """The case's current values as an input, for a change of some fields only."""
    values = {name: getattr(case, name) for name in SCALARS}
    values |= {name: list(getattr(case, name).all()) for name in RELATIONS}
    values["partners"] = partners_in_order(case)
    values["tags"] = [tag.name for tag in tags_in_order(case)]
    values["links"] = [(link.title, link.url) for link in case.links.all()]
    return CaseInput(**values)
