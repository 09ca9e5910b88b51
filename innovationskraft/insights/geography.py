"""Where the selected cases are made and adopted: counts per municipality and per county, as
figures that insights draws as maps (maps.py) with their tables and CSV downloads."""

from collections import Counter
from dataclasses import replace

import numpy as np
from django.utils.translation import gettext as _

from innovationskraft.cases.models import Organisation
from innovationskraft.insights.figures import Bar, Figure, count_text
from innovationskraft.insights.maps import COUNTY, MUNICIPALITY, sweden
from innovationskraft.insights.spread import adoptions_of
from innovationskraft.search.columns import LibraryColumns


def _municipalities(ids) -> dict[int, Organisation]:
    """The organisations among the ids that are Swedish municipalities, by id."""
    known = {o.code for o in sweden().municipalities}
    return {
        o.pk: o
        for o in Organisation.objects.filter(
            pk__in=list(ids), kind=Organisation.Kind.MUNICIPALITY, country="SE"
        ).only("pk", "name", "slug", "official_code")
        if o.official_code in known
    }


def _caption(bars: list[Bar], none: str, most: str) -> str:
    if not bars:
        return none
    return most % {
        "name": bars[0].label,
        "count": count_text(bars[0].count),
        "places": count_text(len(bars)),
    }


def cases_by_county(figure: Figure) -> Figure:
    """The lead organisations' counties (the case list's facet) drawn as a map."""
    return replace(figure, map=COUNTY)


def cases_by_municipality(columns: LibraryColumns, positions: np.ndarray, case_list_url) -> Figure:
    """The cases each municipality leads or takes part in, linked to its list of them."""
    counts = columns.organisation_cases(positions)
    municipalities = _municipalities(counts)
    bars = sorted(
        (
            Bar(o.name, counts[pk], o.official_code, case_list_url(organisation=o.slug))
            for pk, o in municipalities.items()
        ),
        key=lambda bar: (-bar.count, bar.label),
    )
    caption = _caption(
        bars,
        _("No municipality leads or takes part in a case of this selection."),
        _(
            "Municipalities that lead or take part: %(places)s; the most cases: %(name)s, "
            "%(count)s."
        ),
    )
    return Figure(
        "municipality",
        _("Municipalities that lead or take part"),
        caption,
        tuple(bars),
        len(positions),
        _("Cases"),
        map=MUNICIPALITY,
    )


def adoptions_on_maps(columns: LibraryColumns, positions: np.ndarray) -> list[Figure]:
    """The adoptions of the selected cases by the adopter's municipality and county."""
    _leads, adopters = adoptions_of(columns, positions)
    per_adopter = Counter(adopters.tolist())
    total = sum(per_adopter.values())
    unit = _("Adoptions")
    municipalities = _municipalities(per_adopter)
    by_municipality = sorted(
        (
            Bar(o.name, per_adopter[pk], o.official_code, o.get_absolute_url())
            for pk, o in municipalities.items()
        ),
        key=lambda bar: (-bar.count, bar.label),
    )
    names = {o.code: o.name for o in sweden().counties}
    per_county: Counter[str] = Counter()
    for pk, county in Organisation.objects.filter(
        pk__in=list(per_adopter), country="SE"
    ).values_list("pk", "county_code"):
        if county in names:
            per_county[county] += per_adopter[pk]
    by_county = sorted(
        (Bar(names[code], n, code) for code, n in per_county.items()),
        key=lambda bar: (-bar.count, bar.label),
    )
    none = _("No case in this selection has been adopted by a Swedish organisation yet.")
    return [
        Figure(
            "adopted_municipality",
            _("Adoptions by the adopting municipality"),
            _caption(
                by_municipality,
                none,
                _(
                    "Municipalities that have adopted: %(places)s; the most adoptions: "
                    "%(name)s, %(count)s."
                ),
            ),
            tuple(by_municipality),
            total,
            unit,
            map=MUNICIPALITY,
        ),
        Figure(
            "adopted_county",
            _("Adoptions by the adopter's county"),
            _caption(
                by_county,
                none,
                _("Counties with adopters: %(places)s; the most adopters: %(name)s, %(count)s."),
            ),
            tuple(by_county),
            total,
            unit,
            map=COUNTY,
        ),
    ]
