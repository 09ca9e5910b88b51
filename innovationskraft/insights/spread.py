"""Who adopts from whom: the adoptions of the selected cases, between the types of organisation
and between the counties of the case's lead organisation and the adopting one."""

import threading
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

from innovationskraft.cases.models import Adoption, Organisation
from innovationskraft.cases.registry import county_names
from innovationskraft.insights.figures import Bar, Figure, count_text
from innovationskraft.search.columns import NONE, LibraryColumns

FLOWS_SHOWN = 12


@dataclass(frozen=True)
class _Adoptions:
    version: str
    positions: np.ndarray  # the adopted case's position in the columns
    adopters: np.ndarray  # the adopting organisation's id


_lock = threading.Lock()
_current: _Adoptions | None = None


def _adoptions(columns: LibraryColumns) -> _Adoptions:
    """Every adoption of a published case, read once per library version like the columns."""
    global _current
    current = _current
    if current is not None and current.version == columns.version:
        return current
    with _lock:
        rows = list(Adoption.objects.values_list("case_id", "organisation_id"))
        cases = np.array([row[0] for row in rows], dtype=np.int64)
        adopters = np.array([row[1] for row in rows], dtype=np.int64)
        known = cases < len(columns.position_of_id)
        positions = np.full(len(cases), NONE, dtype=np.int64)
        positions[known] = columns.position_of_id[cases[known]]
        published = positions != NONE
        _current = _Adoptions(columns.version, positions[published], adopters[published])
        return _current


def _flows(pairs: list[tuple[str, str]], labels: dict[str, str]) -> list[Bar]:
    counted: dict[tuple[str, str], int] = {}
    for pair in pairs:
        counted[pair] = counted.get(pair, 0) + 1
    ordered = sorted(counted.items(), key=lambda item: (-item[1], item[0]))[:FLOWS_SHOWN]
    unknown = _("Unknown")
    return [
        Bar(
            _("%(source)s to %(target)s")
            % {"source": labels.get(source, unknown), "target": labels.get(target, unknown)},
            n,
            f"{source}>{target}",
        )
        for (source, target), n in ordered
    ]


def adoptions_of(columns: LibraryColumns, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the lead organisation, the adopting organisation) of each adoption of the cases at
    the positions."""
    adoptions = _adoptions(columns)
    chosen = np.zeros(columns.size, dtype=bool)
    chosen[positions] = True
    selected = chosen[adoptions.positions] if len(adoptions.positions) else np.zeros(0, bool)
    return columns.organisation[adoptions.positions[selected]], adoptions.adopters[selected]


def adoption_flows(columns: LibraryColumns, positions: np.ndarray) -> list[Figure]:
    """Adoptions of the selected cases: from the lead organisation's type (county) to the
    adopter's."""
    leads, adopters = adoptions_of(columns, positions)
    of = {
        pk: (kind, county)
        for pk, kind, county in Organisation.objects.filter(
            pk__in={*leads.tolist(), *adopters.tolist()}
        ).values_list("id", "kind", "county_code")
    }
    pairs = list(zip(leads.tolist(), adopters.tolist(), strict=True))
    kinds = _flows(
        [(of.get(a, ("", ""))[0], of.get(b, ("", ""))[0]) for a, b in pairs],
        {k: str(label) for k, label in Organisation.Kind.choices},
    )
    counties = _flows(
        [(of.get(a, ("", ""))[1], of.get(b, ("", ""))[1]) for a, b in pairs],
        county_names() | {"": _("No Swedish county")},
    )
    total = len(pairs)
    unit = _("Adoptions")

    def caption(bars: list[Bar]) -> str:
        if not bars:
            return _("No case in this selection has been adopted by another organisation yet.")
        return _("The most common route: %(route)s, %(count)s of %(total)s adoptions.") % {
            "route": bars[0].label,
            "count": count_text(bars[0].count),
            "total": count_text(total),
        }

    return [
        Figure(
            "flow_type",
            _("Who adopts from whom, by type of organisation"),
            caption(kinds),
            tuple(kinds),
            total,
            unit,
        ),
        Figure(
            "flow_county",
            _("Who adopts from whom, by county"),
            caption(counties),
            tuple(counties),
            total,
            unit,
        ),
    ]


def forget_adoptions() -> None:
    """For tests, whose rolled-back data may come back under an earlier version."""
    global _current
    _current = None
