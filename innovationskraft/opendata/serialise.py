"""Published cases as records (see `records.py`), fetched a chunk at a time so that an export
of the whole library never holds more than one chunk in memory."""

from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet
from django.urls import reverse

from innovationskraft.cases.models import Case, CaseLink, Organisation, Term
from innovationskraft.opendata.columns import TERM_LIST_FIELDS

CHUNK_SIZE = 1000


def _moment(value) -> str | None:
    return value.isoformat() if value else None


class _Chunk:
    """The relations of a chunk of cases: one query per relation, values only."""

    def __init__(self, case_ids: list[int], terms: dict[int, Term]):
        self.terms = terms
        self.relations = {
            name: self._linked(getattr(Case, name).through, case_ids, "term_id")
            for name in TERM_LIST_FIELDS
        }
        # The partners that confirmed they took part: the public sees no other.
        self.partners = self._pairs(
            Case.partners.through, case_ids, "organisation_id", confirmed=True
        )
        self.tags = self._pairs(Case.tags.through, case_ids, "tag__name")
        self.inspired_by = self._inspirations(case_ids)
        self.links = defaultdict(list)
        for case_id, title, url in (
            CaseLink.objects.filter(case_id__in=case_ids)
            .order_by("id")
            .values_list("case_id", "title", "url")
        ):
            self.links[case_id].append((title, url))
        organisation_ids = {o for ids in self.partners.values() for o in ids}
        self.organisations = Organisation.objects.in_bulk(organisation_ids)

    @staticmethod
    def _inspirations(case_ids) -> dict[int, list[str]]:
        """Identifiers of the published cases each case names as its inspiration. Looked up by
        id with the status checked here: joined with the status, SQLite walks the status index
        through the whole library for every chunk."""
        links = Case.inspired_by.through.objects.filter(from_case_id__in=case_ids)
        pairs = list(links.values_list("from_case_id", "to_case_id"))
        targets = Case.objects.filter(pk__in={to for _from, to in pairs})
        identifiers = {
            pk: identifier
            for pk, identifier, status in targets.values_list("pk", "identifier", "status")
            if status == Case.Status.PUBLISHED
        }
        found = defaultdict(list)
        for from_id, to_id in pairs:
            if to_id in identifiers:
                found[from_id].append(identifiers[to_id])
        for names in found.values():
            names.sort()
        return found

    @staticmethod
    def _pairs(through, case_ids, column, **where) -> dict[int, list]:
        """Per case, in the order its rows were written: partners and tags as they were given
        (see cases/relations.py)."""
        found = defaultdict(list)
        rows = through.objects.filter(case_id__in=case_ids, **where).order_by("pk")
        for case_id, value in rows.values_list("case_id", column):
            found[case_id].append(value)
        return found

    def _linked(self, through, case_ids, column) -> dict[int, list[int]]:
        found = self._pairs(through, case_ids, column)
        # In the vocabulary's order, as the case page shows them.
        if column == "term_id":
            for ids in found.values():
                ids.sort(key=lambda pk: (self.terms[pk].position, pk))
        return found


class _Words:
    """Labels in the active language and the case address, worked out once per export
    rather than once per case (each costs a look at the active language)."""

    def __init__(self, base_url: str):
        self.terms = Term.objects.in_bulk()
        self.labels = {pk: term.label for pk, term in self.terms.items()}
        self.stages = {value: str(label) for value, label in Case.Stage.choices}
        self.facets = {value: str(label) for value, label in Case.Facet.choices} | {"": ""}
        self.evidence = {value: str(label) for value, label in Case.Evidence.choices} | {"": ""}
        marker = "slug-of-the-case"
        self.url = base_url + reverse("cases:detail", args=[marker])
        self.marker = marker

    def case_url(self, slug: str) -> str:
        return self.url.replace(self.marker, slug)


def _record(case: Case, chunk: _Chunk, words: _Words) -> dict:
    sector = words.terms.get(case.sector_id)
    # In the order they were given, which an import of the record writes again.
    partners = [chunk.organisations[pk] for pk in chunk.partners.get(case.pk, [])]
    lead = case.lead_organisation
    record = {
        "identifier": case.identifier,
        "url": words.case_url(case.slug),
        "slug": case.slug,
        "title": case.title,
        "summary": case.summary,
        "description": case.description,
        "language": case.language,
        "lead_organisation": lead.slug,
        "lead_organisation_name": lead.name,
        "lead_organisation_type": lead.kind,
        "lead_organisation_code": lead.official_code,
        "partners": [o.slug for o in partners],
        "partners_names": [o.name for o in partners],
        "partners_types": [o.kind for o in partners],
        "stage": case.stage,
        "stage_label": words.stages[case.stage],
        "start_year": case.start_year,
        "sector": sector.code if sector else None,
        "sector_label": words.labels[sector.pk] if sector else "",
        "facet": case.facet,
        "facet_label": words.facets[case.facet],
        "user_involvement": case.user_involvement,
        "barriers_text": case.barriers_text,
        "enablers_text": case.enablers_text,
        "effects_evaluated": case.effects_evaluated,
        "evidence": case.evidence,
        "evidence_label": words.evidence[case.evidence],
        "evaluation": case.evaluation,
        "tags": chunk.tags.get(case.pk, []),
        "links": [url for _title, url in chunk.links.get(case.pk, [])],
        "links_titles": [title for title, _url in chunk.links.get(case.pk, [])],
        "inspired_by": chunk.inspired_by.get(case.pk, []),
        "source": case.source,
        "source_identifier": case.source_identifier,
        "harvested_at": _moment(case.harvested_at),
        "adoption_count": case.adoption_count,
        "published_at": _moment(case.published_at),
        "updated_at": _moment(case.updated_at),
    }
    for name in TERM_LIST_FIELDS:
        linked = chunk.relations[name].get(case.pk, [])
        record[name] = [words.terms[pk].code for pk in linked]
        record[f"{name}_labels"] = [words.labels[pk] for pk in linked]
    return record


def case_records(cases: QuerySet[Case], *, base_url: str) -> Iterator[dict]:
    """The cases as records in the order of their ids, one chunk at a time."""
    words = _Words(base_url)
    # The ids first, then each chunk by id: a chunk asked for with the filters of `cases`
    # (the status) makes SQLite walk the status index and sort, a second per chunk.
    ids = list(cases.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK_SIZE):
        chunk_ids = ids[start : start + CHUNK_SIZE]
        batch = Case.objects.filter(pk__in=chunk_ids).select_related("lead_organisation")
        chunk = _Chunk(chunk_ids, words.terms)
        for case in batch.order_by("pk"):
            yield _record(case, chunk, words)


def case_record(case: Case, *, base_url: str) -> dict:
    """One case as a record (any status: callers decide who may see it)."""
    [record] = case_records(Case.objects.filter(pk=case.pk), base_url=base_url)
    return record


def records_of(cases: Iterable[Case], *, base_url: str) -> list[dict]:
    """Records of a page of cases, in the page's order, in a few queries."""
    by_id = {
        r["identifier"]: r
        for r in case_records(Case.objects.filter(pk__in=[c.pk for c in cases]), base_url=base_url)
    }
    return [by_id[case.identifier] for case in cases]
