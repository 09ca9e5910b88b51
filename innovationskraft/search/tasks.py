"""Search work done by a task worker (docs/tasks.md): the vectors of changed cases, and
`rebuild_search_index --enqueue`, since a rebuild of a large library outlasts any request."""

from django_tasks import task

from innovationskraft.search.indexing import index_rebuilt
from innovationskraft.search.vectors import all_cases_embedded, cases_embedded


@task()
def index_rebuild(with_vectors: bool = True) -> int:
    """Index every published case again, and compute the vectors that are missing or out of
    date; returns how many were indexed."""
    indexed = index_rebuilt()
    if with_vectors:
        all_cases_embedded()
    return indexed


@task()
def vectors_update(case_ids: list[int]) -> int:
    """Compute the vectors of changed cases (a few hundred milliseconds per 10 cases); returns
    how many were computed."""
    return cases_embedded(case_ids=case_ids)
