"""A case as an open-data record, and a record checked back into a case's input.

One shape serves the exports, the bulk import and the API's writes, so that what one system
exports another (or this one) can import unchanged. Values are JSON types: lists stay lists;
the CSV format joins them (see `formats.py`). Records never carry personal data."""

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from innovationskraft.cases.contract import CaseInput
from innovationskraft.cases.forms import checked_link, not_in_the_future
from innovationskraft.cases.models import Case, Organisation, Term, Vocabulary
from innovationskraft.opendata.columns import CONTACT_FIELDS, FORM_FIELDS, TERM_LIST_FIELDS
from innovationskraft.opendata.field_errors import FieldError, RecordInvalid
from innovationskraft.opendata.lookups import Lookups

# What a record that leaves out a required field of the form means by it.
DEFAULTS = {"language": Case.Language.SWEDISH}
IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}")
SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,199}")
CODE_LENGTH = cast(int, Organisation._meta.get_field("official_code").max_length)


@dataclass
class NewOrganisation:
    """An organisation the record names that does not exist yet; created by the import."""

    slug: str
    name: str
    kind: str
    official_code: str = ""


@dataclass
class ParsedCase:
    identifier: str
    slug: str
    lead_organisation: Organisation | NewOrganisation | None
    data: CaseInput
    published_at: datetime | None = None
    updated_at: datetime | None = None
    # Partners that the import creates (`data.partners` holds the existing ones).
    new_partners: list[NewOrganisation] = field(default_factory=list)
    # Identifiers of cases this one was inspired by, including ones later in the same file.
    inspired_by: list[str] = field(default_factory=list)


def _label(term: Term | None) -> str:
    return term.label if term else ""


def _as_list(record: dict, name: str, errors: list[FieldError]) -> list:
    value = record.get(name)
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        errors.append(FieldError(name, "invalid", _("Expected a list.")))
        return []
    return value


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _first_message(error: ValidationError) -> tuple[str, str]:
    code = getattr(error, "code", None) or (error.error_list[0].code if error.error_list else "")
    return code or "invalid", error.messages[0]


