"""A query's words in the other language, through the Swedish-English dictionary: the words of a
Swedish query find English cases by their words (and the reverse), without the model."""

import pytest

from innovationskraft.search import selectors, translation
from innovationskraft.search.analysis import term
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import case_search
from innovationskraft.search.translation import translated_queries, translations


def holding(*english_words: str):
    """A library that holds the terms of these English words and no others."""
    terms = {term(word, "en") for word in english_words}
    return lambda wanted: wanted & terms


def test_a_word_in_the_dictionary_is_translated_by_its_lemma():
    assert "tuberculosis" in translations("tuberkulos")[0]
    assert "bullying" in translations("mobbningen")[0], "a definite form"


def test_a_compound_is_translated_by_its_parts():
    head, tail = translations("skärmläsaren")
    assert "screen" in head
    assert "reader" in tail


def test_a_compound_the_dictionary_writes_with_a_bar_is_found_written_whole():
    # Listed as "jord|bävning" and "uppslags|verk".
    assert "earthquake" in translations("jordbävning")[0]
    assert "encyclopedia" in translations("uppslagsverk")[0]


def test_a_plural_or_definite_form_the_lemmatiser_lacks_is_found_by_its_base_form():
    assert "earthquake" in translations("jordbävningar")[0]
    assert "agriculture" in translations("jordbrukets")[0]


def test_a_noun_of_an_action_the_dictionary_lacks_is_translated_by_its_verb():
    # Folkets lexikon lists "vräka" (evict), not "vräkning".
    assert "evict" in translations("vräkningar")[0]


def test_the_first_senses_of_all_parts_are_combined_before_a_later_sense_of_one():
    # "examens|bevis": degree, examination + certificate, evidence, proof, testimony.
    senses = ("degree", "examination", "certificate", "evidence", "proof", "testimony")
    found = list(translated_queries(["examensbevis"], holding(*senses)))
    assert found[0] == "degree certificate"
    assert found.index("examination certificate") < found.index("degree proof")


def test_a_compound_of_many_parts_with_many_senses_gives_a_few_combinations(monkeypatch):
    # Twelve senses of each of six parts are three million combinations: not all are ordered.
    parts = tuple(tuple(f"w{part}s{sense}" for sense in range(12)) for part in range(6))
    monkeypatch.setattr(translation, "translations", lambda word: parts)
    found = translation._candidates("lång")
    assert found[0] == " ".join(f"w{part}s0" for part in range(6))
    assert len(found) <= 2 * translation.PHRASES_AT_MOST


def test_a_translated_word_the_library_holds_only_as_a_derived_noun_is_searched_as_that():
    library = holding("map")  # "eviction" is kept whole by the index; "evict" is not held
    beginning = {"evict": ("eviction", "evictionlab")}
    found = list(
        translated_queries(
            ["vräkningar"], library, lambda asked: {a: beginning.get(a, ()) for a in asked}
        )
    )
    assert found == ["eviction"]
    # Without the derived word in the library, nothing is searched.
    assert list(translated_queries(["vräkningar"], library, lambda asked: {})) == []


def test_a_first_part_that_dropped_its_vowel_is_found_with_it():
    head, tail = translations("smittskydd")
    assert "infection" in head, "smitta"
    assert "protection" in tail


def test_a_compound_is_split_where_the_dictionary_knows_both_parts():
    # The index's analysis reads "fram" + "tidsstudier"; the dictionary has "framtid".
    assert translations("framtidsstudier") == (("future",), ("study",))


def test_an_english_word_is_translated_into_swedish():
    assert "bibliotek" in translations("library")[0]


def test_a_word_the_dictionary_lacks_is_tried_as_the_languages_both_spell_it():
    assert "electrification" in translations("elektrifiering")[0]
    assert translations("chatt") == (("chat",),)
    # The library decides: only a spelling it holds is searched.
    assert list(translated_queries(["elektrifiering"], holding("electrification"))) == [
        "electrification"
    ]


def test_a_word_the_dictionary_lacks_in_every_part_has_no_translation():
    assert translations("xyzzyqwerty") == ()


def test_only_the_senses_the_library_holds_are_searched():
    # "fälla" is convict, fell, pitfall, trap, ...: the library decides which it can mean.
    texts = list(translated_queries(["kamerafällor"], holding("camera", "trap")))
    assert texts == ["camera trap"]


def test_a_sense_of_several_words_is_also_tried_closed_up():
    texts = list(translated_queries(["visselblåsare"], holding("whistleblower")))
    assert texts == ["whistleblower"]


