"""A figure as a horizontal bar chart in SVG, drawn on the server.

Each bar has its label above it, wrapped to a width that fits a 320-pixel screen, so the chart
never scrolls sideways; the bars' lengths are percentages of the chart's width and the text
keeps its size at any width. The template (insights/chart.svg) draws what this computes."""

import textwrap
from dataclasses import dataclass

from innovationskraft.insights.figures import Bar, Figure, count_text, percent

LINE_HEIGHT = 18  # pixels per line of a label
BAR_HEIGHT = 16
GAP = 10  # below each bar
LABEL_CHARACTERS = 34  # per line, so that a label fits 320 pixels at the site's font size
# The longest bar takes this share of the width; its count follows it.
LONGEST_BAR_PERCENT = 58


@dataclass(frozen=True)
class DrawnBar:
    lines: list[tuple[int, str]]  # (y of the baseline, text)
    y: int  # top of the bar
    width: float  # percent of the chart's width
    value: str  # the count and share, after the bar
    value_x: float  # percent
    value_y: int


@dataclass(frozen=True)
class Chart:
    bars: list[DrawnBar]
    height: int
    bar_height: int = BAR_HEIGHT


def _value(figure: Figure, bar: Bar) -> str:
    return f"{count_text(bar.count)} ({percent(figure.share(bar))})"


def chart_of(figure: Figure) -> Chart:
    drawn = []
    y = 0
    largest = figure.largest or 1
    for bar in figure.bars:
        lines = []
        for line in textwrap.wrap(bar.label, LABEL_CHARACTERS) or [""]:
            y += LINE_HEIGHT
            lines.append((y - 4, line))
        top = y + 2
        width = LONGEST_BAR_PERCENT * bar.count / largest
        drawn.append(
            DrawnBar(
                lines,
                top,
                round(width, 2),
                _value(figure, bar),
                round(width + 1.5, 2),
                top + BAR_HEIGHT - 3,
            )
        )
        y = top + BAR_HEIGHT + GAP
    return Chart(drawn, max(y, 1))
