from innovationskraft.search.analysis import fold, is_only_stop_words, stems, words


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
