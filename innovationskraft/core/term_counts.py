"""Counts of vocabulary terms that apps above the cases keep (the workshops' contributions
tagged with barriers and enablers), so that insights can set them beside the cases' without
importing a sibling app. An app registers its source in its AppConfig.ready()."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass(frozen=True)
class TermTally:
    """What one source says of one vocabulary."""

    per_term: dict[int, int] = field(default_factory=dict)  # term id -> items tagged with it
    # Top-level term id -> distinct items tagged with it or one of its children.
    per_root: dict[int, int] = field(default_factory=dict)
    total: int = 0  # the items tagged with any term of the vocabulary
    places: int = 0  # where they come from (published reports, say)


@dataclass(frozen=True)
class TermSource:
    key: str  # the figures' keys start with it
    # Lazy translations, read in the language of each page:
    name: str | Promise  # what is counted, plural, as a table's heading ("Contributions")
    origin: str | Promise  # where they are named, for a title ("published workshop reports")
    tally: Callable[[str], TermTally]  # the vocabulary's code -> its counts


_sources: list[TermSource] = []


def term_source_add(source: TermSource) -> None:
    if all(s.key != source.key for s in _sources):
        _sources.append(source)


def term_sources() -> list[TermSource]:
    return list(_sources)
