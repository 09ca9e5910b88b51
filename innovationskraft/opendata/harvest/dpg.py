"""The Digital Public Goods registry (github.com/DPGAlliance/publicgoods-candidates) as the
import's records. A registry record is one JSON object per product as the registry writes it,
with `registry_folder` (nominees, archive, excluded-nominees) and `file` added; the file name
without its extension is the registry's own key for the product.

The records are English, and so are the link texts made here: they are the case's data, in its
language, whatever language the harvest runs in. Why each field maps as it does is in
docs/open-data.md ("Harvesting the Digital Public Goods registry")."""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any, cast

from django.utils.text import slugify
from django.utils.translation import gettext as _

from innovationskraft.cases.models import Case
from innovationskraft.opendata.harvest.addresses import web_address
from innovationskraft.opendata.harvest.organisations import Named, named
from innovationskraft.opendata.summaries import shortened

SOURCE = "dpg"
SUMMARY_LENGTH = cast(int, Case._meta.get_field("summary").max_length)
# The registry's folders, the current first: a key in two folders is the current one's.
FOLDERS = ("nominees", "excluded-nominees", "archive")
# Who leads, in this order. A funder pays for the work but does not do it.
LEADING_ROLES = ("owner", "maintainer", "implementer")
# Product types as tags: the registry's code, where that does not read as words its label.
TYPE_TAGS = {"aimodel": "AI model"}


class Refused(Exception):
    """The record cannot be made an import record; the message says why."""


@dataclass
class Mapped:
    key: str
    folder: str
    record: dict[str, Any]
    notes: list[str] = field(default_factory=list)

    @property
    def precedence(self) -> int:
        return FOLDERS.index(self.folder) if self.folder in FOLDERS else len(FOLDERS)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _items(value: Any) -> list:
    return value if isinstance(value, list) else []


def registry_key(entry: dict) -> str:
    file_name = entry.get("file")
    key = PurePosixPath(file_name).stem.strip() if isinstance(file_name, str) else ""
    if not key:
        raise Refused(_("The record has no file name, which is the registry's key for it."))
    return key


def key_or_blank(entry: dict) -> str:
    try:
        return registry_key(entry)
    except Refused:
        return ""


def stage_of(entry: dict) -> str:
    """A recognised digital public good has been reviewed as ready for others to adopt;
    every other record is a released, openly licensed product whatever became of its
    nomination (archived, excluded)."""
    stage = Case.Stage.SPREAD if entry.get("stage") == "DPG" else Case.Stage.IMPLEMENTED
    return stage.value


def texts(description: str) -> tuple[str, str]:
    """The summary, and the whole description when the summary cannot hold it."""
    whole = description.strip()
    flat = " ".join(whole.split())
    if len(flat) <= SUMMARY_LENGTH:
        return flat, ""
    return shortened(flat, SUMMARY_LENGTH), whole


def organisations(entry: dict, product: str) -> tuple[Named, list[Named]]:
    """The lead and the partners in the record's order. The lead is the first owner, else
    maintainer, else implementer; a record that names none of them is led by the product's
    own project, an organisation of its name."""
    listed = [
        (_text(item.get("org_type")).lower(), named(_text(item.get("name"))))
        for item in _items(entry.get("organizations"))
        if isinstance(item, dict) and _text(item.get("name"))
    ]
    leads = (org for role in LEADING_ROLES for kind, org in listed if kind == role)
    lead = next(leads, None) or named(product)
    partners: dict[str, Named] = {}
    for _role, org in listed:
        if org.slug != lead.slug:
            partners.setdefault(org.slug, org)
    return lead, list(partners.values())


def sdg_codes(entry: dict, notes: list[str]) -> list[str]:
    """SDGNumber of each {"SDGNumber": 3, ...}; older records write [3, "Good Health"]."""
    codes = []
    for item in _items(entry.get("SDGs")):
        number = item.get("SDGNumber") if isinstance(item, dict) else item
        number = number[0] if isinstance(number, list) and number else number
        text = _text(number)
        if text.isdigit() and 1 <= int(text) <= 17:
            codes.append(f"sdg{int(text)}")
        else:
            notes.append(_("Not one of the 17 goals, left out: %(value)s") % {"value": text})
    return list(dict.fromkeys(codes))


def links(entry: dict, notes: list[str]) -> list[tuple[str, str]]:
    """(text, address): the website, every repository, each licence; each address once."""
    wanted: list[tuple[str, Any]] = [("Website", entry.get("website"))]
    for repository in _items(entry.get("repositories")):
        if isinstance(repository, dict):
            name = _text(repository.get("name"))
            title = "Source code" if name.lower() in {"", "main"} else f"Source code: {name}"
            wanted.append((title, repository.get("url")))
    wanted.append(("Source code", entry.get("repositoryURL")))
    for licence in _items(entry.get("license")):
        if isinstance(licence, dict):
            spdx = _text(licence.get("spdx"))
            wanted.append((f"Licence: {spdx}" if spdx else "Licence", licence.get("licenseURL")))
    found: dict[str, str] = {}
    for title, raw in wanted:
        url = web_address(_text(raw))
        if url is None and _text(raw):
            notes.append(_("Not a web address, left out: %(value)s") % {"value": _text(raw)})
        elif url is not None:
            found.setdefault(url, title)
    return [(title, url) for url, title in found.items()]


def tags(entry: dict) -> list[str]:
    """The licences' SPDX identifiers, the product types and the sectors, as written."""
    licences = [item.get("spdx") for item in _items(entry.get("license")) if isinstance(item, dict)]
    types = [TYPE_TAGS.get(_text(kind), kind) for kind in _items(entry.get("type"))]
    names = [_text(name) for name in [*licences, *types, *_items(entry.get("sectors"))]]
    unique: dict[str, str] = {}
    for name in names:
        if name:
            unique.setdefault(name.casefold(), name)
    return list(unique.values())


def import_record(entry: dict, *, harvested_at: datetime) -> Mapped:
    """The import's record for a registry record, with the provenance that makes a second
    harvest update the case. Raises Refused when it cannot be made."""
    key = registry_key(entry)
    title = _text(entry.get("name"))
    if not title:
        raise Refused(_("The record has no name."))
    notes: list[str] = []
    summary, description = texts(_text(entry.get("description")))
    lead, partners = organisations(entry, title)
    case_links = links(entry, notes)
    record = {
        "slug": slugify(title)[:200].strip("-_"),
        "title": title,
        "summary": summary,
        "description": description,
        "language": Case.Language.ENGLISH.value,
        "lead_organisation": lead.slug,
        "lead_organisation_name": lead.name,
        "lead_organisation_type": lead.kind,
        "partners": [org.slug for org in partners],
        "partners_names": [org.name for org in partners],
        "partners_types": [org.kind for org in partners],
        "stage": stage_of(entry),
        "sdgs": sdg_codes(entry, notes),
        "tags": tags(entry),
        "links": [url for _title, url in case_links],
        "links_titles": [title for title, _url in case_links],
        "source": SOURCE,
        "source_identifier": key,
        "harvested_at": harvested_at.isoformat(),
    }
    return Mapped(key=key, folder=_text(entry.get("registry_folder")), record=record, notes=notes)
