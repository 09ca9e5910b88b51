"""The controlled vocabularies every installation has, kept in step with data/vocabularies.json."""

import json

from django.db import transaction

from innovationskraft.cases.models import Term
from innovationskraft.cases.registry import DATA_DIR


def _sync_terms(vocabulary: str, entries: list[dict], parent: Term | None, seen: set) -> None:
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
        _sync_terms(vocabulary, entry.get("children", []), term, seen)


@transaction.atomic
def vocabularies_sync() -> int:
    """Create or update every shipped term; terms added by administrators are left alone."""
    with open(DATA_DIR / "vocabularies.json", encoding="utf-8") as handle:
        data = json.load(handle)
    seen: set[int] = set()
    for vocabulary, entries in data.items():
        _sync_terms(vocabulary, entries, None, seen)
    return len(seen)
