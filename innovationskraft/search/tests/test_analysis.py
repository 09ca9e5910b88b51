from innovationskraft.search.analysis import (
    compound_parts,
    fold,
    is_only_stop_words,
    part_terms,
    stems,
    words,
)


def test_swedish_inflections_share_a_stem():
    assert stems("hemsjukvården") == stems("hemsjukvård")
    assert stems("återbruket") == stems("återbruk")
    assert stems("kommunerna") == stems("kommun")


def test_english_text_is_stemmed_as_english():
    assert stems("innovations in procurement", "en") == stems("innovation procurement", "en")


def test_the_swedish_letters_are_kept_and_folded_only_on_request():
    assert words("Östersund och Åre") == ["östersund", "och", "åre"]
    assert fold("östersund") == "ostersund"
    assert stems("Östersund") != stems("Ostersund")


def test_function_words_are_dropped_but_words_with_meaning_are_kept():
    assert stems("barn och unga i skolan") == stems("barn unga skolan")
    assert "barn" in stems("barn")
    assert is_only_stop_words("och")
    assert is_only_stop_words("the and")
    assert not is_only_stop_words("vård och omsorg")
    assert not is_only_stop_words("")


def test_hyphenated_and_numbered_words_stay_whole():
    assert words("e-tjänst 1177 verksamt.se") == ["e-tjänst", "1177", "verksamt", "se"]


def test_soft_hyphens_zero_width_and_full_width_characters_do_not_split_words():
    assert stems("för\u00adsvars\u00adorganisationer") == stems("försvarsorganisationer")
    assert words("Ö\u200bstersund") == ["östersund"]
    full_width = "\uff21\uff29\uff0dstöd\uff0ckommun"  # full-width A, I, hyphen and comma
    assert words(full_width) == ["ai-stöd", "kommun"]


def test_definite_and_irregular_forms_meet_their_base_form():
    for form, base in [
        ("skolan", "skola"),
        ("skolans", "skola"),
        ("gatan", "gata"),
        ("kyrkan", "kyrka"),
        ("städer", "stad"),
        ("smarta", "smart"),
    ]:
        assert stems(form) == stems(base), form
    assert stems("libraries", "en") == stems("library", "en")


def test_the_stemmer_does_not_cut_a_known_word_down_to_another():
    assert stems("hemlig") != stems("hem")
    assert stems("möjligheter") == stems("möjlighet")


def test_swedish_compounds_are_split_into_words_of_the_dictionary():
    assert compound_parts("försvarsorganisationer") == ("försvars", "organisationer")
    assert "sjukvård" in part_terms("hemsjukvården")
    assert "vård" in part_terms("hemsjukvården")
    assert compound_parts("information") == ()
    assert compound_parts("tänkande") == ()
    assert part_terms("datadelning", "en") == ()
