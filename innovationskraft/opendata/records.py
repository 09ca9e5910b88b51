"""A case as an open-data record, and a record checked back into a case's input.

One shape serves the exports, the bulk import and the API's writes, so that what one system
exports another (or this one) can import unchanged. Values are JSON types: lists stay lists;
the CSV format joins them (see `formats.py`). Records never carry personal data."""

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from innovationskraft.cases.contract import DESCRIPTION_MAX_LENGTH, CaseInput
from innovationskraft.cases.forms import TOO_LONG, checked_link, not_in_the_future
from innovationskraft.cases.models import Case, Organisation, Term, Vocabulary
from innovationskraft.opendata.codes import plain
from innovationskraft.opendata.columns import CONTACT_FIELDS, FORM_FIELDS, TERM_LIST_FIELDS
from innovationskraft.opendata.field_errors import (
    FieldError,
    FieldWarning,
    RecordInvalid,
    shown_value,
)
from innovationskraft.opendata.lookups import Lookups
from innovationskraft.opendata.organisations import NewOrganisation, names_of
from innovationskraft.opendata.provenance import checked_provenance
from innovationskraft.opendata.summaries import description_with, shortened
from innovationskraft.opendata.years import year_in

# What a record that leaves out a required field of the form means by it.
DEFAULTS = {"language": Case.Language.SWEDISH}
SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,199}")
CODE_LENGTH = cast(int, Organisation._meta.get_field("official_code").max_length)
IDENTIFIER_LENGTH = cast(int, Case._meta.get_field("identifier").max_length)
# Other names of an organisation written in one item of a list ("UNDP; PNUD").
ALIAS_SEPARATOR = ";"
# The beginning of a value too long to show whole.
SHOWN_START = 60
# A value the parser has refused (with an error); the field keeps its initial value.
REFUSED = object()


@dataclass
class ParsedCase:
    identifier: str
    slug: str
    lead_organisation: Organisation | NewOrganisation | None
    data: CaseInput
    published_at: datetime | None = None
    updated_at: datetime | None = None
    # Every partner in the record's order, the ones the import creates among them
    # (`data.partners` holds the existing ones).
    partners: list[Organisation | NewOrganisation] = field(default_factory=list)
    # Identifiers of cases this one was inspired by, including ones later in the same file.
    inspired_by: list[str] = field(default_factory=list)
    # What the import read differently from how the record says it; the row is imported.
    warnings: list[FieldWarning] = field(default_factory=list)
    # Source, source_identifier and harvested_at; None when the record names none of them.
    provenance: dict[str, Any] | None = None


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


@dataclass
class _About:
    """What a record says about an organisation beside its slug."""

    name: str
    kind: str
    code: str = ""
    aliases: list[str] = field(default_factory=list)


def _about_fields(name: str) -> dict[str, str]:
    """The record's fields that say more about the organisation in `name`."""
    if name == "partners":
        return {"name": "partners_names", "type": "partners_types", "code": "partners"}
    return {key: f"{name}_{key}" for key in ("name", "type", "code")}


def _aliases(value) -> list[str]:
    """Other names, as a list or in one text separated by ";"."""
    items = value if isinstance(value, list) else [value]
    names = [
        _text(name)
        for item in items
        for name in (item if isinstance(item, list) else str(item or "").split(ALIAS_SEPARATOR))
    ]
    return list(dict.fromkeys(name[:200] for name in names if name))


