"""Choropleth maps of Sweden drawn on the server: each municipality or county shaded by a count,
in five classes, over outlines kept in data/sweden.json (see its README for their source).

A page with several municipality maps holds the outlines once (insights/map_outlines.svg) and
each map refers to them, so four maps weigh little more than one."""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from innovationskraft.insights.figures import Figure, count_text

OUTLINES = Path(__file__).parent / "data" / "sweden.json"
MUNICIPALITY = "municipality"
COUNTY = "county"
CLASSES = 5


@dataclass(frozen=True)
class Outline:
    code: str
    name: str
    path: str


@dataclass(frozen=True)
class Outlines:
    width: int
    height: int
    municipalities: tuple[Outline, ...]
    counties: tuple[Outline, ...]

    def of(self, level: str) -> tuple[Outline, ...]:
        return self.municipalities if level == MUNICIPALITY else self.counties


@cache
def sweden() -> Outlines:
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))

    def outlines(layer: str) -> tuple[Outline, ...]:
        return tuple(Outline(code, row["name"], row["path"]) for code, row in data[layer].items())

    return Outlines(data["width"], data["height"], outlines("municipalities"), outlines("counties"))


@dataclass(frozen=True)
class Shade:
    label: str  # the counts it stands for, in words ("3 to 5" with a dash)
    css: str  # the class that colours it


@dataclass(frozen=True)
class Region:
    code: str
    title: str  # its name and count, shown on hover; "" for none (the page stays light)
    css: str


@dataclass(frozen=True)
class DrawnMap:
    level: str
    regions: tuple[Region, ...]
    legend: tuple[Shade, ...]
    width: int
    height: int
    borders: tuple[str, ...] = ()  # the counties outlined over a map of municipalities


def class_limits(counts: list[int]) -> list[int]:
    """The upper limit of each class: quantiles of the counts above zero (each a count that
    occurs), each above the one before; fewer than five classes when the counts are few."""
    above_zero = sorted(c for c in counts if c > 0)
    if not above_zero:
        return []
    quantiles = np.quantile(above_zero, [(i + 1) / CLASSES for i in range(CLASSES)], method="lower")
    limits: list[int] = []
    for value in quantiles:
        limit = int(value)
        if not limits or limit > limits[-1]:
            limits.append(limit)
    return limits


EN_DASH = "\u2013"


def _range_label(low: int, high: int) -> str:
    return count_text(low) if low == high else f"{count_text(low)}{EN_DASH}{count_text(high)}"


def map_of(figure: Figure) -> DrawnMap:
    """The figure's bars (one per region, by its code) as a shaded map."""
    counts = {bar.code: bar.count for bar in figure.bars}
    names = {bar.code: bar.label for bar in figure.bars}
    limits = class_limits(list(counts.values()))
    # Fewer classes take the darker shades, spread out, so that one or two stand out.
    shades = [math.ceil(i * CLASSES / len(limits)) for i in range(1, len(limits) + 1)]
    legend = [Shade(pgettext("map legend", "None"), "shade-0")]
    low = 1
    for shade, high in zip(shades, limits, strict=True):
        legend.append(Shade(_range_label(low, high), f"shade-{shade}"))
        low = high + 1
    regions = []
    for outline in sweden().of(figure.map):
        count = counts.get(outline.code, 0)
        if not count:
            regions.append(Region(outline.code, "", "shade-0"))
            continue
        shade = next(s for s, high in zip(shades, limits, strict=True) if count <= high)
        regions.append(
            Region(
                outline.code,
                f"{names.get(outline.code) or outline.name}: {count_text(count)}",
                f"shade-{shade}",
            )
        )
    outlines = sweden()
    borders = tuple(o.code for o in outlines.counties) if figure.map == MUNICIPALITY else ()
    return DrawnMap(
        figure.map, tuple(regions), tuple(legend), outlines.width, outlines.height, borders
    )


@dataclass(frozen=True)
class AdoptionMap:
    """Where a case has been adopted: the adopting municipalities, and the counties of the
    other adopting organisations (regions, county boards, agencies)."""

    counties: tuple[tuple[Outline, str], ...]  # every county, with its shade
    municipalities: tuple[tuple[Outline, str], ...]  # the adopting ones, with their names
    width: int
    height: int
    caption: str

    @property
    def has_counties(self) -> bool:
        return any(shade != "shade-0" for _outline, shade in self.counties)


def adoption_map(*, municipalities: dict[str, str], county_codes: set[str]) -> AdoptionMap | None:
    """The adopting municipalities (code -> the organisation's name) and the counties of the
    other adopters on a map; None when none of them has a place on it."""
    outlines = sweden()
    adopting = tuple(
        (o, municipalities[o.code]) for o in outlines.municipalities if o.code in municipalities
    )
    counties = {o.code for o in outlines.counties} & county_codes
    if not adopting and not counties:
        return None
    parts = []
    if adopting:
        parts.append(
            ngettext(
                "%(count)s adopting municipality",
                "%(count)s adopting municipalities",
                len(adopting),
            )
            % {"count": count_text(len(adopting))}
        )
    if counties:
        parts.append(
            ngettext(
                "%(count)s county with other adopters",
                "%(count)s counties with other adopters",
                len(counties),
            )
            % {"count": count_text(len(counties))}
        )
    caption = _("On the map: %(parts)s. The list above names every adopter.") % {
        "parts": _(" and ").join(parts)
    }
    return AdoptionMap(
        tuple((o, "shade-2" if o.code in counties else "shade-0") for o in outlines.counties),
        adopting,
        outlines.width,
        outlines.height,
        caption,
    )