def test_a_word_without_translation_is_kept_and_then_left_out_while_two_words_remain():
    library = holding("illegal", "logging", "qwzx")
    texts = list(translated_queries(["olaglig", "skogsavverkning", "qwzx"], library))
    assert texts == ["illegal logging qwzx", "illegal logging"]
    # One translated word alone says too little to search for.
    assert list(translated_queries(["olaglig", "qwzx"], library)) == ["illegal qwzx"]


def test_nothing_is_searched_when_no_word_translates():
    assert list(translated_queries(["qwzx", "xyzzy"], holding("qwzx"))) == []


def titles(q: str) -> list[str]:
    results = case_search(filters=CaseFilters(q=q, sort="relevance"))
    return [case.title for case in results.page.object_list]


@pytest.mark.django_db
def test_a_swedish_query_finds_an_english_case_by_its_translated_words(make_case):
    make_case(
        title="Wildlife monitoring",
        summary="Camera traps photograph animals and a model names the species.",
        language="en",
        status="published",
    )
    make_case(
        title="Kamera i skolan",
        summary="Eleverna filmar sina lektioner.",
        status="published",
    )
    assert titles("kamerafällor") == ["Wildlife monitoring"]


@pytest.mark.django_db
def test_a_swedish_noun_finds_an_english_case_that_writes_the_noun_of_its_translation(make_case):
    # "vräkningar" → "vräka" → "evict", which the case writes as "eviction".
    make_case(
        title="Eviction maps",
        summary="Data on every eviction filed in the city, mapped by district.",
        language="en",
        status="published",
    )
    make_case(title="Kartor över stadsdelar", summary="Kommunen ritar kartor.", status="published")
    assert titles("vräkningar") == ["Eviction maps"]


@pytest.mark.django_db
def test_an_english_query_finds_a_swedish_case_by_its_translated_words(make_case):
    make_case(
        title="Meröppet bibliotek",
        summary="Invånarna lånar böcker på kvällen med sitt lånekort.",
        status="published",
    )
    assert titles("library") == ["Meröppet bibliotek"]


@pytest.mark.django_db
def test_an_exact_phrase_is_not_translated(make_case):
    make_case(
        title="Meröppet bibliotek",
        summary="Ett offentligt bibliotek där invånarna lånar böcker på kvällen.",
        status="published",
    )
    assert titles("public library") == ["Meröppet bibliotek"]
    assert titles('"public library"') == []


@pytest.mark.django_db
def test_the_translation_is_searched_only_when_the_words_as_typed_find_few_cases(
    make_case, monkeypatch
):
    make_case(title="Kamera i skolan", summary="Eleverna filmar lektioner.", status="published")
    make_case(title="Kamera på torget", summary="Kommunen filmar torget.", status="published")
    make_case(
        title="Wildlife monitoring",
        summary="A camera photographs animals.",
        language="en",
        status="published",
    )
    monkeypatch.setattr(selectors, "TRANSLATED_WHEN_FEWER_THAN", 3)
    assert "Wildlife monitoring" in titles("kamera")
    monkeypatch.setattr(selectors, "TRANSLATED_WHEN_FEWER_THAN", 2)
    assert sorted(titles("kamera")) == ["Kamera i skolan", "Kamera på torget"]


def test_the_pages_after_the_fused_head_hold_every_word_match_the_translation_also_found():
    """The fused head takes the translation's first cases; the pages after it go on with the
    word matches that are not among them, however many of those the translation also met."""
    words = list(range(300))  # the word matches, best first

    def lexical(start: int, stop: int) -> list[int]:
        return words[start:stop]

    # The translation found word matches 100 to 199, which the head then holds.
    translated = list(range(selectors.FUSED_FROM_EACH, 2 * selectors.FUSED_FROM_EACH))
    order = selectors._FusedOrder(lexical, [], selectors.LEXICAL_WEIGHT, translated)
    pages = [pk for start in range(0, 300, 20) for pk in order(start, start + 20)]
    assert sorted(pages) == words


@pytest.mark.django_db
def test_a_translation_no_case_holds_whole_finds_the_cases_with_the_most_of_its_words(make_case):
    # "olaglig skogsavverkning" → "illegal logging": no case has both words.
    make_case(
        title="Rainforest guardian",
        summary="Old phones in the trees hear chainsaws and tell rangers of logging.",
        language="en",
        status="published",
    )
    make_case(
        title="Dumping reports",
        summary="Residents report illegal dumping with a photo and a place.",
        language="en",
        status="published",
    )
    make_case(title="Skogens dag", summary="Skolbarn planterar träd.", status="published")
    assert set(titles("olaglig skogsavverkning")) == {"Rainforest guardian", "Dumping reports"}
