"""What the index knows of a case: its texts by weight, read in bulk for many cases at once."""

from collections import defaultdict
from dataclasses import dataclass

from innovationskraft.cases.models import Case, Organisation, Tag, Term
from innovationskraft.cases.names import other_names
from innovationskraft.cases.snapshots import CaseSnapshot
from innovationskraft.core.id_lists import ids_in
from innovationskraft.search.analysis import fold, part_terms, stems, words


@dataclass
class Document:
    """The terms of a case as both backends store them (analysed here, once, in Python)."""

    case_id: int
    language: str
    title: str
    summary: str
    # The description, the own-words texts, tags, organisations, and the vocabulary labels in
    # both languages (each analysed as its language), so "elderly" finds a case for "äldre".
    body: str
    # The terms of the parts of the compounds in the title, summary and names: "vård" in
    # "hemsjukvården". (Those of the description too made the index a third larger and an
    # import on PostgreSQL a fifth slower, for matches that rank low.)
    parts: str
    # The words of the title, summary and names without å, ä and ö, for the fallback.
    folded: str


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
    tags, unconfirmed = links["tags"], snapshot.unconfirmed_partners
    # Only the partners that confirmed: the case is not found by another's name before then.
    partners = {
        case_id: [pk for pk in pks if (case_id, pk) not in unconfirmed]
        for case_id, pks in links["partners"].items()
    }
    terms: dict[int, list[int]] = defaultdict(list)
    for relation in ("barriers", "enablers", "target_groups"):
        for case_id, term_ids in links[relation].items():
            terms[case_id] += term_ids
    organisation_ids = {c["lead_organisation_id"] for c in cases}
    organisation_ids.update(pk for pks in partners.values() for pk in pks)
    # Each organisation by its name and its other names ("SCB", "Statistics Sweden").
    organisation_names = {
        pk: [name, *other_names(aliases)]
        for pk, name, aliases in Organisation.objects.filter(pk__in=organisation_ids).values_list(
            "id", "name", "aliases"
        )
    }
    # Only the tags and terms these cases have: a write of one case read and analysed every
    # label of the vocabularies and every tag of the library.
    tag_ids = {pk for pks in tags.values() for pk in pks}
    tag_names = dict(Tag.objects.filter(pk__in=ids_in(list(tag_ids))).values_list("id", "name"))
    labelled = {pk for pks in terms.values() for pk in pks}
    labelled.update(c["sector_id"] for c in cases if c["sector_id"])
    # A label's terms in its own language, analysed once for all the cases that have it.
    labels = Term.objects.filter(pk__in=ids_in(list(labelled)))
    label_terms = {
        pk: stems(sv, "sv") + stems(en, "en")
        for pk, sv, en in labels.values_list("id", "label_sv", "label_en")
    }
    documents = []
    for case in cases:
        case_id, language = case["id"], case["language"]
        organisation_pks = [case["lead_organisation_id"], *partners.get(case_id, [])]
        names = [tag_names[pk] for pk in tags[case_id]]
        names += [name for pk in organisation_pks for name in organisation_names[pk]]
        term_pks = [*terms[case_id], *filter(None, [case["sector_id"]])]
        texts = ("description", "user_involvement", "barriers_text", "enablers_text")
        body = "\n".join([*(case[name] for name in texts), *names])
        body_terms = stems(body, language)
        for pk in term_pks:
            body_terms += label_terms[pk]
        plain = words(" ".join([case["title"], case["summary"], *names]))
        documents.append(
            Document(
                case_id=case_id,
                language=language,
                title=" ".join(stems(case["title"], language)),
                summary=" ".join(stems(case["summary"], language)),
                body=" ".join(body_terms),
                parts=" ".join(_unique(p for w in plain for p in part_terms(w, language))),
                folded=" ".join(_unique(fold(w) for w in plain)),
            )
        )
    return documents