class _Parser:
    def __init__(self, record: dict, lookups: Lookups, create_organisations: bool):
        self.record, self.lookups = record, lookups
        self.create_organisations = create_organisations
        self.errors: list[FieldError] = []

    def error(self, name: str, code: str, message: str) -> None:
        self.errors.append(FieldError(name, code, message))

    def form_value(self, name: str):
        form_field = self.lookups.form_fields[name]
        raw = self.record.get(name)
        if raw in (None, "") and name in DEFAULTS:
            raw = DEFAULTS[name]
        if isinstance(form_field, forms.BooleanField) and isinstance(raw, str):
            raw = raw.strip().lower() not in {"", "false", "0", "no", "nej", "falskt"}
        try:
            value = form_field.clean(raw)
            return not_in_the_future(value) if name == "start_year" else value
        except ValidationError as error:
            self.error(name, *_first_message(error))
            return form_field.initial if form_field.initial is not None else None

    def organisation(self, name: str, slug: str, extra: tuple[str, str, str]):
        """The organisation named by slug; or, when the import may create organisations and
        the record says what it is, one to create."""
        slug = slug.lower()
        found = self.lookups.organisation(slug)
        if found is not None:
            return found
        org_name, kind, code = extra
        if self.create_organisations and org_name and kind in Organisation.Kind.values:
            if not SLUG.fullmatch(slug):
                self.error(name, "invalid", _("Use at most 200 letters a-z, digits, - and _."))
                return None
            if len(code) > CODE_LENGTH:
                message = _("An official code has at most %(count)d characters.")
                self.error(f"{name}_code", "invalid", message % {"count": CODE_LENGTH})
                return None
            return NewOrganisation(slug=slug, name=org_name[:200], kind=kind, official_code=code)
        if self.create_organisations and org_name:
            self.error(
                f"{name}_type" if name == "lead_organisation" else "partners_types",
                "invalid_choice",
                _("Unknown organisation type: %(value)s") % {"value": kind or "—"},
            )
        else:
            self.error(
                name, "unknown_organisation", _("No organisation %(slug)s.") % {"slug": slug}
            )
        return None

    def lead_organisation(self):
        slug = _text(self.record.get("lead_organisation"))
        if not slug:
            self.error("lead_organisation", "required", _("This field is required."))
            return None
        extra = tuple(
            _text(self.record.get(f"lead_organisation_{key}")) for key in ("name", "type", "code")
        )
        return self.organisation("lead_organisation", slug, extra)

    def partners(self) -> tuple[list[Organisation], list[NewOrganisation]]:
        slugs = [_text(s) for s in _as_list(self.record, "partners", self.errors) if _text(s)]
        names = _as_list(self.record, "partners_names", self.errors)
        kinds = _as_list(self.record, "partners_types", self.errors)
        existing, new = [], []
        for position, slug in enumerate(slugs):
            extra = (
                _text(names[position]) if position < len(names) else "",
                _text(kinds[position]) if position < len(kinds) else "",
                "",
            )
            found = self.organisation("partners", slug, extra)
            if isinstance(found, Organisation):
                existing.append(found)
            elif found is not None:
                new.append(found)
        return existing, new

    def terms(self, name: str, vocabulary: str, codes: list) -> list[Term]:
        found, unknown = [], []
        for code in codes:
            term = self.lookups.terms.get((vocabulary, _text(code)))
            if term is None:
                unknown.append(_text(code))
            else:
                found.append(term)
        if unknown:
            self.error(
                name,
                "unknown_code",
                _("Unknown codes: %(codes)s") % {"codes": ", ".join(unknown)},
            )
        return found

    def links(self) -> list[tuple[str, str]]:
        links = []
        urls = _as_list(self.record, "links", self.errors)
        titles = _as_list(self.record, "links_titles", self.errors)
        for number, link in enumerate(urls, start=1):
            if isinstance(link, dict):
                title, url = _text(link.get("title")), _text(link.get("url"))
            else:
                title, url = _text(titles[number - 1]) if number <= len(titles) else "", _text(link)
            try:
                title, url = checked_link(title, url, number=number)
            except ValidationError as error:
                self.error("links", *_first_message(error))
                continue
            links.append((title or url, url))
        return links

    def inspired_by(self) -> tuple[list[Case], list[str]]:
        """The published cases named as inspiration. In a file, the import checks them once it
        has read every row, since a row may name a case further down."""
        listed = _as_list(self.record, "inspired_by", self.errors)
        identifiers = [_text(i) for i in listed if _text(i)]
        if self.lookups.unknown_cases_later:
            return [], identifiers
        unknown, pks = [], []
        for identifier in identifiers:
            pk = self.lookups.case_id(identifier)
            # A draft is as unknown as a case that does not exist: no one learns of it here.
            if pk is None or identifier not in self.lookups.published:
                unknown.append(identifier)
            else:
                pks.append(pk)
        if unknown:
            message = _("No published case with the identifier %(identifiers)s.")
            self.error("inspired_by", "unknown_case", message % {"identifiers": ", ".join(unknown)})
        return list(Case.objects.filter(pk__in=pks)) if pks else [], identifiers

    def moment(self, name: str) -> datetime | None:
        raw = _text(self.record.get(name))
        if not raw:
            return None
        try:
            value = parse_datetime(raw)
        except ValueError:
            value = None
        if value is None or value.tzinfo is None:
            self.error(name, "invalid", _("Expected a date and time with a time zone (ISO 8601)."))
        return value if value is not None and value.tzinfo is not None else None

    def identifier(self, name: str) -> str:
        value = _text(self.record.get(name))
        if value and not IDENTIFIER.fullmatch(value):
            self.error(
                name,
                "invalid",
                _(
                    "Use at most 100 letters, digits and . _ : / -, starting with a letter "
                    "or digit."
                ),
            )
        return value

    def slug(self) -> str:
        value = _text(self.record.get("slug")).lower()
        if value and not SLUG.fullmatch(value):
            self.error("slug", "invalid", _("Use at most 200 letters a-z, digits, - and _."))
            return ""
        return value

    def parse(self) -> ParsedCase:
        values = {name: self.form_value(name) for name in FORM_FIELDS + CONTACT_FIELDS}
        sector_code = _text(self.record.get("sector"))
        sectors = self.terms("sector", Vocabulary.SECTOR, [sector_code] if sector_code else [])
        term_lists = {
            name: self.terms(name, vocabulary, _as_list(self.record, name, self.errors))
            for name, vocabulary in TERM_LIST_FIELDS.items()
        }
        tags = [_text(t)[:60] for t in _as_list(self.record, "tags", self.errors) if _text(t)]
        partners, new_partners = self.partners()
        inspirations, inspired_by = self.inspired_by()
        parsed = ParsedCase(
            identifier=self.identifier("identifier"),
            slug=self.slug(),
            lead_organisation=self.lead_organisation(),
            data=CaseInput(
                **values,
                sector=sectors[0] if sectors else None,
                partners=partners,
                **term_lists,
                tags=tags,
                links=self.links(),
                inspired_by=inspirations,
            ),
            published_at=self.moment("published_at"),
            updated_at=self.moment("updated_at"),
            new_partners=new_partners,
            inspired_by=inspired_by,
        )
        if self.errors:
            raise RecordInvalid(self.errors)
        return parsed


def parse_case_record(
    record: dict, *, lookups: Lookups, create_organisations: bool = False
) -> ParsedCase:
    """Check every field of a record the way the case form does, and raise `RecordInvalid`
    listing every bad field at once."""
    if not isinstance(record, dict):
        raise RecordInvalid([FieldError("", "invalid", _("Expected an object."))])
    clean = _without_nul(record)
    parser = _Parser(clean, lookups, create_organisations)
    for name, value in record.items():
        if clean[name] != value:
            parser.error(name, "null_characters", _("Null characters are not allowed."))
    return parser.parse()


def _without_nul(value):
    """NUL cannot be stored by PostgreSQL: taken out wherever it is, and reported."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {key: _without_nul(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    return value
