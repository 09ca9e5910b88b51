"""Writing a checked import plan into the library, all of it or nothing.

The case services write one case in about thirty statements and record a version of it;
for a file of 100,000 cases that takes tens of minutes, so the import writes each table in
bulk instead. It keeps the same rules: the checks are the case form's (`records.py`), and it
sends `case_changed` for every case in the same transaction, so the search index and the
history (one version per case, "Imported") follow as for any other write."""

import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop, ngettext

from innovationskraft.cases import contract
from innovationskraft.cases.models import Case, CaseLink, Organisation, Tag
from innovationskraft.cases.services import unique_slugs
from innovationskraft.cases.signals import cases_changed
from innovationskraft.core.audit import AuditAction, audit_record
from innovationskraft.core.bulk import insert_rows, update_rows
from innovationskraft.core.id_lists import ids_in
from innovationskraft.opendata.importing import ImportPlan
from innovationskraft.opendata.organisations import NewOrganisation
from innovationskraft.opendata.records import ParsedCase
from innovationskraft.search.backends import get_backend

BATCH_SIZE = 1000
# Cases per `case_changed`: the listeners index and version them a batch at a time. 2,000
# rather than 500 saved a fifth of importing 100,000 cases into PostgreSQL (fewer, larger
# queries of the batch's links and writes), at the same peak memory.
SIGNAL_BATCH_SIZE = 2000
IMPORTED = gettext_noop("Imported")
# Through tables whose rows point from a case to a term.
TERM_RELATIONS = tuple(contract.TERM_LISTS)
# Contact details are personal data that files do not carry: an import leaves them alone.
SCALAR_FIELDS = [
    *(n for n in contract.SCALARS if n != "sector" and n not in contract.PERSONAL),
    "sector_id",
]


