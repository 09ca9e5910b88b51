"""The controlled vocabularies every installation has, kept in step with data/vocabularies.json."""

import json

from django.db import transaction

from innovationskraft.cases.models import Term
from innovationskraft.cases.registry import DATA_DIR
from innovationskraft.cases.services import term_labels_changed

# (vocabulary, code) -> (Swedish label, English label), as the database had them.
Labels = dict[tuple[str, str], tuple[str, str]]


def _sync_terms(
    vocabulary: str, entries: list[dict], parent: Term | None, seen: set, labels_before: Labels
) -> list[Term]:
    """The terms of `entries` created or updated; returns those whose labels changed."""
    relabelled = []
    for position, entry in enumerate(entries):
        term, _created = Term.objects.update_or_create(
            vocabulary=vocabulary,
            code=entry["code"],
            defaults={
                "parent": parent,
                "label_sv": entry["sv"],
                "label_en": entry["en"],
                "definition_sv": entry.get("definition_sv", ""),
                "definition_en": entry.get("definition_en", ""),
                "position": position,
            },
        )
        seen.add(term.pk)
        before = labels_before.get((vocabulary, term.code))
        if before is not None and before != (term.label_sv, term.label_en):
            relabelled.append(term)
        children = entry.get("children", [])
        relabelled += _sync_terms(vocabulary, children, term, seen, labels_before)
    return relabelled


@transaction.atomic
def vocabularies_sync() -> int:
    """Create or update every shipped term; terms added by administrators are left alone. The
    cases of a term whose label a release changed are indexed again with the new label."""
    with open(DATA_DIR / "vocabularies.json", encoding="utf-8") as handle:
        data = json.load(handle)
    labels_before = {
        (vocabulary, code): (sv, en)
        for vocabulary, code, sv, en in Term.objects.values_list(
            "vocabulary", "code", "label_sv", "label_en"
        )
    }
    seen: set[int] = set()
    relabelled = []
    for vocabulary, entries in data.items():
        relabelled += _sync_terms(vocabulary, entries, None, seen, labels_before)
    for term in relabelled:
        term_labels_changed(actor=None, term=term)
    return len(seen)
