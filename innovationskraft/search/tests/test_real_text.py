"""Search over text as real records write it: invisible characters inside words, definite
forms, compounds split or joined, vocabulary labels in the other language, and long queries
that no case matches word for word."""

import contextlib

import pytest

from innovationskraft.search.backends import Mode
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import ANY_AT_MOST, case_search

pytestmark = pytest.mark.django_db


def found(q: str) -> list[str]:
    results = case_search(filters=CaseFilters(q=q, sort="relevance"))
    return [case.title for case in results.page.object_list]


def test_a_word_written_with_soft_hyphens_is_found_by_the_word(make_case):
    make_case(
        title="Övning med frivilliga",
        summary="Kommunen övar med de frivilliga för\u00adsvars\u00adorganisationerna.",
        status="published",
    )
    assert found("försvarsorganisationer ") == ["Övning med frivilliga"]
    assert found("organisationer ") == ["Övning med frivilliga"], "a part of the compound"


def test_definite_forms_find_the_base_form(make_case):
    make_case(
        title="Skola i glesbygd", summary="En skola med fjärrundervisning.", status="published"
    )
    make_case(title="Smart stad", summary="Sensorer i gatlyktor.", status="published")
    assert found("skolans ") == ["Skola i glesbygd"]
    assert found("smarta städer ") == ["Smart stad"]


def test_two_words_also_find_the_compound_the_library_writes(make_case):
    make_case(
        title="Datadelning mellan myndigheter",
        summary="Uppgifter hämtas i stället för att begäras in.",
        status="published",
    )
    make_case(title="Dela cyklar", summary="Lånecyklar för personalen.", status="published")
    assert found("dela data ") == ["Datadelning mellan myndigheter"]


def test_a_compound_typed_whole_finds_its_parts_written_apart(make_case):
    make_case(
        title="Sjukvård i hemmet",
        summary="Ett team från sjukhuset kommer till patienten.",
        status="published",
    )
    assert found("hemsjukvård ") == ["Sjukvård i hemmet"]


def test_vocabulary_labels_are_found_in_both_languages(make_case, term):
    make_case(
        title="Trygghetskameror",
        summary="Tillsyn på natten via kamera.",
        target_groups=[term("target_group", "older_people")],
        status="published",
    )
    assert found("äldre ") == ["Trygghetskameror"]
    assert found("older people ") == ["Trygghetskameror"]


def test_no_case_with_every_word_shows_those_with_the_most_words_only(make_case):
    make_case(title="Digital signering", summary="Avtal skrivs under digitalt.", status="published")
    for number in range(3):
        make_case(title=f"Digital tjänst {number}", summary="En e-tjänst.", status="published")
    results = case_search(filters=CaseFilters(q="digital signering skolor", sort="relevance"))
    assert results.mode is Mode.ANY
    assert [c.title for c in results.page.object_list] == ["Digital signering"]


def test_the_fallback_to_some_of_the_words_is_capped(make_case):
    for number in range(ANY_AT_MOST + 5):
        make_case(title=f"Cykel {number}", summary="Lånecyklar.", status="published")
    results = case_search(filters=CaseFilters(q="cykel fordonsflotta", sort="relevance"))
    assert results.mode is Mode.ANY
    assert results.total == ANY_AT_MOST


def test_words_undone_by_a_rollback_are_recorded_again():
    from django.db import transaction

    from innovationskraft.search.expansion import words_recorded
    from innovationskraft.search.models import IndexedWord

    def recorded() -> set[str]:
        return set(IndexedWord.objects.values_list("word", flat=True))

    with transaction.atomic():
        words_recorded(terms=["datadeln"], folded=[])
        with contextlib.suppress(RuntimeError), transaction.atomic():
            words_recorded(terms=["cykelban"], folded=[])
            raise RuntimeError("undo the savepoint")
        assert recorded() == {"datadeln"}
        words_recorded(terms=["datadeln", "cykelban"], folded=[])
        assert recorded() == {"datadeln", "cykelban"}


