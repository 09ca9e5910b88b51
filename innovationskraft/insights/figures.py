"""What a figure of the insights holds: bars with their counts, a title, a caption that says
the main finding in words, and where the cases behind each bar are listed."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    code: str = ""
    url: str = ""  # the case list behind the bar, "" when there is none


@dataclass(frozen=True)
class Figure:
    key: str  # its anchor on the page and the name of its CSV download
    title: str
    caption: str
    bars: tuple[Bar, ...]
    total: int  # what the shares are of
    unit: str  # what is counted, for the table's heading ("Cases", "Adoptions")
    map: str = ""  # drawn as a map of this level (maps.py) instead of as bars

    def share(self, bar: Bar) -> float:
        return 100 * bar.count / self.total if self.total else 0.0

    @property
    def rows(self) -> list[tuple[Bar, str]]:
        """Each bar with its share in words, for the table."""
        return [(bar, percent(self.share(bar))) for bar in self.bars]

    @property
    def largest(self) -> int:
        return max((bar.count for bar in self.bars), default=0)

    @property
    def is_empty(self) -> bool:
        return not any(bar.count for bar in self.bars)


def count_text(value: int) -> str:
    """A count as people read it in the language of the page: "12 345" or "12,345"."""
    return number_format(value, force_grouping=True)


def percent(value: float) -> str:
    """A share as people read it in the language of the page: "12,5 %" or "12.5 %"."""
    return _("%(share)s %%") % {"share": number_format(round(value, 1), decimal_pos=1)}


def most_common_caption(bars: list[Bar], total: int, unit: str) -> str:
    """The main finding of a figure whose largest bar is the news."""
    counted = [bar for bar in bars if bar.count]
    if not counted or not total:
        return _("Nothing in this selection.")
    top = max(counted, key=lambda bar: bar.count)
    return _("Most common: %(label)s, %(count)s of %(total)s %(unit)s (%(share)s).") % {
        "label": top.label,
        "count": count_text(top.count),
        "total": count_text(total),
        "unit": unit.lower(),
        "share": percent(100 * top.count / total),
    }