class ImportRefused(Exception):
    """The plan has bad rows and the user did not choose to skip them."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    organisations_created: int = 0


def _batches(items: list, size: int = BATCH_SIZE) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _create_organisations(rows: list[ParsedCase], organisations: dict) -> int:
    """Create the organisations the rows name but the library lacks; one with an official
    code the library knows for its type is that organisation, whatever slug the file uses."""
    wanted: dict[str, NewOrganisation] = {}
    for parsed in rows:
        for new in [parsed.lead_organisation, *parsed.partners]:
            if isinstance(new, NewOrganisation):
                wanted.setdefault(new.slug, new)
    by_code = {
        (o.kind, o.official_code): o
        for o in Organisation.objects.filter(country="SE").exclude(official_code="")
    }
    missing: dict[str, NewOrganisation] = {}
    # A second slug in the file with the same code is the same organisation: key → first key.
    same_as: dict[str, str] = {}
    first_with_code: dict[tuple[str, str], str] = {}
    for key, new in wanted.items():
        code = (new.kind, new.official_code) if new.official_code else None
        if code in by_code:
            organisations[key] = by_code[code]
        elif code in first_with_code:
            same_as[key] = first_with_code[code]
        else:
            missing[key] = new
            if code:
                first_with_code[code] = key
    taken = set(Organisation.objects.values_list("slug", flat=True))
    slugs = unique_slugs([(new.slug, new.name) for new in missing.values()], taken)
    created = Organisation.objects.bulk_create(
        Organisation(
            name=new.name,
            slug=slug,
            kind=new.kind,
            official_code=new.official_code,
            aliases=new.aliases,
            country=new.country,
        )
        for new, slug in zip(missing.values(), slugs, strict=True)
    )
    # Keyed by the slug the file uses, which is the new slug unless that one was taken.
    organisations.update(zip(missing, created, strict=True))
    for key, first in same_as.items():
        organisations[key] = organisations[first]
    return len(created)


def _organisation(value, organisations: dict) -> Organisation:
    return organisations[value.slug] if isinstance(value, NewOrganisation) else value


def _case_values(parsed: ParsedCase, organisations: dict, now) -> dict:
    data = parsed.data
    values = {name: getattr(data, name) for name in SCALAR_FIELDS if name != "sector_id"}
    values["sector_id"] = data.sector.pk if data.sector else None
    values["lead_organisation_id"] = _organisation(parsed.lead_organisation, organisations).pk
    values["updated_at"] = parsed.updated_at or now
    return values


def _create_cases(rows: list[ParsedCase], organisations: dict, actor, now) -> dict[str, int]:
    """Insert the new cases with one prepared statement; returns their ids by identifier."""
    taken = set(Case.objects.values_list("slug", flat=True))
    slugs = unique_slugs([(p.slug, p.data.title) for p in rows], taken)
    fields = [f for f in Case._meta.concrete_fields if not f.primary_key]
    fixed = {
        "status": Case.Status.PUBLISHED,
        "created_by_id": actor.pk if actor is not None and actor.is_authenticated else None,
        "created_at": now,
    }

    def values(parsed: ParsedCase, slug: str) -> list:
        row = fixed | _case_values(parsed, organisations, now)
        row |= {"identifier": parsed.identifier, "slug": slug}
        row |= parsed.provenance or {}
        row["published_at"] = parsed.published_at or now
        return [row[f.attname] if f.attname in row else f.get_default() for f in fields]

    insert_rows(
        Case,
        [f.name for f in fields],
        (values(parsed, slug) for parsed, slug in zip(rows, slugs, strict=True)),
    )
    wanted = {parsed.identifier for parsed in rows}
    return {
        identifier: pk
        for identifier, pk in Case.objects.values_list("identifier", "pk")
        if identifier in wanted
    }


def _update_cases(rows: list[ParsedCase], case_ids: dict, organisations: dict, now) -> None:
    """One UPDATE for all of it: each statement writes a new version of every case row, with
    an entry in each of its fifteen indexes."""
    if not rows:
        return
    columns = [*SCALAR_FIELDS, "lead_organisation_id", "updated_at"]
    values = (_case_values(p, organisations, now) for p in rows)
    # The provenance (source, its key, harvested_at) is replaced only by a record that names
    # it: the others are given the values they have.
    unnamed = [case_ids[p.identifier] for p in rows if p.provenance is None]
    stored = {
        pk: provenance
        for pk, *provenance in Case.objects.filter(pk__in=ids_in(unnamed)).values_list(
            "pk", *contract.IMPORT_ONLY
        )
    }
    # A date the file gives replaces the library's; without one the case keeps its own. The
    # revision goes up, so that a form loaded before the import does not save over it unawares.
    update_rows(
        Case,
        [
            *(Case._meta.get_field(column.removesuffix("_id")).name for column in columns),
            "published_at",
            *contract.IMPORT_ONLY,
        ],
        (
            [
                *(row[column] for column in columns),
                p.published_at,
                *(
                    stored[case_ids[p.identifier]]
                    if p.provenance is None
                    else p.provenance.values()
                ),
                case_ids[p.identifier],
            ]
            for p, row in zip(rows, values, strict=True)
        ),
        kept_when_none=["published_at"],
        incremented=["revision"],
    )


def _write_cases(rows: list[ParsedCase], lookups, organisations: dict, actor) -> tuple[list, int]:
    """Create and update the cases; returns their ids in row order and how many were new."""
    now = timezone.now()
    case_ids = lookups.case_ids
    for parsed in rows:
        parsed.identifier = parsed.identifier or str(uuid.uuid4())
    old_rows = [p for p in rows if p.identifier in case_ids]
    new_rows = [p for p in rows if p.identifier not in case_ids]
    _update_cases(old_rows, case_ids, organisations, now)
    case_ids.update(_create_cases(new_rows, organisations, actor, now))
    return [case_ids[parsed.identifier] for parsed in rows], len(new_rows)


def _tag_ids(rows: list[ParsedCase]) -> dict[str, int]:
    """Tag ids by name, folded: a tag the library has under another case ("AI", "ai") is that
    tag and keeps its first spelling; a new one is spelt as the file first spells it."""

    def known() -> dict[str, int]:
        found: dict[str, int] = {}
        for name, pk in Tag.objects.order_by("pk").values_list("name", "pk"):
            found.setdefault(name.casefold(), pk)
        return found

    ids = known()
    new: dict[str, str] = {}
    for parsed in rows:
        for name in parsed.data.tags:
            if name.casefold() not in ids:
                new.setdefault(name.casefold(), name)
    if new:
        Tag.objects.bulk_create([Tag(name=name) for name in new.values()], ignore_conflicts=True)
        ids = known()
    return ids


def _remove_relations(case_ids: list[int]) -> None:
    """One DELETE a table, the ids as one parameter (a statement per thousand cases and table
    cost PostgreSQL 15 s for 100,000 cases)."""
    changed = ids_in(case_ids)
    for relation in (*TERM_RELATIONS, "partners", "tags"):
        getattr(Case, relation).through.objects.filter(case_id__in=changed).delete()
    Case.inspired_by.through.objects.filter(from_case_id__in=changed).delete()
    CaseLink.objects.filter(case_id__in=changed).delete()


def _write_relations(rows: list[ParsedCase], case_ids: list[int], organisations: dict) -> None:
    """Replace every relation of the imported cases."""
    tag_ids = _tag_ids(rows)
    pairs = list(zip(rows, case_ids, strict=True))
    for relation in TERM_RELATIONS:
        insert_rows(
            getattr(Case, relation).through,
            ["case", "term"],
            (
                (case_id, term.pk)
                for parsed, case_id in pairs
                for term in dict.fromkeys(getattr(parsed.data, relation))
            ),
        )
    insert_rows(
        Case.partners.through,
        ["case", "organisation"],
        (
            (case_id, pk)
            for parsed, case_id in pairs
            for pk in dict.fromkeys(_organisation(p, organisations).pk for p in parsed.partners)
        ),
    )
    insert_rows(
        Case.tags.through,
        ["case", "tag"],
        (
            (case_id, tag_id)
            for parsed, case_id in pairs
            for tag_id in dict.fromkeys(tag_ids[name.casefold()] for name in parsed.data.tags)
        ),
    )
    insert_rows(
        CaseLink,
        ["case", "title", "url"],
        ((case_id, title, url) for parsed, case_id in pairs for title, url in parsed.data.links),
    )


def _write_inspirations(rows: list[ParsedCase], case_ids: list[int], lookups) -> None:
    insert_rows(
        Case.inspired_by.through,
        ["from_case", "to_case"],
        (
            (case_id, lookups.case_ids[identifier])
            for parsed, case_id in zip(rows, case_ids, strict=True)
            for identifier in dict.fromkeys(parsed.inspired_by)
            if lookups.case_ids[identifier] != case_id
        ),
    )


@transaction.atomic
def cases_import(
    *,
    actor,
    plan: ImportPlan,
    skip_invalid: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> ImportResult:
    """Write the plan's rows as published cases, updating those whose identifier the library
    already has. Nothing is written when the plan has errors, unless `skip_invalid`.
    `progress(step, done, total)` reports each step."""
    if plan.errors and not skip_invalid:
        raise ImportRefused(
            ngettext(
                "%(count)d row has errors; nothing was imported.",
                "%(count)d rows have errors; nothing was imported.",
                plan.invalid_rows,
            )
            % {"count": plan.invalid_rows}
        )
    report = progress or (lambda step, done, total: None)
    rows = [parsed for _row, parsed in plan.rows]
    lookups = plan.lookups
    organisations: dict[str, Organisation] = {}
    result = ImportResult(skipped=plan.invalid_rows)
    result.organisations_created = _create_organisations(rows, organisations)
    report("cases", 0, len(rows))
    updated_ids = [lookups.case_ids[p.identifier] for p in rows if p.identifier in lookups.case_ids]
    _remove_relations(updated_ids)
    case_ids, result.created = _write_cases(rows, lookups, organisations, actor)
    result.updated = len(rows) - result.created
    _write_relations(rows, case_ids, organisations)
    _write_inspirations(rows, case_ids, lookups)
    report("cases", len(rows), len(rows))
    with get_backend().bulk(len(case_ids)):
        for done, batch in enumerate(_batches(case_ids, SIGNAL_BATCH_SIZE), start=1):
            cases_changed(case_ids=batch, actor=actor, action=IMPORTED)
            report("index", min(done * SIGNAL_BATCH_SIZE, len(case_ids)), len(case_ids))
    audit_record(actor=actor, action=AuditAction.CASES_IMPORTED, detail=asdict(result))
    return result
