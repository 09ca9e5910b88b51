"""Where a record comes from: the catalogue (`source`), the record's key there
(`source_identifier`) and when it was harvested (`harvested_at`). Only an import writes them
(see `cases/contract.py`, `import_only`).

The library holds one case per source and key. A record that names a known source and key but
no identifier the library knows is that case: a catalogue harvested twice, or an export of
another library that harvested the same catalogue, updates the case instead of adding it again.
A record whose identifier is one case and whose source and key are another is refused."""

from datetime import datetime
from typing import Any, Protocol

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from innovationskraft.cases.contract import IMPORT_ONLY
from innovationskraft.cases.models import Case
from innovationskraft.opendata.field_errors import FieldError

SOURCE_LENGTH = 100
KEY_LENGTH = 500


class SourceKeys:
    """The identifier of the case that holds each (source, key), and which of them a file
    already claimed. Fetched on first use unless preloaded."""

    def __init__(self, *, preload: bool = False):
        self.complete = preload
        self.identifiers: dict[tuple[str, str], str | None] = {}
        # (source, key) → the identifier of the row of the file that named it first.
        self.claimed: dict[tuple[str, str], str] = {}
        if preload:
            rows = Case.objects.exclude(source="").values_list(
                "source", "source_identifier", "identifier"
            )
            self.identifiers = {(source, key): identifier for source, key, identifier in rows}

    def identifier(self, source: str, key: str) -> str | None:
        if (source, key) not in self.identifiers and not self.complete:
            found = Case.objects.filter(source=source, source_identifier=key)
            self.identifiers[(source, key)] = found.values_list("identifier", flat=True).first()
        return self.identifiers.get((source, key))


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _moment(value: Any, errors: list[FieldError]) -> datetime | None:
    raw = _text(value)
    if not raw:
        return None
    try:
        moment = parse_datetime(raw)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        message = _("Expected a date and time with a time zone (ISO 8601).")
        errors.append(FieldError("harvested_at", "invalid", message))
        return None
    return moment


def _too_long(name: str, limit: int) -> FieldError:
    message = _("Use at most %(count)d characters.") % {"count": limit}
    return FieldError(name, "max_length", message)


class KnownCases(Protocol):
    """What the provenance check reads of an import's lookups."""

    sources: SourceKeys

    def case_id(self, identifier: str) -> int | None: ...


def checked_provenance(
    record: dict, identifier: str, lookups: KnownCases, errors: list[FieldError]
) -> tuple[str, dict[str, Any] | None]:
    """The identifier the record means and its provenance in the order of
    `contract.IMPORT_ONLY`, or None when the record names none (the case keeps its own).
    Problems are added to `errors`; a (source, key) is claimed for the file only by a row
    without errors."""
    sources = lookups.sources
    if not any(name in record for name in IMPORT_ONLY):
        return identifier, None
    source, key = _text(record.get("source")), _text(record.get("source_identifier"))
    found: list[FieldError] = []
    harvested_at = _moment(record.get("harvested_at"), found)
    if len(source) > SOURCE_LENGTH:
        found.append(_too_long("source", SOURCE_LENGTH))
    if len(key) > KEY_LENGTH:
        found.append(_too_long("source_identifier", KEY_LENGTH))
    if bool(source) != bool(key):
        name = "source_identifier" if source else "source"
        message = _("A source and the identifier in it are given together or not at all.")
        found.append(FieldError(name, "required", message))
    if source and key and not found:
        holder = sources.identifier(source, key)
        # An identifier the library does not know (another library's) gives way to the case
        # that holds the source and key; one of another case of the library does not.
        known = bool(identifier) and lookups.case_id(identifier) is not None
        if holder is not None and known and identifier != holder:
            message = _("Another case comes from this source with this identifier: %(case)s.")
            found.append(FieldError("source_identifier", "taken", message % {"case": holder}))
        elif (source, key) in sources.claimed:
            message = _("Another row of the file has this source and identifier in the source.")
            found.append(FieldError("source_identifier", "duplicate", message))
        elif holder is not None:
            identifier = holder
    errors += found
    if source and key and not errors:
        sources.claimed[(source, key)] = identifier
    values = {"source": source, "source_identifier": key, "harvested_at": harvested_at}
    return identifier, {name: values[name] for name in IMPORT_ONLY}
