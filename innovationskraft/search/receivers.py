"""The index follows every change to the library, in the writing transaction."""

from django.dispatch import receiver

from innovationskraft.cases.signals import case_changed
from innovationskraft.search.indexing import cases_reindexed
from innovationskraft.search.library import library_changed


@receiver(case_changed, dispatch_uid="search-index")
def index_changed_cases(sender, *, case_ids, snapshot, **kwargs) -> None:
    cases_reindexed(case_ids=case_ids, snapshot=snapshot)
    library_changed()
