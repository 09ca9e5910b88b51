"""A profile: a score from 0 to 100 per dimension, from one person's answers or the mean of
several profiles; which dimensions are weak; and the profile as a bar chart."""

import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from statistics import fmean

from django.utils.translation import gettext as _

from innovationskraft.insights.charts import (
    BAR_HEIGHT,
    GAP,
    LABEL_CHARACTERS,
    LINE_HEIGHT,
    LONGEST_BAR_PERCENT,
    Chart,
    DrawnBar,
)
from innovationskraft.insights.self_assessment.statements import (
    DIMENSIONS,
    HIGHEST,
    LOWEST,
    Dimension,
)

Answers = Mapping[str, int]
# A dimension below this score is weak; the two lowest are always shown as where to start.
WEAK_BELOW = 50
WEAKEST_SHOWN = 2


@dataclass(frozen=True)
class Profile:
    scores: Mapping[str, float] = field(default_factory=dict)  # dimension code -> 0..100
    respondents: int = 1  # the people behind it

    def score(self, dimension: Dimension) -> int | None:
        value = self.scores.get(dimension.code)
        return None if value is None else round(value)

    def rows(self) -> list[tuple[Dimension, int]]:
        return [(d, score) for d in DIMENSIONS if (score := self.score(d)) is not None]


def profile_of(answers: Answers) -> Profile:
    """The mean answer per dimension, from 1..5 onto 0..100. Codes no statement has (any
    more) are left out, so an old saved answer still gives a profile."""
    scores = {}
    for dimension in DIMENSIONS:
        given = [answers[s.code] for s in dimension.statements if s.code in answers]
        values = [v for v in given if isinstance(v, int) and LOWEST <= v <= HIGHEST]
        if values:
            scores[dimension.code] = 100 * (fmean(values) - LOWEST) / (HIGHEST - LOWEST)
    return Profile(scores)


def mean_profile(profiles: Iterable[Profile]) -> Profile:
    """Each dimension's mean over the profiles that have it; respondents add up."""
    profiles = list(profiles)
    scores = {
        d.code: fmean(values)
        for d in DIMENSIONS
        if (values := [p.scores[d.code] for p in profiles if d.code in p.scores])
    }
    return Profile(scores, sum(p.respondents for p in profiles))


def weak_dimensions(profile: Profile) -> list[Dimension]:
    """Those below WEAK_BELOW, and at least the lowest two, the lowest first."""
    ranked = sorted(profile.rows(), key=lambda row: row[1])
    return [d for n, (d, score) in enumerate(ranked) if score < WEAK_BELOW or n < WEAKEST_SHOWN]


def score_text(score: int) -> str:
    return _("%(score)s of 100") % {"score": score}


def profile_caption(profile: Profile) -> str:
    """The chart's finding in words."""
    rows = profile.rows()
    if not rows:
        return _("No answers yet.")
    high = max(rows, key=lambda row: row[1])
    low = min(rows, key=lambda row: row[1])
    return _("Strongest: %(high)s (%(high_score)s). Weakest: %(low)s (%(low_score)s).") % {
        "high": high[0].title,
        "high_score": score_text(high[1]),
        "low": low[0].title,
        "low_score": score_text(low[1]),
    }


def profile_chart(profile: Profile) -> Chart:
    """Drawn as the insights' figures are (insights/chart.svg): 100 is the longest bar."""
    drawn = []
    y = 0
    for dimension, score in profile.rows():
        lines = []
        for line in textwrap.wrap(str(dimension.title), LABEL_CHARACTERS) or [""]:
            y += LINE_HEIGHT
            lines.append((y - 4, line))
        top = y + 2
        width = round(LONGEST_BAR_PERCENT * score / 100, 2)
        drawn.append(
            DrawnBar(lines, top, width, score_text(score), width + 1.5, top + BAR_HEIGHT - 3)
        )
        y = top + BAR_HEIGHT + GAP
    return Chart(drawn, max(y, 1))
