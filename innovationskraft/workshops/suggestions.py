"""Suggests barrier and enabler terms for a text by the stemmed words it shares with them."""

import math

from innovationskraft.cases.models import Term
from innovationskraft.search.analysis import stems
from innovationskraft.workshops.models import TAG_VOCABULARIES, Prompt

VOCABULARIES_OF_KIND: dict[str, tuple[str, ...]] = {
    Prompt.Kind.BARRIER: ("barrier",),
    Prompt.Kind.ENABLER: ("enabler",),
}
AT_MOST = 3
DEFINITION_WEIGHT = 0.25


TermIndex = tuple[tuple[int, str, frozenset[str], frozenset[str]], ...]


def term_index() -> TermIndex:
    """Each tag term's label and definition stems; build once per piece of work."""
    rows = []
    for term in Term.objects.filter(vocabulary__in=TAG_VOCABULARIES):
        label = set(stems(term.label_sv, "sv")) | set(stems(term.label_en, "en"))
        definition = set(stems(term.definition_sv, "sv")) | set(stems(term.definition_en, "en"))
        rows.append((term.pk, term.vocabulary, frozenset(label), frozenset(definition - label)))
    return tuple(rows)


def suggested_term_ids(
    text: str, *, index: TermIndex, kind: str = "", language: str = "sv"
) -> list[int]:
    """The best-matching terms, best first; only terms that share a word of their label."""
    found = set(stems(text, language)) | set(stems(text, "en" if language == "sv" else "sv"))
    vocabularies = VOCABULARIES_OF_KIND.get(kind, TAG_VOCABULARIES)
    scored = []
    for pk, vocabulary, label, definition in index:
        if vocabulary not in vocabularies or not (found & label):
            continue
        score = len(found & label) / math.sqrt(len(label))
        score += DEFINITION_WEIGHT * len(found & definition)
        scored.append((score, pk))
    scored.sort(reverse=True)
    return [pk for _score, pk in scored[:AT_MOST]]
