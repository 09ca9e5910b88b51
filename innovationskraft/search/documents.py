"""What the index knows of a case: its texts by weight, read in bulk for many cases at once."""

from collections import defaultdict
from dataclasses import dataclass

from innovationskraft.cases.models import Case, Organisation, Tag, Term
from innovationskraft.cases.snapshots import CaseSnapshot
from innovationskraft.search.analysis import fold, words

# Compound parts: a long word is also stored from each of its inner positions, so "sjukvård"
# finds "hemsjukvården" and "återbruk" finds "återbruksgalleria" by prefix.
COMPOUND_MIN_WORD = 8
COMPOUND_MIN_PART = 4
COMPOUND_FIRST_SPLIT = 3


@dataclass
class Document:
    case_id: int
    language: str
    title: str
    summary: str
    body: str
    # Lowercase words of the title, summary, tags and organisations, with their compound parts.
    compounds: str
    # The same words without å, ä and ö, for the fallback.
    folded: str


def compound_parts(word: str) -> list[str]:
    parts = [word]
    if len(word) >= COMPOUND_MIN_WORD and "-" not in word:
        last = len(word) - COMPOUND_MIN_PART
        parts += [word[start:] for start in range(COMPOUND_FIRST_SPLIT, last + 1)]
    return parts


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def documents_for(case_ids: list[int], *, snapshot: CaseSnapshot | None = None) -> list[Document]:
    """The documents of the given published cases; the others are skipped. `snapshot`: the
    cases as already read by the writer's signal."""
    # By id alone, the status checked here (the snapshot reads them so): with the status in the
    # query, SQLite walks the status index through every published case.
    snapshot = snapshot or CaseSnapshot(case_ids)
    rows = snapshot.rows
    cases = [
        rows[pk] | {"id": pk}
        for pk in case_ids
        if pk in rows and rows[pk]["status"] == Case.Status.PUBLISHED
    ]
    links = snapshot.links
    partners, tags = links["partners"], links["tags"]
    terms: dict[int, list[int]] = defaultdict(list)
    for relation in ("barriers", "enablers", "target_groups"):
        for case_id, term_ids in links[relation].items():
            terms[case_id] += term_ids
    organisation_ids = {c["lead_organisation_id"] for c in cases}
    organisation_ids.update(pk for pks in partners.values() for pk in pks)
    organisation_names = dict(
        Organisation.objects.filter(pk__in=organisation_ids).values_list("id", "name")
    )
    tag_names = dict(Tag.objects.values_list("id", "name"))
    term_labels = {
        pk: {"sv": sv, "en": en}
        for pk, sv, en in Term.objects.values_list("id", "label_sv", "label_en")
    }
    documents = []
    for case in cases:
        case_id, language = case["id"], case["language"]
        organisation_pks = [case["lead_organisation_id"], *partners[case_id]]
        names = [tag_names[pk] for pk in tags[case_id]]
        names += [organisation_names[pk] for pk in organisation_pks]
        # Vocabulary labels in the case's own language, so a query in that language finds them.
        term_pks = [*terms[case_id], *filter(None, [case["sector_id"]])]
        labels = [term_labels[pk][language] for pk in term_pks]
        texts = ("description", "user_involvement", "barriers_text", "enablers_text")
        body = "\n".join([*(case[name] for name in texts), *labels, *names])
        plain = _unique(words(" ".join([case["title"], case["summary"], *names])))
        documents.append(
            Document(
                case_id=case_id,
                language=language,
                title=case["title"],
                summary=case["summary"],
                body=body,
                compounds=" ".join(_unique(p for w in plain for p in compound_parts(w))),
                folded=" ".join(_unique(fold(w) for w in plain)),
            )
        )
    return documents