class _Parser:
    def __init__(self, record: dict, lookups: Lookups, options: "ParseOptions"):
        self.record, self.lookups = record, lookups
        self.create_organisations = options.create_organisations
        self.options = options
        self.errors: list[FieldError] = []
        self.warnings: list[FieldWarning] = []
        # The whole summary, when a long one was shortened (see `summary`).
        self.carried_summary = ""

    def error(self, name: str, code: str, message: str, value=None) -> None:
        shown = shown_value(self.record.get(name) if value is None else value)
        self.errors.append(FieldError(name, code, message, shown))

    def warn(self, name: str, code: str, message: str, value=None) -> None:
        shown = shown_value(self.record.get(name) if value is None else value)
        self.warnings.append(FieldWarning(name, code, message, shown))

    def choice(self, name: str, raw):
        """The code of a choice written as its code or a label; REFUSED when it is neither."""
        if not isinstance(raw, str) or not raw.strip():
            return raw
        code = self.lookups.choices[name].find(raw)
        if code is None:
            self.error(name, "invalid_choice", self.lookups.choices[name].unknown(raw))
            return REFUSED
        return code

    def summary(self, form_field: forms.Field, raw):
        """A summary longer than the form allows is refused, or carried into the description
        when the import was asked to (`ParseOptions.carry_long_summaries`)."""
        text, limit = _text(raw), getattr(form_field, "max_length", None) or 0
        if len(text) <= limit:
            return raw
        if self.options.carry_long_summaries:
            self.carried_summary = text
            message = _(
                "The summary has %(length)d characters, more than the %(limit)d a summary may "
                "have: it was shortened, and the whole summary was put first in the description."
            )
            self.warn("summary", "summary_carried", message % {"length": len(text), "limit": limit})
            return shortened(text, limit)
        message = _(
            "The summary has %(length)d characters; at most %(limit)d are allowed. Shorten it, "
            "or import with the option to carry a long summary into the description "
            "(--long-summaries=carry, or the box on the import page)."
        )
        self.error("summary", "max_length", message % {"length": len(text), "limit": limit})
        return REFUSED

    def carried_within_limit(self, description: str) -> None:
        """The summary carried into the description may take it past its limit."""
        if len(description) > DESCRIPTION_MAX_LENGTH:
            message = TOO_LONG % {
                "show_value": len(description),
                "limit_value": DESCRIPTION_MAX_LENGTH,
            }
            self.error("description", "max_length", message, value=description)

    def form_value(self, name: str):
        form_field = self.lookups.form_fields[name]
        raw = self.record.get(name)
        if raw in (None, "") and name in DEFAULTS:
            raw = DEFAULTS[name]
        if isinstance(form_field, forms.BooleanField) and isinstance(raw, str):
            raw = raw.strip().lower() not in {"", "false", "0", "no", "nej", "falskt"}
        if name in self.lookups.choices:
            raw = self.choice(name, raw)
        if name == "start_year" and isinstance(raw, str):
            raw = year_in(raw)
        if name == "summary":
            raw = self.summary(form_field, raw)
        if raw is REFUSED:
            return form_field.initial
        try:
            value = form_field.clean(raw)
            return not_in_the_future(value) if name == "start_year" else value
        except ValidationError as error:
            self.error(name, *_first_message(error))
            return form_field.initial if form_field.initial is not None else None

    def organisation(self, name: str, given: str, about: "_About"):
        """The organisation a record names by slug, name or another name; or, when the import
        may create organisations and the record says what it is, one to create."""
        fields = _about_fields(name)
        kind = self.lookups.kinds.find(about.kind) if about.kind else None
        index = self.lookups.organisations
        slug = given.lower()
        found = index.with_slug(slug) or index.named(given, kind)
        if found is None and about.name:
            found = index.named(about.name, kind)
        if found is not None:
            self.check_name(found, about.name, fields["name"])
            return found
        if self.create_organisations and about.name and kind:
            if not SLUG.fullmatch(slug):
                self.error(name, "invalid", _("Use at most 200 letters a-z, digits, - and _."))
                return None
            if len(about.code) > CODE_LENGTH:
                message = _("An official code has at most %(count)d characters.")
                self.error(fields["code"], "invalid", message % {"count": CODE_LENGTH})
                return None
            new = NewOrganisation(
                slug=slug,
                name=about.name[:200],
                kind=kind,
                official_code=about.code,
                aliases=about.aliases,
                row=self.options.row,
            )
            index.add(new)
            return new
        if self.create_organisations and about.name and about.kind:
            self.error(fields["type"], "invalid_choice", self.lookups.kinds.unknown(about.kind))
        elif self.create_organisations and about.name:
            message = _(
                "The organisation %(name)s is not in the library; give its type to create it. "
                "Valid: %(codes)s."
            )
            codes = ", ".join(self.lookups.kinds.codes)
            self.error(fields["type"], "required", message % {"name": about.name, "codes": codes})
        else:
            self.error(
                name, "unknown_organisation", _("No organisation %(slug)s.") % {"slug": given}
            )
        return None

    def check_name(self, found, name: str, field_name: str) -> None:
        """A row that names an organisation of this file by another name than the row that
        made it: the first name is kept, and the row is told."""
        if not isinstance(found, NewOrganisation) or not name or plain(name) in names_of(found):
            return
        message = _(
            'The organisation "%(slug)s" is named "%(name)s" here but "%(first)s" on row '
            "%(first_row)s; the first name is kept."
        )
        values = {"first_row": found.row, "slug": found.slug, "first": found.name, "name": name}
        self.warn(field_name, "organisation_renamed", message % values, value=name)

    def lead_organisation(self):
        slug = _text(self.record.get("lead_organisation"))
        if not slug:
            self.error("lead_organisation", "required", _("This field is required."))
            return None
        name, kind, code = (
            _text(self.record.get(f"lead_organisation_{key}")) for key in ("name", "type", "code")
        )
        aliases = _aliases(self.record.get("lead_organisation_aliases"))
        about = _About(name, kind, code, aliases=aliases)
        return self.organisation("lead_organisation", slug, about)

    def partners(self) -> list[Organisation | NewOrganisation]:
        """Every partner, in the record's order."""
        slugs = [_text(s) for s in _as_list(self.record, "partners", self.errors) if _text(s)]
        names = _as_list(self.record, "partners_names", self.errors)
        kinds = _as_list(self.record, "partners_types", self.errors)
        aliases = _as_list(self.record, "partners_aliases", self.errors)

        def at(items: list, position: int):
            return items[position] if position < len(items) else ""

        found = [
            self.organisation(
                "partners",
                slug,
                _About(
                    _text(at(names, position)),
                    _text(at(kinds, position)),
                    aliases=_aliases(at(aliases, position)),
                ),
            )
            for position, slug in enumerate(slugs)
        ]
        return list(dict.fromkeys(o for o in found if o is not None))

    def terms(self, name: str, vocabulary: str, codes: list) -> list[Term]:
        """The terms written as codes, labels or (SDGs) numbers; an error for each unknown."""
        found = []
        known = self.lookups.vocabularies[vocabulary]
        for code in codes:
            if not _text(code):
                continue
            term = known.find(code)
            if term is None:
                self.error(name, "unknown_code", known.unknown(_text(code)), value=code)
            else:
                found.append(term)
        # Each once, by id: a model's own hash costs five times as much.
        return list({term.pk: term for term in found}.values())

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
        """Any printable text up to the model's length, kept as it is given (spaces around it
        aside) and matched exactly."""
        value = _text(self.record.get(name))
        if len(value) > IDENTIFIER_LENGTH:
            message = _(
                "The identifier is too long: %(length)d characters, where at most %(limit)d are "
                "allowed. It begins: %(start)s"
            )
            start = value[:SHOWN_START] + "…"
            values = {"length": len(value), "limit": IDENTIFIER_LENGTH, "start": start}
            self.error(name, "max_length", message % values, value=start)
        elif not value.isprintable():
            message = _(
                "The identifier contains a control character (such as a line break or a tab) at "
                "character %(position)d; use printable text only."
            )
            position = next(i for i, c in enumerate(value, start=1) if not c.isprintable())
            self.error(name, "invalid", message % {"position": position})
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
        if self.carried_summary:
            values["description"] = description_with(self.carried_summary, values["description"])
            self.carried_within_limit(values["description"])
        # As written, in their order, each once: "AI" and "ai" are one tag.
        tags: dict[str, str] = {}
        for written in _as_list(self.record, "tags", self.errors):
            if tag := _text(written)[:60]:
                tags.setdefault(tag.casefold(), tag)
        partners = self.partners()
        inspirations, inspired_by = self.inspired_by()
        parsed = ParsedCase(
            identifier=self.identifier("identifier"),
            slug=self.slug(),
            lead_organisation=self.lead_organisation(),
            data=CaseInput(
                **values,
                sector=sectors[0] if sectors else None,
                partners=[o for o in partners if isinstance(o, Organisation)],
                **term_lists,
                tags=list(tags.values()),
                links=self.links(),
                inspired_by=inspirations,
            ),
            published_at=self.moment("published_at"),
            updated_at=self.moment("updated_at"),
            partners=partners,
            inspired_by=inspired_by,
            warnings=self.warnings,
        )
        parsed.identifier, parsed.provenance = checked_provenance(
            self.record, parsed.identifier, self.lookups, self.errors
        )
        if self.errors:
            raise RecordInvalid(self.errors)
        return parsed


