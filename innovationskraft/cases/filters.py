"""The case list's filters: parsed from the query string, applied to a queryset, and counted."""

import re
from dataclasses import dataclass, fields

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.models import (
    CASE_FIELD_OF_VOCABULARY,
    Case,
    Organisation,
    Term,
    Vocabulary,
)

# Filters whose value is a term code; a parent code also matches its children.
TERM_FILTERS = (Vocabulary.BARRIER, Vocabulary.ENABLER, Vocabulary.TARGET_GROUP)

SORTS = {
    "newest": ("-published_at", "-id"),
    "adopted": ("-adoption_count", "-published_at", "-id"),
    "title": ("title", "id"),
}

SORT_CHOICES = [
    ("newest", _("Newest")),
    ("adopted", _("Most adopted")),
    ("title", _("Title")),
]


@dataclass(kw_only=True)
class CaseFilters:
    q: str = ""
    sector: str = ""
    stage: str = ""
    facet: str = ""
    org_type: str = ""
    county: str = ""
    barrier: str = ""
    enabler: str = ""
    target_group: str = ""
    year: str = ""
    sort: str = "newest"

    @classmethod
    def from_query(cls, query, *, default_sort: str = "newest") -> "CaseFilters":
        """`default_sort` "relevance" allows ranking by the text query (the search page)."""
        values = {
            f.name: query.get(f.name, "").replace("\x00", "").strip()[:100] for f in fields(cls)
        }
        allowed = {*SORTS, default_sort}
        if values["sort"] not in allowed:
            values["sort"] = default_sort
        if not re.fullmatch(r"[0-9]{4}", values["year"]):
            values["year"] = ""
        return cls(**values)

    def active(self) -> dict[str, str]:
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in {"sort"} and getattr(self, f.name)
        }


def term_and_descendants(vocabulary: str, code: str) -> list[int]:
    ids = list(Term.objects.filter(vocabulary=vocabulary, code=code).values_list("id", flat=True))
    children = list(Term.objects.filter(parent_id__in=ids).values_list("id", flat=True))
    return ids + children


def organisation_ids(**lookup) -> list[int]:
    return list(Organisation.objects.filter(**lookup).values_list("id", flat=True))


def apply_filters(queryset: QuerySet[Case], filters: CaseFilters) -> QuerySet[Case]:
    # The words in `filters.q` are matched by the search index (search.selectors).
    if filters.sector:
        sector = Term.objects.filter(vocabulary=Vocabulary.SECTOR, code=filters.sector).first()
        queryset = queryset.filter(sector_id=sector.pk) if sector else queryset.none()
    if filters.stage:
        queryset = queryset.filter(stage=filters.stage)
    if filters.facet:
        queryset = queryset.filter(facet=filters.facet)
    # Organisation filters become id lists: the registry is small, the case table is not.
    if filters.org_type:
        queryset = queryset.filter(lead_organisation_id__in=organisation_ids(kind=filters.org_type))
    if filters.county:
        queryset = queryset.filter(
            lead_organisation_id__in=organisation_ids(county_code=filters.county)
        )
    if filters.year:
        queryset = queryset.filter(start_year=int(filters.year))
    for vocabulary in TERM_FILTERS:
        code = getattr(filters, vocabulary)
        if code:
            term_ids = term_and_descendants(vocabulary, code)
            through = getattr(Case, CASE_FIELD_OF_VOCABULARY[vocabulary]).through
            case_ids = through.objects.filter(term_id__in=term_ids).values("case_id")
            queryset = queryset.filter(pk__in=case_ids)
    return queryset
