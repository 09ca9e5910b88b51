"""The library's filters and sorts, as a query string gives them. The filters on case fields
come from the case contract (`cases.contract`, `filter=`); the others narrow on the lead or a
partner organisation."""

import re
from dataclasses import Field, fields, make_dataclass
from typing import Any, ClassVar, TypeAlias

from django.utils.translation import gettext_lazy as _

from innovationskraft.cases import contract

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
# The lead organisation's type and county, and an organisation that leads or takes part.
ORGANISATION_FILTERS = ("org_type", "county", "organisation")
FIELD_FILTERS = tuple(f.filter for f in contract.FILTERED)
FILTER_NAMES = ("q", *FIELD_FILTERS, *ORGANISATION_FILTERS)
# A start year ("2019") or a range of them ("2015-2019").
YEAR = re.compile(r"([0-9]{4})(?:-([0-9]{4}))?")


class _Filters:
    # CaseFilters below is this class made a dataclass with a field per filter. Declared
    # without a value, this changes nothing at run time and tells a type checker so.
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]
    q: str
    sort: str

    @classmethod
    def from_query(cls, query, *, default_sort: str = "newest") -> Any:
        """`default_sort` "relevance" allows ranking by the text query (the search page)."""
        values = {
            f.name: str(query.get(f.name, "") or "").replace("\x00", "").strip()[:100]
            for f in fields(cls)
        }
        if values["sort"] not in {*SORTS, default_sort}:
            values["sort"] = default_sort
        values["year"] = years_value(values["year"])
        return cls(**values)

    def active(self) -> dict[str, str]:
        return {
            name: getattr(self, name)
            for name in FILTER_NAMES
            if name != "q" and getattr(self, name)
        }

    def with_values(self, **values: str) -> Any:
        return type(self)(**({f.name: getattr(self, f.name) for f in fields(self)} | values))


# Made at import from the filter names, so a type checker cannot see its fields: to it, the
# alias is Any.
CaseFilters: TypeAlias = make_dataclass(  # type: ignore[valid-type]
    "CaseFilters",
    [*((name, str, "") for name in FILTER_NAMES), ("sort", str, "newest")],
    bases=(_Filters,),
    kw_only=True,
)
CaseFilters.__module__ = __name__
CaseFilters.__doc__ = "What narrows and orders a list of cases: words, filters and a sort."


def years_value(value: str) -> str:
    """The year filter as written, a range in order ("2019-2015" is "2015-2019", "2019-2019"
    is "2019"), or "" when it is neither a year nor a range."""
    found = YEAR.fullmatch(value.replace("\u2013", "-").replace(" ", ""))
    if not found:
        return ""
    first, last = found.group(1), found.group(2) or found.group(1)
    first, last = min(first, last), max(first, last)
    return first if first == last else f"{first}-{last}"


def years_between(value: str) -> tuple[int, int] | None:
    """The first and last year of the filter's value, or None when it has none."""
    value = years_value(value)
    if not value:
        return None
    first, _sep, last = value.partition("-")
    return int(first), int(last or first)


def term_filter(term) -> dict[str, str]:
    """The filter that lists the cases linked to a vocabulary term, or {} when none does."""
    names = [f.filter for f in contract.FILTERED if f.vocabulary == term.vocabulary]
    return {names[0]: term.code} if names else {}