@dataclass(frozen=True)
class ParseOptions:
    # Organisations the library lacks may be made when the record says what they are.
    create_organisations: bool = False
    # A summary longer than a case may have is shortened, and put whole in the description.
    carry_long_summaries: bool = False
    # The record's row in its file, which warnings about later rows name.
    row: int = 0


def parse_case_record(
    record: dict,
    *,
    lookups: Lookups,
    create_organisations: bool = False,
    options: ParseOptions | None = None,
) -> ParsedCase:
    """Check every field of a record the way the case form does, and raise `RecordInvalid`
    listing every bad field at once."""
    if not isinstance(record, dict):
        raise RecordInvalid([FieldError("", "invalid", _("Expected an object."))])
    options = options or ParseOptions(create_organisations=create_organisations)
    clean = _without_nul(record)
    parser = _Parser(clean, lookups, options)
    for name, value in record.items():
        if clean[name] != value:
            parser.error(name, "null_characters", _("Null characters are not allowed."))
    return parser.parse()


def _without_nul(value):
    """NUL cannot be stored by PostgreSQL: taken out wherever it is, and reported."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    # A text inside is cleaned here rather than by a call of its own: a record holds dozens.
    if isinstance(value, dict):
        return {
            key: item.replace("\x00", "") if type(item) is str else _without_nul(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [
            item.replace("\x00", "") if type(item) is str else _without_nul(item) for item in value
        ]
    return value