def test_the_fallback_shows_the_best_ranked_of_the_cases_with_the_most_words(
    make_case, monkeypatch
):
    monkeypatch.setattr("innovationskraft.search.selectors.ANY_AT_MOST", 2)
    for number in range(5):  # so that "skola" is a rare word, which bm25 weighs
        make_case(title=f"Bibliotek {number}", summary="Böcker.", status="published")
    make_case(
        title="Parkering",
        summary="Platser för bilar.",
        description="Den ligger nära en skola.",
        status="published",
    )
    make_case(title="Skolor på landet", summary="En skola med få elever.", status="published")
    make_case(title="Bilpool", summary="En skola delar bilar.", status="published")
    results = case_search(filters=CaseFilters(q="skola fordonsflotta", sort="relevance"))
    assert results.mode is Mode.ANY
    assert results.total == 2
    # Best first: the word in the title and summary, then in the summary; in the description
    # only, it is left out.
    titles = [c.title for c in results.page.object_list]
    assert titles == ["Skolor på landet", "Bilpool"]


def test_a_word_still_being_typed_is_completed_with_the_library_words(make_case):
    make_case(title="E-arkiv", summary="Digitaliseringen av arkivet är klar.", status="published")
    make_case(title="Digital skola", summary="Digital undervisning.", status="published")
    assert sorted(found("digital")) == ["Digital skola", "E-arkiv"]
    assert found("digital ") == ["Digital skola"], "a finished word is not completed"
    results = case_search(filters=CaseFilters(q="digitalis", sort="relevance"))
    [case] = results.page.object_list
    assert "<mark>Digitaliseringen</mark>" in case.snippet


def test_completions_are_named_when_few_and_left_to_the_index_when_many(make_case):
    from innovationskraft.search.expansion import COMPLETIONS_AT_MOST, with_completions
    from innovationskraft.search.library import library_version
    from innovationskraft.search.query import parse

    make_case(title="Cykelbana", summary="En ny cykelbana.", status="published")
    few = with_completions(parse("cykel"), version=library_version()).terms[0]
    assert not few.prefix
    assert "cykelban" in few.completions
    words = " ".join(f"cykel{chr(97 + i // 26)}{chr(97 + i % 26)}ko" for i in range(30))
    make_case(title="Många cyklar", summary=words, status="published")
    assert COMPLETIONS_AT_MOST < 30
    many = with_completions(parse("cykel"), version=library_version()).terms[0]
    assert many.prefix
    assert not many.completions
    assert sorted(found("cykel")) == ["Cykelbana", "Många cyklar"]


def test_without_every_word_the_cases_with_all_but_one_are_shown(make_case):
    make_case(title="Skolskjuts med cykel", summary="Elever cyklar.", status="published")
    make_case(
        title="Cykel till bibliotek", summary="Lånecyklar vid biblioteket.", status="published"
    )
    make_case(title="Bibliotek", summary="Böcker och skolskjuts.", status="published")
    make_case(title="Skolskjuts", summary="Bussar på landet.", status="published")
    results = case_search(filters=CaseFilters(q="skolskjuts cykel bibliotek", sort="relevance"))
    assert results.mode is Mode.ANY
    assert sorted(c.title for c in results.page.object_list) == [
        "Bibliotek",
        "Cykel till bibliotek",
        "Skolskjuts med cykel",
    ]


def test_a_long_query_without_a_case_of_every_word_counts_the_words_case_by_case(make_case):
    make_case(title="Bibliotek och skola", summary="Läsning och musik.", status="published")
    make_case(title="Skola", summary="Idrott.", status="published")
    # Six words: the groups of four would be fifteen, so the words are counted one by one.
    results = case_search(
        filters=CaseFilters(q="bibliotek skola läsning musik simhall ishall", sort="relevance")
    )
    assert results.mode is Mode.ANY
    assert [c.title for c in results.page.object_list] == ["Bibliotek och skola"]


def test_a_word_deep_in_a_long_description_gives_the_start_of_the_summary(make_case):
    make_case(
        title="Lång beskrivning",
        summary="Kort sammanfattning om arbetet.",
        description="Inledning. " * 600 + "Här nämns cykelparkering.",
        status="published",
    )
    results = case_search(filters=CaseFilters(q="cykelparkering", sort="relevance"))
    [case] = results.page.object_list
    assert case.snippet == "Kort sammanfattning om arbetet."


def test_the_beginnings_of_compounds_are_read_in_one_query(make_case, django_assert_num_queries):
    from innovationskraft.search.expansion import words_beginning

    make_case(title="Datadelning", summary="Cykelbanor och cykelvägar.", status="published")
    with django_assert_num_queries(1):
        found = words_beginning(["datadel", "cykelv", "cykelb", "skolmat"])
    assert found["datadel"] == ("datadelning",)
    assert found["cykelv"] == ("cykelväg",)
    assert found["cykelb"] == ("cykelban",)
    assert found["skolmat"] == ()
