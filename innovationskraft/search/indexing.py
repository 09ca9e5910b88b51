"""Keeps the index equal to the published library: after every `case_changed` inside the
writing transaction (see receivers.py), and in bulk by `rebuild_search_index`."""

from collections.abc import Callable, Iterable

from django.db import transaction

from innovationskraft.cases.models import Case
from innovationskraft.cases.selectors import published_cases
from innovationskraft.cases.snapshots import CaseSnapshot
from innovationskraft.search.backends import get_backend
from innovationskraft.search.documents import Document, documents_for
from innovationskraft.search.expansion import words_recorded
from innovationskraft.search.library import library_changed

BATCH_SIZE = 500


def _indexed(documents: list[Document]) -> None:
    get_backend().upsert(documents)
    terms: set[str] = set()
    folded: set[str] = set()
    for d in documents:
        terms.update(d.title.split(), d.summary.split(), d.body.split())
        folded.update(d.folded.split())
    words_recorded(terms=terms, folded=folded)


def cases_reindexed(*, case_ids: Iterable[int], snapshot: CaseSnapshot | None = None) -> None:
    """Index the published ones among the cases and take the others out of the index."""
    case_ids = list(case_ids)
    backend = get_backend()
    documents = documents_for(case_ids, snapshot=snapshot)
    _indexed(documents)
    backend.remove(sorted(set(case_ids) - {d.case_id for d in documents}))


def index_rebuilt(*, progress: Callable[[int], None] | None = None) -> int:
    """Index every published case again, one batch per transaction, so that the site keeps
    answering from the old entries until each batch is replaced; returns the number indexed."""
    backend = get_backend()
    published = list(
        Case.objects.filter(status=Case.Status.PUBLISHED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(published), BATCH_SIZE):
        batch = published[start : start + BATCH_SIZE]
        with transaction.atomic():
            _indexed(documents_for(batch))
        if progress:
            progress(len(batch))
    with transaction.atomic():
        # Cases that were unpublished or deleted while the index was built from their ids.
        stale = backend.indexed_ids() - set(published_cases().values_list("pk", flat=True))
        backend.remove(sorted(stale))
    backend.optimize()
    library_changed()
    return len(published)
