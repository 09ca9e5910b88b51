"""The search index rebuilt by a task worker (docs/tasks.md), for `rebuild_search_index
--enqueue`: a rebuild of a large library outlasts any request."""

from django_tasks import task

from innovationskraft.search.indexing import index_rebuilt


@task()
def index_rebuild() -> int:
    """Index every published case again; returns how many were indexed."""
    return index_rebuilt()
