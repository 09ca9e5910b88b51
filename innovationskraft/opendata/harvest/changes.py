"""Which rows of a checked plan would leave their case as it is, so that a harvest of an
unchanged catalogue writes nothing: no new version in the history, no reindexing, the same
`updated_at`. Compared are what a record writes (texts, codes, organisations, tags, links,
inspirations); the time of the harvest is not, nor what the import keeps (status, dates)."""

from collections import defaultdict
from typing import Any

from innovationskraft.cases import contract
from innovationskraft.cases.models import Case, CaseLink
from innovationskraft.core.id_lists import ids_in
from innovationskraft.opendata.importing import ImportPlan
from innovationskraft.opendata.records import ParsedCase

# The columns a record writes (contact details are never in a record).
SCALARS = [n for n in contract.SCALARS if n != "sector" and n not in contract.PERSONAL]
COLUMNS = [*SCALARS, "sector_id", "lead_organisation_id", "source", "source_identifier"]
TERM_RELATIONS = tuple(contract.TERM_LISTS)


def _pk(value: Any) -> int | None:
    """The id of a term or an organisation; None for one the import has yet to create."""
    return getattr(value, "pk", None)


def _tags(names: list[str]) -> list[str]:
    # A tag the library has in another case ("ai", "AI") is that tag (see services._tag_ids).
    return sorted({name.casefold() for name in names})


def _wanted(parsed: ParsedCase, case_ids: dict[str, int | None]) -> dict[str, Any]:
    data = parsed.data
    provenance = parsed.provenance or {}
    state: dict[str, Any] = {name: getattr(data, name) for name in SCALARS}
    state |= {
        "sector_id": _pk(data.sector),
        "lead_organisation_id": _pk(parsed.lead_organisation),
        "source": provenance.get("source"),
        "source_identifier": provenance.get("source_identifier"),
        "partners": [_pk(o) for o in parsed.partners],
        "tags": _tags(data.tags),
        "links": list(data.links),
        "inspired_by": sorted(case_ids.get(i) or 0 for i in parsed.inspired_by),
    }
    for relation in TERM_RELATIONS:
        state[relation] = sorted(term.pk for term in getattr(data, relation))
    return state


def _stored(case_ids: list[int]) -> dict[int, dict[str, Any]]:
    """What the cases hold now, in the shape of `_wanted`: one query per table."""
    cases = Case.objects.filter(pk__in=ids_in(case_ids))
    states: dict[int, dict[str, Any]] = {row.pop("pk"): row for row in cases.values("pk", *COLUMNS)}
    lists: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for relation in TERM_RELATIONS:
        through = getattr(Case, relation).through.objects.filter(case_id__in=ids_in(case_ids))
        for case_id, term_id in through.values_list("case_id", "term_id"):
            lists[relation][case_id].append(term_id)
    partners = Case.partners.through.objects.filter(case_id__in=ids_in(case_ids)).order_by("pk")
    for case_id, organisation_id in partners.values_list("case_id", "organisation_id"):
        lists["partners"][case_id].append(organisation_id)
    tags = Case.tags.through.objects.filter(case_id__in=ids_in(case_ids))
    for case_id, name in tags.values_list("case_id", "tag__name"):
        lists["tags"][case_id].append(name)
    links = CaseLink.objects.filter(case_id__in=ids_in(case_ids)).order_by("pk")
    for case_id, title, url in links.values_list("case_id", "title", "url"):
        lists["links"][case_id].append((title, url))
    inspirations = Case.inspired_by.through.objects.filter(from_case_id__in=ids_in(case_ids))
    for case_id, other_id in inspirations.values_list("from_case_id", "to_case_id"):
        lists["inspired_by"][case_id].append(other_id)
    for case_id, state in states.items():
        state["partners"] = lists["partners"][case_id]
        state["links"] = lists["links"][case_id]
        state["tags"] = _tags(lists["tags"][case_id])
        for name in ["inspired_by", *TERM_RELATIONS]:
            state[name] = sorted(lists[name][case_id])
    return states


def _same(parsed: ParsedCase, stored: dict[str, Any] | None, case_ids: dict) -> bool:
    if stored is None:
        return False
    wanted = _wanted(parsed, case_ids)
    if parsed.provenance is None:
        # A record without provenance leaves the case's own.
        wanted |= {name: stored[name] for name in ("source", "source_identifier")}
    return wanted == stored


def unchanged_rows(plan: ImportPlan) -> set[int]:
    """The rows of the plan whose case the library has and whose import would change nothing
    in it."""
    assert plan.lookups is not None
    case_ids = plan.lookups.case_ids
    known: dict[int, int] = {}
    for row, parsed in plan.rows:
        pk = case_ids.get(parsed.identifier)
        if pk is not None:
            known[row] = pk
    stored = _stored(list(known.values())) if known else {}
    return {
        row
        for row, parsed in plan.rows
        if row in known and _same(parsed, stored.get(known[row]), case_ids)
    }
