"""The index follows every change to the library, in the writing transaction; the vectors
follow once it has committed, computed by a task worker (they take far longer than a write)."""

from functools import partial

from django.db import transaction
from django.dispatch import receiver

from innovationskraft.cases.signals import case_changed
from innovationskraft.search.indexing import cases_reindexed
from innovationskraft.search.library import library_changed
from innovationskraft.search.tasks import vectors_update
from innovationskraft.search.vectors import vectors_enabled


@receiver(case_changed, dispatch_uid="search-index")
def index_changed_cases(sender, *, case_ids, snapshot, **kwargs) -> None:
    cases_reindexed(case_ids=case_ids, snapshot=snapshot)
    library_changed()


@receiver(case_changed, dispatch_uid="search-vectors")
def vectors_of_changed_cases(sender, *, case_ids, **kwargs) -> None:
    if vectors_enabled():
        transaction.on_commit(partial(vectors_update.enqueue, list(case_ids)))
