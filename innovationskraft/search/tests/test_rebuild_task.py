"""Rebuilding the index as a task: `rebuild_search_index --enqueue` leaves it to a worker."""

from dataclasses import replace

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from innovationskraft.cases.models import Case
from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures
    eskilstuna,
    make_case,
    moderator,
)
from innovationskraft.search.backends import get_backend
from innovationskraft.search.tasks import index_rebuild


# Committed for real, so that the worker runs as `manage.py db_worker` does in its own process.
@pytest.mark.django_db(transaction=True)
def test_the_command_queues_the_rebuild_and_a_worker_does_it(make_case, capsys):  # noqa: F811
    case = make_case(title="ReTuna återbruksgalleria", status=Case.Status.PUBLISHED)
    backend = get_backend()
    backend.remove(sorted(backend.indexed_ids()))

    call_command("rebuild_search_index", "--enqueue", "--without-vectors")
    [queued] = DBTaskResult.objects.filter(task_path=index_rebuild.module_path)
    assert str(queued.id) in capsys.readouterr().out, "the command names the task"
    result = index_rebuild.get_result(str(queued.id))
    assert result.status == TaskResultStatus.READY
    assert backend.indexed_ids() == set(), "nothing is indexed by the command itself"

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    result.refresh()
    assert (result.status, result.return_value) == (TaskResultStatus.SUCCESSFUL, 1)
    assert backend.indexed_ids() == {case.pk}


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_on_postgresql_writes_the_index_table_anew(make_case):  # noqa: F811
    from django.db import connection

    from innovationskraft.search.backends.postgresql import TABLE
    from innovationskraft.search.filters import CaseFilters
    from innovationskraft.search.indexing import index_rebuilt
    from innovationskraft.search.selectors import case_search

    if connection.vendor != "postgresql":
        pytest.skip("VACUUM FULL is PostgreSQL's")
    make_case(title="ReTuna återbruksgalleria", status=Case.Status.PUBLISHED)

    def file_of_the_table() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_relation_filenode(%s)", [TABLE])
            return cursor.fetchone()[0]

    before = file_of_the_table()
    assert index_rebuilt() == 1
    # Written anew, compact, rather than the rows replaced in place (twice the pages to read).
    assert file_of_the_table() != before
    results = case_search(filters=CaseFilters(q="återbruk "))
    assert [case.title for case in results.page.object_list] == ["ReTuna återbruksgalleria"]


@pytest.mark.django_db
def test_the_vector_built_in_python_is_the_one_postgresql_joins_from_the_columns():
    from django.db import connection

    from innovationskraft.search.backends.postgresql import _vector
    from innovationskraft.search.documents import Document

    if connection.vendor != "postgresql":
        pytest.skip("the tsvector is PostgreSQL's")
    document = Document(
        case_id=1,
        language="sv",
        title="retun återbruk galleria",
        summary="återbruk i eskilstuna",
        body="",  # an empty column moves no position
        parts="bruk åter " + "bruk " * 300,  # a lexeme keeps 255 positions
        folded="retuna aterbruk",
    )
    columns = [
        (document.title, "A"),
        (document.summary, "B"),
        (document.body, "D"),
        (document.parts, "C"),
    ]
    joined = " || ".join("setweight(to_tsvector('simple', %s), %s)" for _ in columns)
    # The description's positions are written without their letter (D, the default).
    described = replace(document, body="eskilstuna återbruk " + "stad " * 20)
    for doc in (document, described):
        columns = [(doc.title, "A"), (doc.summary, "B"), (doc.body, "D"), (doc.parts, "C")]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT ({joined})::text, %s::tsvector::text",
                [*(value for column in columns for value in column), _vector(doc)],
            )
            by_postgresql, by_python = cursor.fetchone()
        assert by_python == by_postgresql


@pytest.mark.django_db
def test_a_word_too_long_for_postgresql_is_left_out_of_the_index_and_the_rest_is_found(
    make_case,  # noqa: F811
):
    from innovationskraft.search.filters import CaseFilters
    from innovationskraft.search.selectors import case_search

    make_case(
        title="Återbruk med ett mycket långt ord",
        description="ö" * 1500 + " galleria",  # 3,000 bytes: more than a lexeme may hold
        status=Case.Status.PUBLISHED,
    )
    found = case_search(filters=CaseFilters(q="galleria"))
    assert [case.title for case in found.page.object_list] == ["Återbruk med ett mycket långt ord"]
